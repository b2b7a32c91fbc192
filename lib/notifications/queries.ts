import 'server-only';
import { and, desc, inArray, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { notifications, type Notification } from '@/lib/db/schema';
import type { MarkReadInput, NotificationsOptions } from '@/lib/notifications/schemas';
import { ownedByCaller, scopedStatement, type Scope } from '@/lib/scope/scope';
import { decodeCursor, encodeCursor } from '@/lib/tasks/cursor';
import { InvalidCursor } from '@/lib/tasks/errors';

// The caller's notifications: newest first, keyset-paged on (created_at, id), like the task list.
// The scheduler (lib/reminders) and drizzle/0015's triggers write them; the caller reads them and
// marks them read.

const placeholder = sql.placeholder;

type Filter = 'all' | 'unread' | 'read';
type ListShape = { filter: Filter; after: boolean };

const filterOf = (unread: boolean | undefined): Filter => (unread === undefined ? 'all' : unread ? 'unread' : 'read');

function readFilter(filter: Filter): SQL | undefined {
  if (filter === 'all') return undefined;
  return filter === 'unread' ? isNull(notifications.readAt) : isNotNull(notifications.readAt);
}

const listStatement = scopedStatement('list_notifications', (db, shape: ListShape, name) =>
  db
    .select()
    .from(notifications)
    .where(
      and(
        ownedByCaller(notifications.userId),
        readFilter(shape.filter),
        shape.after ? sql`(${notifications.createdAt}, ${notifications.id}) < (${placeholder('createdAt')}::timestamptz, ${placeholder('id')}::uuid)` : undefined,
      ),
    )
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(placeholder('limit'))
    .prepare(name),
);

const countStatement = scopedStatement(
  'count_notifications',
  (db, shape: { filter: Filter }, name) =>
    db
      .select({ total: sql<number>`count(*)`.mapWith(Number) })
      .from(notifications)
      .where(and(ownedByCaller(notifications.userId), readFilter(shape.filter)))
      .prepare(name),
  { aggregate: true },
);

// `f`: the filter it was made for; a cursor of another one is refused.
const CursorPosition = z.object({ c: z.iso.datetime(), i: z.uuid(), f: z.union([z.boolean(), z.null()]), u: z.uuid() });

export interface NotificationPage {
  notifications: Notification[];
  total: number;
  nextCursor: string | undefined;
}

/** A page of the caller's notifications, newest first, and how many match the filter. */
export async function listNotifications(scope: Scope, options: NotificationsOptions): Promise<NotificationPage> {
  let after: { createdAt: string; id: string } | undefined;
  if (options.cursor !== undefined) {
    const position = CursorPosition.safeParse(decodeCursor(options.cursor));
    if (!position.success || position.data.u !== scope.userId || position.data.f !== (options.unread ?? null)) throw new InvalidCursor();
    after = { createdAt: position.data.c, id: position.data.i };
  }
  // One more than the page says whether another follows.
  const [rows, [count]] = await Promise.all([
    scope.run(listStatement, { filter: filterOf(options.unread), after: Boolean(after) }, { limit: options.limit + 1, ...after }),
    scope.run(countStatement, { filter: filterOf(options.unread) }),
  ]);
  const page = rows.slice(0, options.limit);
  const last = page.at(-1);
  const nextCursor =
    rows.length > options.limit && last ? encodeCursor({ c: last.createdAt.toISOString(), i: last.id, f: options.unread ?? null, u: scope.userId }) : undefined;
  return { notifications: page, total: count?.total ?? 0, nextCursor };
}

const markStatement = scopedStatement('mark_notifications_read', (db, shape: { all: boolean }, name) =>
  db
    .update(notifications)
    // A new change_xid: the event streams tell the person's other tabs and devices (their bell's count).
    .set({ readAt: sql`now()`, changeXid: sql`pg_current_xact_id()` })
    .where(
      and(
        ownedByCaller(notifications.userId),
        isNull(notifications.readAt),
        shape.all ? undefined : inArray(notifications.id, sql`(select unnest(${placeholder('ids')}::uuid[]))`),
      ),
    )
    .returning({ id: notifications.id })
    .prepare(name),
);

/** Marks the named notifications (or all) of the caller read; how many were unread. */
export async function markNotificationsRead(scope: Scope, input: MarkReadInput): Promise<number> {
  const all = 'all' in input;
  const rows = await scope.run(markStatement, { all }, all ? {} : { ids: `{${input.ids.join(',')}}` });
  return rows.length;
}

