import 'server-only';
import { TASKS_PER_USER_MAX } from '@/lib/limits';
import { errors, JSON_TYPE, jsonBody, NO_STORE, problem, ref, type Json } from '@/lib/openapi/shared';
import { CreateTaskBody, ListTasksQuery, MoveTaskBody, PatchTaskBody, ReplaceTaskBody, TaskSchema } from '@/lib/tasks/schemas';

// The task routes of the OpenAPI document: their paths, and the zod schemas document.ts turns
// into components (ListTasksQuery into the list's query parameters instead).

export const taskRequestSchemas = { ListTasksQuery, CreateTaskBody, ReplaceTaskBody, PatchTaskBody, MoveTaskBody };
export const taskResponseSchemas = { Task: TaskSchema };

const TASK_PATH = [ref('parameters', 'UserId'), ref('parameters', 'TaskId')];

const taskResponse = (description: string, headers: Record<string, Json> = {}) => ({
  description,
  headers: { ETag: ref('headers', 'ETag'), ...NO_STORE, ...headers },
  content: { [JSON_TYPE]: { schema: ref('schemas', 'Task') } },
});

/** `403`: the path's user is not the caller, or the task's (or the target's) project is one the caller may only read. */
const READ_ONLY = problem('`{user_id}` is not the caller, or the task is in a project the caller may only read (a viewer): `detail: "You may only read this project"`.');

// The errors of the writes to one task: the toggle and DELETE (no body), PUT and PATCH (a body).
const TASK_WRITE_ERRORS = {
  ...errors('Unauthorized', 'TaskNotFound', 'PreconditionFailed', 'ContentTooLarge', 'ValidationFailed', 'InternalError', 'ServiceUnavailable'),
  '403': READ_ONLY,
};
const TASK_UPDATE_ERRORS = {
  ...TASK_WRITE_ERRORS,
  ...errors('BadRequest', 'ContentTooLarge', 'UnsupportedMediaType'),
  '404': problem('No such task for this user (`detail: "Task not found"`), or a `project_id` or `parent_id` the caller cannot see.'),
  '422': problem(
    'A path or body value is invalid (`errors` lists each bad field): also a `parent_id` in another list than the task, one of its own subtasks, or one that would make subtasks more than 4 levels deep.',
  ),
};

