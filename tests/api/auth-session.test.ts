import { eq } from 'drizzle-orm';
import { encode } from 'next-auth/jwt';
import { NextRequest } from 'next/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as nextAuthRoute from '@/app/api/auth/[...nextauth]/route';
import { POST as token } from '@/app/api/auth/token/route';
import { handlers } from '@/lib/auth';
import { authenticate } from '@/lib/auth/caller';
import { errorResponse } from '@/lib/http/errors';
import { loginFailures, sessions, users } from '@/lib/db/schema';
import { authSecret } from '@/lib/env';
import { createTestUser } from '@/tests/helpers/auth';
import { withTestDatabase } from '@/tests/helpers/db';
import { callHandler, callRoute, problemOf, routes } from '@/tests/helpers/requests';

const database = withTestDatabase();

const HTTP = 'http://localhost:3000';
const HTTPS = 'https://todo.example.com';

/** `name=value` of each Set-Cookie of a response. */
function setCookies(response: Response): Map<string, string> {
  return new Map(
    response.headers.getSetCookie().map((c) => {
      const pair = c.split(';')[0]!;
      const at = pair.indexOf('=');
      return [pair.slice(0, at), pair.slice(at + 1)];
    }),
  );
}

/** What a browser does on /login: fetch a CSRF token, then post the form with its cookie. */
async function browserSignIn(email: string, password: string, origin = HTTP) {
  const csrf = await callHandler(handlers.GET, new NextRequest(`${origin}/api/auth/csrf`));
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = [...setCookies(csrf)].map(([k, v]) => `${k}=${v}`).join('; ');
  const response = await callHandler(
    nextAuthRoute.POST,
    new NextRequest(`${origin}/api/auth/callback/credentials`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: csrfCookie },
      body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${origin}/tasks` }),
    }),
    undefined,
  );
  const cookies = setCookies(response);
  const sessionName = [...cookies.keys()].find((k) => k.endsWith('authjs.session-token'));
  const rawSetCookie = response.headers.getSetCookie().find((c) => c.startsWith(`${sessionName}=`));
  return {
    response,
    location: response.headers.get('location') ?? '',
    session: sessionName ? { name: sessionName, value: cookies.get(sessionName)!, setCookie: rawSetCookie! } : undefined,
  };
}

function withCookie(cookie: string, headers: Record<string, string> = {}) {
  return new Request(`${HTTP}/api/anything`, { headers: { cookie, ...headers } });
}

/** The user id a session cookie authenticates as. */
async function sessionOwner(session: { name: string; value: string } | undefined): Promise<string> {
  expect(session).toBeDefined();
  return (await authenticate(withCookie(`${session!.name}=${session!.value}`))).userId;
}

async function expect401(request: Request) {
  const error = await authenticate(request).then(
    () => expect.fail('expected a refusal'),
    (e: unknown) => e,
  );
  const response = await errorResponse(error, request);
  expect(response.status).toBe(401);
  expect(response.headers.get('www-authenticate')).toBe('Bearer');
}

function tokenRequest(email: string, password: string) {
  return callHandler(
    token,
    new Request(`${HTTP}/api/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    }),
    undefined as never,
  );
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('browser sign-in (next-auth Credentials, JWT session)', () => {
  it('sets an httpOnly, SameSite=Lax session cookie that authenticate() accepts', async () => {
    const user = await createTestUser({ name: 'Ann' });
    const { response, location, session } = await browserSignIn(user.email, user.password);

    expect(response.status).toBe(302);
    expect(location).toBe(`${HTTP}/tasks`);
    expect(session?.name).toBe('authjs.session-token');
    expect(session?.setCookie).toMatch(/; HttpOnly/i);
    expect(session?.setCookie).toMatch(/; SameSite=Lax/i);
    expect(session?.setCookie).toMatch(/; Path=\//i);
    expect(session?.setCookie).not.toMatch(/; Secure/i);

    expect(await sessionOwner(session)).toBe(user.id);
  });

  it('uses a __Secure- cookie with the Secure flag behind https, and authenticate() accepts it', async () => {
    const user = await createTestUser();
    const { session } = await browserSignIn(user.email, user.password, HTTPS);

    expect(session?.name).toBe('__Secure-authjs.session-token');
    expect(session?.setCookie).toMatch(/; Secure/i);
    expect(session?.setCookie).toMatch(/; HttpOnly/i);
    expect(session?.setCookie).toMatch(/; SameSite=Lax/i);
    expect(await sessionOwner(session)).toBe(user.id);
  });

  it('exposes the user id as session.user.id', async () => {
    const user = await createTestUser();
    const { session } = await browserSignIn(user.email, user.password);
    const response = await handlers.GET(
      new NextRequest(`${HTTP}/api/auth/session`, { headers: { cookie: `${session!.name}=${session!.value}` } }),
    );
    const body = (await response.json()) as { user: { id: string; email: string } };
    expect(body.user).toMatchObject({ id: user.id, email: user.email });
  });

  it('signs in with the email in any casing', async () => {
    const user = await createTestUser({ email: 'mixed.case@example.com' });
    const { session } = await browserSignIn('  Mixed.Case@Example.COM ', user.password);
    expect(await sessionOwner(session)).toBe(user.id);
  });

  it('refuses a wrong password or an unknown email without a session, with code=credentials', async () => {
    const user = await createTestUser();
    for (const [email, password] of [
      [user.email, 'wrong password'],
      ['nobody@example.com', user.password],
    ] as const) {
      const { location, session } = await browserSignIn(email, password);
      expect(session).toBeUndefined();
      const url = new URL(location);
      expect(url.pathname).toBe('/login');
      expect(url.searchParams.get('error')).toBe('CredentialsSignin');
      expect(url.searchParams.get('code')).toBe('credentials');
    }
  });

  it('refuses a sign-in without the CSRF token', async () => {
    const user = await createTestUser();
    const response = await callHandler(
      nextAuthRoute.POST,
      new NextRequest(`${HTTP}/api/auth/callback/credentials`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ email: user.email, password: user.password }),
      }),
      undefined,
    );
    expect([...setCookies(response).keys()].some((k) => k.endsWith('session-token'))).toBe(false);
  });

  it('logs a wrong password as one line: no stack trace, no password, no email', async () => {
    const user = await createTestUser();
    const lines: string[] = [];
    const capture = (...args: unknown[]) => void lines.push(args.map(String).join(' '));
    vi.spyOn(console, 'error').mockImplementation(capture);
    vi.spyOn(console, 'warn').mockImplementation(capture);
    vi.spyOn(console, 'log').mockImplementation(capture);

    await browserSignIn(user.email, 'a wrong password 123');

    expect(lines.length).toBeLessThanOrEqual(1);
    const output = lines.join('\n');
    expect(output).not.toContain('a wrong password 123');
    expect(output).not.toContain(user.email);
    expect(output).not.toMatch(/\n\s+at /);
  });
});

