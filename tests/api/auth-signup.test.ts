import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import * as signupRoute from '@/app/api/auth/signup/route';
import * as tokenRoute from '@/app/api/auth/token/route';
import { users } from '@/lib/db/schema';
import { verifyPassword } from '@/lib/auth/passwords';
import { withTestDatabase } from '@/tests/helpers/db';
import { callHandler, callRoute } from '@/tests/helpers/requests';

const database = withTestDatabase();

const signup = signupRoute.POST;

function post(body: BodyInit, contentType = 'application/json') {
  return callHandler(
    signup,
    new Request('http://localhost/api/auth/signup', { method: 'POST', headers: { 'content-type': contentType }, body }),
    undefined as never,
  );
}
const postJson = (body: unknown) => post(JSON.stringify(body));

let n = 0;
const freshEmail = () => `signup-${++n}-${Date.now()}@example.com`;
const PASSWORD = 'correct horse battery staple';

async function problemOf(response: Response) {
  expect(response.headers.get('content-type')).toBe('application/problem+json');
  return (await response.json()) as { type: string; title: string; status: number; detail: string; errors?: { path: string; message: string }[] };
}

async function storedUser(email: string) {
  return database.current.db.select().from(users).where(eq(users.email, email));
}

describe('POST /api/auth/signup', () => {
  it('creates the account: 201 with id, email, name, created_at and nothing secret', async () => {
    const email = freshEmail();
    const before = Date.now();
    const response = await postJson({ email, password: PASSWORD, name: 'Ann' });
    expect(response.status).toBe(201);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.headers.get('cache-control')).toBe('no-store');
    const text = await response.text();
    const body = JSON.parse(text) as Record<string, string>;
    expect(Object.keys(body).sort()).toEqual(['created_at', 'email', 'id', 'name']);
    expect(body).toMatchObject({ email, name: 'Ann' });
    expect(body.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(body.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(Math.abs(new Date(body.created_at!).getTime() - before)).toBeLessThan(60_000);

    const [row] = await storedUser(email);
    expect(row?.id).toBe(body.id);
    expect(row?.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(row!.passwordHash, PASSWORD)).toBe(true);
    expect(text).not.toContain(PASSWORD);
    expect(text).not.toContain(row!.passwordHash);
    expect(text).not.toContain('argon2');
  });

  it('trims and lower-cases the email before storing it', async () => {
    const response = await postJson({ email: '  Mixed.Case@Example.IO ', password: PASSWORD });
    expect(response.status).toBe(201);
    expect(((await response.json()) as { email: string }).email).toBe('mixed.case@example.io');
    expect(await storedUser('mixed.case@example.io')).toHaveLength(1);
  });

  it('stores no name when it is left out, null or blank, and trims a given one', async () => {
    const names = [undefined, null, '   ', '  Ann Lee  '];
    const stored = [];
    for (const name of names) {
      const response = await postJson({ email: freshEmail(), password: PASSWORD, name });
      expect(response.status).toBe(201);
      stored.push(((await response.json()) as { name: string | null }).name);
    }
    expect(stored).toEqual([null, null, null, 'Ann Lee']);
  });

  it('answers 409 for an email already registered, in any casing, and keeps one account', async () => {
    expect((await postJson({ email: 'Ann@X.io', password: PASSWORD })).status).toBe(201);
    for (const email of ['ann@x.io', 'ANN@X.IO', ' ann@x.io ']) {
      const response = await postJson({ email, password: 'another password' });
      expect(response.status).toBe(409);
      const problem = await problemOf(response);
      expect(problem).toMatchObject({ type: 'about:blank', title: 'Conflict', status: 409 });
    }
    const rows = await storedUser('ann@x.io');
    expect(rows).toHaveLength(1);
    expect(await verifyPassword(rows[0]!.passwordHash, PASSWORD)).toBe(true);
  });

  it('lets exactly one of several concurrent signups with one email win', async () => {
    const email = freshEmail();
    const responses = await Promise.all(Array.from({ length: 5 }, () => postJson({ email, password: PASSWORD })));
    expect(responses.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409]);
    expect(await storedUser(email)).toHaveLength(1);
  });

  it('answers 422 with one entry per bad field', async () => {
    const response = await postJson({ email: 'not-an-email', password: 'short', name: 'x'.repeat(101) });
    expect(response.status).toBe(422);
    const problem = await problemOf(response);
    expect(problem.title).toBe('Unprocessable Content');
    expect(problem.errors).toEqual([
      { path: 'email', message: 'must be a valid email address' },
      { path: 'password', message: 'must be 8-128 characters' },
      { path: 'name', message: 'must be at most 100 characters' },
    ]);
    expect(problem.detail).toContain('email must be a valid email address');
  });

  it('answers 422 for missing and wrongly typed fields, one entry each', async () => {
    const missing = await problemOf(await postJson({}));
    expect(missing.errors).toEqual([
      { path: 'email', message: 'is required' },
      { path: 'password', message: 'is required' },
    ]);
    const typed = await problemOf(await postJson({ email: 42, password: true, name: 7 }));
    expect(typed.errors).toEqual([
      { path: 'email', message: 'must be a string' },
      { path: 'password', message: 'must be a string' },
      { path: 'name', message: 'must be a string' },
    ]);
    for (const body of [null, [], 'text', 3]) {
      const response = await postJson(body);
      expect(response.status).toBe(422);
    }
  });

  it('answers 422 for an email over 254 characters, with one entry for it', async () => {
    const local = 'a'.repeat(64);
    const email = `${local}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(59)}.io`;
    expect(email.length).toBe(255);
    const problem = await problemOf(await postJson({ email, password: PASSWORD }));
    expect(problem.status).toBe(422);
    expect(problem.errors).toEqual([{ path: 'email', message: 'must be at most 254 characters' }]);
    const fits = email.slice(1);
    expect((await postJson({ email: fits, password: PASSWORD })).status).toBe(201);
  });

  it('counts password and name lengths in Unicode code points', async () => {
    const emoji = '😀';
    const ok = await postJson({ email: freshEmail(), password: emoji.repeat(128), name: emoji.repeat(100) });
    expect(ok.status).toBe(201);
    const edges = await Promise.all([
      postJson({ email: freshEmail(), password: 'x'.repeat(8) }),
      postJson({ email: freshEmail(), password: 'x'.repeat(7) }),
      postJson({ email: freshEmail(), password: 'x'.repeat(129) }),
      postJson({ email: freshEmail(), password: emoji.repeat(129) }),
      postJson({ email: freshEmail(), password: PASSWORD, name: emoji.repeat(101) }),
    ]);
    expect(edges.map((r) => r.status)).toEqual([201, 422, 422, 422, 422]);
  });

  it('answers 422 for U+0000 in any text field', async () => {
    for (const body of [
      { email: `a\u0000b@example.com`, password: PASSWORD },
      { email: freshEmail(), password: `${PASSWORD}\u0000` },
      { email: freshEmail(), password: PASSWORD, name: 'A\u0000' },
    ]) {
      const problem = await problemOf(await postJson(body));
      expect(problem.status).toBe(422);
      expect(problem.errors).toHaveLength(1);
    }
  });

  it('ignores fields it does not know, including an id or a password hash', async () => {
    const email = freshEmail();
    const response = await postJson({ email, password: PASSWORD, id: '00000000-0000-4000-8000-000000000000', password_hash: 'x', passwordHash: 'x' });
    expect(response.status).toBe(201);
    const body = (await response.json()) as { id: string };
    expect(body.id).not.toBe('00000000-0000-4000-8000-000000000000');
    const [row] = await storedUser(email);
    expect(await verifyPassword(row!.passwordHash, PASSWORD)).toBe(true);
  });

  it('answers 400, 415 and 413 for malformed, wrongly typed and oversized bodies, creating nothing', async () => {
    const email = freshEmail();
    const bad = await post(`{"email": "${email}", "password": `);
    expect(bad.status).toBe(400);
    expect((await problemOf(bad)).title).toBe('Bad Request');

    const wrongType = await post(JSON.stringify({ email, password: PASSWORD }), 'text/plain');
    expect(wrongType.status).toBe(415);
    await problemOf(wrongType);

    const big = await post(JSON.stringify({ email, password: PASSWORD, padding: 'x'.repeat(65 * 1024) }));
    expect(big.status).toBe(413);
    await problemOf(big);

    expect(await storedUser(email)).toEqual([]);
  });

  it('accepts application/json with a charset parameter', async () => {
    const response = await post(JSON.stringify({ email: freshEmail(), password: PASSWORD }), 'application/json; charset=utf-8');
    expect(response.status).toBe(201);
  });
});

describe('unsupported methods on the auth paths', () => {
  it('answer 405 with Allow and a problem document, and OPTIONS lists what is allowed', async () => {
    const cases = [
      [signupRoute, '/api/auth/signup', ['GET', 'HEAD', 'PUT', 'PATCH', 'DELETE'], 'POST, OPTIONS'],
      [tokenRoute, '/api/auth/token', ['GET', 'HEAD', 'PUT', 'PATCH', 'DELETE'], 'POST, OPTIONS'],
    ] as const;
    for (const [route, path, methods, allow] of cases) {
      for (const method of methods) {
        const response = await callRoute(route, method, path, {});
        expect(response.status).toBe(405);
        expect(response.headers.get('allow')).toBe(allow);
        expect(response.headers.get('content-type')).toBe('application/problem+json');
      }
      const options = await callRoute(route, 'OPTIONS', path, {});
      expect(options.status).toBe(204);
      expect(options.headers.get('allow')).toBe(allow);
    }
  });
});
