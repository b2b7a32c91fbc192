import 'server-only';
import { and, eq, lte, sql } from 'drizzle-orm';
import { getDb } from '@/lib/db';
import { addressAttempts } from '@/lib/db/schema';
import { env } from '@/lib/env';

// Per client address: signups an hour, failed sign-ins in 15 minutes across all emails (password
// spraying). Counted in the database, under a per-(kind, address) lock, so that a burst gets
// exactly the allowed number on every instance.

export type AddressLimitKind = 'signup' | 'sign-in';

const WINDOW_SECONDS: Record<AddressLimitKind, number> = { signup: 60 * 60, 'sign-in': 15 * 60 };

function limitOf(kind: AddressLimitKind): number {
  const e = env();
  return kind === 'signup' ? e.SIGNUP_LIMIT_PER_HOUR : e.FAILED_SIGNIN_LIMIT_PER_15_MIN;
}

export type AddressAllowance = { allowed: true; id?: string } | { allowed: false; retryAfterSeconds: number };

const windowStart = (kind: AddressLimitKind) => sql`(now() - make_interval(secs => ${WINDOW_SECONDS[kind]}))`;

// With `limit` attempts in the window, the one whose leaving it frees a place.
const blockingAttempt = (kind: AddressLimitKind, address: string, limit: number) => sql`
  select extract(epoch from ${addressAttempts.attemptedAt} - ${windowStart(kind)}) as seconds_left
  from ${addressAttempts}
  where ${addressAttempts.kind} = ${kind} and ${addressAttempts.address} = ${address}
    and ${addressAttempts.attemptedAt} > ${windowStart(kind)}
  order by ${addressAttempts.attemptedAt} desc
  offset ${limit - 1} limit 1`;

function refusal(kind: AddressLimitKind, row: Record<string, unknown> | undefined): AddressAllowance | undefined {
  if (!row) return undefined;
  const seconds = Math.ceil(Number(row.seconds_left));
  return { allowed: false, retryAfterSeconds: Math.min(Math.max(seconds, 1), WINDOW_SECONDS[kind]) };
}

/**
 * Takes one of the address's attempts of `kind`, or says when the next one is allowed. The
 * attempt is recorded now (a sign-in before its password is checked); `giveBack()` removes it
 * when it turns out not to count (a sign-in that succeeded).
 */
export async function takeAddressAttempt(kind: AddressLimitKind, address: string): Promise<AddressAllowance> {
  const limit = limitOf(kind);
  if (limit === 0) return { allowed: true };
  const db = await getDb();
  // A flood from one address is mostly refusals: one indexed read each, no lock, no transaction
  // holding a pool connection while it waits behind the others (that starved other requests).
  const early = refusal(kind, (await db.execute(blockingAttempt(kind, address, limit))).rows[0]);
  if (early) return early;
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`address-limit:${kind}:${address}`}, 0))`);
    await tx
      .delete(addressAttempts)
      .where(and(eq(addressAttempts.kind, kind), eq(addressAttempts.address, address), lte(addressAttempts.attemptedAt, windowStart(kind))));
    const { rows } = await tx.execute(blockingAttempt(kind, address, limit));
    const refused = refusal(kind, rows[0]);
    if (refused) return refused;
    const [row] = await tx.insert(addressAttempts).values({ kind, address }).returning({ id: addressAttempts.id });
    return { allowed: true as const, id: row!.id };
  });
}

/** Whether the address is refused right now, without taking an attempt. */
export async function currentAddressRefusal(kind: AddressLimitKind, address: string): Promise<AddressAllowance> {
  const limit = limitOf(kind);
  if (limit === 0) return { allowed: true };
  const db = await getDb();
  const { rows } = await db.execute(blockingAttempt(kind, address, limit));
  return refusal(kind, rows[0]) ?? { allowed: true };
}

/** An attempt that does not count after all (a sign-in that succeeded). */
export async function giveBack(allowance: AddressAllowance): Promise<void> {
  if (!allowance.allowed || !allowance.id) return;
  const db = await getDb();
  await db.delete(addressAttempts).where(eq(addressAttempts.id, allowance.id));
}

/** Removes the attempts that have left their window, at most `batch` rows; how many went. */
export async function purgeExpiredAddressAttempts(batch: number): Promise<number> {
  const db = await getDb();
  const { rows } = await db.execute(sql`
    delete from ${addressAttempts} where ${addressAttempts.id} in (
      select id from ${addressAttempts}
      where attempted_at <= now() - make_interval(secs => (case kind when 'signup' then ${WINDOW_SECONDS.signup}::int else ${WINDOW_SECONDS['sign-in']}::int end))
      limit ${batch})
    returning 1`);
  return rows.length;
}
