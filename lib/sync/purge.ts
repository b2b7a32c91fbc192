import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from '@/lib/db';

// Background work across all users (the cron route): no caller, so no scope.

/** Removes up to `batch` deleted ids past their 31 days, oldest first (the cron route); how many went. */
export async function purgeExpiredTombstones(batch: number): Promise<number> {
  const db = await getDb();
  const { rows } = await db.execute(sql`
    delete from tombstones where id in (
      select id from tombstones where deleted_at < now() - interval '31 days'
      order by deleted_at limit ${batch} for update skip locked)
    returning 1`);
  return rows.length;
}
