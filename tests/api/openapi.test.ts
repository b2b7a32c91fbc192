import { randomUUID } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { dereference, validate } from '@readme/openapi-parser';
import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { POST as signupRoute } from '@/app/api/auth/signup/route';
import { POST as tokenRoute } from '@/app/api/auth/token/route';
import { GET as healthRoute } from '@/app/api/health/route';
import { GET as getOpenApi } from '@/app/api/openapi.json/route';
import { GET as getDocsAsset } from '@/app/docs/assets/[file]/route';
import { DOCS_ASSETS } from '@/app/docs/assets';
import { GET as getDocsPage } from '@/app/docs/route';
import { handlers } from '@/lib/auth';
import { JSON_SCHEMA_OPTIONS } from '@/lib/openapi/document';
import { SignupRequest, TokenRequest } from '@/lib/auth/schemas';
import { CsrfTokenResponse, HealthResponse, ProblemDocument, SignupResponse, TokenResponse } from '@/lib/openapi/responses';
import { CreateLabelBody, LabelSchema } from '@/lib/labels/schemas';
import { CreateTaskBody, DUE_TIME_PATTERN, ListTasksQuery, MoveTaskBody, PatchTaskBody, ReplaceTaskBody, TaskSchema } from '@/lib/tasks/schemas';
import nextConfig from '@/next.config';
import { assertConformant } from '@/tests/helpers/conformance';
import { withTestDatabase } from '@/tests/helpers/db';
import { callHandler } from '@/tests/helpers/requests';

withTestDatabase();

const ORIGIN = 'http://localhost';

type Json = Record<string, unknown>;
type Operation = { parameters?: Json[]; requestBody?: Json; responses: Record<string, Json>; security?: unknown[] };
type Document = Json & { paths: Record<string, Record<string, Operation>>; components: Record<string, Record<string, Json>> };

async function fetchDocument(headers: HeadersInit = {}): Promise<Response> {
  return getOpenApi(new Request(`${ORIGIN}/api/openapi.json`, { headers }), undefined);
}

