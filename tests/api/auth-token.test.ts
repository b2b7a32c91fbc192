import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { POST as signup } from '@/app/api/auth/signup/route';
import { POST as token } from '@/app/api/auth/token/route';
import { authenticate } from '@/lib/auth/caller';
import { loginFailures } from '@/lib/db/schema';
import { sweepExpiredLoginFailures } from '@/lib/rate-limits/failed-sign-ins';
import { withTestDatabase } from '@/tests/helpers/db';
import { callHandler } from '@/tests/helpers/requests';

const database = withTestDatabase();

const PASSWORD = 'correct horse battery staple';
let n = 0;
const freshEmail = () => `token-${++n}-${Date.now()}@example.com`;

function call(route: typeof token, path: string, body: BodyInit, contentType = 'application/json') {
  return callHandler(
    route,
    new Request(`http://localhost${path}`, { method: 'POST', headers: { 'content-type': contentType }, body }),
    undefined as never,
  );
}
const requestToken = (email: string, password: string) => call(token, '/api/auth/token', JSON.stringify({ email, password }));

async function signUp(email = freshEmail(), name: string | null = 'Ann') {
  const response = await call(signup, '/api/auth/signup', JSON.stringify({ email, password: PASSWORD, name }));
  expect(response.status).toBe(201);
  return (await response.json()) as { id: string; email: string; name: string | null };
}

async function failureCount(email: string) {
  const rows = await database.current.db.select().from(loginFailures).where(eq(loginFailures.email, email));
  return rows.length;
}

async function insertFailures(email: string, ...ages: string[]) {
  for (const age of ages) {
    await database.current.db.insert(loginFailures).values({ email, failedAt: sql`now() - ${age}::interval` });
  }
}

describe('POST /api/auth/token', () => {
  it('exchanges email and password for a bearer token that authenticates the user', async () => {
    const user = await signUp();
    const response = await requestToken(user.email, PASSWORD);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.headers.get('cache-control')).toBe('no-store');
    const text = await response.text();
    const body = JSON.parse(text) as { access_token: string; token_type: string; expires_in: number; user: unknown };
    expect(Object.keys(body).sort()).toEqual(['access_token', 'expires_in', 'token_type', 'user']);
    expect(body.token_type).toBe('Bearer');
    expect(body.expires_in).toBeGreaterThan(0);
    expect(body.expires_in).toBeLessThanOrEqual(30 * 24 * 60 * 60);
    expect(body.user).toEqual({ id: user.id, email: user.email, name: 'Ann' });
    expect(text).not.toContain(PASSWORD);
    expect(text).not.toContain('argon2');

    const caller = await authenticate(new Request('http://localhost/api/x', { headers: { authorization: `Bearer ${body.access_token}` } }));
    expect(caller).toEqual({ userId: user.id, sessionId: expect.any(String) });
  });

  it('accepts the email in any casing and with surrounding spaces', async () => {
    const user = await signUp('Case.Folded@Example.io');
    expect(user.email).toBe('case.folded@example.io');
    for (const email of ['Case.Folded@Example.io', 'case.folded@example.io', ' CASE.FOLDED@EXAMPLE.IO ']) {
      const response = await requestToken(email, PASSWORD);
      expect(response.status).toBe(200);
      expect(((await response.json()) as { user: { id: string } }).user.id).toBe(user.id);
    }
  });

  it('answers an unknown email and a wrong password with the same 401', async () => {
    const user = await signUp();
    const wrongPassword = await requestToken(user.email, 'not the password');
    const unknownEmail = await requestToken(freshEmail(), PASSWORD);
    for (const response of [wrongPassword, unknownEmail]) {
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      expect(response.headers.get('www-authenticate')).toBe('Bearer');
    }
    const [a, b] = [await wrongPassword.text(), await unknownEmail.text()];
    expect(a).toBe(b);
    expect(JSON.parse(a)).toMatchObject({ type: 'about:blank', title: 'Unauthorized', status: 401 });
    expect(a).not.toContain(user.email);
  });

  it('answers 422 for missing or invalid fields, and 400/415/413 for bad bodies, without counting a failure', async () => {
    const user = await signUp();
    const missing = await call(token, '/api/auth/token', JSON.stringify({ email: user.email }));
    expect(missing.status).toBe(422);
    expect(((await missing.json()) as { errors: unknown[] }).errors).toEqual([{ path: 'password', message: 'is required' }]);
    expect((await requestToken('not-an-email', PASSWORD)).status).toBe(422);
    expect((await requestToken(user.email, 'x'.repeat(129))).status).toBe(422);
    expect((await call(token, '/api/auth/token', '{"email":')).status).toBe(400);
    expect((await call(token, '/api/auth/token', JSON.stringify({ email: user.email, password: PASSWORD }), 'text/plain')).status).toBe(415);
    expect((await call(token, '/api/auth/token', JSON.stringify({ email: user.email, password: 'x'.repeat(70_000) }))).status).toBe(413);
    expect(await failureCount(user.email)).toBe(0);
  });
});

