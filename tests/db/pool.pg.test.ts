import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { GET } from '@/app/api/health/route';
import { openDatabase, QUERY_TIMEOUT_MS } from '@/lib/db';
import { isDatabaseUnavailable } from '@/lib/db/errors';
import { checkHealth } from '@/lib/db/health';
import { withTestDatabase } from '@/tests/helpers/db';
import { adminQuery, terminateOtherConnections, transactionStuckBehindLock } from '@/tests/helpers/postgres';

const database = withTestDatabase();

// Only the pool drivers hold server connections that the server can kill: postgres project only.
describe('the pg pool after the server kills its connections', () => {
  /** Checks out several connections at once, so that the pool keeps them idle afterwards. */
  async function fillPool(connections: number) {
    await Promise.all(Array.from({ length: connections }, () => database.current.db.execute(sql`select pg_sleep(0.05)`)));
    expect(database.current.poolStats!().idle).toBeGreaterThanOrEqual(2);
  }

  /** What a server restart or an admin does: ends every other session on this database. */
  async function killPoolConnections(): Promise<number[]> {
    const killed = await terminateOtherConnections(database.current.url!);
    expect(killed.every((r) => r.killed)).toBe(true);
    return killed.map((r) => r.pid);
  }

  it('answers the next queries on fresh connections', async () => {
    await fillPool(5);
    const killed = await killPoolConnections();
    expect(killed.length).toBeGreaterThanOrEqual(2);
    const results = await Promise.all(
      Array.from({ length: 5 }, (_, i) => database.current.db.execute(sql`select ${i}::int as i, pg_backend_pid() as pid`)),
    );
    expect(results.map((r) => r.rows[0]!.i)).toEqual([0, 1, 2, 3, 4]);
    for (const { rows } of results) expect(killed).not.toContain(rows[0]!.pid);
  });

  it('answers a transaction on a fresh connection', async () => {
    await fillPool(3);
    await killPoolConnections();
    const count = await database.current.db.transaction(async (tx) => {
      const { rows } = await tx.execute(sql`select count(*)::int as n from users`);
      return rows[0]!.n;
    });
    expect(count).toBe(0);
  });

  it('keeps checkHealth and GET /api/health at 200', async () => {
    await fillPool(4);
    await killPoolConnections();
    expect(await checkHealth()).toMatchObject({ status: 'ok', database: 'ok', driver: 'pg' });
    await killPoolConnections();
    const response = await GET(new Request('http://localhost/api/health'), undefined);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', database: 'ok', driver: 'pg' });
  });
});

describe('the pg pool when a transaction waits longer than the query timeout', () => {
  it('fails as unavailable, and no later query runs inside that transaction', { timeout: 40_000 }, async () => {
    // One connection, as the app opens it: a later query reuses it unless the pool dropped it.
    const app = await openDatabase({ driver: 'pg', url: database.current.url, poolMax: 1, queryTimeoutMs: QUERY_TIMEOUT_MS });
    try {
      const failure = await transactionStuckBehindLock(app, database.current.url!, { stuck: 'stuck@example.com', after: 'after@example.com' });
      expect(isDatabaseUnavailable(failure)).toBe(true);
      const { rows } = await adminQuery(database.current.url!, 'select email from users order by email');
      expect(rows.map((r) => r.email)).toEqual(['after@example.com']);
    } finally {
      await app.close();
    }
  });
});
