import 'server-only';
import { z } from 'zod';
import { MAX_BODY_BYTES } from '@/lib/http/body';
import { accountPaths, accountRequestSchemas, accountResponseSchemas } from '@/lib/openapi/account';
import { calendarPaths, calendarResponseSchemas } from '@/lib/openapi/calendar';
import { notificationPaths, notificationRequestSchemas, notificationResponseSchemas } from '@/lib/openapi/notifications';
import { pushPaths, pushRequestSchemas, pushResponseSchemas } from '@/lib/openapi/push';
import { authPaths, authRequestSchemas, authResponseSchemas, SESSION_COOKIE } from '@/lib/openapi/auth';
import { mcpPaths } from '@/lib/openapi/mcp';
import { webhookPaths, webhookRequestSchemas, webhookResponseSchemas } from '@/lib/openapi/webhooks';
import { labelPaths, labelRequestSchemas, labelResponseSchemas } from '@/lib/openapi/labels';
import { projectPaths, projectRequestSchemas, projectResponseSchemas } from '@/lib/openapi/projects';
import { ProblemDocument } from '@/lib/openapi/responses';
import { routeScopes } from '@/lib/scope/permissions';
import { servicePaths, serviceResponseSchemas, serviceSecuritySchemes } from '@/lib/openapi/service';
import { problem, ref, RETRY_AFTER, type ErrorName, type Json } from '@/lib/openapi/shared';
import { syncPaths, syncRequestSchemas, syncResponseSchemas } from '@/lib/openapi/sync';
import { taskPaths, taskRequestSchemas, taskResponseSchemas } from '@/lib/openapi/tasks';
import { transferPaths, transferRequestSchemas, transferResponseSchemas } from '@/lib/openapi/transfer';
import { CreateTaskHeaders, TaskPathParams, UserIdParam } from '@/lib/tasks/schemas';

// The OpenAPI 3.1 document of the API, built from the zod schemas the routes validate with, so
// a limit changed in the schemas changes here too. OpenAPI 3.1 schemas are JSON Schema
// draft 2020-12, which is what zod 4's `z.toJSONSchema` emits. Each domain's paths are in its
// own file (tasks.ts, auth.ts, …); this one converts the schemas, holds the shared components
// and puts the paths together.

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
    // The schemas of the shared path and header parameters.
    UserId: UserIdParam,
    TaskId: TaskPathParams.shape.id,
    IdempotencyKey: CreateTaskHeaders.shape['idempotency-key'].unwrap(),
    ...taskRequestSchemas,
    ...authRequestSchemas,
    ...labelRequestSchemas,
    ...projectRequestSchemas,
    ...accountRequestSchemas,
    ...webhookRequestSchemas,
    ...transferRequestSchemas,
    ...syncRequestSchemas,
    ...notificationRequestSchemas,
    ...pushRequestSchemas,
  });
  const responses = componentSchemas('output', {
    ...taskResponseSchemas,
    ProblemDocument,
    ...authResponseSchemas,
    ...serviceResponseSchemas,
    ...labelResponseSchemas,
    ...projectResponseSchemas,
    ...accountResponseSchemas,
    ...webhookResponseSchemas,
    ...calendarResponseSchemas,
    ...notificationResponseSchemas,
    ...pushResponseSchemas,
    ...transferResponseSchemas,
    ...syncResponseSchemas,
  });
  // The query schemas become parameters, not components of their own.
  const { ListTasksQuery: listQuery, ChangesQuery: changesQuery, NotificationsQuery: notificationsQuery, ...schemas } = mergeComponents(requests, responses);
  return {
    schemas,
    listParameters: queryParameters(listQuery ?? {}),
    changesParameters: queryParameters(changesQuery ?? {}),
    notificationsParameters: queryParameters(notificationsQuery ?? {}),
  };
}

const KIB = MAX_BODY_BYTES / 1024;

// The answers every domain refers to by name (shared.ts's `errors` turns names into status codes).
const errorResponses = {
  BadRequest: problem('The body is not valid JSON (or not valid UTF-8).'),
  Unauthorized: problem(
    'Not authenticated: no credentials, or a missing, malformed, tampered, expired or `alg: none` token, or a token or cookie whose session has ended (signed out, revoked, or its account deleted).',
    { 'WWW-Authenticate': ref('headers', 'WWW-Authenticate') },
  ),
  Forbidden: problem(
    '`{user_id}` is not the caller (also when it is not a UUID), or a personal access token is used outside its scopes (`WWW-Authenticate: Bearer error="insufficient_scope"`, with the scopes needed).',
    { 'WWW-Authenticate': { description: 'For a personal token outside its scopes: `Bearer error="insufficient_scope", scope="…"`.', schema: { type: 'string' } } },
  ),
  TaskNotFound: problem('No such task for this user. A task of another user answers the same: `detail: "Task not found"`.'),
  PreconditionFailed: problem("`If-Match` does not match the task's current `ETag`: nothing was changed."),
  ContentTooLarge: problem(`The body is over ${KIB} KiB (refused before it is read, also where no body is expected).`),
  UnsupportedMediaType: problem('The body is not `application/json`.'),
  ValidationFailed: problem('A path, query or body value is invalid. `errors` has one entry per bad field.'),
  InternalError: problem('An unexpected failure. The answer is generic; the details go to the server log only.'),
  ServiceUnavailable: problem('The database is unreachable. Answered within about 5 seconds; retry after `Retry-After` seconds.', RETRY_AFTER),
} satisfies Record<ErrorName, Json>;

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

