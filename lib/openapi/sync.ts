import 'server-only';
import { errors, JSON_TYPE, NO_STORE, problem, ref, RETRY_AFTER, type Json } from '@/lib/openapi/shared';
import { ChangesQuery, ChangesSchema } from '@/lib/sync/schemas';

// The changes feed and the event stream in the OpenAPI document (issue 14; the contract's
// "v2: changes feed and live updates"). document.ts turns the query schema into parameters.

export const syncRequestSchemas = { ChangesQuery };
export const syncResponseSchemas = { Changes: ChangesSchema };

export function syncPaths(changesParameters: Json[]): Record<string, Json> {
  return {
    '/api/{user_id}/tasks/changes': {
      parameters: [ref('parameters', 'UserId')],
      get: {
        operationId: 'listTaskChanges',
        tags: ['Tasks'],
        summary: 'What changed since a cursor (sync)',
        description:
          "Without `since`, a full sync: every task of the caller, and a cursor. With `since`, each task created or changed after that cursor once, in its latest state, and the ids of tasks deleted after it; a label rename or delete counts as a change of each task that carried it. Call again with the returned `cursor` while `more` is true. Nothing is missed or repeated while other requests write concurrently: the cursor holds a database snapshot, and an answer returns the writes that committed after it, in whatever order their transactions began. Cursors last 30 days.",
        parameters: changesParameters,
        responses: {
          '200': { description: 'A page of changes.', headers: NO_STORE, content: { [JSON_TYPE]: { schema: ref('schemas', 'Changes') } } },
          '410': problem('The cursor is older than the 30 days deleted ids are kept (or the database was restored to an earlier state): start again with a full sync, without `since`.'),
          '422': problem("`since` is not a changes cursor of the caller's (another user's, edited, or a list cursor), or `limit` is out of range: `errors[].path` names it."),
          ...errors('Unauthorized', 'Forbidden', 'ContentTooLarge', 'InternalError', 'ServiceUnavailable'),
        },
      },
    },
    '/api/{user_id}/events': {
      parameters: [ref('parameters', 'UserId')],
      get: {
        operationId: 'streamEvents',
        tags: ['Tasks'],
        summary: 'Live updates (server-sent events)',
        description:
          'A `text/event-stream`. `event: changed` with `data: {"cursor": "…"}` follows each change of the caller\'s tasks or labels, from any server instance, within 2 seconds; `cursor` is the feed\'s position after it (a client that is behind calls the changes feed with its own cursor). A comment line at least every 25 s keeps the connection open. The server ends a stream when its session is signed out, after about 270 s, and when it restarts: clients reconnect (EventSource does so by itself, after the `retry` the stream sets) and catch up through the changes feed. Browsers authenticate with the session cookie; other clients may send a bearer token.',
        responses: {
          '200': {
            description: 'The stream.',
            headers: { 'Cache-Control': { description: '`no-store, no-transform`: no proxy may buffer or compress it.', schema: { type: 'string' } } },
            content: { 'text/event-stream': { schema: { type: 'string' }, example: 'retry: 2000\n: connected\n\nevent: changed\ndata: {"cursor":"eyJr…"}\n\n' } },
          },
          '503': problem('The server is restarting (or the database is unavailable): reconnect after `Retry-After` seconds.', RETRY_AFTER),
          ...errors('Unauthorized', 'Forbidden', 'ContentTooLarge', 'InternalError'),
        },
      },
    },
  };
}
