import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from '@/lib/db';
import { EXPIRY } from '@/lib/idempotency/run-once';

// Background work across all users (the cron route): no caller, so no scope.

/** Removes up to `batch` expired keys of any user, oldest first; how many went. */
export async function purgeExpiredIdempotencyKeys(batch: number): Promise<number> {
  const db = await getDb();
  const { rows } = await db.execute(sql`
    delete from idempotency_keys where (user_id, key) in (
      select user_id, key from idempotency_keys where created_at < ${EXPIRY}
      order by created_at limit ${batch} for update skip locked)
    returning 1`);
  return rows.length;
}