const SIGNED_IN = [{ bearerAuth: [] }, { sessionCookie: [] }];

/**
 * Each operation under `/api/{user_id}/` names the personal token scopes it needs (from the one
 * table the route guard checks, lib/scope/permissions.ts), or leaves `personalToken` out where
 * no personal token may go.
 */
function withTokenScopes(paths: Json): Json {
  return Object.fromEntries(
    Object.entries(paths).map(([template, item]) => {
      if (!template.startsWith('/api/{user_id}/')) return [template, item];
      const operations = Object.entries(item as Json).map(([method, operation]) => {
        if (method === 'parameters') return [method, operation];
        const scopes = routeScopes(method, template);
        return [method, { ...(operation as Json), security: scopes ? [...SIGNED_IN, { personalToken: scopes }] : SIGNED_IN }];
      });
      return [template, Object.fromEntries(operations)];
    }),
  );
}

function buildDocument(): Json {
  const { schemas, listParameters, changesParameters, notificationsParameters } = buildSchemas();
  return {
    openapi: '3.1.0',
    info: { title: 'Todo API', version: '1.0.0', description, license: { name: 'MIT', identifier: 'MIT' } },
    servers: [{ url: '/', description: 'This server' }],
    tags: [
      { name: 'Tasks', description: "The tasks the caller sees: their Inbox and their projects'. `{user_id}` must be the caller's own id." },
      { name: 'Projects', description: "The projects the caller owns or is a member of. `{user_id}` must be the caller's own id." },
      { name: 'Sharing', description: "A project's members, their roles, and invitations by email. `{user_id}` must be the caller's own id." },
      { name: 'Labels', description: "The caller's labels. `{user_id}` must be the caller's own id." },
      { name: 'Accounts', description: 'Sign up, and get an access token for the API.' },
      { name: 'Account', description: "The caller's own account and sessions. `{user_id}` must be the caller's own id." },
      { name: 'Calendar', description: "A secret iCalendar address of the caller's dated tasks, for calendar apps. `{user_id}` must be the caller's own id." },
      { name: 'Notifications', description: "What the caller is told about: reminders, invitations, assignments. `{user_id}` must be the caller's own id." },
      { name: 'Browser session', description: "next-auth's cookie sign-in, for scripts that want the browser's way in." },
      { name: 'Webhooks', description: "Where changes the caller can see are POSTed, signed (Standard Webhooks). `{user_id}` must be the caller's own id." },
      { name: 'MCP', description: 'The Model Context Protocol server for AI assistants.' },
      { name: 'Service', description: 'No authentication.' },
    ],
    security: SIGNED_IN,
    paths: withTokenScopes({
      ...taskPaths(listParameters),
      ...projectPaths,
      ...labelPaths,
      ...accountPaths,
      ...calendarPaths,
      ...notificationPaths(notificationsParameters),
      ...pushPaths,
      ...transferPaths,
      ...syncPaths(changesParameters),
      ...authPaths,
      ...webhookPaths,
      ...mcpPaths,
      ...servicePaths,
    }),
    components: {
      schemas,
      responses: errorResponses,
      parameters,
      headers,
      securitySchemes: {
        bearerAuth: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: 'An access token from `POST /api/auth/token`.',
        },
        personalToken: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'todo_pat_…',
          description:
            'A personal access token (`POST /api/{user_id}/tokens`), within its scopes: `tasks:read`, `tasks:write`, `projects:read`, `projects:write`, `notifications:read` (a write scope includes its read scope). An operation lists the scopes it needs; one without `personalToken` is closed to personal tokens. Outside them: `403` with `WWW-Authenticate: Bearer error="insufficient_scope"`.',
        },
        sessionCookie: {
          type: 'apiKey',
          in: 'cookie',
          name: SESSION_COOKIE,
          description: `The next-auth session cookie, set by signing in on /login (named \`__Secure-${SESSION_COOKIE}\` over https). A browser sends it by itself; it cannot be typed in here.`,
        },
        ...serviceSecuritySchemes,
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
