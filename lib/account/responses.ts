import 'server-only';
import { z } from 'zod';
import type { Account } from '@/lib/account/account';
import type { SessionListItem } from '@/lib/account/sessions';
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

export type AccountJson = z.infer<typeof AccountSchema>;
export type SessionJson = z.infer<typeof SessionSchema>;

export function toAccountJson(account: Account): AccountJson {
  return { id: account.id, email: account.email, name: account.name, time_zone: account.timeZone, created_at: account.createdAt.toISOString() };
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
