import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Caller } from '@/lib/auth/caller';
import { getDb } from '@/lib/db';
import { preparedStatement, statementKind } from '@/lib/db/prepared';
import { sessions } from '@/lib/db/schema';

// Sessions found by a secret rather than a signed token (the calendar feed's address): the
// secret is shown once and stored only as its SHA-256 (it is 256 random bits: no salt or slow
// hash needed). Whether the session is live is for the request's statements to say (lib/scope).

/** 32 random bytes, base64url. */
export const newSecret = (): string => randomBytes(32).toString('base64url');
export const secretHash = (secret: string): string => createHash('sha256').update(secret).digest('hex');
const SECRET = /^[A-Za-z0-9_-]{43}$/;

const findStatement = statementKind('find_session_by_secret', (db, _shape: Record<never, never>, name) =>
  db
    .select({ userId: sessions.userId, sessionId: sessions.id })
    .from(sessions)
    // Only a calendar feed's: a personal token's secret has the same shape, and must not open the feed.
    .where(and(eq(sessions.secretHash, sql.placeholder('hash')), eq(sessions.kind, 'calendar')))
    .limit(1)
    .prepare(name),
);

/** The caller a secret stands for; undefined for one that is malformed or not (or no longer) a session's. */
export async function callerOfSecret(secret: string): Promise<Caller | undefined> {
  if (!SECRET.test(secret)) return undefined;
  const [found] = await preparedStatement(await getDb(), findStatement, {}).execute({ hash: secretHash(secret) });
  return found;
}
