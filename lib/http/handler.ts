import 'server-only';
import { refuseDeclaredBody } from '@/lib/http/body';
import { errorResponse } from '@/lib/http/errors';
import { problem } from '@/lib/http/problem';

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

// Methods whose handlers never read a body: one declared over the limit is refused up front, as
// a route that reads its body would (a chunked one is never read, so never buffered).
const BODILESS = new Set(['GET', 'HEAD', 'DELETE']);

/** Wraps a route handler so that every failure becomes a problem document, logged once. */
export function handler<C>(fn: Handler<C>): Handler<C> {
  return async (request, context) => {
    try {
      if (BODILESS.has(request.method)) refuseDeclaredBody(request);
      return await fn(request, context);
    } catch (err) {
      return errorResponse(err, request);
    }
  };
}
