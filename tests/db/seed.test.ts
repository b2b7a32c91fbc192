import { asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { tasks, users } from '@/lib/db/schema';
import { verifyPassword } from '@/lib/auth/passwords';
import { DEMO_EMAIL, DEMO_PASSWORD, seedDemo } from '@/scripts/seed';
import { withTestDatabase } from '@/tests/helpers/db';

const database = withTestDatabase();

async function demoAccount() {
  const { db } = database.current;
  const found = await db.select().from(users).where(eq(users.email, DEMO_EMAIL));
  const owned = found[0] ? await db.select().from(tasks).where(eq(tasks.userId, found[0].id)).orderBy(asc(tasks.title)) : [];
  return { users: found, tasks: owned };
}

describe('npm run db:seed', () => {
  it('creates the demo account, whose printed password signs in, with open and completed tasks', async () => {
    expect(await seedDemo()).toMatchObject({ created: true });
    const account = await demoAccount();
    expect(account.users).toHaveLength(1);
    expect(await verifyPassword(account.users[0]!.passwordHash, DEMO_PASSWORD)).toBe(true);
    expect(account.tasks.length).toBeGreaterThanOrEqual(3);
    expect(account.tasks.some((t) => t.completed)).toBe(true);
    expect(account.tasks.some((t) => !t.completed)).toBe(true);
  });

  it('runs again without duplicating anything, and resets a changed password', async () => {
    const before = await demoAccount();
    await database.current.db.update(users).set({ passwordHash: 'changed' }).where(eq(users.email, DEMO_EMAIL));
    expect(await seedDemo()).toEqual({ userId: before.users[0]!.id, created: false });
    const after = await demoAccount();
    expect(after.tasks.map((t) => t.id)).toEqual(before.tasks.map((t) => t.id));
    expect(await verifyPassword(after.users[0]!.passwordHash, DEMO_PASSWORD)).toBe(true);
  });
});
