import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { openApiDocument } from '@/lib/openapi/document';
import { callHandler, ORIGIN } from './requests';

// The operations of the OpenAPI document as requests a test can send: every operation, its
// route file, and a request made from the document alone (path, query and a body that validates
// against the operation's schema). Tests generated from this cover every route the day it is
// documented: one that cannot be built (a path parameter with no fixture) fails loudly.

type Json = Record<string, unknown>;
type Schema = Json & { $ref?: string; examples?: unknown[] };

const HTTP_METHODS = ['get', 'put', 'post', 'patch', 'delete'] as const;

export interface Operation {
  /** `POST /api/{user_id}/tasks` */
  key: string;
  method: Uppercase<(typeof HTTP_METHODS)[number]>;
  template: string;
  parameters: { name: string; in: string; required?: boolean; schema?: Schema }[];
  body?: { mediaType: string; schema: Schema };
  /** The personal token scopes its `security` names; null when it names no `personalToken`. */
  tokenScopes: string[] | null;
}

function tokenScopesOf(operation: Json): string[] | null {
  const security = (operation.security ?? document.security ?? []) as Record<string, string[]>[];
  return security.find((requirement) => 'personalToken' in requirement)?.personalToken ?? null;
}

const document = openApiDocument() as Json & { paths: Record<string, Json>; components: Json };

function resolve<T>(value: T): T {
  let node: unknown = value;
  while (node && typeof node === 'object' && typeof (node as Schema).$ref === 'string') {
    const { $ref, ...rest } = node as Schema;
    const target = $ref!
      .replace(/^#\//, '')
      .split('/')
      .reduce<unknown>((at, token) => (at as Json)[token], document);
    node = { ...(target as Json), ...rest };
  }
  return node as T;
}

/** Every operation of the document whose path starts with `prefix`. */
export function documentedOperations(prefix: string): Operation[] {
  const operations: Operation[] = [];
  for (const [template, item] of Object.entries(document.paths)) {
    if (!template.startsWith(prefix)) continue;
    const shared = ((item.parameters ?? []) as Json[]).map(resolve);
    for (const method of HTTP_METHODS) {
      const operation = item[method] as Json | undefined;
      if (!operation) continue;
      const own = ((operation.parameters ?? []) as Json[]).map(resolve);
      const requestBody = operation.requestBody ? resolve(operation.requestBody as Json) : undefined;
      const [mediaType, media] = Object.entries((requestBody?.content ?? {}) as Record<string, { schema: Schema }>)[0] ?? [];
      operations.push({
        key: `${method.toUpperCase()} ${template}`,
        method: method.toUpperCase() as Operation['method'],
        template,
        parameters: [...shared, ...own] as Operation['parameters'],
        body: mediaType ? { mediaType, schema: media!.schema } : undefined,
        tokenScopes: tokenScopesOf(operation),
      });
    }
  }
  return operations;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const namesAnotherResource = (value: unknown): boolean => JSON.stringify(value)?.split('"').some((part) => UUID.test(part)) ?? false;

/**
 * A value the schema accepts: the schema's own example when it has one (preferring one that
 * names no other resource by id, which this request could not know), else one built from its
 * type, with one item in each array, so that a write really writes.
 */
export function sampleOf(schema: Schema): unknown {
  const s = resolve(schema);
  if (Array.isArray(s.examples) && s.examples.length > 0) return s.examples.find((e) => !namesAnotherResource(e)) ?? s.examples[0];
  if ('const' in s) return s.const;
  if (Array.isArray(s.enum)) return s.enum[0];
  if (Array.isArray(s.allOf)) return Object.assign({}, ...(s.allOf as Schema[]).map((part) => sampleOf(part) as Json));
  if (Array.isArray(s.anyOf)) return sampleOf((s.anyOf as Schema[])[0]!);
  if (Array.isArray(s.oneOf)) return sampleOf((s.oneOf as Schema[])[0]!);
  const type = Array.isArray(s.type) ? (s.type as string[]).find((t) => t !== 'null') : (s.type as string | undefined);
  switch (type) {
    case 'object': {
      const properties = (s.properties ?? {}) as Record<string, Schema>;
      const required = (s.required ?? []) as string[];
      return Object.fromEntries(required.map((name) => [name, sampleOf(properties[name] ?? {})]));
    }
    case 'array':
      return (s.maxItems as number | undefined) === 0 ? [] : [sampleOf((s.items ?? {}) as Schema)];
    case 'integer':
    case 'number':
      return (s.minimum as number | undefined) ?? 1;
    case 'boolean':
      return false;
    case 'string':
      if (s.format === 'uuid') return '00000000-0000-4000-8000-000000000000';
      if (s.format === 'date') return '2026-12-01';
      if (s.format === 'date-time') return '2026-12-01T09:00:00.000Z';
      if (s.format === 'email') return 'someone@example.com';
      return 'x'.repeat(Math.max(1, (s.minLength as number | undefined) ?? 1));
    default:
      return null;
  }
}

// ajv-formats is CommonJS with `exports.default`: under Node's ESM interop the callable is `.default`.
const addFormats = (addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule;
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema({ ...document, $id: 'https://todo.invalid/openapi.json' });

/** Throws unless `value` is valid for the operation's body schema, as the document gives it. */
export function assertValidBody(operation: Operation, value: unknown): void {
  const pointer = `#/paths/${operation.template.replaceAll('~', '~0').replaceAll('/', '~1')}/${operation.method.toLowerCase()}/requestBody/content/${operation.body!.mediaType.replace('/', '~1')}/schema`;
  const validate = ajv.getSchema(`https://todo.invalid/openapi.json${pointer}`) ?? ajv.compile({ $ref: `https://todo.invalid/openapi.json${pointer}` });
  if (!validate(value)) throw new Error(`the sample body of ${operation.key} does not match its schema: ${ajv.errorsText(validate.errors)}`);
}

type RouteHandler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** The route file's handler for the operation (app/api/[user_id]/tasks/[id]/route.ts, …). */
export async function handlerOf(operation: Operation): Promise<RouteHandler> {
  const file = path.resolve('app', `${operation.template.replace(/^\//, '').replace(/\{(\w+)\}/g, '[$1]')}/route.ts`);
  const routeModule = (await import(file)) as Record<string, RouteHandler | undefined>;
  const handler = routeModule[operation.method];
  if (!handler) throw new Error(`${file} does not export ${operation.method}`);
  return handler;
}

/**
 * Sends the operation with these path parameters and headers, its sample body, and its required
 * query parameters, as Next would call the route; the answer is checked against the document.
 */
export async function sendOperation(operation: Operation, pathParams: Record<string, string>, headers: Record<string, string>): Promise<Response> {
  const url = new URL(operation.template.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(pathParams[name]!)), ORIGIN);
  for (const parameter of operation.parameters) {
    if (parameter.in === 'query' && parameter.required) url.searchParams.set(parameter.name, String(sampleOf(parameter.schema ?? {})));
  }
  const init: RequestInit = { method: operation.method, headers: { ...headers } };
  if (operation.body) {
    const body = sampleOf(operation.body.schema);
    assertValidBody(operation, body);
    init.body = JSON.stringify(body);
    (init.headers as Record<string, string>)['content-type'] = operation.body.mediaType;
  }
  const handler = await handlerOf(operation);
  return callHandler(handler, new Request(url, init), { params: Promise.resolve(pathParams) });
}
