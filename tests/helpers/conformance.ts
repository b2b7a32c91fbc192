import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { openApiDocument } from '@/lib/openapi/document';

// Every response an API test receives is checked against the OpenAPI document: its status must
// be documented for the path and method, its media type must be one the document names for that
// status, and a JSON body must validate against that media type's schema (JSON Schema 2020-12,
// the dialect of OpenAPI 3.1). A response the document does not describe fails the test that
// received it, so the document cannot drift from what the routes answer.

type Json = Record<string, unknown>;
type ResponseObject = { $ref?: string; content?: Record<string, { schema?: unknown }> };
type Operation = { responses: Record<string, ResponseObject> };

const DOCUMENT_ID = 'https://todo.invalid/openapi.json';
// ajv-formats is CommonJS with `exports.default`: under Node's ESM interop the callable is `.default`.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule);

interface Conformance {
  document: Json & { paths: Record<string, Record<string, Operation>> };
  ajv: Ajv2020;
  templates: { template: string; pattern: RegExp; literals: number }[];
  validators: Map<string, ValidateFunction>;
}

let state: Conformance | undefined;

function load(): Conformance {
  if (state) return state;
  const document = structuredClone(openApiDocument()) as Conformance['document'];
  // strict: false, since OpenAPI allows keywords JSON Schema does not know (`example`) and the
  // document itself is not a schema; it is added whole so that its `#/components/…` refs resolve.
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
  addFormats(ajv);
  ajv.addSchema({ ...document, $id: DOCUMENT_ID });
  const templates = Object.keys(document.paths).map((template) => {
    const segments = template.split('/');
    const source = segments.map((s) => (/^\{.+\}$/.test(s) ? '[^/]+' : s.replace(/[.*+?^$()|[\]\\]/g, '\\$&'))).join('/');
    return { template, pattern: new RegExp(`^${source}$`), literals: segments.filter((s) => !s.startsWith('{')).length };
  });
  state = { document, ajv, templates, validators: new Map() };
  return state;
}

const escapePointer = (token: string) => token.replaceAll('~', '~0').replaceAll('/', '~1');

function resolveResponse(document: Json, response: ResponseObject): { object: ResponseObject; pointer: string } | undefined {
  if (!response.$ref) return undefined;
  const pointer = response.$ref.replace(/^#/, '');
  const object = pointer
    .split('/')
    .slice(1)
    .reduce<unknown>((node, token) => (node as Json)[token.replaceAll('~1', '/').replaceAll('~0', '~')], document) as ResponseObject;
  return { object, pointer };
}

const HTTP_METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

function assertEmpty(where: string, status: string, text: string): void {
  if (text !== '') throw new Error(`OpenAPI conformance: ${where} ${status} must have no body, but has: ${text.slice(0, 300)}`);
}

/**
 * A method the document does not give a path: the document's rule (info.description) is `405`
 * with `Allow` and a problem document, and `OPTIONS` answers `204` with `Allow`; either way
 * `Allow` names exactly the path's documented methods, HEAD beside GET, and OPTIONS.
 */
function assertMethodRule(where: string, method: string, documented: string[], response: Response, text: string): void {
  const expected = new Set([...documented.map((m) => m.toUpperCase()), ...(documented.includes('get') ? ['HEAD'] : []), 'OPTIONS']);
  const allow = new Set((response.headers.get('allow') ?? '').split(',').map((m) => m.trim()).filter(Boolean));
  if ([...expected].sort().join() !== [...allow].sort().join()) {
    throw new Error(`OpenAPI conformance: ${where} answered Allow: ${[...allow].join(', ')}; the document gives ${[...expected].join(', ')}`);
  }
  if (method === 'OPTIONS') {
    if (response.status !== 204) throw new Error(`OpenAPI conformance: ${where} answered ${response.status}, not 204`);
    return assertEmpty(where, '204', text);
  }
  if (response.status !== 405) throw new Error(`OpenAPI conformance: ${where} is not documented, so it must answer 405, not ${response.status}`);
  // A server sends no body to HEAD whatever the handler returns (RFC 9110 9.3.2).
  if (method === 'HEAD') return;
  if (response.headers.get('content-type') !== 'application/problem+json' || (JSON.parse(text) as { status?: unknown }).status !== 405) {
    throw new Error(`OpenAPI conformance: ${where} 405 is not a problem document: ${text.slice(0, 300)}`);
  }
}

/** The documented path template a concrete path belongs to, preferring literal segments over parameters. */
export function documentedPath(pathname: string): string | undefined {
  const matches = load().templates.filter(({ pattern }) => pattern.test(pathname));
  return matches.sort((a, b) => b.literals - a.literals)[0]?.template;
}

/**
 * Fails (throws) unless `response` is one the document describes for `method` and the request's
 * path. Reads a clone of the body, so the caller can still read the response.
 */
export async function assertConformant(method: string, url: string, response: Response): Promise<void> {
  const { document, ajv, validators } = load();
  const pathname = new URL(url).pathname;
  const template = documentedPath(pathname);
  const where = `${method} ${pathname}`;
  if (!template) throw new Error(`OpenAPI conformance: ${where} is not a documented path`);
  const documentedMethods = Object.keys(document.paths[template]!).filter((key) => HTTP_METHODS.has(key));
  // An event stream does not end while the test holds it: its status and media type are checked, not its body.
  const streaming = response.headers.get('content-type')?.startsWith('text/event-stream') ?? false;
  const text = streaming ? '' : await response.clone().text();
  const operation = document.paths[template]![method.toLowerCase()] ?? (method === 'HEAD' ? document.paths[template]!.get : undefined);
  if (!operation) return assertMethodRule(where, method, documentedMethods, response, text);
  const status = String(response.status);
  const declared = operation.responses[status];
  if (!declared) {
    throw new Error(`OpenAPI conformance: ${method} ${template} answered ${status}, which the document does not list (body: ${text.slice(0, 300)})`);
  }
  const resolved = resolveResponse(document, declared);
  const object = resolved?.object ?? declared;
  const basePointer = resolved?.pointer ?? `/paths/${escapePointer(template)}/${method.toLowerCase()}/responses/${status}`;
  const content = object.content ?? {};
  if (method === 'HEAD') return;
  const mediaType = response.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
  if (Object.keys(content).length === 0) {
    if (text !== '') throw new Error(`OpenAPI conformance: ${method} ${template} ${status} is documented without a body, but has one: ${text.slice(0, 300)}`);
    return;
  }
  if (!mediaType || !(mediaType in content)) {
    throw new Error(`OpenAPI conformance: ${method} ${template} ${status} answered ${mediaType ?? 'no Content-Type'}; the document names ${Object.keys(content).join(', ')}`);
  }
  if (!/^application\/(.+\+)?json$/.test(mediaType) || content[mediaType]!.schema === undefined) return;
  const pointer = `${basePointer}/content/${escapePointer(mediaType)}/schema`;
  let validate = validators.get(pointer);
  if (!validate) {
    validate = ajv.compile({ $ref: `${DOCUMENT_ID}#${pointer}` });
    validators.set(pointer, validate);
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error(`OpenAPI conformance: ${method} ${template} ${status} is ${mediaType} but not JSON: ${text.slice(0, 300)}`);
  }
  if (!validate(body)) {
    throw new Error(
      `OpenAPI conformance: ${method} ${template} ${status} body does not match the document: ${ajv.errorsText(validate.errors)}\nbody: ${text.slice(0, 500)}`,
    );
  }
}
