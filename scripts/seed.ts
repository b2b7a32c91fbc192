// npm run db:seed: a demo account with a few tasks, on DATABASE_URL or the embedded PGlite
// folder (migrated on open; a server database needs `npm run db:migrate` first).
// Safe to run again: the account and its tasks are created once; later runs only reset the
// password, so the login printed is always the one that works.
import { pathToFileURL } from 'node:url';
import { eq } from 'drizzle-orm';
import { closeDatabase, getDb } from '@/lib/db';
import { describeDatabaseError, sqlState } from '@/lib/db/errors';
import { users } from '@/lib/db/schema';
import { env } from '@/lib/env';
import { hashPassword } from '@/lib/auth/passwords';
import { endSessionById, openSession } from '@/lib/auth/sessions';
import { Scope } from '@/lib/scope/scope';
import { createTask, type NewTaskInput } from '@/lib/tasks/queries';

export const DEMO_EMAIL = 'demo@example.com';
export const DEMO_PASSWORD = 'demo-password';

const DEMO_TASKS: NewTaskInput[] = [
  { title: 'Buy oat milk', description: 'Two cartons, the barista kind.' },
  { title: 'Book the dentist', completed: true },
  { title: 'Read the Drizzle migrations guide', description: 'Then try db:rollback on a branch database.' },
  { title: 'Water the plants', completed: true },
  { title: 'Plan the weekend hike', description: 'Check the weather on Friday evening.' },
];

export interface SeedResult {
  userId: string;
  /** false when the account was already there (its password was reset, its tasks left alone) */
  created: boolean;
}

export async function seedDemo(): Promise<SeedResult> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const db = await getDb();
  // One transaction: a run that fails half-way leaves no account without its tasks.
  return db.transaction(async (tx) => {
    const [inserted] = await tx
      .insert(users)
      .values({ email: DEMO_EMAIL, name: 'Demo User', passwordHash })
      .onConflictDoNothing({ target: users.email })
      .returning({ id: users.id });
    if (!inserted) {
      const [existing] = await tx.update(users).set({ passwordHash }).where(eq(users.email, DEMO_EMAIL)).returning({ id: users.id });
      return { userId: existing!.id, created: false };
    }
    // Tasks are written as their owner, through a session that ends with the seed.
    const session = await openSession(inserted.id, 'token', 'db:seed', tx);
    const scope = Scope.of({ userId: inserted.id, sessionId: session.id });
    for (const task of DEMO_TASKS) await createTask(scope, task, tx);
    await endSessionById(session.id, tx);
    return { userId: inserted.id, created: true };
  });
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/** PGlite, or a server on this machine (loopback, or a Unix socket). */
export function isLocalDatabase(url: string | undefined, driver?: string): boolean {
  if (driver === 'pglite' || !url) return true;
  const { hostname, searchParams } = new URL(url);
  const socketHost = searchParams.get('host');
  if (!hostname) return !socketHost || socketHost.startsWith('/');
  return LOCAL_HOSTS.has(hostname);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    // A well-known password must never open an account on a real deployment.
    if (env().NODE_ENV === 'production') throw new Error('db:seed creates a demo login with a published password: not in production');
    if (!isLocalDatabase(env().DATABASE_URL, env().DATABASE_DRIVER) && !process.argv.includes('--force')) {
      throw new Error('db:seed creates a demo login with a published password, and DATABASE_URL is not a local database: add --force if you mean it');
    }
    const { created } = await seedDemo();
    console.log(created ? `Created the demo account with ${DEMO_TASKS.length} tasks.` : 'The demo account was already there; its password was reset.');
    console.log(`Sign in at /login as ${DEMO_EMAIL} with password ${DEMO_PASSWORD}`);
  } catch (err) {
    // describeDatabaseError leaves out query parameters: one of them is the password hash.
    const hint = sqlState(err) === '42P01' ? ' (run npm run db:migrate first)' : '';
    console.error(`db:seed failed: ${describeDatabaseError(err)}${hint}`);
    process.exitCode = 1;
  } finally {
    await closeDatabase();
  }
}
