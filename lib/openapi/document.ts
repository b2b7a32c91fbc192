import 'server-only';
import { z } from 'zod';
import { MAX_BODY_BYTES, MAX_FORM_BYTES } from '@/lib/http/body';
import { TASKS_PER_USER_MAX } from '@/lib/limits';
import { abusePaths, abuseSecuritySchemes, hashingOrDatabaseUnavailable, tooManyAttempts } from '@/lib/openapi/abuse';
import { SignupRequest, TokenRequest } from '@/lib/auth/schemas';
import { labelPaths, labelRequestSchemas, labelResponseSchemas } from '@/lib/openapi/labels';
import { accountPaths, accountRequestSchemas, accountResponseSchemas } from '@/lib/openapi/account';
import { BrowserSessionResponse, CsrfTokenResponse, HealthResponse, ProblemDocument, SignupResponse, TokenResponse } from '@/lib/openapi/responses';
import { syncPaths, syncRequestSchemas, syncResponseSchemas } from '@/lib/openapi/sync';
import { transferPaths, transferRequestSchemas, transferResponseSchemas } from '@/lib/openapi/transfer';
import {
  CreateTaskBody,
  CreateTaskHeaders,
  ListTasksQuery,
  PatchTaskBody,
  ReplaceTaskBody,
  TaskPathParams,
  TaskSchema,
  UserIdParam,
} from '@/lib/tasks/schemas';

// The OpenAPI 3.1 document of the API, built from the zod schemas the routes validate with, so
// a limit changed in the schemas changes here too. OpenAPI 3.1 schemas are JSON Schema
// draft 2020-12, which is what zod 4's `z.toJSONSchema` emits.

type Json = Record<string, unknown>;

const ref = (kind: 'schemas' | 'responses' | 'parameters' | 'headers', name: string) => ({ $ref: `#/components/${kind}/${name}` });

// zod places a schema that carries a global `.meta({ id })` but is not in the converted
// registry under this pseudo-entry; it is hoisted into components.schemas under that id.
const SHARED = '__shared';
const SHARED_REF = `#/components/schemas/${SHARED}#/$defs/`;

function rewriteSharedRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rewriteSharedRefs);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, v]) => [
      key,
      key === '$ref' && typeof v === 'string' && v.startsWith(SHARED_REF) ? ref('schemas', v.slice(SHARED_REF.length)).$ref : rewriteSharedRefs(v),
    ]),
  );
}

// zod spells out a regular expression beside `format` for UUIDs, dates, timestamps and emails;
// `format` says the same to people and to client generators, without a screenful of regex.
const FORMATS_WITHOUT_PATTERN = new Set(['uuid', 'date', 'time', 'date-time', 'email']);

type JsonSchemaOptions = NonNullable<Parameters<typeof z.toJSONSchema>[1]>;

/**
 * Query, path and header values arrive as strings, and a codec (`z.stringbool()`) decodes them
 * into the boolean or number the client meant. Clients pass that value (`completed: false`) and
 * their library writes the string, so such a codec is described by what it decodes to.
 */
function decodedFromString(schema: z.core.$ZodType): z.ZodBoolean | z.ZodNumber | undefined {
  if (!(schema instanceof z.ZodCodec)) return undefined;
  const { in: encoded, out: decoded } = schema.def;
  const primitive = decoded instanceof z.ZodBoolean || decoded instanceof z.ZodNumber;
  return encoded instanceof z.ZodString && primitive ? decoded : undefined;
}

/** How the document converts zod schemas. */
export const JSON_SCHEMA_OPTIONS = {
  target: 'draft-2020-12',
  // A refinement or transform has no JSON Schema form: its rule is declared with `.meta()`.
  unrepresentable: 'any',
  override: ({ zodSchema, jsonSchema }) => {
    const decoded = decodedFromString(zodSchema);
    if (decoded) {
      const { $schema: _dialect, ...schema } = z.toJSONSchema(decoded, { target: 'draft-2020-12' });
      for (const key of Object.keys(jsonSchema)) delete jsonSchema[key];
      Object.assign(jsonSchema, schema);
    }
    if (typeof jsonSchema.format === 'string' && FORMATS_WITHOUT_PATTERN.has(jsonSchema.format)) delete jsonSchema.pattern;
  },
} satisfies JsonSchemaOptions;

