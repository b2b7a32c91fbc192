import { createHash } from 'node:crypto';
import { and, eq, gt, sql } from 'drizzle-orm';
import { getDb } from '@/lib/db';
import { describeDatabaseError } from '@/lib/db/errors';
import { idempotencyKeys } from '@/lib/db/schema';
import { HttpError } from '@/lib/http';
import type { Executor } from '@/lib/tasks';

// `Idempotency-Key` on a create: the first request claims (user, key) with an insert that the
// primary key lets only one request win; the winner creates and stores its response in one
// transaction; retries with the same body replay that response, and nothing is created twice.

export interface StoredResponse {
  status: number;
  body: unknown;
}

const EXPIRY = sql`now() - interval '24 hours'`;

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
 * Claims the key for this request; false when a live (under 24 h) claim already holds it.
 * An expired row of the same key is taken over, and the user's other expired keys go.
 */
async function claim(userId: string, key: string, hash: string): Promise<boolean> {
  const db = await getDb();
  const { rows } = await db.execute(sql`
    with expired as (
      delete from idempotency_keys
      where user_id = ${userId} and key <> ${key} and created_at < ${EXPIRY}
    )
    insert into idempotency_keys (user_id, key, request_hash) values (${userId}, ${key}, ${hash})
    on conflict (user_id, key) do update
      set request_hash = excluded.request_hash, response_status = null, response_body = null, created_at = now()
      where idempotency_keys.created_at < ${EXPIRY}
    returning 1 as claimed`);
  return rows.length > 0;
}

async function release(userId: string, key: string): Promise<void> {
  const db = await getDb();
  await db
    .delete(idempotencyKeys)
    .where(and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key), sql`${idempotencyKeys.responseStatus} is null`));
}

async function liveClaim(userId: string, key: string) {
  const db = await getDb();
  const [row] = await db
    .select({ requestHash: idempotencyKeys.requestHash, status: idempotencyKeys.responseStatus, body: idempotencyKeys.responseBody })
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key), gt(idempotencyKeys.createdAt, EXPIRY)))
    .limit(1);
  return row;
}

function stillRunning(): HttpError {
  return new HttpError(409, 'A request with this Idempotency-Key is still being processed; retry shortly', {
    headers: { 'Retry-After': '1' },
  });
}

/**
 * Runs `create` once for this (user, key, body): the first request runs it and stores its
 * response; a retry within 24 h gets that response back (`replayed: true`). The same key with
 * another body answers `422`; a retry while the first is still running answers `409`.
 */
export async function createOnce(
  userId: string,
  key: string,
  body: unknown,
  create: (executor: Executor) => Promise<StoredResponse>,
): Promise<StoredResponse & { replayed: boolean }> {
  const hash = requestHash(body);
  // A claim released by a failed first request (or expiring) between our two statements
  // frees the key again: try once more rather than answer a spurious 409.
  for (let attempt = 0; attempt < 2; attempt++) {
    if (await claim(userId, key, hash)) {
      try {
        const db = await getDb();
        const response = await db.transaction(async (tx) => {
          const created = await create(tx);
          await tx
            .update(idempotencyKeys)
            .set({ responseStatus: created.status, responseBody: created.body })
            .where(and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key)));
          return created;
        });
        return { ...response, replayed: false };
      } catch (err) {
        // Free the key so that a retry can create; the create's own error is what answers.
        await release(userId, key).catch((releaseErr) =>
          console.error(`[idempotency] could not release a claim after a failed create: ${describeDatabaseError(releaseErr)}`),
        );
        throw err;
      }
    }
    const existing = await liveClaim(userId, key);
    if (!existing) continue;
    if (existing.requestHash !== hash) {
      throw new HttpError(422, 'This Idempotency-Key was already used with a different request body');
    }
    if (existing.status === null) throw stillRunning();
    return { status: existing.status, body: existing.body, replayed: true };
  }
  throw stillRunning();
}
