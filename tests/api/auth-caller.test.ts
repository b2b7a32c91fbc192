import { eq } from 'drizzle-orm';
import { SignJWT } from 'jose';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { authenticate } from '@/lib/auth/caller';
import { SessionEnded } from '@/lib/auth/errors';
import { AUDIENCE, ISSUER, issueAccessToken, signingKey } from '@/lib/auth/tokens';
import { sessions, users } from '@/lib/db/schema';
import { errorResponse } from '@/lib/http/errors';
import { requireScope, userRoute } from '@/lib/scope/route';
import { Scope } from '@/lib/scope/scope';
import { TaskNotFound } from '@/lib/tasks/errors';
import { createTestUser, newAccessToken } from '@/tests/helpers/auth';
import { withTestDatabase } from '@/tests/helpers/db';

const database = withTestDatabase();

afterEach(() => {
  vi.restoreAllMocks();
});

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function request(headers: Record<string, string> = {}) {
  return new Request('http://localhost/api/x/tasks', { headers });
}
const bearer = (token: string) => request({ authorization: `Bearer ${token}` });

/** The response a route would send for what `promise` threw. */
async function answerTo(promise: Promise<unknown>, req: Request): Promise<Response> {
  const error = await promise.then(
    () => expect.fail('expected a refusal'),
    (e: unknown) => e,
  );
  return errorResponse(error, req);
}

async function expect401(req: Request) {
  const response = await answerTo(authenticate(req), req);
  expect(response.status).toBe(401);
  expect(response.headers.get('www-authenticate')).toBe('Bearer');
}

/** A token like ours, with the given changes to its claims, header or key. */
function mint(
  userId: string,
  { exp, alg = 'HS256', audience = AUDIENCE, sid = '00000000-0000-4000-8000-000000000001' }: { exp?: number; alg?: string; audience?: string; sid?: string | null } = {},
) {
  return new SignJWT(sid === null ? {} : { sid })
    .setProtectedHeader({ alg, typ: 'JWT' })
    .setSubject(userId)
    .setIssuer(ISSUER)
    .setAudience(audience)
    .setIssuedAt()
    .setExpirationTime(exp ?? '1h')
    .sign(signingKey());
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('authenticate() with a bearer token', () => {
  it('answers the caller for a valid token', async () => {
    const user = await createTestUser({ name: 'Ann' });
    const caller = { userId: user.id, sessionId: user.sessionId };
    expect(await authenticate(request(user.headers))).toEqual(caller);
    expect(await authenticate(bearer(await mint(user.id, { sid: user.sessionId })))).toEqual(caller);
  });

  it('refuses a token without a session id, or with one that is not a UUID (tokens issued before sessions)', async () => {
    const user = await createTestUser();
    await expect401(bearer(await mint(user.id, { sid: null })));
    await expect401(bearer(await mint(user.id, { sid: 'not-a-uuid' })));
  });

  it('answers 401 with WWW-Authenticate: Bearer without credentials', async () => {
    await expect401(request());
  });

  it('refuses a token whose last character was changed, to any other character', async () => {
    const user = await createTestUser();
    const last = user.token.at(-1)!;
    for (const c of BASE64URL) if (c !== last) await expect401(bearer(`${user.token.slice(0, -1)}${c}`));
  });

  it('remembers a verified token only until it expires, and not its tampered copies', async () => {
    const user = await createTestUser();
    const caller = { userId: user.id, sessionId: user.sessionId };
    expect(await authenticate(bearer(user.token))).toEqual(caller);
    expect(await authenticate(bearer(user.token))).toEqual(caller);
    const last = user.token.at(-1)!;
    await expect401(bearer(`${user.token.slice(0, -1)}${last === 'A' ? 'B' : 'A'}`));
    const { exp } = JSON.parse(Buffer.from(user.token.split('.')[1]!, 'base64url').toString()) as { exp: number };
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(exp * 1000 + 1000);
      await expect401(bearer(user.token));
    } finally {
      vi.useRealTimers();
    }
  });

  it('refuses a token whose claims were edited to another user', async () => {
    const ann = await createTestUser();
    const bob = await createTestUser();
    const [header, payload, signature] = ann.token.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as Record<string, unknown>;
    await expect401(bearer(`${header}.${b64({ ...claims, sub: bob.id })}.${signature}`));
  });

  it('refuses an expired token', async () => {
    const user = await createTestUser();
    await expect401(bearer(await mint(user.id, { exp: Math.floor(Date.now() / 1000) - 60 })));
  });

  it('refuses alg "none", another algorithm and another audience', async () => {
    const user = await createTestUser();
    const [, payload] = user.token.split('.');
    await expect401(bearer(`${b64({ alg: 'none', typ: 'JWT' })}.${payload}.`));
    await expect401(bearer(`${b64({ alg: 'none' })}.${payload}`));
    await expect401(bearer(await mint(user.id, { alg: 'HS512' })));
    await expect401(bearer(await mint(user.id, { audience: 'someone-else' })));
  });

  it('refuses garbage and malformed Authorization headers', async () => {
    for (const authorization of ['Bearer garbage', 'Bearer a.b.c', 'Bearer ', 'Bearer', 'Basic dXNlcjpwYXNz', 'token abc', 'Bearer a b']) {
      await expect401(request({ authorization }));
    }
  });

  it('refuses a valid token whose subject is not a user id, without a 500', async () => {
    await expect401(bearer(await mint('not-a-uuid')));
  });

  it("leaves the account to the scope's confirm(), which refuses a deleted user's token", async () => {
    const user = await createTestUser();
    const caller = await authenticate(request(user.headers));
    await expect(Scope.of(caller).confirm()).resolves.toBeUndefined();
    await database.current.db.delete(users).where(eq(users.id, user.id));
    await expect(Scope.of(await authenticate(request(user.headers))).confirm()).rejects.toBeInstanceOf(SessionEnded);
  });

  it("leaves the session to the scope's confirm(), which refuses a revoked session's token", async () => {
    const user = await createTestUser();
    const other = await newAccessToken(user.id);
    await database.current.db.delete(sessions).where(eq(sessions.id, user.sessionId));
    await expect(Scope.of(await authenticate(request(user.headers))).confirm()).rejects.toBeInstanceOf(SessionEnded);
    await expect(Scope.of({ userId: user.id, sessionId: other.sessionId }).confirm()).resolves.toBeUndefined();
  });

  it('issues tokens that expire within 30 days', async () => {
    const { expiresIn, token } = await issueAccessToken({ userId: '00000000-0000-4000-8000-000000000000', sessionId: '00000000-0000-4000-8000-000000000001' });
    const claims = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as { exp: number; iat: number };
    expect(claims.exp - claims.iat).toBe(expiresIn);
    expect(expiresIn).toBeLessThanOrEqual(30 * 24 * 60 * 60);
  });
});