/**
 * JSON Schemas for components.schemas, one per entry, referring to each other by `$ref`.
 * Requests are described as clients send them (`io: 'input'`: before trimming and defaults),
 * responses as the server produces them.
 */
function componentSchemas(io: 'input' | 'output', schemas: Record<string, z.ZodType>): Record<string, Json> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(schemas)) registry.add(schema, { id });
  const { schemas: converted } = z.toJSONSchema(registry, { ...JSON_SCHEMA_OPTIONS, io, uri: (id) => ref('schemas', id).$ref });
  const { [SHARED]: shared, ...named } = converted;
  const all: Record<string, Json> = { ...named, ...(shared?.$defs as Record<string, Json> | undefined) };
  return Object.fromEntries(
    Object.entries(all).map(([id, { $schema: _dialect, $id: _id, ...schema }]) => [id, rewriteSharedRefs(schema) as Json]),
  );
}

function mergeComponents(...groups: Record<string, Json>[]): Record<string, Json> {
  const merged: Record<string, Json> = {};
  for (const group of groups) {
    for (const [id, schema] of Object.entries(group)) {
      if (id in merged && JSON.stringify(merged[id]) !== JSON.stringify(schema)) {
        throw new Error(`OpenAPI: two different schemas are named ${id}`);
      }
      merged[id] = schema;
    }
  }
  return merged;
}

/** One query parameter per property of a query schema, with its description beside it, where Swagger UI shows it. */
function queryParameters(schema: Json): Json[] {
  const properties = (schema.properties ?? {}) as Record<string, Json>;
  const required = (schema.required ?? []) as string[];
  return Object.entries(properties).map(([name, { description, ...propertySchema }]) => ({
    name,
    in: 'query',
    required: required.includes(name),
    ...(typeof description === 'string' && { description }),
    schema: propertySchema,
  }));
}

function buildSchemas() {
  const requests = componentSchemas('input', {
    UserId: UserIdParam,
    TaskId: TaskPathParams.shape.id,
    IdempotencyKey: CreateTaskHeaders.shape['idempotency-key'].unwrap(),
    ListTasksQuery,
    CreateTaskBody,
    ReplaceTaskBody,
    PatchTaskBody,
    SignupRequest,
    TokenRequest,
    ...labelRequestSchemas,
    ...accountRequestSchemas,
    ...transferRequestSchemas,
    ...syncRequestSchemas,
  });
  const responses = componentSchemas('output', {
    Task: TaskSchema,
    ProblemDocument,
    SignupResponse,
    TokenResponse,
    CsrfTokenResponse,
    BrowserSession: BrowserSessionResponse,
    Health: HealthResponse,
    ...labelResponseSchemas,
    ...accountResponseSchemas,
    ...transferResponseSchemas,
    ...syncResponseSchemas,
  });
  // The query schemas become parameters, not components of their own.
  const { ListTasksQuery: listQuery, ChangesQuery: changesQuery, ...schemas } = mergeComponents(requests, responses);
  return { schemas, listParameters: queryParameters(listQuery ?? {}), changesParameters: queryParameters(changesQuery ?? {}) };
}

const JSON_TYPE = 'application/json';
const PROBLEM_TYPE = 'application/problem+json';

const jsonBody = (schema: string, description?: string) => ({
  required: true,
  ...(description && { description }),
  content: { [JSON_TYPE]: { schema: ref('schemas', schema) } },
});

const problem = (description: string, headers?: Record<string, Json>) => ({
  description,
  ...(headers && { headers }),
  content: { [PROBLEM_TYPE]: { schema: ref('schemas', 'ProblemDocument') } },
});