async function loadDocument(): Promise<Document> {
  return (await (await fetchDocument()).json()) as Document;
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

function operations(document: Document): Map<string, Operation> {
  const found = new Map<string, Operation>();
  for (const [route, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (METHODS.includes(method)) found.set(`${method.toUpperCase()} ${route}`, operation);
    }
  }
  return found;
}

// The contract's routes and the status codes each can answer.
const CONTRACT: Record<string, string[]> = {
  'GET /api/{user_id}/tasks': ['200', '401', '403', '404', '413', '422', '500', '503'],
  'POST /api/{user_id}/tasks': ['201', '400', '401', '403', '404', '409', '413', '415', '422', '500', '503'],
  'GET /api/{user_id}/tasks/{id}': ['200', '304', '401', '403', '404', '413', '422', '500', '503'],
  'PUT /api/{user_id}/tasks/{id}': ['200', '400', '401', '403', '404', '412', '413', '415', '422', '500', '503'],
  'PATCH /api/{user_id}/tasks/{id}': ['200', '400', '401', '403', '404', '412', '413', '415', '422', '500', '503'],
  'DELETE /api/{user_id}/tasks/{id}': ['204', '401', '403', '404', '412', '413', '422', '500', '503'],
  'PATCH /api/{user_id}/tasks/{id}/complete': ['200', '401', '403', '404', '412', '413', '422', '500', '503'],
  'POST /api/{user_id}/tasks/{id}/move': ['200', '400', '401', '403', '404', '412', '413', '415', '422', '500', '503'],
  'GET /api/{user_id}/projects': ['200', '401', '403', '413', '500', '503'],
  'POST /api/{user_id}/projects': ['201', '400', '401', '403', '409', '413', '415', '422', '500', '503'],
  'GET /api/{user_id}/projects/{id}': ['200', '401', '403', '404', '413', '422', '500', '503'],
  'PATCH /api/{user_id}/projects/{id}': ['200', '400', '401', '403', '404', '409', '413', '415', '422', '500', '503'],
  'DELETE /api/{user_id}/projects/{id}': ['204', '401', '403', '404', '413', '422', '500', '503'],
  'POST /api/{user_id}/projects/{id}/move': ['200', '400', '401', '403', '404', '413', '415', '422', '500', '503'],
  'GET /api/{user_id}/projects/{id}/members': ['200', '401', '403', '404', '413', '422', '500', '503'],
  'PATCH /api/{user_id}/projects/{id}/members/{member_id}': ['200', '400', '401', '403', '404', '409', '413', '415', '422', '500', '503'],
  'DELETE /api/{user_id}/projects/{id}/members/{member_id}': ['204', '401', '403', '404', '413', '422', '500', '503'],
  'GET /api/{user_id}/projects/{id}/invitations': ['200', '401', '403', '404', '413', '422', '500', '503'],
  'POST /api/{user_id}/projects/{id}/invitations': ['201', '400', '401', '403', '404', '409', '413', '415', '422', '500', '503'],
  'DELETE /api/{user_id}/projects/{id}/invitations/{inv_id}': ['204', '401', '403', '404', '413', '422', '500', '503'],
  'GET /api/{user_id}/invitations': ['200', '401', '403', '413', '500', '503'],
  'POST /api/{user_id}/invitations/{inv_id}/accept': ['200', '401', '403', '404', '413', '422', '500', '503'],
  'POST /api/{user_id}/invitations/{inv_id}/decline': ['204', '401', '403', '404', '413', '422', '500', '503'],
  'GET /api/{user_id}/labels': ['200', '401', '403', '413', '500', '503'],
  'POST /api/{user_id}/labels': ['201', '400', '401', '403', '409', '413', '415', '422', '500', '503'],
  'PATCH /api/{user_id}/labels/{id}': ['200', '400', '401', '403', '404', '409', '413', '415', '422', '500', '503'],
  'DELETE /api/{user_id}/labels/{id}': ['204', '401', '403', '404', '413', '422', '500', '503'],
  'GET /api/{user_id}/account': ['200', '401', '403', '413', '500', '503'],
  'PATCH /api/{user_id}/account': ['200', '400', '401', '403', '413', '415', '422', '500', '503'],
  'POST /api/{user_id}/calendar-feed': ['201', '401', '403', '413', '500', '503'],
  'DELETE /api/{user_id}/calendar-feed': ['204', '401', '403', '413', '500', '503'],
  'GET /api/calendar/{file}': ['200', '304', '404', '413', '500', '503'],
  'GET /api/{user_id}/notifications': ['200', '401', '403', '413', '422', '500', '503'],
  'POST /api/{user_id}/notifications/read': ['204', '400', '401', '403', '413', '415', '422', '500', '503'],
  'GET /api/push/key': ['200', '404', '413', '500'],
  'GET /api/{user_id}/push-subscriptions': ['200', '401', '403', '413', '500', '503'],
  'POST /api/{user_id}/push-subscriptions': ['201', '400', '401', '403', '413', '415', '422', '500', '503'],
  'DELETE /api/{user_id}/push-subscriptions/{id}': ['204', '401', '403', '404', '413', '422', '500', '503'],
  'DELETE /api/{user_id}/account': ['204', '400', '401', '403', '413', '415', '422', '429', '500', '503'],
  'POST /api/{user_id}/account/password': ['200', '400', '401', '403', '413', '415', '422', '429', '500', '503'],
  'GET /api/{user_id}/sessions': ['200', '401', '403', '413', '500', '503'],
  'DELETE /api/{user_id}/sessions': ['204', '401', '403', '413', '500', '503'],
  'DELETE /api/{user_id}/sessions/{id}': ['204', '401', '403', '404', '413', '422', '500', '503'],
  'GET /api/{user_id}/tokens': ['200', '401', '403', '413', '500', '503'],
  'POST /api/mcp': ['200', '202', '400', '401', '406', '413', '415', '500', '503'],
  'GET /api/cron/webhooks': ['200', '401', '404', '413', '500', '503'],
  'GET /api/{user_id}/webhooks': ['200', '401', '403', '413', '500', '503'],
  'POST /api/{user_id}/webhooks': ['201', '400', '401', '403', '409', '413', '415', '422', '500', '503'],
  'GET /api/{user_id}/webhooks/{id}': ['200', '401', '403', '404', '413', '422', '500', '503'],
  'PATCH /api/{user_id}/webhooks/{id}': ['200', '400', '401', '403', '404', '413', '415', '422', '500', '503'],
  'DELETE /api/{user_id}/webhooks/{id}': ['204', '401', '403', '404', '413', '422', '500', '503'],
  'GET /api/{user_id}/webhooks/{id}/deliveries': ['200', '401', '403', '404', '413', '422', '500', '503'],
  'POST /api/{user_id}/webhooks/{id}/test': ['202', '401', '403', '404', '413', '422', '500', '503'],
  'POST /api/{user_id}/tokens': ['201', '400', '401', '403', '409', '413', '415', '422', '500', '503'],
  'DELETE /api/{user_id}/tokens/{id}': ['204', '401', '403', '404', '413', '422', '500', '503'],
  'GET /api/{user_id}/tasks/changes': ['200', '401', '403', '410', '413', '422', '500', '503'],
  'GET /api/{user_id}/events': ['200', '401', '403', '413', '500', '503'],
  'GET /api/{user_id}/export': ['200', '401', '403', '413', '422', '500', '503'],
  'POST /api/{user_id}/import': ['200', '201', '400', '401', '403', '409', '413', '415', '422', '500', '503'],
  'POST /api/auth/signup': ['201', '400', '409', '413', '415', '422', '429', '500', '503'],
  'POST /api/auth/token': ['200', '400', '401', '413', '415', '422', '429', '500', '503'],
  'GET /api/auth/csrf': ['200', '413'],
  'GET /api/auth/session': ['200', '413'],
  'POST /api/auth/signout': ['200', '302', '413'],
  'POST /api/auth/callback/credentials': ['200', '302', '413', '429', '503'],
  'GET /api/health': ['200', '413', '503'],
  'GET /api/openapi.json': ['200', '304', '413'],
  'GET /api/cron/purge': ['200', '401', '404', '413', '500', '503'],
  'GET /api/cron/reminders': ['200', '401', '404', '413', '500', '503'],
};

/** Shared schemas (`.meta({ id })`) are $defs on their own and components in the document. */
function asComponents(schema: unknown): Json {
  return JSON.parse(JSON.stringify(schema).replaceAll('"#/$defs/', '"#/components/schemas/')) as Json;
}

/** The JSON Schema zod makes of one of the app's schemas on its own, as the document should carry it. */
function standalone(schema: z.ZodType, id: string): Json {
  const converted = z.toJSONSchema(schema, { ...JSON_SCHEMA_OPTIONS, io: 'input' }) as Json & {
    $defs?: Record<string, Json>;
  };
  return asComponents(converted.$defs?.[id] ?? converted);
}

describe('GET /api/openapi.json', () => {
  it('is a valid OpenAPI 3.1 document whose every $ref resolves', async () => {
    const response = await fetchDocument();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    const document = (await response.json()) as Document;
    expect(document.openapi).toMatch(/^3\.1\./);
    const result = await validate(structuredClone(document) as never);
    expect(result).toMatchObject({ valid: true, warnings: [] });
    await expect(dereference(structuredClone(document) as never)).resolves.toBeTruthy();
  });

  it('answers 304 to a matching If-None-Match', async () => {
    const etag = (await fetchDocument()).headers.get('etag');
    expect(etag).toMatch(/^".+"$/);
    const response = await fetchDocument({ 'if-none-match': etag! });
    expect(response.status).toBe(304);
    expect(await response.text()).toBe('');
    expect((await fetchDocument({ 'if-none-match': '"other"' })).status).toBe(200);
  });

  it("lists every route of the contract with each status code it can answer, and nothing else", async () => {
    const document = await loadDocument();
    const documented = Object.fromEntries(
      [...operations(document)].map(([key, operation]) => [key, Object.keys(operation.responses).sort()]),
    );
    expect(documented).toEqual(Object.fromEntries(Object.entries(CONTRACT).map(([key, codes]) => [key, [...codes].sort()])));
  });

  it('describes every error as a problem document, with the headers the contract names', async () => {
    const document = (await dereference((await loadDocument()) as never)) as unknown as Document;
    for (const [key, operation] of operations(document)) {
      for (const [status, response] of Object.entries(operation.responses)) {
        const content = response.content as Record<string, { schema: Json }> | undefined;
        const headers = Object.keys((response.headers as Json | undefined) ?? {});
        // The MCP server's protocol errors are JSON-RPC messages, as its clients expect.
        const jsonRpc = key === 'POST /api/mcp' && ['400', '406', '413', '415'].includes(status);
        if (Number(status) >= 400 && key !== 'GET /api/health' && !jsonRpc) {
          expect(Object.keys(content ?? {}), `${key} ${status}`).toEqual(['application/problem+json']);
          expect(content!['application/problem+json']!.schema.required).toEqual(['type', 'title', 'status', 'detail']);
        }
        if (status === '401') expect(headers, `${key} ${status}`).toContain('WWW-Authenticate');
        if (status === '429' || status === '503') expect(headers, `${key} ${status}`).toContain('Retry-After');
      }
    }
    const ops = operations(document);
    expect(Object.keys(ops.get('POST /api/{user_id}/tasks')!.responses['201']!.headers as Json)).toEqual(
      expect.arrayContaining(['Location', 'ETag', 'Cache-Control']),
    );
    expect(Object.keys(ops.get('GET /api/{user_id}/tasks')!.responses['200']!.headers as Json)).toEqual(
      expect.arrayContaining(['X-Total-Count', 'Link', 'Cache-Control']),
    );
    expect(Object.keys(ops.get('GET /api/{user_id}/tasks/{id}')!.responses['200']!.headers as Json)).toContain('ETag');
    // The credentials callback answers its limits itself, before next-auth's redirect.
    expect(Object.keys(ops.get('POST /api/auth/callback/credentials')!.responses)).toEqual(expect.arrayContaining(['302', '413', '429', '503']));
  });

  it('requires a bearer token or the session cookie on the routes of a user only', async () => {
    const document = await loadDocument();
    expect(document.security).toEqual([{ bearerAuth: [] }, { sessionCookie: [] }]);
    expect(document.components.securitySchemes).toMatchObject({
      bearerAuth: { type: 'http', scheme: 'bearer' },
      sessionCookie: { type: 'apiKey', in: 'cookie', name: 'authjs.session-token' },
    });
    expect(document.components.securitySchemes).toMatchObject({ personalToken: { type: 'http', scheme: 'bearer' } });
    for (const [key, operation] of operations(document)) {
      const scheduler = key.startsWith('GET /api/cron/') ? [{ cronSecret: [] }] : [];
      if (key === 'POST /api/mcp') {
        expect(operation.security, key).toEqual([...(document.security as object[]), { personalToken: [] }]);
        continue;
      }
      if (!key.includes('/{user_id}/')) {
        expect(operation.security, key).toEqual(scheduler);
        continue;
      }
      // A user's routes: signed in, or a personal token with the scopes named (openapi-isolation.test.ts checks which).
      const [signedIn, cookie, ...token] = operation.security!;
      expect([signedIn, cookie], key).toEqual(document.security);
      expect(token.every((requirement) => Object.keys(requirement as object).join() === 'personalToken'), key).toBe(true);
    }
  });

  it('takes request schemas from the zod schemas the routes validate with', async () => {
    const document = await loadDocument();
    const schemas = document.components.schemas!;
    const ops = operations(document);
    const bodyRef = (key: string) => (ops.get(key)!.requestBody!.content as Record<string, { schema: Json }>)['application/json']!.schema.$ref;

    expect(bodyRef('POST /api/{user_id}/tasks')).toBe('#/components/schemas/CreateTaskBody');
    expect(bodyRef('PUT /api/{user_id}/tasks/{id}')).toBe('#/components/schemas/ReplaceTaskBody');
    expect(bodyRef('PATCH /api/{user_id}/tasks/{id}')).toBe('#/components/schemas/PatchTaskBody');
    expect(bodyRef('POST /api/{user_id}/tasks/{id}/move')).toBe('#/components/schemas/MoveTaskBody');
    expect(bodyRef('POST /api/{user_id}/labels')).toBe('#/components/schemas/CreateLabelBody');
    expect(bodyRef('PATCH /api/{user_id}/labels/{id}')).toBe('#/components/schemas/PatchLabelBody');
    expect(schemas.CreateLabelBody).toEqual(standalone(CreateLabelBody, 'CreateLabelBody'));
    expect(schemas.MoveTaskBody).toEqual(standalone(MoveTaskBody, 'MoveTaskBody'));
    expect(bodyRef('POST /api/auth/signup')).toBe('#/components/schemas/SignupRequest');
    expect(bodyRef('POST /api/auth/token')).toBe('#/components/schemas/TokenRequest');

    expect(schemas.CreateTaskBody).toEqual(standalone(CreateTaskBody, 'CreateTaskBody'));
    expect(schemas.ReplaceTaskBody).toEqual(standalone(ReplaceTaskBody, 'ReplaceTaskBody'));
    expect(schemas.PatchTaskBody).toEqual(standalone(PatchTaskBody, 'PatchTaskBody'));
    expect(schemas.SignupRequest).toEqual(standalone(SignupRequest, 'SignupRequest'));
    expect(schemas.TokenRequest).toEqual(standalone(TokenRequest, 'TokenRequest'));

    // The contract's limits, as a client reads them.
    expect(schemas.CreateTaskBody).toMatchObject({
      required: ['title'],
      properties: { title: { minLength: 1, maxLength: 500 }, description: { maxLength: 5000, type: ['string', 'null'] } },
    });
    expect(schemas.PatchTaskBody).toMatchObject({ minProperties: 1 });
    expect(schemas.SignupRequest).toMatchObject({
      required: ['email', 'password'],
      properties: { email: { maxLength: 254 }, password: { minLength: 8, maxLength: 128 }, name: { maxLength: 100 } },
    });
  });

  it('turns the list query schema into one query parameter per field', async () => {
    const document = await loadDocument();
    const parameters = operations(document).get('GET /api/{user_id}/tasks')!.parameters!;
    const byName = Object.fromEntries(parameters.map((p) => [p.name, p]));
    expect(Object.keys(byName).sort()).toEqual(Object.keys(ListTasksQuery.shape).sort());
    expect(byName.limit).toMatchObject({ in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 200, default: 50 } });
    // A client passes a boolean and its library writes `completed=false`; the route decodes the string.
    expect(byName.completed).toMatchObject({ in: 'query', required: false, schema: { type: 'boolean' } });
    expect(ListTasksQuery.parse({ completed: 'false' }).completed).toBe(false);
    expect(byName.q).toMatchObject({ schema: { maxLength: 200 } });
    expect(byName.sort).toMatchObject({ schema: { enum: ['created_at', 'updated_at', 'title', 'due', 'priority', 'position'], default: 'created_at' } });
    expect(byName.order).toMatchObject({ schema: { enum: ['asc', 'desc'] } });
    expect(byName.label).toMatchObject({ schema: { type: 'array', maxItems: 20 } });
    expect(byName.has_due).toMatchObject({ schema: { type: 'boolean' } });
  });

  it('types every parameter and field as a client passes it: booleans as booleans, formats without a regex beside them', async () => {
    const document = (await dereference((await loadDocument()) as never)) as unknown as Document;
    const problems: string[] = [];
    const visit = (schema: unknown, where: string): void => {
      if (Array.isArray(schema)) return schema.forEach((item, i) => visit(item, `${where}.${i}`));
      if (schema === null || typeof schema !== 'object') return;
      const s = schema as Json;
      const values = Array.isArray(s.enum) ? s.enum : [];
      if (values.length > 0 && values.every((v) => ['true', 'false'].includes(v as string))) problems.push(`${where}: a boolean spelled as strings`);
      // A due_time is a wall-clock HH:MM: no JSON Schema format says that (`time` wants seconds and
      // an offset), so its pattern is how a client learns it.
      const wallClock = s.pattern === DUE_TIME_PATTERN.source;
      if (s.type === 'string' && typeof s.pattern === 'string' && /\\d|\[0-9\]/.test(s.pattern) && !s.format && !wallClock) {
        problems.push(`${where}: a number or date spelled as a string pattern`);
      }
      if (typeof s.format === 'string' && s.pattern) problems.push(`${where}: a pattern beside format ${s.format}`);
      for (const [key, value] of Object.entries(s)) if (key !== 'examples') visit(value, `${where}.${key}`);
    };
    for (const [key, operation] of operations(document)) visit({ parameters: operation.parameters, body: operation.requestBody }, key);
    visit(document.components.schemas, 'components.schemas');
    expect(problems).toEqual([]);
  });

  it('describes a task response with the schema that types it', async () => {
    const document = await loadDocument();
    const task = z.toJSONSchema(TaskSchema, JSON_SCHEMA_OPTIONS) as Json & { $defs: Record<string, Json> };
    expect(document.components.schemas!.Task).toEqual(asComponents(task.$defs.Task));
    expect(document.components.schemas!.Label).toEqual(asComponents((z.toJSONSchema(LabelSchema, JSON_SCHEMA_OPTIONS) as { $defs: Record<string, Json> }).$defs.Label));
  });
});

