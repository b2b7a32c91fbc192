import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { loginFailures } from '@/lib/db/schema';
import { slidingWindow, type Allowance } from '@/lib/rate-limits/sliding-window';

/** Failed sign-ins are counted per email over this sliding window… */
export const LOGIN_WINDOW_SECONDS = 15 * 60;
/** …and this many of them refuse every further attempt until the oldest leaves the window. */
export const MAX_LOGIN_FAILURES = 5;

const failures = slidingWindow<string>({
  lockName: (email) => `login-limit:${email}`,
  table: loginFailures,
  id: loginFailures.id,
  at: loginFailures.failedAt,
  matches: (email) => eq(loginFailures.email, email),
  row: (email) => ({ email }),
  windowSeconds: () => LOGIN_WINDOW_SECONDS,
  limit: () => MAX_LOGIN_FAILURES,
  rowWindowSeconds: sql`${LOGIN_WINDOW_SECONDS}::int`,
});

/**
 * Asks to check a password for `email`. An allowed attempt is recorded as a failure before the
 * password is checked, and `clearLoginFailures()` removes it on success, so a burst of
 * concurrent guesses gets exactly the allowed number of tries. A refused attempt is not recorded.
 */
export async function beginLoginAttempt(email: string): Promise<Allowance> {
  const attempt = await failures.take(email);
  await sweepOccasionally();
  return attempt;
}

/** Whether `email` is refused right now, without counting an attempt (a browser sign-in, before next-auth runs). */
export const currentLockout = (email: string) => failures.current(email);

/** A successful sign-in: the count for this email starts again from zero. */
export const clearLoginFailures = (email: string) => failures.clear(email);

/** Removes every failure that has left the window, whatever its email. */
export async function sweepExpiredLoginFailures(): Promise<void> {
  while ((await failures.purge(1_000)) === 1_000);
}

// Emails that never come back would otherwise keep their rows forever; each email's own old
// rows are removed on its next attempt, the rest at most once per window per process.
let lastSweep = 0;
async function sweepOccasionally(): Promise<void> {
  if (Date.now() - lastSweep < LOGIN_WINDOW_SECONDS * 1000) return;
  lastSweep = Date.now();
  await sweepExpiredLoginFailures();
}
