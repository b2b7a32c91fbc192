import { z } from 'zod';
import { describeDatabaseError, driverError, isDatabaseUnavailable } from '@/lib/db/errors';

/** One entry per bad field of a `422`. `path` is dotted (`title`, `items.0.name`), `''` for the whole body. */
export interface FieldError {
  path: string;
  message: string;
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** An error a route throws to answer with a problem document. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly options: { errors?: FieldError[]; headers?: HeadersInit } = {},
  ) {
    super(detail);
    this.name = 'HttpError';
  }
}

/** An RFC 9457 problem document: the only way this app answers an error. */
export function problem(status: number, detail: string, options: HttpError['options'] = {}): Response {
  const headers = new Headers(options.headers);
  headers.set('Content-Type', 'application/problem+json');
  headers.set('Cache-Control', 'no-store');
  const body = { type: 'about:blank', title: TITLES[status] ?? 'Error', status, detail, ...(options.errors && { errors: options.errors }) };
  return new Response(JSON.stringify(body), { status, headers });
}

/** A JSON response that carries user data: never cached. */
export function json(data: unknown, init: ResponseInit = {}): Response {
  const headers = new Headers(init.headers);
  headers.set('Content-Type', 'application/json');
  if (!headers.has('Cache-Control')) headers.set('Cache-Control', 'no-store');
  return new Response(JSON.stringify(data), { ...init, headers });
}

export function zodFieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}

export function validationFailed(errors: FieldError[]): HttpError {
  const detail = errors.map((e) => (e.path ? `${e.path} ${e.message}` : e.message)).join('; ');
  return new HttpError(422, detail, { errors });
}

/** Validates with zod; a failure becomes a `422` listing each bad field. */
export function parseWith<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw validationFailed(zodFieldErrors(result.error));
  return result.data;
}

/**
 * Validates several parts of a request (path, query, headers, body) in one go: a failure is one
 * `422` listing the bad fields of every part, not just those of the first part that failed.
 */
export function parseAll<S extends Record<string, z.ZodType>>(
  schemas: S,
  inputs: { [K in keyof S]: unknown },
): { [K in keyof S]: z.output<S[K]> } {
  const errors: FieldError[] = [];
  const parsed: Record<string, unknown> = {};
  for (const [part, schema] of Object.entries(schemas)) {
    const result = schema.safeParse(inputs[part]);
    if (result.success) parsed[part] = result.data;
    else errors.push(...zodFieldErrors(result.error));
  }
  if (errors.length > 0) throw validationFailed(errors);
  return parsed as { [K in keyof S]: z.output<S[K]> };
}

export const MAX_BODY_BYTES = 64 * 1024;

function isJsonContentType(value: string | null): boolean {
  const mediaType = value?.split(';')[0]?.trim().toLowerCase();
  return mediaType === 'application/json';
}

async function readLimited(request: Request, limit: number): Promise<Uint8Array> {
  const declared = Number(request.headers.get('content-length'));
  if (declared > limit) throw new HttpError(413, `Request body must be at most ${limit / 1024} KiB`);
  if (!request.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new HttpError(413, `Request body must be at most ${limit / 1024} KiB`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/**
 * The JSON body of a request, checked in the contract's order: `415` not application/json,
 * `413` over 64 KiB, `400` not valid JSON. Validation (`422`) is the caller's next step, with
 * `parseAll`, so that path, query, header and body errors are reported together.
 */
export async function readJsonBody(request: Request): Promise<unknown> {
  if (!isJsonContentType(request.headers.get('content-type'))) {
    throw new HttpError(415, 'Request body must be application/json');
  }
  const bytes = await readLimited(request, MAX_BODY_BYTES);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new HttpError(400, 'Request body is not valid UTF-8');
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, 'Request body is not valid JSON');
  }
}

/** Turns anything a handler throws into the response the contract asks for. */
export function errorResponse(err: unknown, request: Request): Response {
  if (err instanceof HttpError) return problem(err.status, err.detail, err.options);
  if (isDatabaseUnavailable(err)) {
    console.error(`[api] ${request.method} ${new URL(request.url).pathname}: database unavailable: ${describeDatabaseError(err)}`);
    return problem(503, 'The database is unavailable; try again shortly', { headers: { 'Retry-After': '5' } });
  }
  // The driver's error, not Drizzle's wrapper: the wrapper's message lists the query's parameters.
  const cause = driverError(err);
  console.error(`[api] ${request.method} ${new URL(request.url).pathname} failed: ${describeDatabaseError(err)}\n${cause?.stack ?? ''}`);
  return problem(500, 'Something went wrong on our side');
}

/**
 * For the methods a path does not support: `405` with `Allow`, before any other check. Next's
 * own fallback answers 405 with neither an `Allow` header nor a problem document.
 */
export function methodNotAllowed(allow: readonly string[]): () => Promise<Response> {
  return async () => problem(405, `This path supports ${allow.join(', ')}`, { headers: { Allow: allow.join(', ') } });
}

/** `OPTIONS` listing only the supported methods (Next's default would count the 405 handlers too). */
export function allowedMethods(allow: readonly string[]): () => Promise<Response> {
  return async () => new Response(null, { status: 204, headers: { Allow: allow.join(', ') } });
}

type Method = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS';

/**
 * The handlers a route exports for what it does not do: a `405` with `Allow` for each method
 * and an `OPTIONS` that lists `allow`. A route destructures the ones it lacks:
 * `export const { PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed(ALLOW);`
 */
export function methodsNotAllowed(allow: readonly string[]): Record<Method, () => Promise<Response>> {
  const refuse = methodNotAllowed(allow);
  return { GET: refuse, HEAD: refuse, POST: refuse, PUT: refuse, PATCH: refuse, DELETE: refuse, OPTIONS: allowedMethods(allow) };
}

type Handler<C> = (request: Request, context: C) => Promise<Response>;

/** Wraps a route handler so that every failure becomes a problem document, logged once. */
export function handler<C>(fn: Handler<C>): Handler<C> {
  return async (request, context) => {
    try {
      return await fn(request, context);
    } catch (err) {
      return errorResponse(err, request);
    }
  };
}
