import 'server-only';
import { and, desc, eq, gt, lt, sql } from 'drizzle-orm';
import { after } from 'next/server';
import type { Caller } from '@/lib/auth/caller';
import { SessionEnded, SessionNotFound } from '@/lib/auth/errors';
import { callerValues, ownedByCaller } from '@/lib/auth/scope';
import { ACCESS_TOKEN_TTL_SECONDS, BROWSER_SESSION_TTL_SECONDS } from '@/lib/auth/tokens';
import { getDb, type Executor } from '@/lib/db';
import { describeDatabaseError } from '@/lib/db/errors';
import { preparedStatement, statementKind } from '@/lib/db/prepared';
import { sessions, type Session } from '@/lib/db/schema';

// Sessions: one row per sign-in, named by the `sid` of its cookie or token. Whether a request's
// session is live is asked by the request's own statements (lib/auth/scope.ts); this module
// opens, lists and ends them, and keeps `last_used_at` roughly current.

export type SessionKind = Session['kind'];

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
    .where(and(eq(sessions.id, sql.placeholder('sessionId')), gt(sessions.expiresAt, sql`now()`), lt(sessions.lastUsedAt, sql`now() - interval '5 minutes'`)))
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

// ---- The caller's sessions ----

export interface SessionListItem {
  id: string;
  kind: SessionKind;
  createdAt: Date;
  lastUsedAt: Date;
  userAgent: string | null;
  current: boolean;
}

const listStatement = statementKind('list_sessions', (db, _shape: Record<never, never>, name) =>
  db
    .select({ id: sessions.id, kind: sessions.kind, createdAt: sessions.createdAt, lastUsedAt: sessions.lastUsedAt, userAgent: sessions.userAgent })
    .from(sessions)
    .where(and(ownedByCaller(sessions.userId), gt(sessions.expiresAt, sql`now()`)))
    .orderBy(desc(sessions.createdAt), desc(sessions.id))
    .prepare(name),
);

/** The caller's live sessions, newest first; the caller's own is `current`. */
export async function listSessions(caller: Caller): Promise<SessionListItem[]> {
  const rows = await preparedStatement(await getDb(), listStatement, {}).execute(callerValues(caller));
  // The caller's own session is always among them while it is live.
  if (!rows.length) throw new SessionEnded();
  return rows.map((row) => ({ ...row, current: row.id === caller.sessionId }));
}

const endOneStatement = statementKind('end_session', (db, _shape: Record<never, never>, name) =>
  db
    .delete(sessions)
    .where(and(eq(sessions.id, sql.placeholder('id')), ownedByCaller(sessions.userId)))
    .returning({ id: sessions.id })
    .prepare(name),
);

/** Signs out one of the caller's sessions (the caller's own too); another user's is `SessionNotFound`. */
export async function endSession(caller: Caller, id: string): Promise<void> {
  const ended = await preparedStatement(await getDb(), endOneStatement, {}).execute({ ...callerValues(caller), id });
  if (!ended.length) throw new SessionNotFound();
}

const endAllStatement = statementKind('end_all_sessions', (db, _shape: Record<never, never>, name) =>
  db.delete(sessions).where(ownedByCaller(sessions.userId)).returning({ id: sessions.id }).prepare(name),
);

/** Signs out every session of the caller's, the caller's own included. */
export async function endAllSessions(caller: Caller): Promise<void> {
  const ended = await preparedStatement(await getDb(), endAllStatement, {}).execute(callerValues(caller));
  if (!ended.length) throw new SessionEnded();
}

/** Ends a session by its id alone: for a sign-out, whose cookie next-auth has already verified. */
export async function endSessionById(sessionId: string, executor?: Executor): Promise<void> {
  const db = executor ?? (await getDb());
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}
