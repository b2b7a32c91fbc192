import { sql } from 'drizzle-orm';
import { getDatabase, type Driver, type PoolStats } from '@/lib/db';
import { describeDatabaseError } from '@/lib/db/errors';

export type Health =
  | { status: 'ok'; database: 'ok'; driver: Driver; pool?: PoolStats }
  | { status: 'unavailable'; database: 'unreachable'; driver: Driver };

const TIMEOUT_MS = 2_000;

function timeout(ms: number): Promise<never> {
  return new Promise((_, reject) => setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms).unref());
}

/** Asks the database for `select 1`, giving up after 2 s. */
export async function checkHealth(): Promise<Health> {
  // Opening does not connect for pg/neon; for PGlite it is local work that cannot be "unreachable".
  const { db, driver, poolStats } = await getDatabase();
  try {
    await Promise.race([db.execute(sql`select 1`), timeout(TIMEOUT_MS)]);
  } catch (err) {
    // The driver's own reason (ECONNREFUSED, …), not Drizzle's wrapper that only names the query.
    console.error(`[health] database check failed: ${describeDatabaseError(err)}`);
    return { status: 'unavailable', database: 'unreachable', driver };
  }
  return { status: 'ok', database: 'ok', driver, ...(poolStats && { pool: poolStats() }) };
}
