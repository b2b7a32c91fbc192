import { randomUUID } from 'node:crypto';
import { getDb } from '@/lib/db';
import { users } from '@/lib/db/schema';
import { hashPassword } from '@/lib/auth/passwords';
import { openSession } from '@/lib/auth/sessions';
import { issueAccessToken } from '@/lib/auth/tokens';

export interface TestUser {
  id: string;
  email: string;
  password: string;
  token: string;
  /** The session row of `token` */
  sessionId: string;
  /** `Authorization: Bearer …` for this user */
  headers: Record<string, string>;
}

/** A user straight in the database of the current test file, with an access token (and its session). */
export async function createTestUser(overrides: { email?: string; password?: string; name?: string } = {}): Promise<TestUser> {
  const email = overrides.email ?? `user-${randomUUID()}@example.com`;
  const password = overrides.password ?? 'correct horse battery staple';
  const db = await getDb();
  const [user] = await db
    .insert(users)
    .values({ email, name: overrides.name ?? null, passwordHash: await hashPassword(password) })
    .returning({ id: users.id });
  const { token, sessionId } = await newAccessToken(user!.id);
  return { id: user!.id, email, password, token, sessionId, headers: { authorization: `Bearer ${token}` } };
}

/** Another sign-in of an existing user: a new token session, as POST /api/auth/token opens. */
export async function newAccessToken(userId: string, userAgent: string | null = null): Promise<{ token: string; sessionId: string }> {
  const session = await openSession(userId, 'token', userAgent);
  const { token } = await issueAccessToken({ userId, sessionId: session.id });
  return { token, sessionId: session.id };
}
