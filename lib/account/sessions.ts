import 'server-only';
import { and, desc, eq, gt, inArray, sql } from 'drizzle-orm';
import { SessionEnded, SessionNotFound } from '@/lib/auth/errors';
import type { SessionKind } from '@/lib/auth/sessions';
import { sessions } from '@/lib/db/schema';
import { ownedByCaller, scopedStatement, type Scope } from '@/lib/scope/scope';

// The caller's own sessions: where they are signed in, and signing one or all of them out. The
// calendar feed's session and personal access tokens are not sign-ins: each is ended where it is
// made (lib/calendar, lib/account/tokens.ts).


export interface SessionListItem {
  id: string;
  kind: SessionKind;
  createdAt: Date;
  lastUsedAt: Date;
  userAgent: string | null;
  current: boolean;
}

const signIn = inArray(sessions.kind, ['browser', 'token']);

const listStatement = scopedStatement('list_sessions', (db, _shape: Record<never, never>, name) =>
  db
    .select({ id: sessions.id, kind: sessions.kind, createdAt: sessions.createdAt, lastUsedAt: sessions.lastUsedAt, userAgent: sessions.userAgent })
    .from(sessions)
    .where(and(ownedByCaller(sessions.userId), signIn, gt(sessions.expiresAt, sql`now()`)))
    .orderBy(desc(sessions.createdAt), desc(sessions.id))
    .prepare(name),
);

/** The caller's live sessions, newest first; the caller's own is `current`. */
export async function listSessions(scope: Scope): Promise<SessionListItem[]> {
  const rows = await scope.run(listStatement, {});
  // The caller's own session is always among them while it is live.
  if (!rows.length) throw new SessionEnded();
  // A sign-in's last_used_at is never null (drizzle/0018: only a personal token's may be).
  return rows.map((row) => ({ ...row, kind: row.kind as SessionKind, lastUsedAt: row.lastUsedAt!, current: row.id === scope.values.sessionId }));
}

const endOneStatement = scopedStatement('end_session', (db, _shape: Record<never, never>, name) =>
  db
    .delete(sessions)
    .where(and(eq(sessions.id, sql.placeholder('id')), signIn, ownedByCaller(sessions.userId)))
    .returning({ id: sessions.id })
    .prepare(name),
);

/** Signs out one of the caller's sessions (the caller's own too); another user's is `SessionNotFound`. */
export async function endSession(scope: Scope, id: string): Promise<void> {
  const ended = await scope.run(endOneStatement, {}, { id });
  if (!ended.length) throw new SessionNotFound();
}

const endAllStatement = scopedStatement('end_all_sessions', (db, _shape: Record<never, never>, name) =>
  db.delete(sessions).where(and(ownedByCaller(sessions.userId), signIn)).returning({ id: sessions.id }).prepare(name),
);

/** Signs out every session of the caller's, the caller's own included. */
export async function endAllSessions(scope: Scope): Promise<void> {
  const ended = await scope.run(endAllStatement, {});
  if (!ended.length) throw new SessionEnded();
}

