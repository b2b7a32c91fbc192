import 'server-only';
import { CreateLabelBody, LabelIdParam, LabelSchema, PatchLabelBody } from '@/lib/labels/schemas';
import { MoveTaskBody } from '@/lib/tasks/schemas';

// The label routes and the manual-order move in the OpenAPI document: their paths, and the zod
// schemas that become components (lib/openapi/document.ts converts them with the rest).

type Json = Record<string, unknown>;

const ref = (kind: 'schemas' | 'responses' | 'parameters' | 'headers', name: string) => ({ $ref: `#/components/${kind}/${name}` });
const JSON_TYPE = 'application/json';
const NO_STORE = { 'Cache-Control': ref('headers', 'Cache-Control') };
const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: ref('schemas', 'ProblemDocument') } } });
const errors = (...names: [string, string][]) => Object.fromEntries(names.map(([status, name]) => [status, ref('responses', name)]));
const jsonBody = (schema: string) => ({ required: true, content: { [JSON_TYPE]: { schema: ref('schemas', schema) } } });

const label = (description: string, headers: Json = {}) => ({
  description,
  headers: { ...NO_STORE, ...headers },
  content: { [JSON_TYPE]: { schema: ref('schemas', 'Label') } },
});

const UNAUTHORIZED: [string, string] = ['401', 'Unauthorized'];
const FORBIDDEN: [string, string] = ['403', 'Forbidden'];
const INVALID: [string, string] = ['422', 'ValidationFailed'];
const SERVER: [string, string][] = [
  ['500', 'InternalError'],
  ['503', 'ServiceUnavailable'],
];
const BODY: [string, string][] = [
  ['400', 'BadRequest'],
  ['413', 'ContentTooLarge'],
  ['415', 'UnsupportedMediaType'],
];
const LABEL_NOT_FOUND = problem('No such label for this user. A label of another user answers the same: `detail: "Label not found"`.');
const NAME_TAKEN = problem('The caller already has a label of this name (case-insensitively).');

/** Request-side (`io: 'input'`) and response-side component schemas. */
export const labelRequestSchemas = { LabelId: LabelIdParam, CreateLabelBody, PatchLabelBody, MoveTaskBody };
export const labelResponseSchemas = { Label: LabelSchema };

const labelPath = [ref('parameters', 'UserId'), { name: 'id', in: 'path', required: true, schema: ref('schemas', 'LabelId') }];

export const labelPaths: Record<string, Json> = {
  '/api/{user_id}/labels': {
    parameters: [ref('parameters', 'UserId')],
    get: {
      operationId: 'listLabels',
      tags: ['Labels'],
      summary: 'List labels',
      description: "The caller's labels, by name case-insensitively, each with the number of the caller's tasks that carry it.",
      responses: {
        '200': { description: 'The labels.', headers: NO_STORE, content: { [JSON_TYPE]: { schema: { type: 'array', items: ref('schemas', 'Label') } } } },
        ...errors(UNAUTHORIZED, FORBIDDEN, ...SERVER),
      },
    },
    post: {
      operationId: 'createLabel',
      tags: ['Labels'],
      summary: 'Create a label',
      requestBody: jsonBody('CreateLabelBody'),
      responses: {
        '201': label('The new label.', { Location: ref('headers', 'Location') }),
        ...errors(UNAUTHORIZED, FORBIDDEN, ...BODY, ...SERVER),
        '409': NAME_TAKEN,
        '422': problem('A body value is invalid (`errors` lists each bad field), or the caller already has 500 labels.'),
      },
    },
  },
  '/api/{user_id}/labels/{id}': {
    parameters: labelPath,
    patch: {
      operationId: 'updateLabel',
      tags: ['Labels'],
      summary: 'Rename or recolour a label',
      description: 'A rename shows at once on every task that carries the label (and moves their `updated_at`).',
      requestBody: jsonBody('PatchLabelBody'),
      responses: {
        '200': label('The updated label.'),
        ...errors(UNAUTHORIZED, FORBIDDEN, INVALID, ...BODY, ...SERVER),
        '404': LABEL_NOT_FOUND,
        '409': NAME_TAKEN,
      },
    },
    delete: {
      operationId: 'deleteLabel',
      tags: ['Labels'],
      summary: 'Delete a label',
      description: 'Its tasks stay, without it.',
      responses: {
        '204': { description: 'Deleted. Empty body.', headers: NO_STORE },
        ...errors(UNAUTHORIZED, FORBIDDEN, INVALID, ...SERVER),
        '404': LABEL_NOT_FOUND,
      },
    },
  },
  '/api/{user_id}/tasks/{id}/move': {
    parameters: [ref('parameters', 'UserId'), ref('parameters', 'TaskId')],
    post: {
      operationId: 'moveTask',
      tags: ['Tasks'],
      summary: 'Move a task in the manual order',
      description:
        'Puts the task just above (`before`) or below (`after`) another of the caller\'s tasks, or at the top or bottom (`to`); list with `sort=position` to see the order. Concurrent moves always leave every task once, with distinct positions; no move is refused for lack of room.',
      parameters: [ref('parameters', 'IfMatch')],
      requestBody: jsonBody('MoveTaskBody'),
      responses: {
        '200': {
          description: 'The moved task, with its new `position`.',
          headers: { ETag: ref('headers', 'ETag'), ...NO_STORE },
          content: { [JSON_TYPE]: { schema: ref('schemas', 'Task') } },
        },
        ...errors(UNAUTHORIZED, FORBIDDEN, ['412', 'PreconditionFailed'], ...BODY, ...SERVER),
        '404': problem('No such task for this user, or the anchor (`before`/`after`) is not one of the caller\'s tasks.'),
        '422': problem('Not exactly one of before, after, to; an id that is not a UUID; or the task itself as its anchor.'),
      },
    },
  },
};
