import 'server-only';
import { z } from 'zod';
import type { Driver } from '@/lib/db';
import type { FieldError } from '@/lib/http/problem';
import type { Health } from '@/lib/db/health';

// Shapes the API answers with that no request validates: they exist for the OpenAPI document.
// Each is typed against the code that produces it, so a change there fails the typecheck here.

const fieldError = z
  .object({
    path: z.string().meta({ description: "Dotted path of the bad field (`title`, `items.0.name`); `''` for the whole body." }),
    message: z.string(),
  })
  .meta({ description: 'One bad field of a `422`.' }) satisfies z.ZodType<FieldError>;

export const ProblemDocument = z
  .object({
    type: z.string().meta({ description: 'Always `about:blank`: the status code says what happened.', examples: ['about:blank'] }),
    title: z.string().meta({ description: 'The reason phrase of the status code.', examples: ['Unprocessable Content'] }),
    status: z.int().min(400).max(599),
    detail: z.string().meta({ description: 'What went wrong, for people. Never a stack trace, SQL or driver message.' }),
    errors: z.array(fieldError).optional().meta({ description: 'Present on validation failures (`422`): one entry per bad field.' }),
  })
  .meta({
    description: 'An RFC 9457 problem document, sent as `application/problem+json` with every error.',
    examples: [
      {
        type: 'about:blank',
        title: 'Unprocessable Content',
        status: 422,
        detail: 'title must be 1-500 characters',
        errors: [{ path: 'title', message: 'must be 1-500 characters' }],
      },
    ],
  });

const driver = z.enum(['pglite', 'pg', 'neon']) satisfies z.ZodType<Driver>;

export const HealthResponse = z
  .discriminatedUnion('status', [
    z.object({
      status: z.literal('ok'),
      database: z.literal('ok'),
      driver,
      pool: z
        .object({ total: z.int().min(0), idle: z.int().min(0), waiting: z.int().min(0) })
        .optional()
        .meta({ description: 'Connections of the pool, where the driver has one.' }),
    }),
    z.object({ status: z.literal('unavailable'), database: z.literal('unreachable'), driver }),
  ])
  .meta({
    description: 'Plain JSON, not a problem document, in both states: monitors read `status`.',
  }) satisfies z.ZodType<Health>;

const userId = z.uuid();
const email = z.email().meta({ description: 'Trimmed and lower-cased as stored.' });
const name = z.string().max(100).nullable();
const timestamp = z.iso.datetime().meta({ description: 'ISO 8601, UTC.' });

export const SignupResponse = z
  .object({ id: userId, email, name, created_at: timestamp })
  .meta({ description: 'The new account. Never the password or its hash.' });

export const TokenResponse = z
  .object({
    access_token: z.string().meta({ description: 'Send it as `Authorization: Bearer <access_token>`.' }),
    token_type: z.literal('Bearer'),
    expires_in: z
      .int()
      .min(1)
      .max(30 * 24 * 60 * 60)
      .meta({ description: 'Seconds until the token expires: at most 30 days.' }),
    user: z.object({ id: userId, email, name }),
  })
  .meta({ description: 'An access token for the API.' });

export const BrowserSessionResponse = z
  .object({
    user: z.object({ id: z.uuid(), email: z.string().nullable(), name: z.string().nullable() }),
    expires: z.iso.datetime().meta({ description: 'When the cookie expires unless used again.' }),
    sessionId: z.uuid().meta({ description: 'The session row of this sign-in: `current` in `GET /api/{user_id}/sessions`.' }),
  })
  .nullable()
  .meta({ description: "The browser's session: null without a cookie, and for a cookie whose session has ended (signed out, revoked, or its account deleted)." });

export const CsrfTokenResponse = z
  .object({ csrfToken: z.string() })
  .meta({ description: "next-auth's CSRF token: send it back as `csrfToken` with the sign-in form; its cookie must come along." });
