import 'server-only';

// The pieces every paths file of the OpenAPI document builds with, defined once: references
// into components, the media types, and the responses several domains answer alike.

export type Json = Record<string, unknown>;

export const ref = (kind: 'schemas' | 'responses' | 'parameters' | 'headers', name: string) => ({ $ref: `#/components/${kind}/${name}` });

export const JSON_TYPE = 'application/json';
export const PROBLEM_TYPE = 'application/problem+json';

export const NO_STORE = { 'Cache-Control': ref('headers', 'Cache-Control') };
export const RETRY_AFTER = { 'Retry-After': ref('headers', 'Retry-After') };

export const jsonBody = (schema: string, description?: string) => ({
  required: true,
  ...(description && { description }),
  content: { [JSON_TYPE]: { schema: ref('schemas', schema) } },
});

/** An error answer: a problem document, with the headers it carries. */
export const problem = (description: string, headers?: Record<string, Json>) => ({
  description,
  ...(headers && { headers }),
  content: { [PROBLEM_TYPE]: { schema: ref('schemas', 'ProblemDocument') } },
});

/** The status of each shared error response; document.ts writes them into components.responses under these names. */
export const ERROR_STATUS = {
  BadRequest: '400',
  Unauthorized: '401',
  Forbidden: '403',
  TaskNotFound: '404',
  PreconditionFailed: '412',
  ContentTooLarge: '413',
  UnsupportedMediaType: '415',
  ValidationFailed: '422',
  InternalError: '500',
  ServiceUnavailable: '503',
} as const;

export type ErrorName = keyof typeof ERROR_STATUS;

/** References to the shared error responses, by status code. */
export function errors(...names: ErrorName[]): Record<string, Json> {
  return Object.fromEntries(names.map((name) => [ERROR_STATUS[name], ref('responses', name)]));
}

/** `429`: a per-email or per-address limit refuses the attempt. */
/** The answers every route under `/api/{user_id}/…` may give: no or a foreign caller, … */
export const AUTH_ERRORS = errors('Unauthorized', 'Forbidden');
/** … a declared body over the limit where none is expected (refused before it is read), … */
export const NO_BODY_ERRORS = errors('ContentTooLarge');
/** … and the server's own failures. */
export const SERVER_ERRORS = errors('InternalError', 'ServiceUnavailable');

export const NO_CONTENT = { description: 'Done. Empty body.', headers: NO_STORE };

export const tooManyAttempts = (what: string) => problem(`${what} Retry after \`Retry-After\` seconds.`, RETRY_AFTER);

/** `503` of the routes that hash a password: the database is unreachable, or this server's hashing queue is full. */
export const hashingOrDatabaseUnavailable = problem(
  'The database is unreachable, or this server is already checking as many passwords as it queues (a flood of sign-ins): retry after `Retry-After` seconds.',
  RETRY_AFTER,
);
