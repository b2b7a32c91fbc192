import pg from 'pg';
import type { DatabaseHandle } from '@/lib/db';
import { users } from '@/lib/db/schema';

export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** The same server URL pointed at another database. */
export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** One statement on its own connection (CREATE/DROP DATABASE cannot run in a pool transaction). */
export async function adminQuery(url: string, text: string, values?: unknown[]) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(text, values);
  } finally {
    await client.end();
  }
}

/**
 * What a server restart or an admin does: ends every other session on the URL's database.
 * Returns each ended backend's pid and whether it went within 5 s.
 */
export async function terminateOtherConnections(url: string): Promise<{ pid: number; killed: boolean }[]> {
  const { rows } = await adminQuery(
    url,
    `select pid, pg_terminate_backend(pid, 5000) as killed from pg_stat_activity
     where datname = current_database() and pid <> pg_backend_pid()`,
  );
  return rows as { pid: number; killed: boolean }[];
}

/**
 * A transaction of `app` whose insert into users waits behind another session's exclusive lock
 * on the table, longer than `app`'s query timeout. Once that fails and the lock is gone, inserts
 * `emails.after` through `app` (on the same connection, when its pool has one). Resolves with
 * what the stuck transaction threw.
 */
export async function transactionStuckBehindLock(app: DatabaseHandle, url: string, emails: { stuck: string; after: string }): Promise<unknown> {
  const locker = new pg.Client({ connectionString: url });
  await locker.connect();
  try {
    await locker.query('begin');
    await locker.query('lock table users in access exclusive mode');
    const failure = await app.db
      .transaction(async (tx) => {
        await tx.insert(users).values({ email: emails.stuck, passwordHash: 'x' });
      })
      .then(
        () => undefined,
        (err: unknown) => err,
      );
    await locker.query('rollback');
    await app.db.insert(users).values({ email: emails.after, passwordHash: 'x' });
    return failure;
  } finally {
    await locker.end();
  }
}
