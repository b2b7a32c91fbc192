import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, inject } from 'vitest';
import { openDatabase, replaceDatabase, type DatabaseHandle } from '@/lib/db';
import { adminQuery, databaseUrl, quoteIdent } from './postgres';

export type TestDatabaseConfig =
  | { kind: 'pglite'; snapshot: string }
  | { kind: 'postgres'; serverUrl: string; template: string };

declare module 'vitest' {
  export interface ProvidedContext {
    testDatabase: TestDatabaseConfig;
  }
}

export interface TestDatabase extends DatabaseHandle {
  /** postgres:// URL of this file's database (postgres project only) */
  url?: string;
}

/** A fresh, migrated database for one test file. */
export async function createTestDatabase(config: TestDatabaseConfig = inject('testDatabase')): Promise<TestDatabase> {
  if (config.kind === 'pglite') {
    const loadDataDir = new Blob([await readFile(config.snapshot)]);
    return openDatabase({ driver: 'pglite', dataDir: 'memory://', loadDataDir, autoMigrate: false });
  }
  const name = `todo_test_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  await adminQuery(config.serverUrl, `create database ${quoteIdent(name)} template ${quoteIdent(config.template)}`);
  const url = databaseUrl(config.serverUrl, name);
  const handle = await openDatabase({ driver: 'pg', url, poolMax: 10 });
  return {
    ...handle,
    url,
    close: async () => {
      await handle.close();
      await adminQuery(config.serverUrl, `drop database if exists ${quoteIdent(name)} with (force)`);
    },
  };
}

/**
 * Gives this test file its own fresh database and makes the app's `getDb()` use it.
 * Call at the top level of a test file; read `.current` inside tests.
 */
export function withTestDatabase(): { current: TestDatabase } {
  const ref = {} as { current: TestDatabase };
  beforeAll(async () => {
    ref.current = await createTestDatabase();
    replaceDatabase(ref.current);
  });
  afterAll(async () => {
    replaceDatabase(undefined);
    await ref.current?.close();
  });
  return ref;
}

/**
 * Everything a test database holds, table by table, as a digest (without the columns a read may
 * move on: `last_used_at`, `expires_at`): equal before and after means nothing was written.
 */
export async function databaseDigest(database: TestDatabase): Promise<Record<string, string>> {
  const { rows } = await database.db.execute(sql`select tablename from pg_tables where schemaname = 'public' order by tablename`);
  const state: Record<string, string> = {};
  for (const { tablename } of rows as { tablename: string }[]) {
    const { rows: digest } = await database.db.execute(
      sql`select count(*)::int as n, coalesce(md5(string_agg((to_jsonb(t) - 'last_used_at' - 'expires_at')::text, ',' order by (to_jsonb(t) - 'last_used_at' - 'expires_at')::text)), '') as d from ${sql.identifier(tablename)} as t`,
    );
    state[tablename] = `${digest[0]!.n} ${digest[0]!.d}`;
  }
  return state;
}