const NO_STORE = { 'Cache-Control': ref('headers', 'Cache-Control') };

const taskResponse = (description: string, headers: Record<string, Json> = {}) => ({
  description,
  headers: { ETag: ref('headers', 'ETag'), ...NO_STORE, ...headers },
  content: { [JSON_TYPE]: { schema: ref('schemas', 'Task') } },
});

/** References to the shared error responses, by status code. */
function errors(...names: (keyof typeof errorResponses)[]): Record<string, Json> {
  return Object.fromEntries(names.map((name) => [errorResponses[name].status, ref('responses', name)]));
}

const KIB = MAX_BODY_BYTES / 1024;

const errorResponses = {
  BadRequest: { status: '400', response: problem('The body is not valid JSON (or not valid UTF-8).') },
  Unauthorized: {
    status: '401',
    response: problem(
      'Not authenticated: no credentials, or a missing, malformed, tampered, expired or `alg: none` token, or a token or cookie whose session has ended (signed out, revoked, or its account deleted).',
      { 'WWW-Authenticate': ref('headers', 'WWW-Authenticate') },
    ),
  },
  Forbidden: { status: '403', response: problem('`{user_id}` is not the caller (also when it is not a UUID).') },
  TaskNotFound: {
    status: '404',
    response: problem('No such task for this user. A task of another user answers the same: `detail: "Task not found"`.'),
  },
  PreconditionFailed: {
    status: '412',
    response: problem("`If-Match` does not match the task's current `ETag`: nothing was changed."),
  },
  ContentTooLarge: { status: '413', response: problem(`The body is over ${KIB} KiB (refused before it is read, also where no body is expected).`) },
  UnsupportedMediaType: { status: '415', response: problem('The body is not `application/json`.') },
  ValidationFailed: {
    status: '422',
    response: problem('A path, query or body value is invalid. `errors` has one entry per bad field.'),
  },
  InternalError: {
    status: '500',
    response: problem('An unexpected failure. The answer is generic; the details go to the server log only.'),
  },
  ServiceUnavailable: {
    status: '503',
    response: problem('The database is unreachable. Answered within about 5 seconds; retry after `Retry-After` seconds.', {
      'Retry-After': ref('headers', 'Retry-After'),
    }),
  },
} as const;

// The errors of the writes to one task: the toggle and DELETE (no body), PUT and PATCH (a body).
const TASK_WRITE_ERRORS = errors(
  'Unauthorized',
  'Forbidden',
  'TaskNotFound',
  'PreconditionFailed',
  'ContentTooLarge',
  'ValidationFailed',
  'InternalError',
  'ServiceUnavailable',
);
const TASK_UPDATE_ERRORS = { ...TASK_WRITE_ERRORS, ...errors('BadRequest', 'ContentTooLarge', 'UnsupportedMediaType') };

const headers = {
  'Cache-Control': {
    description: '`no-store` on every response that carries user data, and on errors.',
    schema: { type: 'string', examples: ['no-store'] },
  },
  ETag: {
    description: 'The version of this task. Send it back in `If-Match` (to change only this version) or `If-None-Match`.',
    schema: { type: 'string', examples: ['"3f1c9a0e"'] },
  },
  Location: { description: 'The URL of the new task.', schema: { type: 'string', format: 'uri-reference' } },
  'Idempotent-Replayed': {
    description: '`true` when this is the stored first response to an earlier request with the same `Idempotency-Key`.',
    schema: { type: 'string', enum: ['true'] },
  },
  Link: {
    description:
      'Present while more tasks remain: `<…?cursor=…>; rel="next"`. The URL repeats the filters, sort and limit of this request.',
    schema: { type: 'string', examples: ['</api/5f0c8a53-2c1e-4a8e-9c57-0d3f2b9e4a11/tasks?limit=50&cursor=eyJ2Ijo…>; rel="next"'] },
  },
  'X-Total-Count': {
    description: 'How many tasks match the filters, over all pages.',
    schema: { type: 'integer', minimum: 0 },
  },
  'Retry-After': { description: 'Seconds to wait before trying again.', schema: { type: 'integer', minimum: 0 } },
  'WWW-Authenticate': { description: 'The scheme to authenticate with.', schema: { type: 'string', examples: ['Bearer'] } },
} satisfies Record<string, Json>;

