import 'server-only';
import { z } from 'zod';
import type { Account } from '@/lib/account/account';
import type { SessionListItem } from '@/lib/account/sessions';
import type { TokenItem } from '@/lib/account/tokens';
import { PERSONAL_TOKEN_PREFIX, TOKEN_SCOPES } from '@/lib/auth/personal-tokens';
import { NAME_MAX } from '@/lib/limits';

// The JSON of the account and sessions routes, and its schemas for the OpenAPI document.

const timestamp = z.iso.datetime().meta({ description: 'ISO 8601, UTC.' });

export const AccountSchema = z
  .object({
    id: z.uuid(),
    email: z.email().meta({ description: 'Trimmed and lower-cased as stored.' }),
    name: z.string().max(NAME_MAX).nullable(),
    time_zone: z.string().meta({ description: 'IANA time zone name; `UTC` unless set at signup or since.', examples: ['Europe/Berlin'] }),
    created_at: timestamp,
  })
  .meta({ description: 'The caller\'s account. Never the password or its hash.' });

export const SessionSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(['browser', 'token']).meta({ description: '`browser`: a sign-in on /login (the cookie); `token`: `POST /api/auth/token` (or a password change).' }),
    created_at: timestamp.meta({ description: 'When this sign-in happened.' }),
    last_used_at: timestamp.meta({ description: 'The last request made with it; may lag by up to 5 minutes.' }),
    user_agent: z.string().nullable().meta({ description: 'The `User-Agent` of the sign-in, as sent (at most 500 characters).' }),
    current: z.boolean().meta({ description: 'true for the session of this request.' }),
  })
  .meta({ description: 'A signed-in browser or API client.' });

export const TokenSchema = z
  .object({
    id: z.uuid(),
    name: z.string().max(NAME_MAX),
    scopes: z.array(z.enum(TOKEN_SCOPES)),
    created_at: timestamp,
    expires_at: timestamp.nullable().meta({ description: 'When it stops working; null: when it is revoked.' }),
    last_used_at: timestamp.nullable().meta({ description: 'The last request made with it (may lag by up to 5 minutes); null: never used.' }),
  })
  .meta({ description: 'A personal access token, without its secret.' });

export const NewTokenSchema = TokenSchema.extend({
  token: z.string().meta({
    description: `The token, \`${PERSONAL_TOKEN_PREFIX}…\`: send it as \`Authorization: Bearer <token>\`. Shown this once; only its hash is kept.`,
  }),
}).meta({ description: 'A new personal access token, with its secret.' });

export type AccountJson = z.infer<typeof AccountSchema>;
export type SessionJson = z.infer<typeof SessionSchema>;

export function toAccountJson(account: Account): AccountJson {
  return { id: account.id, email: account.email, name: account.name, time_zone: account.timeZone, created_at: account.createdAt.toISOString() };
}

export type TokenJson = z.infer<typeof TokenSchema>;

export function toTokenJson(token: TokenItem): TokenJson {
  return {
    id: token.id,
    name: token.name,
    scopes: token.scopes,
    created_at: token.createdAt.toISOString(),
    expires_at: token.expiresAt?.toISOString() ?? null,
    last_used_at: token.lastUsedAt?.toISOString() ?? null,
  };
}

export function toSessionJson(session: SessionListItem): SessionJson {
  return {
    id: session.id,
    kind: session.kind,
    created_at: session.createdAt.toISOString(),
    last_used_at: session.lastUsedAt.toISOString(),
    user_agent: session.userAgent,
    current: session.current,
  };
}
