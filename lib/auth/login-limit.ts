import 'server-only';
import { and, eq, lte, sql } from 'drizzle-orm';
import { getDb } from '@/lib/db';
import { loginFailures } from '@/lib/db/schema';

/** Failed sign-ins are counted per email over this sliding window… */
export const LOGIN_WINDOW_SECONDS = 15 * 60;
/** …and this many of them refuse every further attempt until the oldest leaves the window. */
export const MAX_LOGIN_FAILURES = 5;

export type LoginAttempt = { allowed: true } | { allowed: false; retryAfterSeconds: number };

const windowStart = sql`(now() - make_interval(secs => ${LOGIN_WINDOW_SECONDS}))`;

// The failure whose leaving the window brings the count below the limit: with exactly
// MAX_LOGIN_FAILURES counted, the oldest one.
const blockingFailure = (email: string) => sql`
  select extract(epoch from ${loginFailures.failedAt} - ${windowStart}) as seconds_left
  from ${loginFailures}
  where ${loginFailures.email} = ${email} and ${loginFailures.failedAt} > ${windowStart}
  order by ${loginFailures.failedAt} desc
  offset ${MAX_LOGIN_FAILURES - 1} limit 1`;

function refusal(blocking: Record<string, unknown> | undefined): LoginAttempt | undefined {
  if (!blocking) return undefined;
  const seconds = Math.ceil(Number(blocking.seconds_left));
  return { allowed: false, retryAfterSeconds: Math.min(Math.max(seconds, 1), LOGIN_WINDOW_SECONDS) };
}

/**
 * Asks to check a password for `email`. An allowed attempt is recorded as a failure before the
 * password is checked, and `clearLoginFailures()` removes it on success: counting and recording
 * happen under one per-email lock, so a burst of concurrent guesses gets exactly the allowed
 * number of tries, on every instance. A refused attempt is not recorded.
 */
export async function beginLoginAttempt(email: string): Promise<LoginAttempt> {
  const db = await getDb();
  const attempt = await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`login-limit:${email}`}, 0))`);
    await tx.delete(loginFailures).where(and(eq(loginFailures.email, email), lte(loginFailures.failedAt, windowStart)));
    const { rows } = await tx.execute(blockingFailure(email));
    const refused = refusal(rows[0]);
    if (refused) return refused;
    await tx.insert(loginFailures).values({ email });
    return { allowed: true as const };
  });
  await sweepOccasionally();
  return attempt;
}

/**
 * Whether `email` is refused right now, without counting an attempt: for answering a locked-out
 * browser sign-in before next-auth runs. `beginLoginAttempt()` still decides.
 */
export async function currentLockout(email: string): Promise<LoginAttempt> {
  const db = await getDb();
  const { rows } = await db.execute(blockingFailure(email));
  return refusal(rows[0]) ?? { allowed: true };
}

/** A successful sign-in: the count for this email starts again from zero. */
export async function clearLoginFailures(email: string): Promise<void> {
  const db = await getDb();
  await db.delete(loginFailures).where(eq(loginFailures.email, email));
}

/** Removes every failure that has left the window, whatever its email. */
export async function sweepExpiredLoginFailures(): Promise<void> {
  const db = await getDb();
  await db.delete(loginFailures).where(lte(loginFailures.failedAt, windowStart));
}

// Emails that never come back would otherwise keep their rows forever; each email's own old
// rows are removed on its next attempt, the rest at most once per window per process.
let lastSweep = 0;
async function sweepOccasionally(): Promise<void> {
  if (Date.now() - lastSweep < LOGIN_WINDOW_SECONDS * 1000) return;
  lastSweep = Date.now();
  await sweepExpiredLoginFailures();
}
