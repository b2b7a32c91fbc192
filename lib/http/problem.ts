import 'server-only';

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
