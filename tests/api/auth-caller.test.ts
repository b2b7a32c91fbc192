import { eq } from 'drizzle-orm';
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { asUser, authenticate } from '@/lib/caller';
import { users } from '@/lib/db/schema';
import { HttpError } from '@/lib/http';
import { AUDIENCE, ISSUER, issueAccessToken, signingKey } from '@/lib/tokens';
import { createTestUser } from '@/tests/helpers/auth';
import { withTestDatabase } from '@/tests/helpers/db';

const database = withTestDatabase();

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function request(headers: Record<string, string> = {}) {
  return new Request('http://localhost/api/x/tasks', { headers });
}
const bearer = (token: string) => request({ authorization: `Bearer ${token}` });

async function failure(promise: Promise<unknown>): Promise<HttpError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(HttpError);
  return error as HttpError;
}

async function expect401(req: Request) {
  const error = await failure(authenticate(req));
  expect(error.status).toBe(401);
  expect(error.options.headers).toMatchObject({ 'WWW-Authenticate': 'Bearer' });
}

/** A token like ours, with the given changes to its claims, header or key. */
function mint(userId: string, { exp, alg = 'HS256', audience = AUDIENCE }: { exp?: number; alg?: string; audience?: string } = {}) {
  return new SignJWT({})
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
    expect(await authenticate(request(user.headers))).toEqual({ id: user.id, email: user.email, name: 'Ann' });
    expect(await authenticate(bearer(await mint(user.id)))).toMatchObject({ id: user.id });
  });

  it('answers 401 with WWW-Authenticate: Bearer without credentials', async () => {
    await expect401(request());
  });

  it('refuses a token whose last character was changed, to any other character', async () => {
    const user = await createTestUser();
    const last = user.token.at(-1)!;
    for (const c of BASE64URL) if (c !== last) await expect401(bearer(`${user.token.slice(0, -1)}${c}`));
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

  it('refuses the token of a deleted user', async () => {
    const user = await createTestUser();
    await database.current.db.delete(users).where(eq(users.id, user.id));
    await expect401(request(user.headers));
  });

  it('issues tokens that expire within 30 days', async () => {
    const { expiresIn, token } = await issueAccessToken('00000000-0000-4000-8000-000000000000');
    const claims = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as { exp: number; iat: number };
    expect(claims.exp - claims.iat).toBe(expiresIn);
    expect(expiresIn).toBeLessThanOrEqual(30 * 24 * 60 * 60);
  });
});

describe('asUser()', () => {
  const whoAmI = (req: Request, pathUserId: string) => asUser(req, pathUserId, async (userId) => userId);

  it('runs the work as the caller for their own user id, in any hex casing', async () => {
    const user = await createTestUser();
    expect(await whoAmI(request(user.headers), user.id)).toBe(user.id);
    expect(await whoAmI(request(user.headers), user.id.toUpperCase())).toBe(user.id);
  });

  it("answers 403 for another user's id and for a path id that is not a UUID", async () => {
    const ann = await createTestUser();
    const bob = await createTestUser();
    for (const id of [bob.id, 'not-a-uuid', '', `${ann.id}x`]) {
      const error = await failure(whoAmI(request(ann.headers), id));
      expect(error.status).toBe(403);
    }
  });

  it('answers 401 before 403', async () => {
    const bob = await createTestUser();
    expect((await failure(whoAmI(request(), bob.id))).status).toBe(401);
    expect((await failure(whoAmI(bearer('garbage'), 'not-a-uuid'))).status).toBe(401);
  });

  it("turns the work's client errors into 401 once the account is gone, and leaves them alone before", async () => {
    const user = await createTestUser();
    const notFound = () => asUser(request(user.headers), user.id, async () => Promise.reject(new HttpError(404, 'Task not found')));
    expect((await failure(notFound())).status).toBe(404);
    await database.current.db.delete(users).where(eq(users.id, user.id));
    expect((await failure(notFound())).status).toBe(401);
    // Work that found nothing asks as well; work that found something has proved the account.
    const empty = asUser(request(user.headers), user.id, async (_, confirmUserExists) => confirmUserExists());
    expect((await failure(empty)).status).toBe(401);
  });

  it('does not ask when the work failed for want of the database (that stays a 503)', async () => {
    const user = await createTestUser();
    // Were it to ask, the missing account would turn the failure into a 401.
    await database.current.db.delete(users).where(eq(users.id, user.id));
    const down = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const failed = await asUser(request(user.headers), user.id, async () => Promise.reject(down)).catch((e: unknown) => e);
    expect(failed).toBe(down);
  });
});
