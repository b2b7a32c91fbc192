import 'server-only';
import { z } from 'zod';
import { TOKEN_SCOPES } from '@/lib/auth/personal-tokens';
import { NameText, NewPassword, Password } from '@/lib/auth/schemas';
import { NAME_MAX, PERSONAL_TOKEN_DAYS_MAX } from '@/lib/limits';
import { TimeZone } from '@/lib/time-zone';

// What the routes of the caller's own account and sessions take; the OpenAPI document is
// generated from these, as for every route.

export const PatchAccountBody = z
  .object({
    name: NameText.nullable()
      .optional()
      .meta({
        maxLength: NAME_MAX,
        description: `Display name, trimmed, at most ${NAME_MAX} characters. null or blank clears it; left out, it stays.`,
        examples: ['Ann', null],
      }),
    time_zone: TimeZone.optional(),
  })
  .refine((body) => body.name !== undefined || body.time_zone !== undefined, { path: ['name'], message: 'or time_zone is required' })
  .meta({
    id: 'PatchAccountBody',
    description: 'What changes; a field left out stays as it is. Fields not named here are ignored.',
    examples: [{ name: 'Ann' }, { time_zone: 'Europe/Berlin' }],
  });

export const ChangePasswordBody = z
  .object({ current_password: Password, new_password: NewPassword })
  .meta({
    id: 'ChangePasswordBody',
    description:
      'A wrong `current_password` answers `422` naming it, and counts as a failed sign-in of this email (after 5 within 15 minutes, `429`).',
    examples: [{ current_password: 'correct horse battery staple', new_password: 'a new and longer passphrase' }],
  });

export const DeleteAccountBody = z
  .object({ password: Password })
  .meta({
    id: 'DeleteAccountBody',
    description: 'The account\'s password, to confirm. A wrong one answers `422` naming it, and counts as a failed sign-in.',
    examples: [{ password: 'correct horse battery staple' }],
  });

export const SessionPathParams = z.object({
  id: z.uuid('must be a UUID').meta({ description: 'The id of one of the caller\'s sessions.' }),
});

export const CreateTokenBody = z
  .object({
    name: NameText.refine((s) => s.length > 0, 'must not be blank').meta({
      maxLength: NAME_MAX,
      description: `What the token is for, trimmed, 1–${NAME_MAX} characters.`,
      examples: ['Backup script'],
    }),
    scopes: z
      .array(z.enum(TOKEN_SCOPES, `must be one of ${TOKEN_SCOPES.join(', ')}`), 'must be a list of scopes')
      .min(1, 'must name at least one scope')
      .transform((scopes) => [...new Set(scopes)])
      .meta({ description: 'What the token may do. A write scope includes its read scope; the changes feed and the event stream need `tasks:read`.' }),
    expires_in_days: z
      .number('must be a number of days')
      .int('must be a whole number of days')
      .min(1, 'must be at least 1')
      .max(PERSONAL_TOKEN_DAYS_MAX, `must be at most ${PERSONAL_TOKEN_DAYS_MAX}`)
      .optional()
      .meta({ description: `Days until it stops working (1–${PERSONAL_TOKEN_DAYS_MAX}); left out, it works until revoked.` }),
  })
  .meta({
    id: 'CreateTokenBody',
    description: 'A personal access token to create.',
    examples: [{ name: 'Backup script', scopes: ['tasks:read', 'projects:read'], expires_in_days: 90 }],
  });

export const TokenPathParams = z.object({
  id: z.uuid('must be a UUID').meta({ description: "The id of one of the caller's personal access tokens." }),
});

export type NewToken = z.output<typeof CreateTokenBody>;
export type PasswordChange = z.output<typeof ChangePasswordBody>;
