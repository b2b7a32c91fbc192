import 'server-only';
import { and, eq, gt, sql, type Column, type Placeholder } from 'drizzle-orm';
import type { Caller } from '@/lib/auth/caller';
import { sessions } from '@/lib/db/schema';

// The caller's scope, folded into every statement that reads or writes a user's rows (tasks,
// labels, the account…): its predicate, and the values that fill its placeholders. The caller's
// session is checked here, inside each statement, so a revoked session (its row deleted, on any
// instance) is refused by its very next statement without a round trip of its own.

type CallerParams = Record<'userId' | 'sessionId', Placeholder | string>;

const placeholders: CallerParams = { userId: sql.placeholder('userId'), sessionId: sql.placeholder('sessionId') };

const liveSession = ({ userId, sessionId }: CallerParams) =>
  and(eq(sessions.id, sessionId), eq(sessions.userId, userId), gt(sessions.expiresAt, sql`now()`))!;

const owned = (userIdColumn: Column, params: CallerParams) =>
  and(eq(userIdColumn, params.userId), sql`exists (select 1 from ${sessions} where ${liveSession(params)})`)!;

/** `where` predicate on `sessions`: the caller's session, still live. */
export const liveCallerSession = () => liveSession(placeholders);

/** `where` predicate: the row belongs to the caller, whose session is live. */
export const ownedByCaller = (userIdColumn: Column) => owned(userIdColumn, placeholders);

/** `ownedByCaller` with the caller's values bound in, for a statement that is not prepared. */
export const ownedBy = (caller: Caller, userIdColumn: Column) => owned(userIdColumn, callerValues(caller));

/**
 * The owner of a row an insert creates: the caller's id while the session is live, else null,
 * which the NOT NULL `user_id` refuses, so nothing is stored (lib/http/errors.ts answers `401`).
 */
export const callerAsOwner = () => sql`(select ${sessions.userId} from ${sessions} where ${liveCallerSession()})`;

/** The values of the placeholders above. */
export const callerValues = (caller: Caller) => ({ userId: caller.userId, sessionId: caller.sessionId });
