import 'server-only';
import { WEBHOOKS_PER_USER_MAX } from '@/lib/limits';
import { AUTH_ERRORS, errors, JSON_TYPE, jsonBody, NO_BODY_ERRORS, NO_CONTENT, NO_STORE, problem, ref, SERVER_ERRORS, type Json } from '@/lib/openapi/shared';
import { CreateWebhookBody, DeliverySchema, NewWebhookSchema, PatchWebhookBody, WebhookPathParams, WebhookSchema } from '@/lib/webhooks/schemas';

// The webhook routes of the OpenAPI document.

export const webhookRequestSchemas = { CreateWebhookBody, PatchWebhookBody, WebhookId: WebhookPathParams.shape.id };
export const webhookResponseSchemas = { Webhook: WebhookSchema, NewWebhook: NewWebhookSchema, WebhookDelivery: DeliverySchema };

const BODY_ERRORS = errors('BadRequest', 'ContentTooLarge', 'UnsupportedMediaType');
const ok = (description: string, schema: Json) => ({ description, headers: NO_STORE, content: { [JSON_TYPE]: { schema } } });
const NOT_FOUND = { '404': problem("No such webhook for this user. Another user's answers the same.") };
const ID = [ref('parameters', 'UserId'), { name: 'id', in: 'path', required: true, schema: ref('schemas', 'WebhookId') }];

const NOTE =
  'Deliveries follow the Standard Webhooks specification: a `POST` with `webhook-id` (the same on every attempt), `webhook-timestamp` and `webhook-signature` (`v1,<base64 HMAC-SHA256 of id.timestamp.body>` with the secret), body `{ type, timestamp, data: { task | project } }`, for changes to everything the owner can see. At least once: queued in the transaction of the change; a non-2xx answer or none in 10 s is tried again with growing delays for 24 hours, then marked failed; a webhook failing for 3 days in a row is disabled. URLs must be https:// to a public address (checked after resolving, and at each delivery; no redirects followed). A personal access token cannot reach these routes.';

export const webhookPaths: Record<string, Json> = {
  '/api/{user_id}/webhooks': {
    parameters: [ref('parameters', 'UserId')],
    get: {
      operationId: 'listWebhooks',
      tags: ['Webhooks'],
      summary: 'List webhooks',
      description: `${NOTE} Newest first, without their secrets.`,
      responses: { '200': ok('The webhooks.', { type: 'array', items: ref('schemas', 'Webhook') }), ...AUTH_ERRORS, ...NO_BODY_ERRORS, ...SERVER_ERRORS },
    },
    post: {
      operationId: 'createWebhook',
      tags: ['Webhooks'],
      summary: 'Add a webhook',
      description: `${NOTE} The signing secret is in \`secret\`, this once. At most ${WEBHOOKS_PER_USER_MAX} per account.`,
      requestBody: jsonBody('CreateWebhookBody'),
      responses: {
        '201': { description: 'The webhook, with its secret.', headers: { ...NO_STORE, Location: ref('headers', 'Location') }, content: { [JSON_TYPE]: { schema: ref('schemas', 'NewWebhook') } } },
        ...AUTH_ERRORS,
        ...BODY_ERRORS,
        '409': problem(`The account has ${WEBHOOKS_PER_USER_MAX} webhooks already.`),
        ...errors('ValidationFailed'),
        ...SERVER_ERRORS,
      },
    },
  },
  '/api/{user_id}/webhooks/{id}': {
    parameters: ID,
    get: {
      operationId: 'getWebhook',
      tags: ['Webhooks'],
      summary: 'Get a webhook',
      responses: { '200': ok('The webhook.', ref('schemas', 'Webhook')), ...AUTH_ERRORS, ...NO_BODY_ERRORS, ...NOT_FOUND, ...errors('ValidationFailed'), ...SERVER_ERRORS },
    },
    patch: {
      operationId: 'updateWebhook',
      tags: ['Webhooks'],
      summary: 'Change, pause or resume a webhook',
      description: 'A paused webhook gets no new deliveries; those already queued wait for it to resume. Resuming one that was disabled starts its count of failing days again.',
      requestBody: jsonBody('PatchWebhookBody'),
      responses: { '200': ok('The webhook, changed.', ref('schemas', 'Webhook')), ...AUTH_ERRORS, ...BODY_ERRORS, ...NOT_FOUND, ...errors('ValidationFailed'), ...SERVER_ERRORS },
    },
    delete: {
      operationId: 'deleteWebhook',
      tags: ['Webhooks'],
      summary: 'Delete a webhook',
      description: 'With its queued and logged deliveries.',
      responses: { '204': NO_CONTENT, ...AUTH_ERRORS, ...NO_BODY_ERRORS, ...NOT_FOUND, ...errors('ValidationFailed'), ...SERVER_ERRORS },
    },
  },
  '/api/{user_id}/webhooks/{id}/deliveries': {
    parameters: ID,
    get: {
      operationId: 'listWebhookDeliveries',
      tags: ['Webhooks'],
      summary: 'The delivery log',
      description: 'The last 100 deliveries, newest first: one row per event, with its attempts and the status of the last answer.',
      responses: {
        '200': ok('The deliveries.', { type: 'array', items: ref('schemas', 'WebhookDelivery') }),
        ...AUTH_ERRORS,
        ...NO_BODY_ERRORS,
        ...NOT_FOUND,
        ...errors('ValidationFailed'),
        ...SERVER_ERRORS,
      },
    },
  },
  '/api/{user_id}/webhooks/{id}/test': {
    parameters: ID,
    post: {
      operationId: 'testWebhook',
      tags: ['Webhooks'],
      summary: 'Send a test event',
      description: 'Queues a `webhook.test` event (`data: { webhook: { id, url } }`) to the webhook, paused or not; the delivery log shows how it went.',
      responses: { '202': { description: 'Queued. Empty body.', headers: NO_STORE }, ...AUTH_ERRORS, ...NO_BODY_ERRORS, ...NOT_FOUND, ...errors('ValidationFailed'), ...SERVER_ERRORS },
    },
  },
};
