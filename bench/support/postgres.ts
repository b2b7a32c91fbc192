import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase } from '@/lib/db';
import { migrate } from '@/lib/db/migrations';

export const DEFAULT_SERVER_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** One statement on its own short-lived connection. */
export async function adminQuery<R extends pg.QueryResultRow = pg.QueryResultRow>(url: string, text: string, values?: unknown[]) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return await client.query<R>(text, values);
  } finally {
    await client.end();
  }
}

export interface ScratchDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/**
 * A new database on the server at `serverUrl`, migrated with drizzle/ (unless `migrate: false`:
 * bench/compare.ts migrates each checkout's with its own), dropped by `drop()`.
 */
export async function createScratchDatabase(serverUrl: string, prefix: string, options: { migrate?: boolean } = {}): Promise<ScratchDatabase> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  await adminQuery(serverUrl, `create database ${quoteIdent(name)}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const drop = async () => {
    await adminQuery(serverUrl, `drop database if exists ${quoteIdent(name)} with (force)`);
  };
  if (options.migrate === false) return { name, url: url.toString(), drop };
  const handle = await openDatabase({ driver: 'pg', url: url.toString(), poolMax: 1 });
  try {
    await migrate(handle.db);
  } finally {
    await handle.close();
  }
  return { name, url: url.toString(), drop };
}
