import 'server-only';
import { PushKeySchema, PushSubscriptionBody, PushSubscriptionSchema } from '@/lib/push/schemas';
import { AUTH_ERRORS, errors, JSON_TYPE, jsonBody, NO_BODY_ERRORS, NO_CONTENT, NO_STORE, problem, ref, SERVER_ERRORS, type Json } from '@/lib/openapi/shared';

// The Web Push routes of the OpenAPI document.

export const pushRequestSchemas = { PushSubscriptionBody };
export const pushResponseSchemas = { PushSubscription: PushSubscriptionSchema, PushKey: PushKeySchema };

export const pushPaths: Record<string, Json> = {
  '/api/push/key': {
    get: {
      operationId: 'getPushKey',
      tags: ['Notifications'],
      summary: "The server's Web Push key",
      description: 'The VAPID public key to pass to `pushManager.subscribe()` as `applicationServerKey`. No authentication.',
      security: [],
      responses: {
        '200': { description: 'The key.', content: { [JSON_TYPE]: { schema: ref('schemas', 'PushKey') } } },
        '404': problem('Web Push is off on this server (no VAPID keys are set).'),
        ...NO_BODY_ERRORS,
        ...errors('InternalError'),
      },
    },
  },
  '/api/{user_id}/push-subscriptions': {
    parameters: [ref('parameters', 'UserId')],
    get: {
      operationId: 'listPushSubscriptions',
      tags: ['Notifications'],
      summary: "List the caller's push subscriptions",
      responses: {
        '200': { description: 'Oldest first.', headers: NO_STORE, content: { [JSON_TYPE]: { schema: { type: 'array', items: ref('schemas', 'PushSubscription') } } } },
        ...AUTH_ERRORS,
        ...NO_BODY_ERRORS,
        ...SERVER_ERRORS,
      },
    },
    post: {
      operationId: 'createPushSubscription',
      tags: ['Notifications'],
      summary: 'Push notifications to this browser',
      description:
        "Every notification of the caller is pushed, encrypted, to each of their subscriptions. The subscription belongs to the session that makes it: signing that session out, revoking it or deleting the account drops it (an expiry does not). The same endpoint again replaces the old subscription. The endpoint must be `https://` to a public address, checked after resolving its name (a server started with `PUSH_ALLOW_PRIVATE_ENDPOINTS=1`, for tests, also takes `http://` and private addresses).",
      requestBody: jsonBody('PushSubscriptionBody'),
      responses: {
        '201': { description: 'The subscription.', headers: NO_STORE, content: { [JSON_TYPE]: { schema: ref('schemas', 'PushSubscription') } } },
        '422': problem('A field is invalid, or the endpoint is not one the server may send to (not https, not public, not resolving).'),
        ...AUTH_ERRORS,
        ...errors('UnsupportedMediaType', 'ContentTooLarge', 'BadRequest'),
        ...SERVER_ERRORS,
      },
    },
  },
  '/api/{user_id}/push-subscriptions/{id}': {
    parameters: [ref('parameters', 'UserId'), { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
    delete: {
      operationId: 'deletePushSubscription',
      tags: ['Notifications'],
      summary: 'Stop pushing to a browser',
      responses: {
        '204': NO_CONTENT,
        '404': problem("No subscription of the caller's has this id."),
        '422': problem('`id` is not a UUID.'),
        ...AUTH_ERRORS,
        ...NO_BODY_ERRORS,
        ...SERVER_ERRORS,
      },
    },
  },
};
