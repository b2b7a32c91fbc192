import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from '@/lib/db';

// Background work across all users (the cron route): no caller, so no scope.

/**
 * Removes up to `batch` finished webhook deliveries past 7 days, oldest first: the log shows the
 * last 100, and a delivery still being tried is never removed; how many went.
 */
export async function purgeOldDeliveries(batch: number): Promise<number> {
  const db = await getDb();
  const { rows } = await db.execute(sql`
    delete from webhook_deliveries where id in (
      select id from webhook_deliveries where next_attempt_at is null and created_at < now() - interval '7 days'
      order by created_at limit ${batch} for update skip locked)
    returning 1`);
  return rows.length;
}
