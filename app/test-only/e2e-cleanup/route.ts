// POST /test-only/e2e-cleanup: the end-to-end suite deletes the accounts it made, so that a
// shared preview database is left as it was found. It exists only where E2E_CLEANUP_SECRET is
// set (the local Playwright server, the preview workflow's deployments) and answers 404
// everywhere else, and to a wrong secret. Until accounts can delete themselves (the accounts
// issue), this is the only way to remove one. Self-contained on purpose: the database and its
// schema, nothing else of the app.
import { timingSafeEqual } from 'node:crypto';
import { inArray } from 'drizzle-orm';
import { getDb } from '@/lib/db';
import { loginFailures, users } from '@/lib/db/schema';

export const dynamic = 'force-dynamic';

// Only the suite's own addresses (tests/e2e/helpers.ts newPerson): a leaked secret cannot
// delete a real person's account.
const E2E_EMAIL = /^[a-z0-9]+-[0-9a-f-]{13}@example\.com$/;
const MAX_EMAILS = 50;

const notFound = () => new Response(null, { status: 404 });

function secretMatches(given: string | null): boolean {
  const expected = process.env.E2E_CLEANUP_SECRET;
  if (!expected || !given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export async function POST(request: Request) {
  if (!secretMatches(request.headers.get('x-e2e-cleanup-secret'))) return notFound();
  const body = (await request.json().catch(() => null)) as { emails?: unknown } | null;
  const emails = body?.emails;
  if (!Array.isArray(emails) || emails.length > MAX_EMAILS || !emails.every((e) => typeof e === 'string' && E2E_EMAIL.test(e))) {
    return Response.json({ error: `emails: up to ${MAX_EMAILS} addresses made by the end-to-end suite` }, { status: 400 });
  }
  const db = await getDb();
  // Tasks and idempotency keys go with their user (ON DELETE CASCADE); sign-in failures are
  // kept by email, also for addresses that never had an account.
  const deleted = await db.transaction(async (tx) => {
    const removed = await tx.delete(users).where(inArray(users.email, emails)).returning({ id: users.id });
    await tx.delete(loginFailures).where(inArray(loginFailures.email, emails));
    return removed.length;
  });
  return Response.json({ deleted }, { headers: { 'Cache-Control': 'no-store' } });
}