describe('requireScope()', () => {
  it('answers the scope of the caller for their own user id, in any hex casing', async () => {
    const user = await createTestUser();
    const caller = { userId: user.id, sessionId: user.sessionId };
    expect((await requireScope(request(user.headers), user.id)).caller).toEqual(caller);
    expect((await requireScope(request(user.headers), user.id.toUpperCase())).caller).toEqual(caller);
  });

  it("answers 403 for another user's id and for a path id that is not a UUID", async () => {
    const ann = await createTestUser();
    const bob = await createTestUser();
    for (const id of [bob.id, 'not-a-uuid', '', `${ann.id}x`]) {
      const req = request(ann.headers);
      expect((await answerTo(requireScope(req, id), req)).status).toBe(403);
    }
  });

  it('answers 401 before 403', async () => {
    const bob = await createTestUser();
    expect((await answerTo(requireScope(request(), bob.id), request())).status).toBe(401);
    expect((await answerTo(requireScope(bearer('garbage'), 'not-a-uuid'), request())).status).toBe(401);
  });
});

describe('userRoute(): what a route answers a session that has ended', () => {
  /** A route that fails with `err` after the guard let the user through, called as Next calls it. */
  const failingRoute = (err: unknown) => userRoute(async () => Promise.reject(err));
  const call = (route: ReturnType<typeof failingRoute>, user: { id: string; headers: Record<string, string> }) =>
    route(request(user.headers), { params: Promise.resolve({ user_id: user.id }) });

  it("turns a refusal into 401 once the caller's account is gone, and leaves it alone before", async () => {
    const user = await createTestUser();
    expect((await call(failingRoute(new TaskNotFound()), user)).status).toBe(404);
    await database.current.db.delete(users).where(eq(users.id, user.id));
    const response = await call(failingRoute(new TaskNotFound()), user);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
    // Outside a user route there is no caller to ask about.
    expect(errorResponse(new TaskNotFound(), request(user.headers)).status).toBe(404);
  });

  it('turns an empty answer into 401 once the session is revoked: a 2xx no statement proved goes only to a live session', async () => {
    const user = await createTestUser();
    const empty = userRoute(async () => new Response(null, { status: 204 }));
    expect((await call(empty, user)).status).toBe(204);
    await database.current.db.delete(sessions).where(eq(sessions.id, user.sessionId));
    expect((await call(empty, user)).status).toBe(401);
  });

  it('does not ask when the database is down (that stays a 503)', async () => {
    const user = await createTestUser();
    // Were it to ask, the missing account would turn the failure into a 401.
    await database.current.db.delete(users).where(eq(users.id, user.id));
    const down = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect((await call(failingRoute(down), user)).status).toBe(503);
  });
});
