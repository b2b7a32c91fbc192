import 'server-only';
import { and, eq, gt, sql } from 'drizzle-orm';
import { secretHash } from '@/lib/auth/secrets';
import { getDb } from '@/lib/db';
import { preparedStatement, statementKind } from '@/lib/db/prepared';
import { sessions } from '@/lib/db/schema';

// Personal access tokens: `todo_pat_` and 32 random bytes (base64url), stored only as the
// SHA-256 of the secret, as a session of kind `personal` (lib/account/tokens.ts makes them).
// The prefix lets a secret scanner recognise a leaked one, and tells it from a signed token.

export const TOKEN_SCOPES = ['tasks:read', 'tasks:write', 'projects:read', 'projects:write', 'notifications:read'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

export const PERSONAL_TOKEN_PREFIX = 'todo_pat_';
const PERSONAL_TOKEN = /^todo_pat_([A-Za-z0-9_-]{43})$/;

export const isPersonalToken = (token: string): boolean => token.startsWith(PERSONAL_TOKEN_PREFIX);

/** Whether `granted` allows `needed`: a write scope includes its read scope. */
export function grants(granted: readonly TokenScope[], needed: TokenScope): boolean {
  return granted.includes(needed) || (needed.endsWith(':read') && granted.includes(needed.replace(/:read$/, ':write') as TokenScope));
}

export interface PersonalTokenCaller {
  userId: string;
  sessionId: string;
  scopes: readonly TokenScope[];
}

const findStatement = statementKind('find_personal_token', (db, _shape: Record<never, never>, name) =>
  db
    .select({ userId: sessions.userId, sessionId: sessions.id, scopes: sessions.scopes })
    .from(sessions)
    .where(and(eq(sessions.secretHash, sql.placeholder('hash')), eq(sessions.kind, 'personal'), gt(sessions.expiresAt, sql`now()`)))
    .limit(1)
    .prepare(name),
);

/**
 * The caller a personal token stands for; undefined for one that is malformed, revoked or
 * expired. Expired ones are refused here, so that such a request is a `401` before any scope
 * is weighed; every statement of the request checks again that the session is live.
 */
export async function callerOfPersonalToken(token: string): Promise<PersonalTokenCaller | undefined> {
  const secret = PERSONAL_TOKEN.exec(token)?.[1];
  if (!secret) return undefined;
  const [found] = await preparedStatement(await getDb(), findStatement, {}).execute({ hash: secretHash(secret) });
  return found && { userId: found.userId, sessionId: found.sessionId, scopes: (found.scopes ?? []) as TokenScope[] };
}
