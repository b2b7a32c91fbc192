import { randomUUID } from 'node:crypto';
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
