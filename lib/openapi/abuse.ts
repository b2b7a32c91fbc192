import 'server-only';

// The OpenAPI parts of issue 11 (abuse limits): the cron route that purges expired records, and
// the answers of the per-address limits and the password-hashing gate.

type Json = Record<string, unknown>;

const problemContent = { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDocument' } } };
const retryAfter = { 'Retry-After': { $ref: '#/components/headers/Retry-After' } };

/** `429`: a per-email or per-address limit refuses the attempt. */
export const tooManyAttempts = (what: string): Json => ({
  description: `${what} Retry after \`Retry-After\` seconds.`,
  headers: retryAfter,
  content: problemContent,
});

/** `503` of the routes that hash a password: the database is unreachable, or this server's hashing queue is full. */
export const hashingOrDatabaseUnavailable: Json = {
  description:
    'The database is unreachable, or this server is already checking as many passwords as it queues (a flood of sign-ins): retry after `Retry-After` seconds.',
  headers: retryAfter,
  content: problemContent,
};

export const abusePaths: Record<string, Json> = {
  '/api/cron/purge': {
    get: {
      operationId: 'purgeExpiredRecords',
      tags: ['Service'],
      summary: 'Remove expired records (scheduler only)',
      description:
        'Removes `Idempotency-Key` records older than 24 hours and the per-address and per-email attempts that have left their windows, in bounded batches. Vercel Cron calls it daily (vercel.json). Needs `Authorization: Bearer <CRON_SECRET>`; without a `CRON_SECRET` setting the route answers `404`.',
      security: [{ cronSecret: [] }],
      responses: {
        '200': {
          description: 'How many records went.',
          headers: { 'Cache-Control': { $ref: '#/components/headers/Cache-Control' } },
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: {
                  purged: {
                    type: 'object',
                    properties: {
                      idempotency_keys: { type: 'integer', minimum: 0 },
                      address_attempts: { type: 'integer', minimum: 0 },
                      tombstones: { type: 'integer', minimum: 0, description: 'Deleted task and label ids past the 31 days the changes feed keeps them.' },
                    },
                    required: ['idempotency_keys', 'address_attempts', 'tombstones'],
                  },
                },
                required: ['purged'],
              },
            },
          },
        },
        '401': {
          description: 'Not the scheduler: the `Authorization` header is not `Bearer <CRON_SECRET>`.',
          headers: { 'WWW-Authenticate': { $ref: '#/components/headers/WWW-Authenticate' } },
          content: problemContent,
        },
        '404': { description: 'No `CRON_SECRET` is set on this server: the route is off.', content: problemContent },
        '413': { $ref: '#/components/responses/ContentTooLarge' },
        '500': { $ref: '#/components/responses/InternalError' },
        '503': { $ref: '#/components/responses/ServiceUnavailable' },
      },
    },
  },
};

export const abuseSecuritySchemes: Record<string, Json> = {
  cronSecret: { type: 'http', scheme: 'bearer', description: 'The `CRON_SECRET` setting, as Vercel Cron sends it.' },
};
