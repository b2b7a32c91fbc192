import { execFile, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { NextRequest } from 'next/server';
import { afterAll, describe, expect, it, vi } from 'vitest';

// The attacks a hostile client tried (docs/abuse-design.md), and what each is answered with now. The limits
// are small here (the other suites turn them off); every other test file keeps its own.
vi.stubEnv('SIGNUP_LIMIT_PER_HOUR', '3');
vi.stubEnv('FAILED_SIGNIN_LIMIT_PER_15_MIN', '4');
vi.stubEnv('CRON_SECRET', 'cron-secret-for-the-hostile-suite');
afterAll(() => vi.unstubAllEnvs());

const nextAuthRoute = await import('@/app/api/auth/[...nextauth]/route');
const signupRoute = await import('@/app/api/auth/signup/route');
const tokenRoute = await import('@/app/api/auth/token/route');
const healthRoute = await import('@/app/api/health/route');
const cronRoute = await import('@/app/api/cron/purge/route');
const { handlers } = await import('@/lib/auth');
const { HASHING_QUEUE, HASHING_SLOTS, verifyPassword } = await import('@/lib/auth/passwords');
const { DEV_AUTH_SECRET, parseEnv } = await import('@/lib/env');
const { isLocalDatabase } = await import('@/scripts/seed');
const { createTestUser } = await import('@/tests/helpers/auth');
const { withTestDatabase } = await import('@/tests/helpers/db');
const { callHandler, callRoute, createTaskVia, problemOf, routes, tasksApi } = await import('@/tests/helpers/requests');

const database = withTestDatabase();
const run = promisify(execFile);
const tsx = path.join(process.cwd(), 'node_modules/.bin/tsx');

let addressCount = 0;
/** A client address of its own for each test, so that no test spends another's limit. */
const newAddress = () => `203.0.113.${++addressCount}`;

function nested(depth: number): string {
  return `${'['.repeat(depth)}${']'.repeat(depth)}`;
}

const jsonHeaders = (address: string) => ({ 'content-type': 'application/json', 'x-forwarded-for': address });

function signUp(address: string, email = `new-${randomUUID()}@example.com`) {
  return callRoute(signupRoute, 'POST', '/api/auth/signup', {}, { headers: jsonHeaders(address), body: { email, password: 'correct horse battery staple' } });
}

function getToken(address: string, email: string, password: string) {
  return callRoute(tokenRoute, 'POST', '/api/auth/token', {}, { headers: jsonHeaders(address), body: { email, password } });
}

/** A browser's credentials sign-in, as the /login form posts it. */
async function callbackSignIn(address: string, form: Record<string, string> | string, extraHeaders: Record<string, string> = {}) {
  const csrf = await callHandler(handlers.GET, new NextRequest('http://localhost/api/auth/csrf'));
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const body = typeof form === 'string' ? form : new URLSearchParams({ csrfToken, ...form }).toString();
  return callHandler(
    nextAuthRoute.POST,
    new NextRequest('http://localhost/api/auth/callback/credentials', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie, 'x-forwarded-for': address, ...extraHeaders },
      body,
    }),
    undefined,
  );
}

/** A request body sent in chunks, with no Content-Length: the count alone can catch it. */
function chunkedBody(bytes: number, chunk = 16 * 1024): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= bytes) return controller.close();
      const size = Math.min(chunk, bytes - sent);
      sent += size;
      controller.enqueue(new Uint8Array(size).fill(0x61));
    },
  });
}

describe('a deeply nested JSON body', () => {
  it('is ignored where it is an unknown field (201), and refused as the whole body (422): never a 500', async () => {
    const user = await createTestUser();
    const api = tasksApi(user);
    const deep = `{"title":"deep","extra":${nested(30_000)}}`;
    expect(deep.length).toBeLessThan(64 * 1024);
    expect((await api.create(undefined, { rawBody: deep, headers: { 'content-type': 'application/json' } })).status).toBe(201);
    const whole = await api.create(undefined, { rawBody: nested(30_000), headers: { 'content-type': 'application/json' } });
    expect(whole.status).toBe(422);
  });

  it('with an Idempotency-Key: created once (201), and the same body again replays it', async () => {
    const user = await createTestUser();
    const api = tasksApi(user);
    const deep = `{"title":"deep","extra":${nested(30_000)}}`;
    const options = { rawBody: deep, headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() } };
    const first = await api.create(undefined, options);
    expect(first.status).toBe(201);
    const again = await api.create(undefined, options);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(((await again.json()) as { id: string }).id).toBe(((await first.json()) as { id: string }).id);
    // Equal as parsed JSON is the same request, whatever the spacing.
    const spaced = await api.create(undefined, { ...options, rawBody: deep.replace('"extra":', '"extra" : ') });
    expect(spaced.headers.get('idempotent-replayed')).toBe('true');
  });
});

