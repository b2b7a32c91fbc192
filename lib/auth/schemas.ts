import 'server-only';
import { z } from 'zod';
import { codePoints, EMAIL_MAX, hasNoNul, NAME_MAX, PASSWORD_MAX, PASSWORD_MIN } from '@/lib/limits';
import { userText } from '@/lib/text';
import { TimeZone } from '@/lib/time-zone';

// The single source for what signup and sign-in requests may carry: the routes and the
// next-auth Credentials provider validate with these, and the OpenAPI document is generated
// from them (`z.toJSONSchema(schema, { io: 'input' })`). Each field reports at most one
// problem (`abort`, `pipe`), so a `422` has one `errors` entry per bad field. Lengths are
// Unicode code points, as the contract says (zod's `.max()` counts UTF-16 units), declared
// to JSON Schema through `.meta()`, which counts code points too.

export { EMAIL_MAX, NAME_MAX, PASSWORD_MAX, PASSWORD_MIN };

const text = () => userText({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be a string') });
const noNul = { error: 'must not contain U+0000', abort: true } as const;

const Email = text()
  .trim()
  .toLowerCase()
  .max(EMAIL_MAX, { error: `must be at most ${EMAIL_MAX} characters`, abort: true })
  .pipe(z.email({ error: 'must be a valid email address' }))
  .meta({
    format: 'email',
    maxLength: EMAIL_MAX,
    description: `An email address of at most ${EMAIL_MAX} characters. Trimmed and lower-cased, so \`Ann@X.io\` and \`ann@x.io\` are one account.`,
    examples: ['ann@example.com'],
  });

export const NewPassword = text()
  .refine(hasNoNul, noNul)
  .refine((s) => codePoints(s) >= PASSWORD_MIN && codePoints(s) <= PASSWORD_MAX, `must be ${PASSWORD_MIN}-${PASSWORD_MAX} characters`)
  .meta({
    minLength: PASSWORD_MIN,
    maxLength: PASSWORD_MAX,
    format: 'password',
    description: `${PASSWORD_MIN} to ${PASSWORD_MAX} characters (Unicode code points), taken as typed (not trimmed). Stored only as an argon2id hash.`,
    examples: ['correct horse battery staple'],
  });

// Sign-in checks only what could ever match: a later change of the signup rule must not lock
// out accounts created under the old one.
export const Password = text()
  .refine(hasNoNul, noNul)
  .refine((s) => codePoints(s) >= 1 && codePoints(s) <= PASSWORD_MAX, `must be 1-${PASSWORD_MAX} characters`)
  .meta({ minLength: 1, maxLength: PASSWORD_MAX, format: 'password', examples: ['correct horse battery staple'] });

export const NameText = text()
  .trim()
  .refine(hasNoNul, noNul)
  .refine((s) => codePoints(s) <= NAME_MAX, `must be at most ${NAME_MAX} characters`);

const Name = NameText.nullish().meta({
  maxLength: NAME_MAX,
  description: `Optional display name, trimmed, at most ${NAME_MAX} characters. Left out, null or blank: no name (null).`,
  examples: ['Ann'],
});

export const SignupRequest = z
  .object({ email: Email, password: NewPassword, name: Name, time_zone: TimeZone.optional().meta({ description: 'The account\'s time zone; left out: `UTC`.' }) })
  .meta({
    id: 'SignupRequest',
    description: 'A new account. Fields not named here are ignored.',
    examples: [{ email: 'ann@example.com', password: 'correct horse battery staple', name: 'Ann', time_zone: 'Europe/Berlin' }],
  });

export const TokenRequest = z
  .object({ email: Email, password: Password })
  .meta({
    id: 'TokenRequest',
    description:
      'Credentials to exchange for an access token. After 5 failed attempts for one email within 15 minutes, every attempt answers 429 until the window passes.',
    examples: [{ email: 'ann@example.com', password: 'correct horse battery staple' }],
  });

export type SignupInput = z.output<typeof SignupRequest>;
export type Credentials = z.output<typeof TokenRequest>;
