import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { users } from '@/lib/db/schema';
import { DEMO_EMAIL, DEMO_PASSWORD } from '@/scripts/seed';
import { withTestDatabase } from '@/tests/helpers/db';

const database = withTestDatabase();
const run = promisify(execFile);

// The script itself needs a database another process can reach: postgres project only.
describe('scripts/seed.ts as a command', () => {
  const seedCommand = (env: Record<string, string>) =>
    run(path.join(process.cwd(), 'node_modules/.bin/tsx'), ['--conditions=react-server', 'scripts/seed.ts'], {
      env: { ...process.env, DATABASE_URL: database.current.url!, ...env },
    });

  it('prints the demo login and never the password hash', async () => {
    const { stdout } = await seedCommand({});
    expect(stdout).toContain(`Sign in at /login as ${DEMO_EMAIL} with password ${DEMO_PASSWORD}`);
    expect(stdout).not.toContain('$argon2');
  });

  it('refuses to run in production, where a published password would open a real account', async () => {
    await database.current.db.delete(users).where(eq(users.email, DEMO_EMAIL));
    const failure = seedCommand({ NODE_ENV: 'production', AUTH_SECRET: 'x'.repeat(40) });
    await expect(failure).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('not in production') });
    expect(await database.current.db.select().from(users).where(eq(users.email, DEMO_EMAIL))).toEqual([]);
  });
});
