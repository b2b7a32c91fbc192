import 'server-only';
import { randomBytes } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { contentSecurityPolicy } from '@/lib/server/csp';
import { openApiDocument } from '@/lib/openapi/document';

// Next routes seven methods. For any other, it builds a WHATWG `Request` before proxy.ts or a
// route handler runs, and undici refuses `TRACE` (and `TRACK`) there with a TypeError: a 500.
// Methods it accepts but no route can export (`PROPFIND`, `PURGE`…) get an empty 400, and
// Node's server drops a `CONNECT` without an answer unless something listens for it. So these
// are answered here, on Node's server, before Next sees them: `405` with `Allow`, as the API
// answers an unsupported method (methods Node's parser does not know, `FOO`, get Node's 400);
// likewise a path whose percent-encoding does not decode, which Next answers with a 500: `400`,
// and a POST to a page from another origin, which Next also refuses as a 500: `403`. And every
// page gets its Content-Security-Policy here, with a fresh nonce (lib/server/csp.ts): Next reads the
// nonce from the request's policy header and puts it on its scripts. A proxy.ts could set that
// header too, but with one Next does more work on every request, the API's included (creates
// ran 0.89x as fast with a proxy whose matcher left /api out: docs/performance.md).
// Installed by instrumentation.ts, so it covers `next start` (and `npm start`) and `next dev`.
const ROUTED = new Set(['GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'PATCH', 'DELETE']);
const EVERY_ROUTED_METHOD = 'GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE';

let documented: { pattern: RegExp; allow: string }[] | undefined;

/** The methods the document gives a path (with HEAD beside GET, and OPTIONS); pages: GET, HEAD. */
export function allowFor(url: string): string {
  documented ??= Object.entries((openApiDocument().paths ?? {}) as Record<string, object>).map(([route, item]) => {
    const methods = Object.keys(item).filter((key) => ROUTED.has(key.toUpperCase())).map((key) => key.toUpperCase());
    if (methods.includes('GET')) methods.splice(methods.indexOf('GET') + 1, 0, 'HEAD');
    const pattern = new RegExp(`^${route.replace(/[.]/g, '\\.').replace(/\{\w+\}/g, '[^/]+')}/?$`);
    return { pattern, allow: [...methods, 'OPTIONS'].join(', ') };
  });
  const path = url.split('?')[0] ?? '';
  const match = documented.find(({ pattern }) => pattern.test(path));
  if (match) return match.allow;
  // An API path the document does not list (next-auth's own): whatever Next may route there.
  return path === '/api' || path.startsWith('/api/') ? EVERY_ROUTED_METHOD : 'GET, HEAD';
}

function problemBody(method: string): string {
  const detail = `This server does not support the ${method} method`;
  return JSON.stringify({ type: 'about:blank', title: 'Method Not Allowed', status: 405, detail });
}

function refuse(request: IncomingMessage, response: ServerResponse): void {
  const body = problemBody(request.method ?? '');
  response.writeHead(405, {
    Allow: allowFor(request.url ?? '/'),
    'Content-Type': 'application/problem+json',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
  });
  response.end(body);
}

/** Whether a path's percent-encoding decodes: Next answers a malformed one (`/api/%E0%A4%A/tasks`) with a 500. */
function decodablePath(url: string): boolean {
  const path = url.split('?')[0] ?? '';
  if (!path.includes('%')) return true;
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

function badPath(response: ServerResponse): void {
  const body = JSON.stringify({ type: 'about:blank', title: 'Bad Request', status: 400, detail: 'The path is not valid percent-encoding' });
  response.writeHead(400, { 'Content-Type': 'application/problem+json', 'Content-Length': Buffer.byteLength(body), 'Cache-Control': 'no-store' });
  response.end(body);
}

/**
 * A POST to a page (a server action, fetched or a plain form) whose Origin is not this host: a
 * cross-site request forgery. Next refuses it too, but as a 500 (logged as an error); the same
 * comparison here answers 403. Like Next: no Origin (not a browser) passes, and the host is
 * X-Forwarded-Host's first value, else Host.
 */
function foreignOriginPost(request: IncomingMessage): boolean {
  if (request.method !== 'POST') return false;
  const path = (request.url ?? '/').split('?')[0] ?? '';
  if (path === '/api' || path.startsWith('/api/')) return false;
  const origin = request.headers.origin;
  if (!origin) return false;
  let originHost: string;
  try {
    originHost = origin === 'null' ? 'null' : new URL(origin).host;
  } catch {
    return true;
  }
  const forwarded = request.headers['x-forwarded-host'];
  const host = (Array.isArray(forwarded) ? forwarded[0] : forwarded?.split(',')[0]?.trim()) || request.headers.host;
  return originHost !== host;
}

function refuseForeignOrigin(response: ServerResponse): void {
  const body = JSON.stringify({ type: 'about:blank', title: 'Forbidden', status: 403, detail: 'A form of this site can only be sent from this site' });
  response.writeHead(403, { 'Content-Type': 'application/problem+json', 'Content-Length': Buffer.byteLength(body), 'Cache-Control': 'no-store' });
  response.end(body);
}

const dev = process.env.NODE_ENV === 'development';
const NO_POLICY = /^\/(api|_next\/static|_next\/image|docs)(\/|$)|^\/favicon\.ico$/;

/**
 * The policy of a page: a GET renders one, with a nonce of its own on the request (for Next) and
 * on the response; any other request to a page (a server action, a form) the same policy without
 * a nonce. The API, Next's static files and /docs (next.config.ts) are left alone.
 */
function sendPagePolicy(request: IncomingMessage, response: ServerResponse): void {
  const path = (request.url ?? '/').split('?')[0] ?? '/';
  if (NO_POLICY.test(path)) return;
  const rendersPage = request.method === 'GET' || request.method === 'HEAD';
  const policy = contentSecurityPolicy({ nonce: rendersPage ? randomBytes(16).toString('base64') : undefined, dev });
  if (rendersPage) request.headers['content-security-policy'] = policy;
  response.setHeader('Content-Security-Policy', policy);
}

function refuseConnect(request: IncomingMessage, socket: Duplex): void {
  const body = problemBody('CONNECT');
  socket.end(
    [
      'HTTP/1.1 405 Method Not Allowed',
      `Allow: ${allowFor(request.url ?? '/')}`,
      'Content-Type: application/problem+json',
      `Content-Length: ${Buffer.byteLength(body)}`,
      'Cache-Control: no-store',
      'Connection: close',
      '',
      body,
    ].join('\r\n'),
  );
}

let installed = false;

/**
 * Patches `http.Server.prototype.emit`, so that every Node HTTP server of this process answers
 * odd methods, undecodable paths and cross-site posts to pages itself, and gives pages their
 * Content-Security-Policy. Next owns its server and gives no hook before it builds the
 * `Request`, so the guard sits in `emit`: a CONNECT listener is added when a server takes its
 * first connection (before any request on it is parsed).
 */
export function guardNodeServers(): void {
  if (installed) return;
  installed = true;
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === 'connection' && this.listenerCount('connect') === 0) this.on('connect', refuseConnect);
    if (event === 'request') {
      const [request, response] = args as [IncomingMessage, ServerResponse];
      if (!ROUTED.has(request.method ?? '')) {
        refuse(request, response);
        return true;
      }
      if (!decodablePath(request.url ?? '/')) {
        badPath(response);
        return true;
      }
      if (foreignOriginPost(request)) {
        refuseForeignOrigin(response);
        return true;
      }
      sendPagePolicy(request, response);
    }
    return emit.apply(this, [event, ...args] as Parameters<typeof emit>);
  } as typeof emit;
}
