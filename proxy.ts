import { NextResponse, type NextRequest } from 'next/server';
import { contentSecurityPolicy } from '@/lib/http/csp';

// Every page gets a Content-Security-Policy with a nonce of its own: Next reads it from the
// request's policy and puts it on every script it renders (lib/http/csp.ts).

export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
  const policy = contentSecurityPolicy({ nonce, dev: process.env.NODE_ENV === 'development' });
  const headers = new Headers(request.headers);
  headers.set('Content-Security-Policy', policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('Content-Security-Policy', policy);
  return response;
}

export const config = {
  matcher: [
    {
      // Pages only: not the API, Next's static files, or /docs (next.config.ts gives those theirs).
      source: '/((?!api/|_next/static|_next/image|favicon.ico|docs).*)',
      // Nor a request with a body (a form or a server action): proxy.ts would make Next buffer it
      // before its own size limit applies; nor a prefetch, which renders no HTML.
      missing: [
        { type: 'header', key: 'content-type' },
        { type: 'header', key: 'next-action' },
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
  ],
};
