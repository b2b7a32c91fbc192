import 'server-only';
import { z } from 'zod';
import { NameText, NewPassword, Password } from '@/lib/auth/schemas';
import { NAME_MAX } from '@/lib/limits';
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

export type PasswordChange = z.output<typeof ChangePasswordBody>;
