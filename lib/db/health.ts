import 'server-only';
import { sql } from 'drizzle-orm';
import { databaseOptionsFromEnv, getDatabase, pickDriver, type Driver, type PoolStats } from '@/lib/db';
import { describeDatabaseError } from '@/lib/db/errors';

export type Health =
  | { status: 'ok'; database: 'ok'; driver: Driver; pool?: PoolStats }
  | { status: 'unavailable'; database: 'unreachable'; driver: Driver };

const TIMEOUT_MS = 2_000;

function timeout(ms: number): Promise<never> {
  return new Promise((_, reject) => setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms).unref());
}

/** The driver the environment names, for a report when opening the database failed. */
function configuredDriver(): Driver {
  try {
    const { url, driver } = databaseOptionsFromEnv();
    return pickDriver(url, driver);
  } catch {
    // An environment that cannot be read names no driver for sure; its likely cause, a
    // malformed DATABASE_URL, asks for a server.
    return 'pg';
  }
}

/** Asks the database for `select 1`, giving up after 2 s. */
export async function checkHealth(): Promise<Health> {
  let driver: Driver | undefined;
  try {
    // Opening can fail too: PGlite cannot open its folder, a URL the driver rejects.
    const { db, driver: opened, poolStats } = await getDatabase();
    driver = opened;
    await Promise.race([db.execute(sql`select 1`), timeout(TIMEOUT_MS)]);
    return { status: 'ok', database: 'ok', driver, ...(poolStats && { pool: poolStats() }) };
  } catch (err) {
    // The driver's own reason (ECONNREFUSED, …), not Drizzle's wrapper that only names the query.
    console.error(`[health] database check failed: ${describeDatabaseError(err)}`);
    return { status: 'unavailable', database: 'unreachable', driver: driver ?? configuredDriver() };
  }
}
