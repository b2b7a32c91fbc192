import 'server-only';
import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Executor } from '@/lib/db';
import { idempotencyKeys } from '@/lib/db/schema';
import { DomainError } from '@/lib/errors';
import type { Scope } from '@/lib/scope/scope';

// `Idempotency-Key` on a write (a task create, an import): claiming the key, the write and
// storing its response are one transaction of the caller's scope, so a replay needs a live
// session as the first request did. A duplicate that arrives meanwhile blocks on the key's
// primary key until the first commits, then replays its response; a failed create rolls the
// claim back with it, so no key is ever left claimed without a response. Keys are the caller's,
// and each remembers the route it was used on: the same key on another route is refused.

/** The same `Idempotency-Key` came with a different request body. */
export class IdempotencyKeyReused extends DomainError {
  constructor() {
    super(422, 'This Idempotency-Key was already used with a different request body');
  }
}

/** The same `Idempotency-Key` was used on another route: a key names one request. */
export class IdempotencyKeyOtherRoute extends DomainError {
  constructor(route: string) {
    super(422, `This Idempotency-Key was already used on ${route}; send a new key for each request`, {
      errors: [{ path: 'Idempotency-Key', message: `was already used on ${route}` }],
    });
  }
}

/** The key's stored response expired while this request waited for it: a retry will do. */
export class IdempotencyKeyInProgress extends DomainError {
  constructor() {
    super(409, 'This Idempotency-Key changed hands while the request ran; retry it', { headers: { 'Retry-After': '1' } });
  }
}

/** A key is remembered this long (also by lib/idempotency/purge.ts). */
export const EXPIRY = sql`now() - interval '24 hours'`;

// Creates and imports answer only 201; the column marks a key whose response is stored.
const CREATED = 201;

/**
 * Equal for bodies that are equal as parsed JSON, whatever the key order or spacing. Written
 * with an explicit stack, not recursion: a 64 KiB body can nest 30,000 levels deep, which
 * overflows the call stack of a recursive walk (a 500).
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

/** What names one request: the route it went to, its key, and its body's hash. */
export interface RequestIdentity {
  /** `POST /api/{user_id}/tasks`: the route's template, as the OpenAPI document names it. */
  route: string;
  key: string;
  hash: string;
}

/**
 * Claims the key inside `tx`; false when a live (under 24 h) key with a stored response holds
 * it. Waits while another transaction holds the same key. An expired row is taken over, and so
 * is a committed row without a response (which this code never leaves), rather than refused for 24 h; the
 * user's other expired keys go, and a few of other users'.
 */
async function claim(tx: Executor, userId: string, { route, key, hash }: RequestIdentity): Promise<boolean> {
  const { rows } = await tx.execute(sql`
    with expired as (
      delete from idempotency_keys
      where created_at < ${EXPIRY} and not (user_id = ${userId} and key = ${key})
        and (user_id = ${userId} or (user_id, key) in (
          select user_id, key from idempotency_keys where created_at < ${EXPIRY}
          order by created_at limit ${PURGE_PER_CLAIM} for update skip locked))
    )
    insert into idempotency_keys (user_id, key, route, request_hash) values (${userId}, ${key}, ${route}, ${hash})
    on conflict (user_id, key) do update
      set route = excluded.route, request_hash = excluded.request_hash, response_status = null, response_body = null, created_at = now()
      where idempotency_keys.created_at < ${EXPIRY} or idempotency_keys.response_status is null
    returning 1 as claimed`);
  return rows.length > 0;
}

/**
 * Runs `write` once for this (caller, route, key, request hash), in one transaction of the
 * caller's scope with the key's claim: the first request runs it and stores its JSON answer; a
 * retry within 24 h, also one that arrives while the first is still running, gets that answer
 * back (`replayed: true`), read with `stored`. The same key with another body is
 * `IdempotencyKeyReused`, on another route `IdempotencyKeyOtherRoute`.
 */
export async function runOnce<T>(
  scope: Scope,
  request: RequestIdentity,
  write: (tx: Executor) => Promise<T>,
  stored: z.ZodType<T>,
): Promise<{ result: T; replayed: boolean }> {
  return scope.transaction(async (tx) => {
    const byKey = and(eq(idempotencyKeys.userId, scope.userId), eq(idempotencyKeys.key, request.key));
    if (await claim(tx, scope.userId, request)) {
      const result = await write(tx);
      await tx.update(idempotencyKeys).set({ responseStatus: CREATED, responseBody: result }).where(byKey);
      return { result, replayed: false };
    }
    const [existing] = await tx
      .select({ route: idempotencyKeys.route, requestHash: idempotencyKeys.requestHash, status: idempotencyKeys.responseStatus, body: idempotencyKeys.responseBody })
      .from(idempotencyKeys)
      .where(byKey)
      .limit(1);
    if (existing && existing.route !== request.route) throw new IdempotencyKeyOtherRoute(existing.route);
    if (existing && existing.requestHash !== request.hash) throw new IdempotencyKeyReused();
    // The claim held a response a moment ago; it can only be gone if it expired in between.
    if (!existing || existing.status === null) throw new IdempotencyKeyInProgress();
    const replay = stored.safeParse(existing.body);
    if (!replay.success) throw new Error(`The stored answer of an Idempotency-Key on ${request.route} does not parse: ${replay.error.message}`);
    return { result: replay.data, replayed: true };
  });
}
