import 'server-only';
import { DomainError, type ProblemOptions } from '@/lib/errors';

export type { FieldError } from '@/lib/errors';

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

/** A refusal of the request pipeline itself (`413`, `415`, `400`, `405`…), answered as a problem document. */
export class HttpError extends DomainError {}

/** An RFC 9457 problem document: the only way this app answers an error. */
export function problem(status: number, detail: string, options: ProblemOptions = {}): Response {
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
