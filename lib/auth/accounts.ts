import 'server-only';
import { eq, sql } from 'drizzle-orm';
import type { Caller } from '@/lib/auth/caller';
import { EmailTaken, HashingBusy, SessionEnded, SignInLockedOut, TooManyFromAddress, WrongPassword } from '@/lib/auth/errors';
import { currentAddressRefusal, giveBack, takeAddressAttempt } from '@/lib/auth/address-limit';
import { getDb } from '@/lib/db';
import { sqlState } from '@/lib/db/errors';
import { preparedStatement, statementKind } from '@/lib/db/prepared';
import { loginFailures, sessions, users } from '@/lib/db/schema';
import { beginLoginAttempt, clearLoginFailures, currentLockout } from '@/lib/auth/login-limit';
import { hashingSaturated, hashPassword, verifyPassword } from '@/lib/auth/passwords';
import type { Credentials, PasswordChange, SignupInput } from '@/lib/auth/schemas';
import { callerValues, ownedBy, ownedByCaller } from '@/lib/auth/scope';
import { openSession } from '@/lib/auth/sessions';

/** What the app may show of a user: never the password hash. */
export interface PublicUser {
  id: string;
  email: string;
  name: string | null;
}

export interface Account extends PublicUser {
  createdAt: Date;
}

const publicColumns = { id: users.id, email: users.email, name: users.name };

const UNIQUE_VIOLATION = '23505';

/**
 * Creates an account from a validated signup; `EmailTaken` when the email has one, in any
 * casing. Every signup counts against the client address's hourly limit, a taken email too (or
 * the `409` would probe for accounts without end): `TooManyFromAddress` past it.
 */
export async function createAccount(input: SignupInput, address: string): Promise<Account> {
  const allowance = await takeAddressAttempt('signup', address);
  if (!allowance.allowed) throw new TooManyFromAddress(allowance.retryAfterSeconds, 'signups');
  const passwordHash = await hashPassword(input.password);
  const db = await getDb();
  try {
    const [account] = await db
      .insert(users)
      // A blank name is no name.
      .values({ email: input.email, name: input.name || null, passwordHash })
      .returning({ ...publicColumns, createdAt: users.createdAt });
    return account!;
  } catch (err) {
    // The unique index decides, not a lookup first: two concurrent signups cannot both win.
    if (sqlState(err) === UNIQUE_VIOLATION) throw new EmailTaken();
    throw err;
  }
}

export type SignInResult =
  | { outcome: 'signed-in'; user: PublicUser }
  | { outcome: 'wrong-credentials' }
  | { outcome: 'locked'; retryAfterSeconds: number }
  | { outcome: 'address-limited'; retryAfterSeconds: number };

/**
 * Checks an email and password, within the brute-force limits: per email, and per client
 * address across all emails. Unknown email and wrong password give the same outcome after the
 * same work (a hash is verified either way); a refused attempt is refused before any hashing,
 * so it costs no thread. `HashingBusy` when this process's hashing queue is full.
 */
export async function signInWithPassword({ email, password }: Credentials, address: string): Promise<SignInResult> {
  // Refused before anything is counted: a flood from elsewhere must not use up this user's tries.
  if (hashingSaturated()) throw new HashingBusy();
  const fromAddress = await takeAddressAttempt('sign-in', address);
  if (!fromAddress.allowed) return { outcome: 'address-limited', retryAfterSeconds: fromAddress.retryAfterSeconds };
  const attempt = await beginLoginAttempt(email);
  if (!attempt.allowed) return { outcome: 'locked', retryAfterSeconds: attempt.retryAfterSeconds };

  const db = await getDb();
  const [user] = await db
    .select({ ...publicColumns, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.email, email))
    .limit(1);
  const valid = await verifyPassword(user?.passwordHash, password);
  if (!user || !valid) return { outcome: 'wrong-credentials' };

  await Promise.all([clearLoginFailures(email), giveBack(fromAddress)]);
  return { outcome: 'signed-in', user: { id: user.id, email: user.email, name: user.name } };
}

/**
 * Throws what a sign-in for `email` from `address` would be refused with right now, without
 * counting an attempt: for answering a browser sign-in before next-auth runs.
 */
export async function refuseSignInNow(email: string | undefined, address: string): Promise<void> {
  if (hashingSaturated()) throw new HashingBusy();
  const fromAddress = await currentAddressRefusal('sign-in', address);
  if (!fromAddress.allowed) throw new TooManyFromAddress(fromAddress.retryAfterSeconds, 'failed sign-ins');
  const lockout = email ? await currentLockout(email) : { allowed: true as const };
  if (!lockout.allowed) throw new SignInLockedOut(lockout.retryAfterSeconds);
}

// ---- The caller's own account: every statement checks the caller's session (lib/auth/scope.ts) ----

const accountColumns = { ...publicColumns, createdAt: users.createdAt };

const selectAccount = statementKind('get_account', (db, _shape: Record<never, never>, name) =>
  db.select(accountColumns).from(users).where(ownedByCaller(users.id)).limit(1).prepare(name),
);

/** The caller's account; `SessionEnded` once the session is revoked. */
export async function getAccount(caller: Caller): Promise<Account> {
  const [account] = await preparedStatement(await getDb(), selectAccount, {}).execute(callerValues(caller));
  if (!account) throw new SessionEnded();
  return account;
}

const renameStatement = statementKind('rename_account', (db, _shape: Record<never, never>, name) =>
  db
    .update(users)
    .set({ name: sql`${sql.placeholder('name')}` })
    .where(ownedByCaller(users.id))
    .returning(accountColumns)
    .prepare(name),
);

/** Sets the caller's display name; null (or blank) clears it. */
export async function renameAccount(caller: Caller, name: string | null): Promise<Account> {
  const [account] = await preparedStatement(await getDb(), renameStatement, {}).execute({ ...callerValues(caller), name: name || null });
  if (!account) throw new SessionEnded();
  return account;
}

/**
 * Checks a password the caller typed to confirm a change, as a sign-in of the caller's email:
 * within the same brute-force limit (`SignInLockedOut`), and a wrong one counts as a failure
 * (`WrongPassword` naming `field`).
 */
async function confirmPassword(caller: Caller, password: string, field: string, address: string): Promise<Account> {
  const account = await getAccount(caller);
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
  caller: Caller,
  change: PasswordChange,
  { browser, userAgent, address }: { browser: boolean; userAgent: string | null; address: string },
): Promise<PasswordChanged> {
  const account = await confirmPassword(caller, change.current_password, 'current_password', address);
  const passwordHash = await hashPassword(change.new_password);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [changed] = await tx
      .update(users)
      .set({ passwordHash })
      .where(ownedBy(caller, users.id))
      .returning({ id: users.id });
    // Revoked while the password was being checked.
    if (!changed) throw new SessionEnded();
    await tx.delete(sessions).where(eq(sessions.userId, caller.userId));
    const token = await openSession(caller.userId, 'token', userAgent, tx);
    const cookie = browser ? await openSession(caller.userId, 'browser', userAgent, tx) : undefined;
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
export async function deleteAccount(caller: Caller, password: string, address: string): Promise<void> {
  const account = await confirmPassword(caller, password, 'password', address);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [deleted] = await tx
      .delete(users)
      .where(ownedBy(caller, users.id))
      .returning({ email: users.email });
    if (!deleted) throw new SessionEnded();
    await tx.delete(loginFailures).where(eq(loginFailures.email, account.email));
  });
}