describe('browser sign-in and the brute-force limit', () => {
  it('answers 429 with Retry-After while locked, even with the right password, as the token endpoint does', async () => {
    const user = await createTestUser();
    for (let i = 0; i < 5; i++) expect((await tokenRequest(user.email, 'wrong password')).status).toBe(401);

    // Any casing of the email is the same account, and the same lock.
    const { response, session } = await browserSignIn(` ${user.email.toUpperCase()}`, user.password);
    expect(response.status).toBe(429);
    expect(session).toBeUndefined();
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    const seconds = Number(response.headers.get('retry-after'));
    // The failures were just made: close to the whole 15-minute window is left.
    expect(seconds).toBeGreaterThan(840);
    expect(seconds).toBeLessThanOrEqual(900);
    const body = (await response.json()) as { status: number; detail: string };
    expect(body.status).toBe(429);
    expect(body.detail).toMatch(/try again in 1[45] minutes/);

    // The refused attempt was not counted: the lock ends when the window of the five passes.
    const rows = await database.current.db.select().from(loginFailures).where(eq(loginFailures.email, user.email));
    expect(rows).toHaveLength(5);
  });

  it('answers 429 to a locked-out sign-in posted as JSON too', async () => {
    const user = await createTestUser();
    for (let i = 0; i < 5; i++) await tokenRequest(user.email, 'wrong password');
    const response = await callHandler(
      nextAuthRoute.POST,
      new NextRequest(`${HTTP}/api/auth/callback/credentials`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: user.email, password: user.password }),
      }),
      undefined,
    );
    expect(response.status).toBe(429);
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('lets other emails and other next-auth routes through while one email is locked', async () => {
    const locked = await createTestUser();
    for (let i = 0; i < 5; i++) await tokenRequest(locked.email, 'wrong password');
    const other = await createTestUser();
    const { response, session } = await browserSignIn(other.email, other.password);
    expect(response.status).toBe(302);
    expect(await sessionOwner(session)).toBe(other.id);
  });

  it('counts wrong browser sign-ins toward the same limit as the token endpoint', async () => {
    const user = await createTestUser();
    for (let i = 0; i < 5; i++) expect((await browserSignIn(user.email, 'wrong password')).session).toBeUndefined();
    const response = await tokenRequest(user.email, user.password);
    expect(response.status).toBe(429);
  });

  it('clears the count on a successful browser sign-in', async () => {
    const user = await createTestUser();
    for (let i = 0; i < 4; i++) await browserSignIn(user.email, 'wrong password');
    expect(await sessionOwner((await browserSignIn(user.email, user.password)).session)).toBe(user.id);
    const rows = await database.current.db.select().from(loginFailures).where(eq(loginFailures.email, user.email));
    expect(rows).toEqual([]);
  });
});

