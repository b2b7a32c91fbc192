import 'server-only';
import { CreateLabelBody, LabelIdParam, LabelSchema, PatchLabelBody } from '@/lib/labels/schemas';
import { errors, JSON_TYPE, jsonBody, NO_STORE, problem, ref, type Json } from '@/lib/openapi/shared';

// The label routes in the OpenAPI document: their paths, and the zod schemas that become
// components (lib/openapi/document.ts converts them with the rest).

const label = (description: string, headers: Json = {}) => ({
  description,
  headers: { ...NO_STORE, ...headers },
  content: { [JSON_TYPE]: { schema: ref('schemas', 'Label') } },
});

const LABEL_NOT_FOUND = problem('No such label for this user. A label of another user answers the same: `detail: "Label not found"`.');
const NAME_TAKEN = problem('The caller already has a label of this name (case-insensitively).');

/** Request-side (`io: 'input'`) and response-side component schemas. */
export const labelRequestSchemas = { LabelId: LabelIdParam, CreateLabelBody, PatchLabelBody };
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
        ...errors('Unauthorized', 'Forbidden', 'ContentTooLarge', 'InternalError', 'ServiceUnavailable'),
      },
    },
    post: {
      operationId: 'createLabel',
      tags: ['Labels'],
      summary: 'Create a label',
      requestBody: jsonBody('CreateLabelBody'),
      responses: {
        '201': label('The new label.', { Location: ref('headers', 'Location') }),
        ...errors('Unauthorized', 'Forbidden', 'BadRequest', 'ContentTooLarge', 'UnsupportedMediaType', 'InternalError', 'ServiceUnavailable'),
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
        ...errors('BadRequest', 'Unauthorized', 'Forbidden', 'ContentTooLarge', 'UnsupportedMediaType', 'ValidationFailed'),
        ...errors('InternalError', 'ServiceUnavailable'),
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
        ...errors('Unauthorized', 'Forbidden', 'ValidationFailed', 'ContentTooLarge', 'InternalError', 'ServiceUnavailable'),
        '404': LABEL_NOT_FOUND,
      },
    },
  },
};