export function taskPaths(listParameters: Json[]): Record<string, Json> {
  return {
    '/api/{user_id}/tasks': {
      parameters: [ref('parameters', 'UserId')],
      get: {
        operationId: 'listTasks',
        tags: ['Tasks'],
        summary: 'List tasks',
        description:
          'A page of the tasks the caller sees (their Inbox and the projects they are a member of; `project` narrows it to one), as a plain JSON array, in a total and stable order (ties break on `id`). Keyset pagination: a task created or deleted between pages never makes another repeat or vanish. A `cursor` used with other filters or sort answers `422`.',
        parameters: listParameters,
        responses: {
          '200': {
            description: 'The page of tasks.',
            headers: { 'X-Total-Count': ref('headers', 'X-Total-Count'), Link: ref('headers', 'Link'), ...NO_STORE },
            content: { [JSON_TYPE]: { schema: { type: 'array', items: ref('schemas', 'Task') } } },
          },
          ...errors('Unauthorized', 'Forbidden', 'ContentTooLarge', 'ValidationFailed', 'InternalError', 'ServiceUnavailable'),
          '404': problem('`project` names a project the caller is not a member of, or `parent` a task they cannot see.'),
        },
      },
      post: {
        operationId: 'createTask',
        tags: ['Tasks'],
        summary: 'Create a task',
        description:
          'The creator (`user_id`) is always the caller; `id`, `user_id` and timestamps in the body are ignored. Without `project_id` the task goes to the caller\'s Inbox; with `parent_id` alone, to its parent\'s list; at the top of that list\'s manual order. With an `Idempotency-Key`, a retry with the same key and the same body (equal as parsed JSON) within 24 hours answers the first response again and creates nothing; a retry that arrives while the first is still running waits for it and then answers its response; keys are per user.',
        parameters: [ref('parameters', 'IdempotencyKey')],
        requestBody: jsonBody('CreateTaskBody'),
        responses: {
          '201': taskResponse('The new task (or, for a repeated `Idempotency-Key`, the first response again).', {
            Location: ref('headers', 'Location'),
            'Idempotent-Replayed': ref('headers', 'Idempotent-Replayed'),
          }),
          ...errors('BadRequest', 'Unauthorized'),
          '403': problem('`{user_id}` is not the caller, or the task would go to a project the caller may only read (a viewer).'),
          '404': problem('A `project_id` or `parent_id` the caller cannot see.'),
          '409': problem('Rare: the `Idempotency-Key` expired and was taken by another request while this one waited for it; retry. No second task is created.'),
          ...errors('ContentTooLarge', 'UnsupportedMediaType'),
          '422': problem(
            `A body value is invalid (\`errors\` lists each bad field: also a \`parent_id\` in another list than \`project_id\`, or one that would make subtasks more than 4 levels deep), or the \`Idempotency-Key\` is malformed or was used with a different body, or the account already holds ${TASKS_PER_USER_MAX} tasks, the most it may (imports count too): nothing is created.`,
          ),
          ...errors('InternalError', 'ServiceUnavailable'),
        },
      },
    },
    '/api/{user_id}/tasks/{id}': {
      parameters: TASK_PATH,
      get: {
        operationId: 'getTask',
        tags: ['Tasks'],
        summary: 'Get a task',
        parameters: [ref('parameters', 'IfNoneMatch')],
        responses: {
          '200': taskResponse('The task.'),
          '304': {
            description: '`If-None-Match` matches: the task has not changed. No body.',
            headers: { ETag: ref('headers', 'ETag'), ...NO_STORE },
          },
          ...errors('Unauthorized', 'Forbidden', 'TaskNotFound', 'ContentTooLarge', 'ValidationFailed', 'InternalError', 'ServiceUnavailable'),
        },
      },
      put: {
        operationId: 'replaceTask',
        tags: ['Tasks'],
        summary: 'Replace a task',
        description:
          '`title` is required. A `description` left out keeps its value; `null` clears it. `completed` is never changed by `PUT`, whatever the body holds. A new `project_id` moves the task, with its subtasks, to the top of that list.',
        parameters: [ref('parameters', 'IfMatch')],
        requestBody: jsonBody('ReplaceTaskBody'),
        responses: {
          '200': taskResponse('The updated task.'),
          ...TASK_UPDATE_ERRORS,
        },
      },
      patch: {
        operationId: 'updateTask',
        tags: ['Tasks'],
        summary: 'Update some fields of a task',
        description:
          'Changes only the fields the body sends; an empty object answers `422`. A new `project_id` moves the task, with its subtasks, to the top of that list (it leaves its parent unless `parent_id` names one there). Completing a task completes its open subtasks in the same statement; completing a repeating one moves its date and reopens them.',
        parameters: [ref('parameters', 'IfMatch')],
        requestBody: jsonBody('PatchTaskBody'),
        responses: {
          '200': taskResponse('The updated task.'),
          ...TASK_UPDATE_ERRORS,
        },
      },
      delete: {
        operationId: 'deleteTask',
        tags: ['Tasks'],
        summary: 'Delete a task',
        parameters: [ref('parameters', 'IfMatch')],
        responses: {
          '204': { description: 'Deleted. Empty body.', headers: NO_STORE },
          ...TASK_WRITE_ERRORS,
        },
      },
    },
    '/api/{user_id}/tasks/{id}/complete': {
      parameters: TASK_PATH,
      patch: {
        operationId: 'toggleTaskCompletion',
        tags: ['Tasks'],
        summary: 'Flip a task between done and not done',
        description:
          'Flips `completed` in one atomic statement: concurrent toggles never lose an update. Completing a task completes its open subtasks in the same statement; a repeating task moves to its next occurrence and its subtasks reopen. Takes no body.',
        parameters: [ref('parameters', 'IfMatch')],
        responses: {
          '200': taskResponse('The task, with `completed` flipped.'),
          ...TASK_WRITE_ERRORS,
        },
      },
    },
    '/api/{user_id}/tasks/{id}/move': {
      parameters: TASK_PATH,
      post: {
        operationId: 'moveTask',
        tags: ['Tasks'],
        summary: 'Move a task in the manual order',
        description:
          'Puts the task just above (`before`) or below (`after`) another task of its list (the Inbox or its project), or at the top or bottom (`to`) of its list; list with `sort=position` to see the order. Concurrent moves always leave every task once, with distinct positions; no move is refused for lack of room.',
        parameters: [ref('parameters', 'IfMatch')],
        requestBody: jsonBody('MoveTaskBody'),
        responses: {
          '200': taskResponse('The moved task, with its new `position`.'),
          ...errors('BadRequest', 'Unauthorized', 'PreconditionFailed', 'ContentTooLarge', 'UnsupportedMediaType'),
          ...errors('InternalError', 'ServiceUnavailable'),
          '403': READ_ONLY,
          '404': problem('No such task for this user, or the anchor (`before`/`after`) is not a task the caller can see.'),
          '422': problem('Not exactly one of before, after, to; an id that is not a UUID; the task itself as its anchor; or an anchor in another list.'),
        },
      },
    },
  };
}