describe('a body over its limit', () => {
  const big = 'x'.repeat(64 * 1024 + 1);

  it('answers 413 on every route kind: task create, replace, toggle, signup, token, health, CSRF', async () => {
    const user = await createTestUser();
    const api = tasksApi(user);
    const task = await createTaskVia(api);
    const json = { 'content-type': 'application/json' };
    expect((await api.create(undefined, { rawBody: big, headers: json })).status).toBe(413);
    expect((await api.put(task.id, undefined, { rawBody: big, headers: json })).status).toBe(413);
    expect((await api.toggle(task.id, { rawBody: big, headers: { 'content-length': String(big.length) } })).status).toBe(413);
    const address = newAddress();
    const asJson = { rawBody: big, headers: jsonHeaders(address) };
    expect((await callRoute(signupRoute, 'POST', '/api/auth/signup', {}, asJson)).status).toBe(413);
    expect((await callRoute(tokenRoute, 'POST', '/api/auth/token', {}, asJson)).status).toBe(413);
    const declared = { 'content-length': String(big.length) };
    expect((await callHandler(healthRoute.GET, new Request('http://localhost/api/health', { headers: declared }), undefined)).status).toBe(413);
    const csrf = await callHandler(nextAuthRoute.GET, new Request('http://localhost/api/auth/csrf', { headers: declared }), undefined);
    expect(csrf.status).toBe(413);
  });

  it('answers 413 on the credentials callback past 8 KiB (a 20 MB form was read whole and answered 302)', async () => {
    const response = await callbackSignIn(newAddress(), `email=a%40example.com&password=${'p'.repeat(9 * 1024)}`);
    expect(response.status).toBe(413);
    expect((await problemOf(response)).detail).toBe('Request body must be at most 8 KiB');
  });

  it('answers 413 to a chunked body without Content-Length, on a task create and on the callback', async () => {
    const user = await createTestUser();
    const create = new Request(`http://localhost/api/${user.id}/tasks`, {
      method: 'POST',
      headers: { ...user.headers, 'content-type': 'application/json' },
      body: chunkedBody(20 * 1024 * 1024),
      duplex: 'half',
    } as RequestInit);
    expect(create.headers.get('content-length')).toBeNull();
    const created = await callHandler(routes.list.POST, create, { params: Promise.resolve({ user_id: user.id }) });
    expect(created.status).toBe(413);

    const callback = await callHandler(
      nextAuthRoute.POST,
      new NextRequest('http://localhost/api/auth/callback/credentials', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: chunkedBody(20 * 1024 * 1024),
        duplex: 'half',
      } as ConstructorParameters<typeof NextRequest>[1]),
      undefined,
    );
    expect(callback.status).toBe(413);
  });
});

describe('a search built to be slow', () => {
  it('treats every character of q as itself (regular-expression characters too), case-insensitively', async () => {
    const user = await createTestUser();
    const api = tasksApi(user);
    for (const title of ['Pay a.c invoice', 'Pay abc invoice', 'cost (50%) [x]', 'ÉTÉ plans']) await createTaskVia(api, { title });
    const titles = async (q: string) => ((await (await api.list({ q })).json()) as { title: string }[]).map((t) => t.title).sort();
    expect(await titles('a.c')).toEqual(['Pay a.c invoice']);
    expect(await titles('(50%) [')).toEqual(['cost (50%) [x]']);
    expect(await titles('été')).toEqual(['ÉTÉ plans']);
    expect(await titles('.*')).toEqual([]);
    expect(await titles('PAY')).toEqual(['Pay a.c invoice', 'Pay abc invoice']);
  });
});

