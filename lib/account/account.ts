import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { signInWithPassword, type Account, type PublicUser } from '@/lib/auth/credentials';
import { SessionEnded, SignInLockedOut } from '@/lib/auth/errors';
import { hashPassword } from '@/lib/auth/passwords';
import { openSession } from '@/lib/auth/sessions';
import { loginFailures, sessions, users } from '@/lib/db/schema';
import { WrongPassword } from '@/lib/account/errors';
import type { PasswordChange } from '@/lib/account/schemas';
import { ownedByCaller, scopedStatement, type Scope } from '@/lib/scope/scope';

// The caller's own account: read it, rename it, change its password, delete it. Every statement
// checks the caller's session (lib/scope/scope.ts).

export type { Account };

const accountColumns = { id: users.id, email: users.email, name: users.name, timeZone: users.timeZone, createdAt: users.createdAt };

const selectAccount = scopedStatement('get_account', (db, _shape: Record<never, never>, name) =>
  db.select(accountColumns).from(users).where(ownedByCaller(users.id)).limit(1).prepare(name),
);

/** The caller's account; `SessionEnded` once the session is revoked. */
export async function getAccount(scope: Scope): Promise<Account> {
  const [account] = await scope.run(selectAccount, {});
  if (!account) throw new SessionEnded();
  return account;
}

// A field left out keeps its value (coalesce of a null placeholder); a name of null clears it.
const updateStatement = scopedStatement('update_account', (db, _shape: Record<never, never>, name) =>
  db
    .update(users)
    .set({
      name: sql`case when ${sql.placeholder('setName')}::boolean then ${sql.placeholder('name')}::text else ${users.name} end`,
      timeZone: sql`coalesce(${sql.placeholder('timeZone')}::text, ${users.timeZone})`,
    })
    .where(ownedByCaller(users.id))
    .returning(accountColumns)
    .prepare(name),
);

/** Changes the caller's display name (null or blank clears it) and time zone; a field left out stays. */
export async function updateAccount(scope: Scope, change: { name?: string | null; timeZone?: string }): Promise<Account> {
  const [account] = await scope.run(updateStatement, {}, { setName: change.name !== undefined, name: change.name || null, timeZone: change.timeZone ?? null });
  if (!account) throw new SessionEnded();
  return account;
}

/**
 * Checks a password the caller typed to confirm a change, as a sign-in of the caller's email:
 * within the same brute-force limit (`SignInLockedOut`), and a wrong one counts as a failure
 * (`WrongPassword` naming `field`).
 */
async function confirmPassword(scope: Scope, password: string, field: string, address: string): Promise<Account> {
  const account = await getAccount(scope);
  const result = await signInWithPassword({ email: account.email, password }, address);
  if (result.outcome === 'locked') throw new SignInLockedOut(result.retryAfterSeconds);
  if (result.outcome === 'wrong-credentials') throw new WrongPassword(field);
  return account;
}

/** Where a password change leaves the caller: the new sessions that replace the caller's. */
export interface PasswordChanged {
  user: PublicUser;
  /** A token session, for the token of the response body. */
  tokenSessionId: string;
  /** A browser session, when the caller signed in with the cookie: its fresh cookie. */
  browserSessionId?: string;
}

/**
 * Changes the caller's password and signs out every session of the account, the caller's own
 * included: the caller continues with new sessions (a token, and for a browser a new cookie),
 * so no credential issued under the old password outlives it. One transaction: a failure
 * leaves the old password and every session as they were.
 */
export async function changePassword(
  scope: Scope,
  change: PasswordChange,
  { browser, userAgent, address }: { browser: boolean; userAgent: string | null; address: string },
): Promise<PasswordChanged> {
  const account = await confirmPassword(scope, change.current_password, 'current_password', address);
  const passwordHash = await hashPassword(change.new_password);
  return scope.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, scope.userId));
    await tx.delete(sessions).where(eq(sessions.userId, scope.userId));
    const token = await openSession(scope.userId, 'token', userAgent, tx);
    const cookie = browser ? await openSession(scope.userId, 'browser', userAgent, tx) : undefined;
    return {
      user: { id: account.id, email: account.email, name: account.name },
      tokenSessionId: token.id,
      browserSessionId: cookie?.id,
    };
  });
}

/**
 * Deletes the caller's account after checking its password: the user and everything of theirs
 * (tasks, sessions, idempotency keys go with the user's row by their foreign keys; the failed
 * sign-ins of its email by name), in one transaction. The email can sign up again at once.
 */
export async function deleteAccount(scope: Scope, password: string, address: string): Promise<void> {
  const account = await confirmPassword(scope, password, 'password', address);
  await scope.transaction(async (tx) => {
    await tx.delete(users).where(eq(users.id, scope.userId));
    await tx.delete(loginFailures).where(eq(loginFailures.email, account.email));
  });
}
