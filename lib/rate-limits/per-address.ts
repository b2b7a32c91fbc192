import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { addressAttempts } from '@/lib/db/schema';
import { env } from '@/lib/env';
import { slidingWindow, type Allowance } from '@/lib/rate-limits/sliding-window';

// Per client address: signups an hour, failed sign-ins in 15 minutes across all emails (password
// spraying). Both limits are settings (`0` turns one off).

export type AddressLimitKind = 'signup' | 'sign-in';
export type { Allowance as AddressAllowance };

const WINDOW_SECONDS: Record<AddressLimitKind, number> = { signup: 60 * 60, 'sign-in': 15 * 60 };

const attempts = slidingWindow<{ kind: AddressLimitKind; address: string }>({
  lockName: ({ kind, address }) => `address-limit:${kind}:${address}`,
  table: addressAttempts,
  id: addressAttempts.id,
  at: addressAttempts.attemptedAt,
  matches: ({ kind, address }) => and(eq(addressAttempts.kind, kind), eq(addressAttempts.address, address))!,
  row: ({ kind, address }) => ({ kind, address }),
  windowSeconds: ({ kind }) => WINDOW_SECONDS[kind],
  limit: ({ kind }) => (kind === 'signup' ? env().SIGNUP_LIMIT_PER_HOUR : env().FAILED_SIGNIN_LIMIT_PER_15_MIN),
  rowWindowSeconds: sql`(case ${addressAttempts.kind} when 'signup' then ${WINDOW_SECONDS.signup}::int else ${WINDOW_SECONDS['sign-in']}::int end)`,
});

/**
 * Takes one of the address's attempts of `kind`, or says when the next one is allowed. The
 * attempt is recorded now (a sign-in before its password is checked); `giveBack()` removes it
 * when it turns out not to count (a sign-in that succeeded).
 */
export const takeAddressAttempt = (kind: AddressLimitKind, address: string) => attempts.take({ kind, address });

/** Whether the address is refused right now, without taking an attempt. */
export const currentAddressRefusal = (kind: AddressLimitKind, address: string) => attempts.current({ kind, address });

/** An attempt that does not count after all (a sign-in that succeeded). */
export const giveBack = (allowance: Allowance) => attempts.giveBack(allowance);

/** Removes the attempts that have left their window, at most `batch` rows; how many went. */
export const purgeExpiredAddressAttempts = (batch: number) => attempts.purge(batch);