describe('authenticate() with the session cookie', () => {
  async function signedIn() {
    const user = await createTestUser();
    const { session } = await browserSignIn(user.email, user.password);
    return { user, session: session! };
  }

  it('accepts a session cookie that next-auth split into .0/.1 chunks', async () => {
    const { user, session } = await signedIn();
    const half = Math.floor(session.value.length / 2);
    const cookie = `${session.name}.1=${session.value.slice(half)}; other=1; ${session.name}.0=${session.value.slice(0, half)}`;
    expect((await authenticate(withCookie(cookie))).userId).toBe(user.id);
  });

  it('refuses a tampered cookie, whichever character of its end was changed', async () => {
    const { session } = await signedIn();
    const last = session.value.at(-1)!;
    for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_') {
      if (c !== last) await expect401(withCookie(`${session.name}=${session.value.slice(0, -1)}${c}`));
    }
  });

  it('refuses an expired session, one encrypted with another secret, and garbage', async () => {
    const user = await createTestUser();
    const salt = 'authjs.session-token';
    const expired = await encode({ token: { sub: user.id }, secret: authSecret(), salt, maxAge: -60 });
    const foreign = await encode({ token: { sub: user.id }, secret: 'another secret that is long enough 0123456789', salt });
    const wrongSalt = await encode({ token: { sub: user.id }, secret: authSecret(), salt: '__Secure-authjs.session-token' });
    for (const value of [expired, foreign, wrongSalt, 'garbage', 'a.b.c.d.e']) await expect401(withCookie(`${salt}=${value}`));
  });

  it('answers 401 to the session of a deleted user', async () => {
    const { user, session } = await signedIn();
    await database.current.db.delete(users).where(eq(users.id, user.id));
    const response = await callRoute(routes.list, 'GET', `/api/${user.id}/tasks`, { user_id: user.id }, {
      headers: { cookie: `${session.name}=${session.value}` },
    });
    expect(response.status).toBe(401);
    expect((await problemOf(response)).detail).toBe('This session has ended (signed out, or the account was deleted); sign in again');
  });

  it('prefers the Authorization header to the cookie', async () => {
    const { session } = await signedIn();
    const other = await createTestUser();
    const caller = await authenticate(withCookie(`${session.name}=${session.value}`, other.headers));
    expect(caller.userId).toBe(other.id);
    await expect401(withCookie(`${session.name}=${session.value}`, { authorization: 'Bearer not-a-token' }));
  });
});

describe('/api/auth/[...nextauth]', () => {
  it('answers 405 with Allow for methods next-auth does not handle', async () => {
    for (const method of ['PUT', 'PATCH', 'DELETE'] as const) {
      const response = await nextAuthRoute[method]();
      expect(response.status).toBe(405);
      expect(response.headers.get('allow')).toBe('GET, HEAD, POST, OPTIONS');
      expect(response.headers.get('content-type')).toBe('application/problem+json');
    }
    expect((await nextAuthRoute.OPTIONS()).headers.get('allow')).toBe('GET, HEAD, POST, OPTIONS');
  });
});

describe('a session cookie whose session has ended', () => {
  async function sessionRoute(session: { name: string; value: string }) {
    return callHandler(handlers.GET, new NextRequest(`${HTTP}/api/auth/session`, { headers: { cookie: `${session.name}=${session.value}` } }));
  }

  it('is no session on GET /api/auth/session once signed out or its account deleted: null, and the cookie cleared', async () => {
    for (const end of ['revoke', 'delete account'] as const) {
      const user = await createTestUser();
      const { session } = await browserSignIn(user.email, user.password);
      const live = await sessionRoute(session!);
      expect(((await live.json()) as { user: { email: string } }).user.email).toBe(user.email);
      if (end === 'revoke') await database.current.db.delete(sessions).where(eq(sessions.userId, user.id));
      else await database.current.db.delete(users).where(eq(users.id, user.id));
      const ended = await sessionRoute(session!);
      expect(await ended.json(), end).toBeNull();
      expect(setCookies(ended).get(session!.name), end).toBe('');
    }
  });
});

describe('a sign-in whose callbackUrl is unusable', () => {
  it('redirects to /login, with nothing on the error log', async () => {
    const user = await createTestUser();
    const errors = vi.spyOn(console, 'error');
    const csrf = await callHandler(handlers.GET, new NextRequest(`${HTTP}/api/auth/csrf`));
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const cookie = [...setCookies(csrf)].map(([k, v]) => `${k}=${v}`).join('; ');
    for (const callbackUrl of ['http://localhost:3000.evil.example/', 'https://evil.example/tasks', 'http://[::1', '//evil.example/x']) {
      const response = await callHandler(
        nextAuthRoute.POST,
        new NextRequest(`${HTTP}/api/auth/callback/credentials`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
          body: new URLSearchParams({ csrfToken, email: user.email, password: user.password, callbackUrl }),
        }),
        undefined,
      );
      expect(response.status, callbackUrl).toBe(302);
      expect(response.headers.get('location'), callbackUrl).toBe(`${HTTP}/login`);
    }
    expect(errors).not.toHaveBeenCalled();
  });
});