describe('a spoofed X-Forwarded-For on a direct connection to npm start', () => {
  // The preload npm start gives each worker (scripts/start.mjs), on a server of its own.
  async function forwardedFor(env: Record<string, string>): Promise<string> {
    const server = spawn(
      process.execPath,
      ['--import', './scripts/client-address.mjs', '-e', `require('node:http').createServer((q, s) => s.end(q.headers['x-forwarded-for'])).listen(0, '127.0.0.1', function () { console.log(this.address().port) })`],
      { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    try {
      const port = await new Promise<string>((resolve) => server.stdout.once('data', (d: Buffer) => resolve(d.toString().trim())));
      const response = await fetch(`http://127.0.0.1:${port}/`, { headers: { 'x-forwarded-for': '198.51.100.7' } });
      return await response.text();
    } finally {
      server.kill();
    }
  }

  it('is replaced by the socket address', async () => {
    expect(await forwardedFor({ TRUST_PROXY: '' })).toMatch(/^(::ffff:)?127\.0\.0\.1$/);
  });

  it('is kept behind a proxy of the deployment own (TRUST_PROXY=1)', async () => {
    expect(await forwardedFor({ TRUST_PROXY: '1' })).toBe('198.51.100.7');
  });
});

describe('a signup flood from one address', () => {
  it('gets 3 accounts (the limit here), then 429 with Retry-After; another address is unaffected', async () => {
    const address = newAddress();
    for (let i = 0; i < 3; i++) expect((await signUp(address)).status).toBe(201);
    const refused = await signUp(address);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(3500);
    expect((await signUp(newAddress())).status).toBe(201);
  });

  it('counts a taken email too, so that 409s cannot probe for accounts without end', async () => {
    const address = newAddress();
    const user = await createTestUser();
    for (let i = 0; i < 3; i++) expect((await signUp(address, user.email)).status).toBe(409);
    expect((await signUp(address, user.email)).status).toBe(429);
  });
});

describe('password spraying: one wrong guess for each of many accounts', () => {
  it('is refused after 4 failures from one address (the limit here), the right password too, on both sign-in routes', async () => {
    const address = newAddress();
    const victim = await createTestUser();
    for (let i = 0; i < 4; i++) expect((await getToken(address, `sprayed-${i}@example.com`, 'Winter2026!')).status).toBe(401);
    const refused = await getToken(address, victim.email, victim.password);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(800);
    const browser = await callbackSignIn(address, { email: victim.email, password: victim.password });
    expect(browser.status).toBe(429);
    expect(browser.headers.get('retry-after')).not.toBeNull();
    // The victim, elsewhere, signs in.
    expect((await getToken(newAddress(), victim.email, victim.password)).status).toBe(200);
  });

  it('counts only failures: a user who signs in often is never refused', async () => {
    const address = newAddress();
    const user = await createTestUser();
    for (let i = 0; i < 6; i++) expect((await getToken(address, user.email, user.password)).status).toBe(200);
  });
});

describe('a flood of sign-ins on one process', () => {
  it(`runs ${HASHING_SLOTS} hashes at a time and queues ${HASHING_QUEUE}; past that, 503 with Retry-After, no hash`, async () => {
    const user = await createTestUser();
    const flood = Array.from({ length: HASHING_SLOTS + HASHING_QUEUE }, () => verifyPassword(undefined, 'guess'));
    const overflow = verifyPassword(undefined, 'one too many');
    await expect(overflow).rejects.toThrow('busy checking passwords');
    const token = await getToken(newAddress(), user.email, user.password);
    expect(token.status).toBe(503);
    expect(token.headers.get('retry-after')).toBe('1');
    await Promise.all(flood);
    expect((await getToken(newAddress(), user.email, user.password)).status).toBe(200);
  });
});

describe('the published development AUTH_SECRET', () => {
  it('is accepted only under next dev and the tests', () => {
    expect(() => parseEnv({ NODE_ENV: 'production', AUTH_SECRET: DEV_AUTH_SECRET })).toThrow('AUTH_SECRET must be set to a random string');
    // A script (tsx, NODE_ENV unset) and a server started another way.
    expect(() => parseEnv({ AUTH_SECRET: DEV_AUTH_SECRET })).toThrow('AUTH_SECRET must be set');
    expect(parseEnv({}).AUTH_SECRET).toBeUndefined();
    expect(parseEnv({ NODE_ENV: 'development', __NEXT_DEV_SERVER: '1' }).AUTH_SECRET).toBe(DEV_AUTH_SECRET);
    expect(parseEnv({ NODE_ENV: 'test', VITEST: 'true' }).AUTH_SECRET).toBe(DEV_AUTH_SECRET);
  });

  it('stops a server that starts without AUTH_SECRET, whatever NODE_ENV says', { timeout: 30_000 }, async () => {
    for (const NODE_ENV of ['production', 'development'] as const) {
      const start = run(tsx, ['--conditions=react-server', 'lib/server/start.ts'], {
        env: { ...process.env, NODE_ENV, VITEST: '', AUTH_SECRET: '', DATABASE_URL: '' },
      });
      await expect(start).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('AUTH_SECRET must be set') });
    }
  });
});