describe('brute-force limit', () => {
  it('answers 429 with Retry-After after 5 failures, even with the right password, without counting it', async () => {
    const user = await signUp();
    for (let i = 0; i < 5; i++) expect((await requestToken(user.email, `wrong ${i}`)).status).toBe(401);

    const response = await requestToken(user.email, PASSWORD);
    expect(response.status).toBe(429);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    const retryAfter = response.headers.get('retry-after') ?? '';
    expect(retryAfter).toMatch(/^\d+$/);
    // The failures were just made: close to the whole 15-minute window is left.
    expect(Number(retryAfter)).toBeGreaterThan(840);
    expect(Number(retryAfter)).toBeLessThanOrEqual(900);
    const text = await response.text();
    expect(JSON.parse(text)).toMatchObject({ status: 429, title: 'Too Many Requests' });
    expect(text).not.toContain('access_token');

    expect((await requestToken(user.email, 'wrong again')).status).toBe(429);
    expect(await failureCount(user.email)).toBe(5);
  });

  it('counts per email, the same for unknown emails, and in any casing', async () => {
    const user = await signUp();
    const stranger = freshEmail();
    for (let i = 0; i < 5; i++) await requestToken(stranger.toUpperCase(), 'guess');
    expect((await requestToken(stranger, 'guess')).status).toBe(429);
    expect((await requestToken(user.email, PASSWORD)).status).toBe(200);
  });

  it('gives Retry-After as the seconds until the oldest counted failure leaves the 15-minute window', async () => {
    const user = await signUp();
    await insertFailures(user.email, '10 minutes', '1 minute', '1 minute', '1 minute', '1 minute');
    const response = await requestToken(user.email, PASSWORD);
    expect(response.status).toBe(429);
    const retryAfter = Number(response.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(240);
    expect(retryAfter).toBeLessThanOrEqual(300);
  });

  it('forgets failures older than 15 minutes and deletes their rows', async () => {
    const user = await signUp();
    await insertFailures(user.email, '16 minutes', '16 minutes', '20 minutes', '1 day', '14 minutes');
    expect((await requestToken(user.email, 'wrong')).status).toBe(401);
    // One old failure left in the window plus this one: the rest were removed.
    expect(await failureCount(user.email)).toBe(2);
  });

  it('sweeps the expired failures of every email', async () => {
    const gone = freshEmail();
    const kept = freshEmail();
    await insertFailures(gone, '16 minutes', '2 hours');
    await insertFailures(kept, '16 minutes', '1 minute');
    await sweepExpiredLoginFailures();
    expect(await failureCount(gone)).toBe(0);
    expect(await failureCount(kept)).toBe(1);
  });

  it('clears the count on success', async () => {
    const user = await signUp();
    for (let i = 0; i < 4; i++) expect((await requestToken(user.email, 'wrong')).status).toBe(401);
    expect((await requestToken(user.email, PASSWORD)).status).toBe(200);
    expect(await failureCount(user.email)).toBe(0);
    for (let i = 0; i < 4; i++) expect((await requestToken(user.email, 'wrong')).status).toBe(401);
    expect((await requestToken(user.email, PASSWORD)).status).toBe(200);
  });

  it('gives a burst of concurrent guesses exactly 5 tries', async () => {
    const user = await signUp();
    const responses = await Promise.all(Array.from({ length: 12 }, (_, i) => requestToken(user.email, `guess ${i}`)));
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([...Array(5).fill(401), ...Array(7).fill(429)]);
    expect(await failureCount(user.email)).toBe(5);
    expect((await requestToken(user.email, PASSWORD)).status).toBe(429);
  });
});
