import 'server-only';
import { timingSafeEqual } from 'node:crypto';
import { purgeExpiredAddressAttempts } from '@/lib/rate-limits/per-address';
import { sweepExpiredLoginFailures } from '@/lib/rate-limits/failed-sign-ins';
import { env } from '@/lib/env';
import { HttpError } from '@/lib/http/problem';
import { purgeExpiredIdempotencyKeys } from '@/lib/idempotency/purge';
import { purgeExpiredTombstones } from '@/lib/sync/purge';
import { purgeOldDeliveries } from '@/lib/webhooks/purge';

/** `404` when no CRON_SECRET is set (the route does not exist), `401` for any other secret. */
export function requireCronSecret(request: Request): void {
  const secret = env().CRON_SECRET;
  if (!secret) throw new HttpError(404, 'Not found');
  const given = Buffer.from(request.headers.get('authorization') ?? '');
  const expected = Buffer.from(`Bearer ${secret}`);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new HttpError(401, 'This route is for the scheduler', { headers: { 'WWW-Authenticate': 'Bearer' } });
  }
}

// Batches keep each statement short (locks, statement_timeout); the cap keeps one run bounded.
const BATCH = 1_000;
const MAX_BATCHES = 20;

async function drain(purge: (batch: number) => Promise<number>): Promise<number> {
  let total = 0;
  for (let i = 0; i < MAX_BATCHES; i++) {
    const removed = await purge(BATCH);
    total += removed;
    if (removed < BATCH) break;
  }
  return total;
}

/** Removes expired Idempotency-Key records, per-address attempts, deleted ids and finished webhook deliveries, and old sign-in failures. */
export async function purgeExpired(): Promise<{ idempotency_keys: number; address_attempts: number; tombstones: number; webhook_deliveries: number }> {
  const idempotencyKeys = await drain(purgeExpiredIdempotencyKeys);
  const addressAttempts = await drain(purgeExpiredAddressAttempts);
  const tombstones = await drain(purgeExpiredTombstones);
  const webhookDeliveries = await drain(purgeOldDeliveries);
  await sweepExpiredLoginFailures();
  return { idempotency_keys: idempotencyKeys, address_attempts: addressAttempts, tombstones, webhook_deliveries: webhookDeliveries };
}
