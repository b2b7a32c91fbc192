import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, QUERY_TIMEOUT_MS, type DatabaseHandle } from '@/lib/db';
import { isDatabaseUnavailable } from '@/lib/db/errors';
import { users } from '@/lib/db/schema';
import { startWsProxy, type WsProxy } from '@/scripts/ws-proxy';
import { withTestDatabase } from '@/tests/helpers/db';
import { terminateOtherConnections, transactionStuckBehindLock } from '@/tests/helpers/postgres';

const database = withTestDatabase();

// The Neon driver speaks PostgreSQL over WebSockets, so it needs a server: postgres project only.
describe('the Neon driver through the WebSocket proxy', () => {
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

  it('reads timestamps of years 1 to 9999 exactly (not year 50 as 1950)', async () => {
    const instants = ['0001-01-01T00:00:00.000Z', '0050-06-01T00:00:00.000Z', '0099-12-31T23:59:59.999Z', '9999-12-31T23:59:59.999Z'];
    const rows = await neon.db
      .insert(users)
      .values(instants.map((instant, i) => ({ email: `year-${i}@example.com`, passwordHash: 'x', createdAt: new Date(instant) })))
      .returning({ createdAt: users.createdAt });
    expect(rows.map((row) => row.createdAt.toISOString())).toEqual(instants);
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
    const killed = await terminateOtherConnections(database.current.url!);
    expect(killed.length).toBeGreaterThanOrEqual(1);
    const { rows } = await neon.db.execute(sql`select 1 as one`);
    expect(rows).toEqual([{ one: 1 }]);
  });

  it('takes the pg pool options: a transaction stuck past the query timeout fails as unavailable and leaves nothing open', { timeout: 40_000 }, async () => {
    const app = await openDatabase({ driver: 'neon', url: database.current.url, neonWsProxy: proxy.url, poolMax: 1, queryTimeoutMs: QUERY_TIMEOUT_MS });
    try {
      const failure = await transactionStuckBehindLock(app, database.current.url!, { stuck: 'neon-stuck@example.com', after: 'neon-after@example.com' });
      expect(isDatabaseUnavailable(failure)).toBe(true);
      expect(await emailsLike('neon-%')).toEqual(['neon-after@example.com']);
    } finally {
      await app.close();
    }
  });
});
