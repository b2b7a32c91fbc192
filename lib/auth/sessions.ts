import 'server-only';
import { and, eq, gt, isNull, lt, or, sql } from 'drizzle-orm';
import { after } from 'next/server';
import type { Caller } from '@/lib/auth/caller';
import { ACCESS_TOKEN_TTL_SECONDS, BROWSER_SESSION_TTL_SECONDS } from '@/lib/auth/tokens';
import { getDb, type Executor } from '@/lib/db';
import { describeDatabaseError } from '@/lib/db/errors';
import { preparedStatement, statementKind } from '@/lib/db/prepared';
import { sessions, type Session } from '@/lib/db/schema';

// Sessions: one row per sign-in, named by the `sid` of its cookie or token. Whether a request's
// session is live is asked by the request's own statements (lib/scope/scope.ts); this module
// opens and ends them, and keeps `last_used_at` roughly current (the caller's own list of them
// is lib/account/sessions.ts).

/** A sign-in's kind (a calendar feed's and a personal token's sessions are opened with their secrets, by lib/calendar and lib/account/tokens.ts). */
export type SessionKind = Exclude<Session['kind'], 'calendar' | 'personal'>;

const TTL_SECONDS: Record<SessionKind, number> = { browser: BROWSER_SESSION_TTL_SECONDS, token: ACCESS_TOKEN_TTL_SECONDS };

/** Longer user agents are cut: the column's CHECK allows 500 characters. */
const USER_AGENT_MAX = 500;

/** A new session of `userId`, for a sign-in that just succeeded. */
export async function openSession(userId: string, kind: SessionKind, userAgent: string | null, executor?: Executor): Promise<{ id: string }> {
  const db = executor ?? (await getDb());
  const [session] = await db
    .insert(sessions)
    .values({
      userId,
      kind,
      userAgent: userAgent ? Array.from(userAgent).slice(0, USER_AGENT_MAX).join('') : null,
      expiresAt: sql`now() + make_interval(secs => ${TTL_SECONDS[kind]})`,
    })
    .returning({ id: sessions.id });
  return session!;
}

// ---- last_used_at: at most one write per session every 5 minutes, off the request's path ----

const TOUCH_EVERY_MS = 5 * 60 * 1000;
const touched = new Map<string, number>();

const touchStatement = statementKind('touch_session', (db, _shape: Record<never, never>, name) =>
  db
    .update(sessions)
    .set({
      lastUsedAt: sql`now()`,
      // A browser session lives 30 days from its last use, as next-auth's cookie does.
      expiresAt: sql`case when ${sessions.kind} = 'browser' then greatest(${sessions.expiresAt}, now() + make_interval(secs => ${BROWSER_SESSION_TTL_SECONDS})) else ${sessions.expiresAt} end`,
    })
    // A personal token's is null until its first use.
    .where(and(eq(sessions.id, sql.placeholder('sessionId')), gt(sessions.expiresAt, sql`now()`), or(isNull(sessions.lastUsedAt), lt(sessions.lastUsedAt, sql`now() - interval '5 minutes'`))))
    .prepare(name),
);

async function touch(sessionId: string): Promise<void> {
  try {
    await preparedStatement(await getDb(), touchStatement, {}).execute({ sessionId });
  } catch (err) {
    // A missed touch only makes `last_used_at` older; the request it followed succeeded.
    console.warn(`[sessions] could not record a session's use: ${describeDatabaseError(err)}`);
  }
}

/**
 * Records that the caller's session was used. Each instance writes at most once per session
 * every 5 minutes (the statement skips a row another instance touched meanwhile), after the
 * response is sent: task requests pay no round trip for it. Outside a request (scripts, tests
 * calling handlers directly) it runs at once.
 */
export async function recordSessionUse(caller: Caller): Promise<void> {
  const now = Date.now();
  if (now - (touched.get(caller.sessionId) ?? 0) < TOUCH_EVERY_MS) return;
  // Forgetting everything now and then bounds the map; the cost is one more touch per session.
  if (touched.size >= 10_000) touched.clear();
  touched.set(caller.sessionId, now);
  try {
    after(() => touch(caller.sessionId));
  } catch {
    await touch(caller.sessionId);
  }
}

/**
 * Whether the sign-in `sessionId` of `userId` is still live (not signed out, revoked, expired,
 * nor gone with its account): for the browser's cookie, which next-auth checks on its own.
 */
export async function isSessionLive(userId: string, sessionId: string): Promise<boolean> {
  const db = await getDb();
  const [live] = await db
    .select({ id: sessions.id })
    .from(sessions)
    .where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId), gt(sessions.expiresAt, sql`now()`)))
    .limit(1);
  return Boolean(live);
}

/** Ends a session by its id alone: for a sign-out, whose cookie next-auth has already verified. */
export async function endSessionById(sessionId: string, executor?: Executor): Promise<void> {
  const db = executor ?? (await getDb());
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}
