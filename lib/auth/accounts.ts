import 'server-only';
import { eq } from 'drizzle-orm';
import { EmailTaken } from '@/lib/auth/errors';
import { getDb } from '@/lib/db';
import { sqlState } from '@/lib/db/errors';
import { users } from '@/lib/db/schema';
import { beginLoginAttempt, clearLoginFailures } from '@/lib/auth/login-limit';
import { hashPassword, verifyPassword } from '@/lib/auth/passwords';
import type { Credentials, SignupInput } from '@/lib/auth/schemas';

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

/** Creates an account from a validated signup; `EmailTaken` when the email has one, in any casing. */
export async function createAccount(input: SignupInput): Promise<Account> {
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
  | { outcome: 'locked'; retryAfterSeconds: number };

/**
 * Checks an email and password, within the brute-force limit. Unknown email and wrong password
 * give the same outcome after the same work (a hash is verified either way); a locked email is
 * refused without checking the password at all.
 */
export async function signInWithPassword({ email, password }: Credentials): Promise<SignInResult> {
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

  await clearLoginFailures(email);
  return { outcome: 'signed-in', user: { id: user.id, email: user.email, name: user.name } };
}
