import 'server-only';
import { eq } from 'drizzle-orm';
import { EmailTaken, HashingBusy, SignInLockedOut, TooManyFromAddress } from '@/lib/auth/errors';
import { currentAddressRefusal, giveBack, takeAddressAttempt } from '@/lib/rate-limits/per-address';
import { getDb } from '@/lib/db';
import { sqlState } from '@/lib/db/errors';
import { users } from '@/lib/db/schema';
import { beginLoginAttempt, clearLoginFailures, currentLockout } from '@/lib/rate-limits/failed-sign-ins';
import { hashingSaturated, hashPassword, verifyPassword } from '@/lib/auth/passwords';
import type { Credentials, SignupInput } from '@/lib/auth/schemas';

// Signing up and signing in with an email and a password, within the brute-force limits.

/** What the app may show of a user: never the password hash. */
export interface PublicUser {
  id: string;
  email: string;
  name: string | null;
}

export interface Account extends PublicUser {
  timeZone: string;
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
      .values({ email: input.email, name: input.name || null, passwordHash, timeZone: input.time_zone })
      .returning({ ...publicColumns, timeZone: users.timeZone, createdAt: users.createdAt });
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
