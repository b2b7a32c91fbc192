import { randomUUID } from 'node:crypto';
import { getDb } from '@/lib/db';
import { users } from '@/lib/db/schema';
import { hashPassword } from '@/lib/auth/passwords';
import { issueAccessToken } from '@/lib/auth/tokens';

export interface TestUser {
  id: string;
  email: string;
  password: string;
  token: string;
  /** `Authorization: Bearer …` for this user */
  headers: Record<string, string>;
}

/** A user straight in the database of the current test file, with an access token. */
export async function createTestUser(overrides: { email?: string; password?: string; name?: string } = {}): Promise<TestUser> {
  const email = overrides.email ?? `user-${randomUUID()}@example.com`;
  const password = overrides.password ?? 'correct horse battery staple';
  const db = await getDb();
  const [user] = await db
    .insert(users)
    .values({ email, name: overrides.name ?? null, passwordHash: await hashPassword(password) })
    .returning({ id: users.id });
  const { token } = await issueAccessToken(user!.id);
  return { id: user!.id, email, password, token, headers: { authorization: `Bearer ${token}` } };
}
