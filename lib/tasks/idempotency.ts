import 'server-only';
import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Caller } from '@/lib/auth/caller';
import { getDb, type Executor } from '@/lib/db';
import { idempotencyKeys } from '@/lib/db/schema';
import { IdempotencyKeyInProgress, IdempotencyKeyReused } from '@/lib/tasks/errors';
import { createTask, type NewTaskInput } from '@/lib/tasks/queries';
import { toTaskJson } from '@/lib/tasks/responses';
import { TaskSchema, type TaskJson } from '@/lib/tasks/schemas';

// `Idempotency-Key` on a create: claiming the key, creating the task and storing the response
// are one transaction. A duplicate that arrives meanwhile blocks on the key's primary key until
// the first commits, then replays its response; a failed create rolls the claim back with it,
// so no key is ever left claimed without a response.

const EXPIRY = sql`now() - interval '24 hours'`;

// Creates and imports answer only 201; the column marks a key whose response is stored.
const CREATED = 201;

/** Equal for bodies that are equal as parsed JSON, whatever the key order or spacing. */
export function requestHash(body: unknown): string {
  return createHash('sha256').update(canonicalJson(body)).digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * Claims the key inside `tx`; false when a live (under 24 h) key with a stored response holds
 * it. Waits while another transaction holds the same key. An expired row is taken over, and so
 * is a committed row without a response (only an older version of this code left those); the
 * user's other expired keys go.
 */
async function claim(tx: Executor, userId: string, key: string, hash: string): Promise<boolean> {
  const { rows } = await tx.execute(sql`
    with expired as (
      delete from idempotency_keys
      where user_id = ${userId} and key <> ${key} and created_at < ${EXPIRY}
    )
    insert into idempotency_keys (user_id, key, request_hash) values (${userId}, ${key}, ${hash})
    on conflict (user_id, key) do update
      set request_hash = excluded.request_hash, response_status = null, response_body = null, created_at = now()
      where idempotency_keys.created_at < ${EXPIRY} or idempotency_keys.response_status is null
    returning 1 as claimed`);
  return rows.length > 0;
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

/** Creates the task once for this (caller, key, request body): see `runOnce`. */
export async function createTaskOnce(
  caller: Caller,
  input: NewTaskInput,
  { key, requestBody }: { key: string; requestBody: unknown },
): Promise<{ task: TaskJson; replayed: boolean }> {
  const { result, replayed } = await runOnce(
    caller,
    { key, hash: requestHash(requestBody) },
    async (tx) => toTaskJson(await createTask(caller, input, tx)),
    TaskSchema,
  );
  return { task: result, replayed };
}
