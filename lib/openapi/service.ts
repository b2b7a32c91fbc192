import 'server-only';
import { HealthResponse } from '@/lib/openapi/responses';
import { errors, JSON_TYPE, NO_STORE, problem, ref, RETRY_AFTER, type Json } from '@/lib/openapi/shared';

// The service routes of the OpenAPI document: the health check, the document itself, and the
// scheduler's purge of expired records with the secret it authenticates by.

export const serviceResponseSchemas = { Health: HealthResponse };

// What the cron routes answer besides their result: the scheduler's own refusals, then the server's.
const CRON_ERRORS = {
  '401': problem('Not the scheduler: the `Authorization` header is not `Bearer <CRON_SECRET>`.', {
    'WWW-Authenticate': ref('headers', 'WWW-Authenticate'),
  }),
  '404': problem('No `CRON_SECRET` is set on this server: the route is off.'),
  ...errors('ContentTooLarge', 'InternalError', 'ServiceUnavailable'),
};

export const servicePaths: Record<string, Json> = {
  '/api/health': {
    get: {
      operationId: 'getHealth',
      tags: ['Service'],
      summary: 'Is the service up?',
      description: 'Asks the database for `select 1`, giving up after 2 seconds.',
      security: [],
      responses: {
        '200': {
          description: 'The service and its database answer.',
          headers: NO_STORE,
          content: { [JSON_TYPE]: { schema: ref('schemas', 'Health') } },
        },
        '503': {
          description: 'The database did not answer within 2 seconds (`status: "unavailable"`).',
          headers: { ...RETRY_AFTER, ...NO_STORE },
          content: { [JSON_TYPE]: { schema: ref('schemas', 'Health') } },
        },
        ...errors('ContentTooLarge'),
      },
    },
  },
  '/api/openapi.json': {
    get: {
      operationId: 'getOpenApiDocument',
      tags: ['Service'],
      summary: 'This document',
      description: 'The OpenAPI 3.1 description of the API, generated from the schemas the routes validate with. [/docs](/docs) renders it.',
      security: [],
      responses: {
        '200': { description: 'The document.', content: { [JSON_TYPE]: { schema: { type: 'object' } } } },
        '304': { description: '`If-None-Match` matches: the document has not changed.' },
        ...errors('ContentTooLarge'),
      },
    },
  },
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
          headers: NO_STORE,
          content: {
            [JSON_TYPE]: {
              schema: {
                type: 'object',
                properties: {
                  purged: {
                    type: 'object',
                    properties: {
                      idempotency_keys: { type: 'integer', minimum: 0 },
                      address_attempts: { type: 'integer', minimum: 0 },
                      tombstones: { type: 'integer', minimum: 0, description: 'Deleted task and label ids past the 31 days the changes feed keeps them.' },
                      webhook_deliveries: { type: 'integer', minimum: 0, description: 'Webhook deliveries finished more than 7 days ago.' },
                    },
                    required: ['idempotency_keys', 'address_attempts', 'tombstones', 'webhook_deliveries'],
                  },
                },
                required: ['purged'],
              },
            },
          },
        },
        ...CRON_ERRORS,
      },
    },
  },
  '/api/cron/reminders': {
    get: {
      operationId: 'fireDueReminders',
      tags: ['Service'],
      summary: 'Fire due reminders (scheduler only)',
      description:
        'Fires every reminder whose time has come, each exactly once however many schedulers run: its notification is written in the statement that claims it. One more than 24 hours late is dropped. Then pushes the notifications due to be pushed (Web Push) to their users\' browsers. Vercel Cron calls it every minute (vercel.json); `npm start` runs the same work in-process. Needs `Authorization: Bearer <CRON_SECRET>`; without a `CRON_SECRET` setting the route answers `404`.',
      security: [{ cronSecret: [] }],
      responses: {
        '200': {
          description: 'How many reminders were claimed, and how many notifications written (a dropped reminder has none).',
          headers: NO_STORE,
          content: {
            [JSON_TYPE]: {
              schema: {
                type: 'object',
                properties: {
                  reminders: {
                    type: 'object',
                    properties: { claimed: { type: 'integer', minimum: 0 }, notified: { type: 'integer', minimum: 0 } },
                    required: ['claimed', 'notified'],
                  },
                  pushes: {
                    type: 'object',
                    description:
                      'Web Push sends: accepted by a push service, subscriptions dropped (their endpoint answered 403, 404 or 410), pushes refused for good (another 4xx), and failures to try again.',
                    properties: {
                      sent: { type: 'integer', minimum: 0 },
                      dropped: { type: 'integer', minimum: 0 },
                      rejected: { type: 'integer', minimum: 0 },
                      failed: { type: 'integer', minimum: 0 },
                    },
                    required: ['sent', 'dropped', 'rejected', 'failed'],
                  },
                },
                required: ['reminders', 'pushes'],
              },
            },
          },
        },
        ...CRON_ERRORS,
      },
    },
  },
  '/api/cron/webhooks': {
    get: {
      operationId: 'deliverDueWebhooks',
      tags: ['Service'],
      summary: 'Send due webhook deliveries (scheduler only)',
      description:
        'Sends every webhook delivery whose attempt is due, each by one sender at a time however many run (SKIP LOCKED), signed per Standard Webhooks; a failed one is tried again after growing delays for 24 hours. Vercel Cron calls it every minute (vercel.json); `npm start` sends every second in-process. Needs `Authorization: Bearer <CRON_SECRET>`; without a `CRON_SECRET` setting the route answers `404`.',
      security: [{ cronSecret: [] }],
      responses: {
        '200': {
          description: 'Deliveries answered 2xx, attempts that failed and will be tried again, and deliveries given up.',
          headers: NO_STORE,
          content: {
            [JSON_TYPE]: {
              schema: {
                type: 'object',
                properties: { delivered: { type: 'integer', minimum: 0 }, retrying: { type: 'integer', minimum: 0 }, failed: { type: 'integer', minimum: 0 } },
                required: ['delivered', 'retrying', 'failed'],
              },
            },
          },
        },
        ...CRON_ERRORS,
      },
    },
  },
};

export const serviceSecuritySchemes: Record<string, Json> = {
  cronSecret: { type: 'http', scheme: 'bearer', description: 'The `CRON_SECRET` setting, as Vercel Cron sends it.' },
};
