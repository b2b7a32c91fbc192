import { createHash } from 'node:crypto';
import { ifNoneMatchHits } from '@/lib/http/conditional';
import { allowedMethods, handler, methodNotAllowed } from '@/lib/http/handler';
import { openApiDocument } from '@/lib/openapi/document';

let body: { json: string; etag: string } | undefined;

function documentBody() {
  if (!body) {
    const json = JSON.stringify(openApiDocument());
    body = { json, etag: `"${createHash('sha256').update(json).digest('base64url').slice(0, 27)}"` };
  }
  return body;
}

// Public and the same for everyone; `no-cache` with an ETag keeps a deploy's changes visible at once.
export const GET = handler(async (request: Request) => {
  const { json, etag } = documentBody();
  const headers = { ETag: etag, 'Cache-Control': 'public, no-cache' };
  if (ifNoneMatchHits(request.headers.get('if-none-match'), etag)) return new Response(null, { status: 304, headers });
  return new Response(json, { headers: { ...headers, 'Content-Type': 'application/json' } });
});

const ALLOW = ['GET', 'HEAD', 'OPTIONS'];

export const POST = methodNotAllowed(ALLOW);
export const PUT = methodNotAllowed(ALLOW);
export const PATCH = methodNotAllowed(ALLOW);
export const DELETE = methodNotAllowed(ALLOW);
export const OPTIONS = allowedMethods(ALLOW);
