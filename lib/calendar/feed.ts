import 'server-only';
import { and, eq, isNotNull, sql } from 'drizzle-orm';
import { SessionEnded } from '@/lib/auth/errors';
import { newSecret, secretHash } from '@/lib/auth/secrets';
import { sessions, tasks, users } from '@/lib/db/schema';
import { ownedByCaller, scopedStatement, visibleTask, type Scope } from '@/lib/scope/scope';

/*
 * The calendar feed: a secret address that calendar apps poll without any other credential.
 * The secret names a session of kind `calendar` by its hash, so the feed's statements check it
 * is live as a sign-in's do (lib/scope): turning the feed off, a new address, a password change
 * or the account's deletion ends it at once, and what it lists is what the owner sees now (a
 * project they left is gone from it on the next poll).
 */

/** The feed's session lives until it is turned off or replaced. */
const FEED_LIFETIME = sql`now() + interval '100 years'`;

/**
 * Turns the caller's calendar feed on, or gives it a new address: the old one stops answering.
 * Answers the secret, which is stored only as its hash (this is the one time it is shown).
 */
export async function openCalendarFeed(scope: Scope): Promise<string> {
  const secret = newSecret();
  const hash = secretHash(secret);
  // One statement, the caller's session held: two at once leave one address, the later one's.
  await scope.transaction((tx) =>
    tx
      .insert(sessions)
      .values({ userId: scope.userId, kind: 'calendar', secretHash: hash, expiresAt: FEED_LIFETIME })
      .onConflictDoUpdate({
        target: sessions.userId,
        targetWhere: sql`${sessions.kind} = 'calendar'`,
        set: { secretHash: hash, createdAt: sql`now()`, lastUsedAt: sql`now()` },
      }),
  );
  return secret;
}

const closeStatement = scopedStatement('close_calendar_feed', (db, _shape: Record<never, never>, name) =>
  db
    .delete(sessions)
    .where(and(ownedByCaller(sessions.userId), eq(sessions.kind, 'calendar')))
    .returning({ id: sessions.id })
    .prepare(name),
);

/** Turns the caller's calendar feed off (already off: nothing to do). */
export async function closeCalendarFeed(scope: Scope): Promise<void> {
  await scope.run(closeStatement, {});
}

const isOnStatement = scopedStatement('calendar_feed_is_on', (db, _shape: Record<never, never>, name) =>
  db
    .select({ id: sessions.id })
    .from(sessions)
    .where(and(ownedByCaller(sessions.userId), eq(sessions.kind, 'calendar')))
    .limit(1)
    .prepare(name),
);

/** Whether the caller's calendar feed is on (its address cannot be shown again). */
export async function calendarFeedIsOn(scope: Scope): Promise<boolean> {
  return (await scope.run(isOnStatement, {})).length > 0;
}

export interface CalendarTask {
  id: string;
  title: string;
  description: string | null;
  dueDate: string;
  dueTime: string | null;
  repeatEvery: string | null;
  repeatInterval: number | null;
  updatedAt: Date;
}

// Every open task with a due date the caller sees (their Inbox, their projects): none at all
// once the feed is off.
const eventsStatement = scopedStatement('calendar_events', (db, _shape: Record<never, never>, name) =>
  db
    .select({
      id: tasks.id,
      title: tasks.title,
      description: tasks.description,
      dueDate: sql<string>`${tasks.dueDate}`,
      dueTime: tasks.dueTime,
      repeatEvery: tasks.repeatEvery,
      repeatInterval: tasks.repeatInterval,
      updatedAt: tasks.updatedAt,
    })
    .from(tasks)
    .where(and(visibleTask(), eq(tasks.completed, false), isNotNull(tasks.dueDate)))
    .orderBy(tasks.dueDate, tasks.id)
    .prepare(name),
);

// What the feed's text depends on, without reading its tasks: how many there are, the sum of
// their writers' transaction ids (a write to one, or one coming or going, changes it), and the
// time zone. A row only while the session is live (the caller's user row, by ownedByCaller).
const versionStatement = scopedStatement('calendar_version', (db, _shape: Record<never, never>, name) =>
  db
    .select({
      tasks: sql<string>`(select count(*) || ':' || coalesce(sum(${tasks.changeXid}::text::numeric), 0) from ${tasks}
        where ${and(visibleTask(), eq(tasks.completed, false), isNotNull(tasks.dueDate))})`,
      timeZone: users.timeZone,
    })
    .from(users)
    .where(ownedByCaller(users.id))
    .prepare(name),
);

/**
 * The version of the caller's calendar, for its ETag (it changes with any change to what the
 * feed lists), and the account's time zone the feed is written in. `SessionEnded` once the
 * feed's session has ended.
 */
export async function calendarVersion(scope: Scope): Promise<{ version: string; timeZone: string }> {
  const [row] = await scope.run(versionStatement, {});
  if (!row) throw new SessionEnded();
  return { version: `${row.tasks}:${row.timeZone}`, timeZone: row.timeZone };
}

/** The tasks of the caller's calendar feed, in date order. */
export async function calendarTasks(scope: Scope): Promise<CalendarTask[]> {
  return scope.run(eventsStatement, {});
}
