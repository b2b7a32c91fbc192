import 'server-only';
import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Caller } from '@/lib/auth/caller';
import { getDb, type Executor } from '@/lib/db';
import { idempotencyKeys } from '@/lib/db/schema';
import { DomainError } from '@/lib/errors';

// `Idempotency-Key` on a write (a task create, an import): claiming the key, the write and
// storing its response are one transaction. A duplicate that arrives meanwhile blocks on the key's primary key until
// the first commits, then replays its response; a failed create rolls the claim back with it,
// so no key is ever left claimed without a response.

/** The same `Idempotency-Key` came with a different request body. */
export class IdempotencyKeyReused extends DomainError {
  constructor() {
    super('This Idempotency-Key was already used with a different request body');
  }
}

/** The key's stored response expired while this request waited for it: a retry will do. */
export class IdempotencyKeyInProgress extends DomainError {
  constructor() {
    super('This Idempotency-Key changed hands while the request ran; retry it');
  }
}

const EXPIRY = sql`now() - interval '24 hours'`;

// Creates and imports answer only 201; the column marks a key whose response is stored.
const CREATED = 201;

/**
 * Equal for bodies that are equal as parsed JSON, whatever the key order or spacing. Written
 * with an explicit stack, not recursion: a 64 KiB body can nest 30,000 levels deep, and a
 * recursive walk overflowed the call stack (a 500).
 */
export function requestHash(body: unknown): string {
  const hash = createHash('sha256');
  // Either a value still to write, or a piece of punctuation.
  const pending: ({ value: unknown } | string)[] = [{ value: body }];
  while (pending.length > 0) {
    const next = pending.pop()!;
    if (typeof next === 'string') {
      hash.update(next);
      continue;
    }
    const { value } = next;
    let parts: ({ value: unknown } | string)[];
    if (Array.isArray(value)) {
      parts = ['[', ...value.flatMap((item, i) => (i > 0 ? [',', { value: item }] : [{ value: item }])), ']'];
    } else if (value && typeof value === 'object') {
      const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      parts = ['{', ...entries.flatMap(([k, v], i) => [`${i > 0 ? ',' : ''}${JSON.stringify(k)}:`, { value: v }]), '}'];
    } else {
      hash.update(JSON.stringify(value) ?? 'null');
      continue;
    }
    for (let i = parts.length - 1; i >= 0; i--) pending.push(parts[i]!);
  }
  return hash.digest('hex');
}

// Each claim also removes a few expired keys of any user, oldest first, so that the keys of users
// who never come back go too, at a bounded cost per create (the cron route does the rest).
const PURGE_PER_CLAIM = 16;

/**
 * Claims the key inside `tx`; false when a live (under 24 h) key with a stored response holds
 * it. Waits while another transaction holds the same key. An expired row is taken over, and so
 * is a committed row without a response (only an older version of this code left those); the
 * user's other expired keys go, and a few of other users'.
 */
async function claim(tx: Executor, userId: string, key: string, hash: string): Promise<boolean> {
  const { rows } = await tx.execute(sql`
    with expired as (
      delete from idempotency_keys
      where created_at < ${EXPIRY} and not (user_id = ${userId} and key = ${key})
        and (user_id = ${userId} or (user_id, key) in (
          select user_id, key from idempotency_keys where created_at < ${EXPIRY}
          order by created_at limit ${PURGE_PER_CLAIM} for update skip locked))
    )
    insert into idempotency_keys (user_id, key, request_hash) values (${userId}, ${key}, ${hash})
    on conflict (user_id, key) do update
      set request_hash = excluded.request_hash, response_status = null, response_body = null, created_at = now()
      where idempotency_keys.created_at < ${EXPIRY} or idempotency_keys.response_status is null
    returning 1 as claimed`);
  return rows.length > 0;
}

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

/**
 * Runs `write` once for this (caller, key, request hash), in one transaction with the key's
 * claim: the first request runs it and stores its JSON answer; a retry within 24 h, also one that
 * arrives while the first is still running, gets that answer back (`replayed: true`), read with
 * `stored`. The same key with another request is `IdempotencyKeyReused`. Every write that takes
 * an `Idempotency-Key` (a create, an import) shares the caller's keys.
 */
export async function runOnce<T>(
  caller: Caller,
  { key, hash }: { key: string; hash: string },
  write: (tx: Executor) => Promise<T>,
  stored: z.ZodType<T>,
): Promise<{ result: T; replayed: boolean }> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const byKey = and(eq(idempotencyKeys.userId, caller.userId), eq(idempotencyKeys.key, key));
    if (await claim(tx, caller.userId, key, hash)) {
      const result = await write(tx);
      await tx.update(idempotencyKeys).set({ responseStatus: CREATED, responseBody: result }).where(byKey);
      return { result, replayed: false };
    }
    const [existing] = await tx
      .select({ requestHash: idempotencyKeys.requestHash, status: idempotencyKeys.responseStatus, body: idempotencyKeys.responseBody })
      .from(idempotencyKeys)
      .where(byKey)
      .limit(1);
    if (existing && existing.requestHash !== hash) throw new IdempotencyKeyReused();
    // The claim held a response a moment ago; it can only be gone if it expired in between.
    if (!existing || existing.status === null) throw new IdempotencyKeyInProgress();
    return { result: stored.parse(existing.body), replayed: true };
  });
}