const parameters = {
  UserId: { name: 'user_id', in: 'path', required: true, schema: ref('schemas', 'UserId') },
  TaskId: { name: 'id', in: 'path', required: true, schema: ref('schemas', 'TaskId') },
  IfMatch: {
    name: 'If-Match',
    in: 'header',
    required: false,
    description: "The task's `ETag` from an earlier response. If the task has changed since, the answer is `412` and nothing changes.",
    schema: { type: 'string' },
  },
  IfNoneMatch: {
    name: 'If-None-Match',
    in: 'header',
    required: false,
    description: "The task's `ETag` from an earlier response. If it still matches, the answer is `304` with no body.",
    schema: { type: 'string' },
  },
  IdempotencyKey: { name: 'Idempotency-Key', in: 'header', required: false, schema: ref('schemas', 'IdempotencyKey') },
} satisfies Record<string, Json>;

const SESSION_COOKIE = 'authjs.session-token';

const description = `
JSON over HTTP, same origin as the web app. Timestamps are ISO 8601 strings in UTC; ids are UUIDs.

## Authentication
One identity, two ways to present it, accepted by every \`/api/{user_id}/…\` route:

- **API clients**: \`Authorization: Bearer <access_token>\` with a token from \`POST /api/auth/token\`.
  On this page, running *Try it out* on \`POST /api/auth/token\` authorizes the other requests with the token it returns;
  or paste a token into **Authorize**.
- **Browser**: the next-auth session cookie, set by signing in on [/login](/login) (or \`POST /api/auth/callback/credentials\`).
  Once signed in, requests from this page carry it by themselves.

A missing, malformed, tampered, expired or \`alg: none\` token answers \`401\` with \`WWW-Authenticate: Bearer\`.
Every sign-in (cookie or token) is a session: a revoked one (signed out, password changed, account deleted) answers
\`401\` on its very next request, on any server instance.

## Errors
Every error is an RFC 9457 problem document (\`application/problem+json\`, see \`ProblemDocument\`); a validation failure
lists each bad field in \`errors\`. The first failing check answers, in this order:
\`401\` not authenticated → \`403\` \`{user_id}\` is not the caller → \`415\` body not \`application/json\` →
\`413\` body over ${KIB} KiB → \`400\` body not valid JSON → \`422\` path, query or body invalid → \`404\` no such task →
\`412\` \`If-Match\` does not match.

An unsupported method on a known path answers \`405\` with an \`Allow\` header, before any other check;
\`OPTIONS\` answers \`204\` with the same \`Allow\`, and \`HEAD\` works wherever \`GET\` does.
When the database is unreachable, routes answer \`503\` with \`Retry-After\`; any other unexpected failure
answers a generic \`500\`.

Bodies: fields not named in a schema are ignored. Text may not contain U+0000. Lengths count Unicode code points.
Responses that carry user data send \`Cache-Control: no-store\`.

[Back to the app](/)
`.trim();

