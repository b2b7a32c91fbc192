import { once } from 'node:events';
import { sql } from 'drizzle-orm';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '@/lib/db';
import { users } from '@/lib/db/schema';
import { parseTarget, startWsProxy, type WsProxy } from '@/scripts/ws-proxy';
import { withTestDatabase } from '@/tests/helpers/db';
import { adminQuery } from '@/tests/helpers/postgres';

const database = withTestDatabase();

// The Neon driver speaks PostgreSQL over WebSockets, so it needs a server: on the pglite
// project these tests are reported as skipped.
describe.runIf(inject('testDatabase').kind === 'postgres')('the Neon driver through the WebSocket proxy', () => {
  let proxy: WsProxy;
  let neon: DatabaseHandle;

  beforeAll(async () => {
    proxy = await startWsProxy();
    neon = await openDatabase({ driver: 'neon', url: database.current.url, neonWsProxy: proxy.url, poolMax: 2 });
  });
  afterAll(async () => {
    await neon?.close();
    await proxy?.close();
  });

  async function emailsLike(pattern: string) {
    const { rows } = await database.current.db.execute(sql`select email from users where email like ${pattern} order by email`);
    return rows.map((r) => r.email);
  }

  it('answers a query on this file\'s database', async () => {
    const { rows } = await neon.db.execute(sql`select current_database() as name, 1 + 1 as two`);
    expect(rows).toEqual([{ name: new URL(database.current.url!).pathname.slice(1), two: 2 }]);
    expect(neon.driver).toBe('neon');
  });

  it('commits a transaction: its rows are visible afterwards, on another connection', async () => {
    await neon.db.transaction(async (tx) => {
      await tx.insert(users).values({ email: 'committed-1@example.com', passwordHash: 'x' });
      await tx.insert(users).values({ email: 'committed-2@example.com', passwordHash: 'x' });
    });
    expect(await emailsLike('committed-%')).toEqual(['committed-1@example.com', 'committed-2@example.com']);
  });

  it('rolls a failed transaction back: none of its rows remain', async () => {
    const failure = neon.db.transaction(async (tx) => {
      await tx.insert(users).values({ email: 'rolled-back@example.com', passwordHash: 'x' });
      const { rows } = await tx.execute(sql`select count(*)::int as n from users where email = 'rolled-back@example.com'`);
      expect(rows).toEqual([{ n: 1 }]);
      throw new Error('abort');
    });
    await expect(failure).rejects.toThrow('abort');
    expect(await emailsLike('rolled-back%')).toEqual([]);
  });

  it('answers on a fresh connection after the server killed the pool\'s connections', async () => {
    await Promise.all([1, 2].map(() => neon.db.execute(sql`select pg_sleep(0.05)`)));
    const { rows: killed } = await adminQuery(
      database.current.url!,
      `select pg_terminate_backend(pid, 5000) as killed from pg_stat_activity
       where datname = current_database() and pid <> pg_backend_pid()`,
    );
    expect(killed.length).toBeGreaterThanOrEqual(1);
    const { rows } = await neon.db.execute(sql`select 1 as one`);
    expect(rows).toEqual([{ one: 1 }]);
  });
});

describe('the WebSocket proxy', () => {
  it('reads host:port targets and allows only localhost', () => {
    expect(parseTarget('127.0.0.1:5432')).toEqual({ host: '127.0.0.1', port: 5432 });
    expect(parseTarget('localhost:5432')).toEqual({ host: 'localhost', port: 5432 });
    expect(parseTarget('[::1]:5432')).toEqual({ host: '::1', port: 5432 });
    expect(parseTarget('example.com:5432')).toBeUndefined();
    expect(parseTarget('10.0.0.1:5432')).toBeUndefined();
    expect(parseTarget('127.0.0.1:99999')).toBeUndefined();
    expect(parseTarget(null)).toBeUndefined();
  });

  it('closes a WebSocket that asks for another host, with a policy-violation code', async () => {
    const proxy = await startWsProxy();
    try {
      const socket = new WebSocket(`ws://${proxy.url}/v1?address=example.com:5432`);
      const [code] = (await once(socket, 'close')) as [number];
      expect(code).toBe(1008);
    } finally {
      await proxy.close();
    }
  });
});