describe('npm run db:seed on a database that is not local', () => {
  it('tells local databases from the rest', () => {
    expect(isLocalDatabase(undefined)).toBe(true);
    expect(isLocalDatabase('postgres://u@db.example.com/todo', 'pglite')).toBe(true);
    for (const url of ['postgres://postgres@127.0.0.1:5432/todo', 'postgres://localhost/todo', 'postgres://[::1]/todo', 'postgresql:///todo?host=/var/run/postgresql']) {
      expect(isLocalDatabase(url)).toBe(true);
    }
    for (const url of ['postgres://u:p@ep-cool-1.eu-central-1.aws.neon.tech/neondb', 'postgres://10.0.0.5/todo', 'postgresql:///todo?host=db.internal']) {
      expect(isLocalDatabase(url)).toBe(false);
    }
  });

  it('refuses without --force, before connecting', { timeout: 30_000 }, async () => {
    const { DATABASE_DRIVER: _driver, ...inherited } = process.env;
    const seed = run(tsx, ['--conditions=react-server', 'scripts/seed.ts'], {
      env: { ...inherited, DATABASE_URL: 'postgres://u:secret@db.example.com:5432/todo' },
    });
    await expect(seed).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('add --force if you mean it') });
    await seed.catch((err: { stderr: string }) => expect(err.stderr).not.toContain('secret'));
  });
});

describe('HSTS', () => {
  async function headerRules(nodeEnv: string) {
    vi.stubEnv('NODE_ENV', nodeEnv);
    vi.resetModules();
    const { default: config } = await import('@/next.config');
    vi.stubEnv('NODE_ENV', 'test');
    return (await config.headers!()).flatMap((rule) => rule.headers.map((h) => `${rule.source} ${h.key}: ${h.value}`));
  }

  it('is sent on every path in production, and never by next dev', async () => {
    expect(await headerRules('production')).toContain('/:path* Strict-Transport-Security: max-age=63072000; includeSubDomains');
    expect((await headerRules('development')).some((h) => h.includes('Strict-Transport-Security'))).toBe(false);
  });
});

describe('Idempotency-Key records of users who never come back', () => {
  async function insertExpiredKey(userId: string, key: string) {
    await database.current.db.execute(sql`
      insert into idempotency_keys (user_id, key, route, request_hash, response_status, created_at)
      values (${userId}, ${key}, 'POST /api/{user_id}/tasks', 'h', 201, now() - interval '25 hours')`);
  }
  const keysOf = async (userId: string) =>
    (await database.current.db.execute(sql`select key from idempotency_keys where user_id = ${userId}`)).rows.map((r) => r.key);

  it("go a few at a time with anyone's idempotent create", async () => {
    const gone = await createTestUser();
    await insertExpiredKey(gone.id, 'old-key');
    const active = await createTestUser();
    const response = await tasksApi(active).create({ title: 'x' }, { headers: { 'idempotency-key': randomUUID() } });
    expect(response.status).toBe(201);
    expect(await keysOf(gone.id)).toEqual([]);
  });

  it('go all at once when the scheduler calls the cron route with CRON_SECRET; anyone else gets 401', async () => {
    const gone = await createTestUser();
    await insertExpiredKey(gone.id, 'k1');
    await insertExpiredKey(gone.id, 'k2');
    // Deleted ids: one past the feed's 31 days, one recent.
    const tombstone = (days: number) =>
      database.current.db.execute(sql`insert into tombstones (id, kind, user_id, deleted_at) values (gen_random_uuid(), 'task', ${gone.id}, now() - make_interval(days => ${days}))`);
    await tombstone(32);
    await tombstone(1);
    const live = await createTestUser();
    await tasksApi(live).create({ title: 'x' }, { headers: { 'idempotency-key': 'live-key' } });
    const cron = (authorization?: string) =>
      callRoute(cronRoute, 'GET', '/api/cron/purge', {}, { headers: authorization ? { authorization } : {} });
    expect((await cron()).status).toBe(401);
    expect((await cron('Bearer wrong')).status).toBe(401);
    const response = await cron('Bearer cron-secret-for-the-hostile-suite');
    expect(response.status).toBe(200);
    expect(await keysOf(gone.id)).toEqual([]);
    expect(await keysOf(live.id)).toEqual(['live-key']);
    expect((await response.json()).purged).toMatchObject({ tombstones: 1 });
    const { rows } = await database.current.db.execute(sql`select count(*)::int as n from tombstones where user_id = ${gone.id}`);
    expect(rows[0]!.n).toBe(1);
  });
});