describe('the routes in app/api and the document', () => {
  const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

  async function routeFiles(): Promise<string[]> {
    const files = await readdir(path.resolve('app/api'), { recursive: true });
    return files.filter((file) => file.endsWith('route.ts') && !file.includes('[...')).map((file) => file.replaceAll(path.sep, '/'));
  }

  it('documents exactly the methods each route file answers other than 405', async () => {
    const documented = new Set(operations(await loadDocument()).keys());
    const answered = new Set<string>();
    for (const file of await routeFiles()) {
      const route = `/api/${path.posix.dirname(file)}`.replace(/\[(\w+)\]/g, '{$1}');
      const params = Object.fromEntries([...route.matchAll(/\{(\w+)\}/g)].map(([, name]) => [name!, randomUUID()]));
      const url = route.replace(/\{(\w+)\}/g, (_, name: string) => params[name]!);
      const routeModule = (await import(path.resolve('app/api', file))) as Record<string, unknown>;
      for (const method of HTTP_METHODS) {
        const handler = routeModule[method] as ((request: Request, context: unknown) => Promise<Response>) | undefined;
        if (!handler) continue;
        const response = await handler(new Request(`${ORIGIN}${url}`, { method }), { params: Promise.resolve(params) });
        if (response.status !== 405) answered.add(`${method} ${route}`);
      }
    }
    // next-auth's catch-all serves these; the session tests exercise them.
    const fromNextAuth = ['GET /api/auth/csrf', 'GET /api/auth/session', 'POST /api/auth/signout', 'POST /api/auth/callback/credentials'];
    expect([...answered].sort()).toEqual([...documented].filter((key) => !fromNextAuth.includes(key)).sort());
  });

  it("answers in the shapes the document gives (signup, token, errors, health, next-auth's CSRF token)", async () => {
    const post = (route: typeof signupRoute, path: string, body: unknown) =>
      callHandler(
        route,
        new Request(`${ORIGIN}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
        { params: Promise.resolve({}) },
      );
    const email = `docs-${randomUUID()}@example.com`;
    const password = 'correct horse battery staple';

    const signup = await post(signupRoute, '/api/auth/signup', { email, password, name: 'Ann' });
    expect(signup.status).toBe(201);
    z.strictObject(SignupResponse.shape).parse(await signup.json());

    const token = await post(tokenRoute, '/api/auth/token', { email, password });
    expect(token.status).toBe(200);
    z.strictObject(TokenResponse.shape).parse(await token.json());

    const invalid = await post(signupRoute, '/api/auth/signup', { email: 'not an email', password: 'short' });
    expect(invalid.status).toBe(422);
    expect(invalid.headers.get('content-type')).toBe('application/problem+json');
    const problem = z.strictObject(ProblemDocument.shape).parse(await invalid.json());
    expect(problem.errors?.map((e) => e.path).sort()).toEqual(['email', 'password']);

    HealthResponse.parse(await (await callHandler(healthRoute, new Request('http://localhost/api/health'), undefined)).json());

    const csrf = await callHandler(handlers.GET, new NextRequest(`${ORIGIN}/api/auth/csrf`));
    z.strictObject(CsrfTokenResponse.shape).parse(await csrf.json());
  });
});

// Every API test's responses go through assertConformant (tests/helpers/requests.ts); these prove
// it refuses what the document does not describe, so a passing suite means something.
describe('the conformance check of every API test', () => {
  const json = (status: number, body: unknown, type = 'application/json') =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });
  const task = {
    id: randomUUID(), user_id: randomUUID(), title: 't', description: null, completed: false,
    created_at: '2026-11-21T23:10:00.000Z', updated_at: '2026-11-21T23:10:00.000Z',
    due_date: null, due_time: null, priority: 'none', labels: [], reminders: [], repeat: null, position: 'a0', etag: '"1-a"',
    project_id: null, parent_id: null, assignee_id: null,
  };
  const createUrl = `${ORIGIN}/api/${randomUUID()}/tasks`;

  it('accepts a response the document describes', async () => {
    await expect(assertConformant('POST', createUrl, json(201, task))).resolves.toBeUndefined();
  });

  it('refuses a status not documented for the path and method', async () => {
    await expect(assertConformant('POST', createUrl, json(418, task))).rejects.toThrow(/does not list/);
  });

  it('refuses a body that does not match the schema of its status', async () => {
    await expect(assertConformant('POST', createUrl, json(201, { ...task, title: 5 }))).rejects.toThrow(/title/);
    await expect(assertConformant('POST', createUrl, json(201, { ...task, created_at: 'yesterday' }))).rejects.toThrow(/created_at/);
    await expect(assertConformant('POST', createUrl, json(422, { title: 'Unprocessable Content' }, 'application/problem+json'))).rejects.toThrow(/required/);
  });

  it('refuses a media type the document does not name, and an undocumented path', async () => {
    await expect(assertConformant('POST', createUrl, json(201, task, 'text/plain'))).rejects.toThrow(/text\/plain/);
    await expect(assertConformant('GET', `${ORIGIN}/api/nowhere/x/y/z`, json(200, {}))).rejects.toThrow(/not a documented path/);
  });

  it('holds an undocumented method to the 405-with-Allow rule', async () => {
    const refused = new Response(JSON.stringify({ type: 'about:blank', title: 'Method Not Allowed', status: 405, detail: 'x' }), {
      status: 405,
      headers: { 'content-type': 'application/problem+json', allow: 'GET, HEAD, POST, OPTIONS' },
    });
    await expect(assertConformant('DELETE', createUrl, refused)).resolves.toBeUndefined();
    await expect(assertConformant('DELETE', createUrl, json(200, task))).rejects.toThrow(/Allow/);
  });
});

describe('/docs', () => {
  async function page(): Promise<string> {
    const response = await getDocsPage();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    return response.text();
  }

  function asset(url: string): Promise<Response> {
    const file = new URL(url, ORIGIN).pathname.split('/').pop()!;
    return getDocsAsset(new Request(new URL(url, ORIGIN)), { params: Promise.resolve({ file: decodeURIComponent(file) }) });
  }

  it('loads scripts and styles from this origin only, with no inline script', async () => {
    const html = await page();
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    const links = [...html.matchAll(/<link\b[^>]*>/g)].map(([tag]) => tag);
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, inline] of scripts) {
      expect(attributes).toMatch(/\bsrc="\/docs\/assets\/[^"/]+"/);
      expect(inline).toBe('');
    }
    for (const link of links.filter((tag) => tag.includes('stylesheet'))) expect(link).toMatch(/\bhref="\/docs\/assets\/[^"/]+"/);
    expect(html).not.toMatch(/\b(src|href)="(https?:)?\/\//);
    expect(html).not.toMatch(/<style\b/);
    expect(html).toContain('data-spec-url="/api/openapi.json"');
  });

  it('serves each asset the page names, with its content type, cached for good', async () => {
    const html = await page();
    const urls = [...html.matchAll(/\b(?:src|href)="(\/docs\/assets\/[^"]+)"/g)].map(([, url]) => url!.replaceAll('&amp;', '&'));
    // Swagger UI's script and stylesheet, its preset, our start-up script, and docs.css (contrast in both themes).
    expect(urls).toHaveLength(5);
    expect(urls.some((url) => url.startsWith('/docs/assets/docs.css'))).toBe(true);
    for (const url of urls) {
      const response = await asset(url);
      expect(response.status, url).toBe(200);
      expect(response.headers.get('content-type'), url).toBe(url.includes('.css?') ? 'text/css; charset=utf-8' : 'text/javascript; charset=utf-8');
      expect(response.headers.get('cache-control'), url).toBe('public, max-age=31536000, immutable');
      expect((await response.text()).length, url).toBeGreaterThan(100);
    }
  });

  it('starts Swagger UI on this origin without the validator badge (an image from validator.swagger.io)', async () => {
    const script = await (await asset('/docs/assets/docs.js')).text();
    expect(script).toMatch(/validatorUrl: null/);
    expect(script).not.toMatch(/https?:\/\//);
    const bundle = await (await asset('/docs/assets/swagger-ui-bundle.js')).text();
    expect(bundle).toContain('SwaggerUIBundle');
  });

  it('revalidates an asset asked for without its version, and refuses files not on the list', async () => {
    expect((await asset('/docs/assets/swagger-ui.css')).headers.get('cache-control')).toBe('public, no-cache');
    for (const name of ['package.json', '..%2Fpackage.json', '..%2F..%2Fpackage.json', 'swagger-ui-bundle.js.map', 'constructor', '__proto__']) {
      expect((await asset(`/docs/assets/${name}`)).status, name).toBe(404);
    }
  });

  it('ships every asset read from node_modules with the server build', () => {
    const traced = nextConfig.outputFileTracingIncludes?.['/docs/assets/[file]'] ?? [];
    for (const asset of Object.values(DOCS_ASSETS)) {
      if ('packageFile' in asset) expect(traced).toContain(`./node_modules/swagger-ui-dist/${asset.packageFile}`);
    }
  });
});