function buildDocument(): Json {
  const { schemas, listParameters, changesParameters } = buildSchemas();
  const taskPathParameters = [ref('parameters', 'UserId'), ref('parameters', 'TaskId')];
  return {
    openapi: '3.1.0',
    info: { title: 'Todo API', version: '1.0.0', description, license: { name: 'MIT', identifier: 'MIT' } },
    servers: [{ url: '/', description: 'This server' }],
    tags: [
      { name: 'Tasks', description: "The caller's tasks. `{user_id}` must be the caller's own id." },
      { name: 'Labels', description: "The caller's labels. `{user_id}` must be the caller's own id." },
      { name: 'Accounts', description: 'Sign up, and get an access token for the API.' },
      { name: 'Account', description: "The caller's own account and sessions. `{user_id}` must be the caller's own id." },
      { name: 'Browser session', description: "next-auth's cookie sign-in, for scripts that want the browser's way in." },
      { name: 'Service', description: 'No authentication.' },
    ],
    security: [{ bearerAuth: [] }, { sessionCookie: [] }],
    paths: {
      '/api/{user_id}/tasks': {
        parameters: [ref('parameters', 'UserId')],
        get: {
          operationId: 'listTasks',
          tags: ['Tasks'],
          summary: 'List tasks',
          description:
            'A page of the caller\'s tasks, as a plain JSON array, in a total and stable order (ties break on `id`). Keyset pagination: a task created or deleted between pages never makes another repeat or vanish. A `cursor` used with other filters or sort answers `422`.',
          parameters: listParameters,
          responses: {
            '200': {
              description: 'The page of tasks.',
              headers: { 'X-Total-Count': ref('headers', 'X-Total-Count'), Link: ref('headers', 'Link'), ...NO_STORE },
              content: { [JSON_TYPE]: { schema: { type: 'array', items: ref('schemas', 'Task') } } },
            },
            ...errors('Unauthorized', 'Forbidden', 'ContentTooLarge', 'ValidationFailed', 'InternalError', 'ServiceUnavailable'),
          },
        },
        post: {
          operationId: 'createTask',
          tags: ['Tasks'],
          summary: 'Create a task',
          description:
            'The owner is always the caller; `id`, `user_id` and timestamps in the body are ignored. With an `Idempotency-Key`, a retry with the same key and the same body (equal as parsed JSON) within 24 hours answers the first response again and creates nothing; a retry that arrives while the first is still running waits for it and then answers its response; keys are per user.',
          parameters: [ref('parameters', 'IdempotencyKey')],
          requestBody: jsonBody('CreateTaskBody'),
          responses: {
            '201': taskResponse('The new task (or, for a repeated `Idempotency-Key`, the first response again).', {
              Location: ref('headers', 'Location'),
              'Idempotent-Replayed': ref('headers', 'Idempotent-Replayed'),
            }),
            ...errors('BadRequest', 'Unauthorized', 'Forbidden'),
            '409': problem('Rare: the `Idempotency-Key` expired and was taken by another request while this one waited for it; retry. No second task is created.'),
            ...errors('ContentTooLarge', 'UnsupportedMediaType'),
            '422': problem(
              `A body value is invalid (\`errors\` lists each bad field), or the \`Idempotency-Key\` is malformed or was used with a different body, or the account already holds ${TASKS_PER_USER_MAX} tasks, the most it may (imports count too): nothing is created.`,
            ),
            ...errors('InternalError', 'ServiceUnavailable'),
          },
        },
      },
      '/api/{user_id}/tasks/{id}': {
        parameters: taskPathParameters,
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
            '`title` is required. A `description` left out keeps its value; `null` clears it. `completed` is never changed by `PUT`, whatever the body holds.',
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
          description: 'Changes only the fields the body sends; an empty object answers `422`.',
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
        parameters: taskPathParameters,
        patch: {
          operationId: 'toggleTaskCompletion',
          tags: ['Tasks'],
          summary: 'Flip a task between done and not done',
          description:
            'Flips `completed` in one atomic statement: concurrent toggles never lose an update. Takes no body.',
          parameters: [ref('parameters', 'IfMatch')],
          responses: {
            '200': taskResponse('The task, with `completed` flipped.'),
            ...TASK_WRITE_ERRORS,
          },
        },
      },
      ...labelPaths,
      ...accountPaths,
      ...transferPaths,
      ...syncPaths(changesParameters),
      '/api/auth/signup': {
        post: {
          operationId: 'signUp',
          tags: ['Accounts'],
          summary: 'Create an account',
          security: [],
          requestBody: jsonBody('SignupRequest'),
          responses: {
            '201': {
              description: 'The new account.',
              headers: NO_STORE,
              content: { [JSON_TYPE]: { schema: ref('schemas', 'SignupResponse') } },
            },
            ...errors('BadRequest'),
            '409': problem('This email is already registered (the only answer that may reveal it).'),
            ...errors('ContentTooLarge', 'UnsupportedMediaType', 'ValidationFailed'),
            '429': tooManyAttempts('Too many signups from this client address in the last hour (`SIGNUP_LIMIT_PER_HOUR`, 10 by default).'),
            ...errors('InternalError'),
            '503': hashingOrDatabaseUnavailable,
          },
        },
      },
      '/api/auth/token': {
        post: {
          operationId: 'createAccessToken',
          tags: ['Accounts'],
          summary: 'Get an access token',
          description:
            'Exchanges an email and password for a bearer token. Failed attempts are counted per email over a sliding 15-minute window; while 5 or more are in it, every attempt for that email answers `429` (even with the right password) and is not counted. A successful sign-in clears the count.',
          security: [],
          requestBody: jsonBody('TokenRequest'),
          responses: {
            '200': {
              description: 'The access token.',
              headers: NO_STORE,
              content: { [JSON_TYPE]: { schema: ref('schemas', 'TokenResponse') } },
            },
            ...errors('BadRequest'),
            '401': problem('Unknown email or wrong password: the same answer for both, in about the same time.', {
              'WWW-Authenticate': ref('headers', 'WWW-Authenticate'),
            }),
            ...errors('ContentTooLarge', 'UnsupportedMediaType', 'ValidationFailed'),
            '429': tooManyAttempts(
              'Too many failed attempts for this email in the last 15 minutes, or from this client address across all emails (`FAILED_SIGNIN_LIMIT_PER_15_MIN`, 100 by default).',
            ),
            ...errors('InternalError'),
            '503': hashingOrDatabaseUnavailable,
          },
        },
      },
      '/api/auth/csrf': {
        get: {
          operationId: 'getCsrfToken',
          tags: ['Browser session'],
          summary: 'Get a CSRF token for the sign-in form',
          security: [],
          responses: {
            '200': {
              description: 'The token; the response also sets the CSRF cookie that must accompany it.',
              headers: { 'Set-Cookie': { description: "next-auth's CSRF cookie.", schema: { type: 'string' } } },
              content: { [JSON_TYPE]: { schema: ref('schemas', 'CsrfTokenResponse') } },
            },
            ...errors('ContentTooLarge'),
          },
        },
      },
      '/api/auth/session': {
        get: {
          operationId: 'getBrowserSession',
          tags: ['Browser session'],
          summary: "Who the browser's session cookie is",
          description:
            'A cookie whose session has ended answers `null`, and the response clears it (`Set-Cookie` with `Max-Age=0`); a live one is refreshed.',
          security: [],
          responses: {
            '200': {
              description: 'The session, or null.',
              headers: { 'Set-Cookie': { description: 'The session cookie, refreshed or cleared.', schema: { type: 'string' } } },
              content: { [JSON_TYPE]: { schema: ref('schemas', 'BrowserSession') } },
            },
            ...errors('ContentTooLarge'),
          },
        },
      },
      '/api/auth/signout': {
        post: {
          operationId: 'signOutBrowser',
          tags: ['Browser session'],
          summary: 'Sign the browser out',
          description:
            "What the app's Sign out button posts. Ends the cookie's session on the server too: a copy of the old cookie answers `401` from then on. Needs the CSRF cookie from `GET /api/auth/csrf`.",
          security: [],
          requestBody: {
            required: true,
            content: {
              'application/x-www-form-urlencoded': {
                schema: {
                  type: 'object',
                  properties: {
                    csrfToken: { type: 'string', description: 'From `GET /api/auth/csrf`.' },
                    callbackUrl: { type: 'string', description: 'Where to go afterwards: a path or a URL of this site (anything else goes to `/login`).' },
                  },
                  required: ['csrfToken'],
                },
              },
            },
          },
          responses: {
            '302': {
              description: 'A redirect; the session cookie is cleared (`Set-Cookie` with `Max-Age=0`).',
              headers: { Location: { schema: { type: 'string' } }, 'Set-Cookie': { schema: { type: 'string' } } },
            },
            '200': {
              description: 'With `X-Auth-Return-Redirect: 1`, the same outcome as JSON: where the redirect would go.',
              content: { [JSON_TYPE]: { schema: { type: 'object', properties: { url: { type: 'string' } }, required: ['url'] } } },
            },
            '413': problem(`The form is over ${MAX_FORM_BYTES / 1024} KiB.`),
          },
        },
      },
      '/api/auth/callback/credentials': {
        post: {
          operationId: 'signInWithCredentials',
          tags: ['Browser session'],
          summary: 'Sign in with a session cookie',
          description:
            'What the `/login` form posts. Same rules and the same per-email limit as `POST /api/auth/token`. Needs the CSRF cookie from `GET /api/auth/csrf`.',
          security: [],
          requestBody: {
            required: true,
            content: {
              'application/x-www-form-urlencoded': {
                schema: {
                  allOf: [
                    ref('schemas', 'TokenRequest'),
                    {
                      type: 'object',
                      properties: {
                        csrfToken: { type: 'string', description: 'From `GET /api/auth/csrf`.' },
                        callbackUrl: { type: 'string', description: 'Where to go after signing in.' },
                      },
                      required: ['csrfToken'],
                    },
                  ],
                },
              },
            },
          },
          responses: {
            '302': {
              description: `A redirect. On success it sets the session cookie (\`${SESSION_COOKIE}\`, \`__Secure-${SESSION_COOKIE}\` over https); on failure it sets none and the redirect's URL carries \`error=CredentialsSignin\`, plus \`code=locked:<seconds>\` while the per-email limit refuses sign-ins.`,
              headers: { Location: { schema: { type: 'string' } }, 'Set-Cookie': { schema: { type: 'string' } } },
            },
            '200': {
              description: 'With `X-Auth-Return-Redirect: 1`, the same outcome as JSON: where the redirect would go.',
              content: { [JSON_TYPE]: { schema: { type: 'object', properties: { url: { type: 'string' } }, required: ['url'] } } },
            },
            '413': problem(`The form is over ${MAX_FORM_BYTES / 1024} KiB.`),
            '429': tooManyAttempts(
              'The email is locked by its failed attempts, or this client address has too many failed sign-ins: answered before next-auth runs, instead of its redirect.',
            ),
            '503': hashingOrDatabaseUnavailable,
          },
        },
      },
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
              headers: { 'Retry-After': ref('headers', 'Retry-After'), ...NO_STORE },
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
      ...abusePaths,
    },
    components: {
      schemas,
      responses: {
        ...Object.fromEntries(Object.entries(errorResponses).map(([name, { response }]) => [name, response])),
      },
      parameters,
      headers,
      securitySchemes: {
        bearerAuth: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: 'An access token from `POST /api/auth/token`.',
        },
        sessionCookie: {
          type: 'apiKey',
          in: 'cookie',
          name: SESSION_COOKIE,
          description: `The next-auth session cookie, set by signing in on /login (named \`__Secure-${SESSION_COOKIE}\` over https). A browser sends it by itself; it cannot be typed in here.`,
        },
        ...abuseSecuritySchemes,
      },
    },
  };
}

let cached: Json | undefined;

/** The OpenAPI document; built once per process, since it depends only on code. */
export function openApiDocument(): Json {
  cached ??= buildDocument();
  return cached;
}
