import { NextRequest } from 'next/server';
import * as nextAuthRoute from '@/app/api/auth/[...nextauth]/route';
import { handlers } from '@/lib/auth';
import { callHandler } from './requests';

// What a browser does against next-auth's own routes, calling the route handlers in-process.

const ORIGIN = 'http://localhost:3000';

/** `name=value` of each Set-Cookie of a response. */
export function setCookies(response: Response): Map<string, string> {
  return new Map(
    response.headers.getSetCookie().map((c) => {
      const pair = c.split(';')[0]!;
      const at = pair.indexOf('=');
      return [pair.slice(0, at), pair.slice(at + 1)];
    }),
  );
}

async function csrf(): Promise<{ csrfToken: string; cookie: string }> {
  const response = await callHandler(handlers.GET, new NextRequest(`${ORIGIN}/api/auth/csrf`));
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { csrfToken, cookie: [...setCookies(response)].map(([k, v]) => `${k}=${v}`).join('; ') };
}

/** Signs in on /login's endpoint; the session cookie as a `Cookie` header value, or undefined when refused. */
export async function browserSignIn(email: string, password: string, userAgent = 'Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0 Safari/537.36') {
  const { csrfToken, cookie } = await csrf();
  const response = await callHandler(
    nextAuthRoute.POST,
    new NextRequest(`${ORIGIN}/api/auth/callback/credentials`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie, 'user-agent': userAgent },
      body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${ORIGIN}/tasks` }),
    }),
    undefined,
  );
  const value = setCookies(response).get('authjs.session-token');
  return value ? `authjs.session-token=${value}` : undefined;
}

/** POST /api/auth/signout with the session cookie, as the sign-out button does. */
export async function browserSignOut(sessionCookie: string): Promise<Response> {
  const { csrfToken, cookie } = await csrf();
  return nextAuthRoute.POST(
    new NextRequest(`${ORIGIN}/api/auth/signout`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `${cookie}; ${sessionCookie}` },
      body: new URLSearchParams({ csrfToken, callbackUrl: `${ORIGIN}/` }),
    }),
    undefined,
  );
}
