import 'server-only';
import { MarkReadBody, NotificationSchema, NotificationsQuery } from '@/lib/notifications/schemas';
import { AUTH_ERRORS, errors, JSON_TYPE, jsonBody, NO_BODY_ERRORS, NO_CONTENT, NO_STORE, problem, ref, SERVER_ERRORS, type Json } from '@/lib/openapi/shared';

// The notification routes of the OpenAPI document; document.ts turns the query schema into parameters.

export const notificationRequestSchemas = { NotificationsQuery, MarkNotificationsReadBody: MarkReadBody };
export const notificationResponseSchemas = { Notification: NotificationSchema };

export function notificationPaths(listParameters: Json[]): Record<string, Json> {
  return {
    '/api/{user_id}/notifications': {
      parameters: [ref('parameters', 'UserId')],
      get: {
        operationId: 'listNotifications',
        tags: ['Notifications'],
        summary: 'List notifications',
        description:
          "The caller's notifications, newest first: a reminder that fired, an invitation to a project, a task someone else assigned to the caller. The event stream sends `event: notification` when one arrives.",
        parameters: listParameters,
        responses: {
          '200': {
            description: 'A page of notifications.',
            headers: {
              ...NO_STORE,
              'X-Total-Count': { description: 'How many notifications match `unread`, over all pages.', schema: { type: 'integer', minimum: 0 } },
              Link: { description: 'Present while more remain: `<…?cursor=…>; rel="next"`.', schema: { type: 'string' } },
            },
            content: { [JSON_TYPE]: { schema: { type: 'array', items: ref('schemas', 'Notification') } } },
          },
          '422': problem('`unread`, `limit` or `cursor` is invalid (a cursor of another filter or user too).'),
          ...AUTH_ERRORS,
          ...NO_BODY_ERRORS,
          ...SERVER_ERRORS,
        },
      },
    },
    '/api/{user_id}/notifications/read': {
      parameters: [ref('parameters', 'UserId')],
      post: {
        operationId: 'markNotificationsRead',
        tags: ['Notifications'],
        summary: 'Mark notifications read',
        description: 'The named ones, or all. Ids that are not the caller\'s notifications are ignored.',
        requestBody: jsonBody('MarkNotificationsReadBody'),
        responses: {
          '204': NO_CONTENT,
          ...AUTH_ERRORS,
          ...errors('UnsupportedMediaType', 'ContentTooLarge', 'BadRequest', 'ValidationFailed'),
          ...SERVER_ERRORS,
        },
      },
    },
  };
}
