import 'server-only';
import { and, eq, lte, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { getDb } from '@/lib/db';

// A limit on attempts in a sliding window, counted in the database so that it holds across
// server instances: each attempt is a row; while `limit` of them are younger than the window,
// the next is refused until the oldest of those leaves it. Taking an attempt counts and records
// it under one lock per key, so a burst of concurrent attempts gets exactly the allowed number,
// on every instance. Used for failed sign-ins per email (lib/rate-limits/failed-sign-ins.ts) and
// for signups and failed sign-ins per client address (lib/rate-limits/per-address.ts).

export type Allowance = { allowed: true; id?: string } | { allowed: false; retryAfterSeconds: number };

export interface SlidingWindowSpec<K> {
  /** The name of the lock that makes one key's attempts take turns. */
  lockName(key: K): string;
  table: PgTable;
  id: PgColumn;
  at: PgColumn;
  /** The rows of one key. */
  matches(key: K): SQL;
  /** A new row of one key (its id and time are the table's defaults). */
  row(key: K): Record<string, unknown>;
  windowSeconds(key: K): number;
  /** How many attempts the window holds; 0 turns the limit off. */
  limit(key: K): number;
  /** The window of any row, for purging rows of every key at once. */
  rowWindowSeconds: SQL;
}

export interface SlidingWindow<K> {
  /** Takes one of the key's attempts, recorded now; or says when the next one is allowed. */
  take(key: K): Promise<Allowance>;
  /** Whether the key is refused right now, without taking an attempt. */
  current(key: K): Promise<Allowance>;
  /** An attempt that does not count after all. */
  giveBack(allowance: Allowance): Promise<void>;
  /** Every attempt of the key: it starts again from zero. */
  clear(key: K): Promise<void>;
  /** Removes at most `batch` attempts that have left their window, of any key; how many went. */
  purge(batch: number): Promise<number>;
}

export function slidingWindow<K>(spec: SlidingWindowSpec<K>): SlidingWindow<K> {
  const windowStart = (key: K) => sql`(now() - make_interval(secs => ${spec.windowSeconds(key)}))`;

  // With `limit` attempts in the window, the one whose leaving it frees a place.
  const blocking = (key: K, limit: number) => sql`
    select extract(epoch from ${spec.at} - ${windowStart(key)}) as seconds_left
    from ${spec.table}
    where ${spec.matches(key)} and ${spec.at} > ${windowStart(key)}
    order by ${spec.at} desc
    offset ${limit - 1} limit 1`;

  const refusal = (key: K, row: Record<string, unknown> | undefined): Allowance | undefined => {
    if (!row) return undefined;
    const seconds = Math.ceil(Number(row.seconds_left));
    return { allowed: false, retryAfterSeconds: Math.min(Math.max(seconds, 1), spec.windowSeconds(key)) };
  };

  return {
    async take(key) {
      const limit = spec.limit(key);
      if (limit === 0) return { allowed: true };
      const db = await getDb();
      // A flood is mostly refusals: one indexed read each, no lock, no transaction holding a pool
      // connection while it waits behind the others, where it would starve other requests.
      const early = refusal(key, (await db.execute(blocking(key, limit))).rows[0]);
      if (early) return early;
      return db.transaction(async (tx) => {
        await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${spec.lockName(key)}, 0))`);
        await tx.delete(spec.table).where(and(spec.matches(key), lte(spec.at, windowStart(key))));
        const refused = refusal(key, (await tx.execute(blocking(key, limit))).rows[0]);
        if (refused) return refused;
        const [row] = await tx.insert(spec.table).values(spec.row(key)).returning({ id: spec.id });
        return { allowed: true as const, id: String((row as { id: unknown }).id) };
      });
    },

    async current(key) {
      const limit = spec.limit(key);
      if (limit === 0) return { allowed: true };
      const db = await getDb();
      return refusal(key, (await db.execute(blocking(key, limit))).rows[0]) ?? { allowed: true };
    },

    async giveBack(allowance) {
      if (!allowance.allowed || !allowance.id) return;
      const db = await getDb();
      await db.delete(spec.table).where(eq(spec.id, allowance.id));
    },

    async clear(key) {
      const db = await getDb();
      await db.delete(spec.table).where(spec.matches(key));
    },

    async purge(batch) {
      const db = await getDb();
      const { rows } = await db.execute(sql`
        delete from ${spec.table} where ${spec.id} in (
          select ${spec.id} from ${spec.table}
          where ${spec.at} <= now() - make_interval(secs => ${spec.rowWindowSeconds})
          limit ${batch})
        returning 1`);
      return rows.length;
    },
  };
}
