import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from '@/lib/db';

/** A PostgreSQL snapshot as text (`pg_current_snapshot()`) and the database's clock then, in ms. */
export interface TakenSnapshot {
  s: string;
  t: number;
}

/**
 * The database's snapshot now, and its clock: what the changes feed and the events watcher
 * compare `change_xid`s with (lib/sync/feed.ts), aged by the database's time, not a server's.
 */
export async function currentSnapshot(): Promise<TakenSnapshot> {
  const db = await getDb();
  const { rows } = await db.execute(sql`select pg_current_snapshot()::text as s, floor(extract(epoch from clock_timestamp()) * 1000)::float8 as t`);
  const row = rows[0] as { s: string; t: number | string };
  return { s: row.s, t: Number(row.t) };
}
