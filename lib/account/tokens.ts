import 'server-only';
import { and, desc, eq, sql } from 'drizzle-orm';
import type { NewToken } from '@/lib/account/schemas';
import { PERSONAL_TOKEN_PREFIX, type TokenScope } from '@/lib/auth/personal-tokens';
import { newSecret, secretHash } from '@/lib/auth/secrets';
import { sessions } from '@/lib/db/schema';
import { parseTimestamptz } from '@/lib/db/timestamp';
import { DomainError } from '@/lib/errors';
import { PERSONAL_TOKENS_PER_USER_MAX } from '@/lib/limits';
import { ownedByCaller, scopedStatement, type Scope } from '@/lib/scope/scope';

// The caller's personal access tokens: made, listed and revoked here, used through the route
// guard (lib/auth/personal-tokens.ts finds them, lib/scope/permissions.ts weighs their scopes).
// A token is a session of kind `personal`: revoking deletes the row, and every statement of a
// request using it checks that row, so it is refused on its very next request. A password
// change ends them with every other session.

export interface TokenItem {
  id: string;
  name: string;
  scopes: TokenScope[];
  createdAt: Date;
  /** null: it works until revoked. */
  expiresAt: Date | null;
  lastUsedAt: Date | null;
}

export class TokenNotFound extends DomainError {
  constructor() {
    super(404, 'Personal access token not found');
  }
}

export class TooManyTokens extends DomainError {
  constructor() {
    super(409, `You have ${PERSONAL_TOKENS_PER_USER_MAX} personal access tokens, the most an account may have: revoke one first`);
  }
}

const columns = {
  id: sessions.id,
  name: sessions.name,
  scopes: sessions.scopes,
  createdAt: sessions.createdAt,
  // 'infinity' is "until revoked"; the application's timestamps are years 1–9999.
  expiresAt: sql`nullif(${sessions.expiresAt}, 'infinity')`.mapWith((value: string): Date | null => parseTimestamptz(value)),
  lastUsedAt: sessions.lastUsedAt,
};

type Row = Omit<TokenItem, 'name' | 'scopes'> & { name: string | null; scopes: string[] | null };

const toItem = (row: Row): TokenItem => ({ ...row, name: row.name!, scopes: (row.scopes ?? []) as TokenScope[] });

const personal = eq(sessions.kind, 'personal');

/** A new personal token of the caller's; the secret is in `token`, shown this once. */
export async function createToken(scope: Scope, body: NewToken): Promise<TokenItem & { token: string }> {
  const secret = newSecret();
  const days = body.expires_in_days;
  // The caller's session held (lib/scope): a revocation or an account deletion waits for it.
  // Two creates at once may pass the limit's edge by one each: it is against accumulation.
  const row = await scope.transaction(async (tx) => {
    const [held] = await tx.select({ count: sql<number>`count(*)::int` }).from(sessions).where(and(eq(sessions.userId, scope.userId), personal));
    if (held!.count >= PERSONAL_TOKENS_PER_USER_MAX) throw new TooManyTokens();
    const [created] = await tx
      .insert(sessions)
      .values({
        userId: scope.userId,
        kind: 'personal',
        lastUsedAt: null,
        expiresAt: days === undefined ? sql`'infinity'::timestamptz` : sql`now() + make_interval(days => ${days})`,
        secretHash: secretHash(secret),
        name: body.name,
        scopes: body.scopes,
      })
      .returning(columns);
    return created!;
  });
  return { ...toItem(row), token: `${PERSONAL_TOKEN_PREFIX}${secret}` };
}

const listStatement = scopedStatement('list_personal_tokens', (db, _shape: Record<never, never>, name) =>
  db
    .select(columns)
    .from(sessions)
    .where(and(ownedByCaller(sessions.userId), personal))
    .orderBy(desc(sessions.createdAt), desc(sessions.id))
    .prepare(name),
);

/** The caller's personal tokens, newest first, expired ones too (never their secrets). */
export async function listTokens(scope: Scope): Promise<TokenItem[]> {
  return (await scope.run(listStatement, {})).map((row) => toItem(row));
}

const revokeStatement = scopedStatement('revoke_personal_token', (db, _shape: Record<never, never>, name) =>
  db
    .delete(sessions)
    .where(and(eq(sessions.id, sql.placeholder('id')), personal, ownedByCaller(sessions.userId)))
    .returning({ id: sessions.id })
    .prepare(name),
);

/** Revokes one of the caller's personal tokens: its next request is refused. */
export async function revokeToken(scope: Scope, id: string): Promise<void> {
  const revoked = await scope.run(revokeStatement, {}, { id });
  if (!revoked.length) throw new TokenNotFound();
}
