import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import * as passwordRoute from '@/app/api/[user_id]/account/password/route';
import * as sessionsRoute from '@/app/api/[user_id]/sessions/route';
import * as tokenRoute from '@/app/api/[user_id]/tokens/[id]/route';
import * as tokensRoute from '@/app/api/[user_id]/tokens/route';
import { PERSONAL_TOKENS_PER_USER_MAX } from '@/lib/limits';
import { sessions, tasks } from '@/lib/db/schema';
import { createTestUser, type TestUser } from '@/tests/helpers/auth';
import { withTestDatabase } from '@/tests/helpers/db';
import { callRoute, createTaskVia, problemOf, projectsApi, tasksApi } from '@/tests/helpers/requests';

// Personal access tokens (API.md, "v3: personal access tokens"): made, listed and revoked by a
// sign-in, used as a bearer token within their scopes. Every route's scope is covered by the
// generated test (openapi-isolation.test.ts); this file covers the tokens' own life.

const database = withTestDatabase();

interface TokenJson {
  id: string;
  name: string;
  scopes: string[];
  token?: string;
  created_at: string;
  expires_at: string | null;
  last_used_at: string | null;
}

function tokensApi(user: TestUser, headers = user.headers) {
  const base = `/api/${user.id}/tokens`;
  return {
    create: (body: unknown) => callRoute(tokensRoute, 'POST', base, { user_id: user.id }, { headers, body }),
    list: () => callRoute(tokensRoute, 'GET', base, { user_id: user.id }, { headers }),
    revoke: (id: string) => callRoute(tokenRoute, 'DELETE', `${base}/${id}`, { user_id: user.id, id }, { headers }),
  };
}

async function newToken(user: TestUser, body: Record<string, unknown> = { name: 'script', scopes: ['tasks:read'] }): Promise<TokenJson & { token: string }> {
  const response = await tokensApi(user).create(body);
  expect(response.status).toBe(201);
  return (await response.json()) as TokenJson & { token: string };
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const as = (user: TestUser, token: string) => ({ id: user.id, headers: bearer(token) });

describe('making and listing tokens', () => {
  it('shows the secret once, keeps only its hash, and lists the token without it', async () => {
    const user = await createTestUser();
    const created = await newToken(user, { name: '  Backup script  ', scopes: ['tasks:read', 'projects:read', 'tasks:read'] });
    expect(created).toMatchObject({ name: 'Backup script', scopes: ['tasks:read', 'projects:read'], expires_at: null, last_used_at: null });
    expect(created.token).toMatch(/^todo_pat_[A-Za-z0-9_-]{43}$/);
    const [row] = await database.current.db.select().from(sessions).where(eq(sessions.id, created.id));
    expect(row).toMatchObject({ kind: 'personal', userId: user.id });
    expect(JSON.stringify(row)).not.toContain(created.token.slice('todo_pat_'.length));

    const listed = (await (await tokensApi(user).list()).json()) as TokenJson[];
    const { token: _secret, ...shown } = created;
    expect(listed).toEqual([shown]);
  });

  it('expires after the days asked for', async () => {
    const user = await createTestUser();
    const created = await newToken(user, { name: 'a month', scopes: ['tasks:write'], expires_in_days: 30 });
    const days = (Date.parse(created.expires_at!) - Date.parse(created.created_at)) / 86_400_000;
    expect(days).toBeCloseTo(30, 5);
  });

  it('refuses bad input with 422 naming each field, and stores nothing', async () => {
    const user = await createTestUser();
    const cases: [unknown, string[]][] = [
      [{ name: '   ', scopes: ['tasks:read'] }, ['name']],
      [{ name: 'x'.repeat(101), scopes: ['tasks:read'] }, ['name']],
      [{ name: 'x', scopes: [] }, ['scopes']],
      [{ name: 'x', scopes: ['tasks:admin'] }, ['scopes.0']],
      [{ name: 'x', scopes: 'tasks:read' }, ['scopes']],
      [{ name: 'x', scopes: ['tasks:read'], expires_in_days: 0 }, ['expires_in_days']],
      [{ name: 'x', scopes: ['tasks:read'], expires_in_days: 366 }, ['expires_in_days']],
      [{ name: 'x', scopes: ['tasks:read'], expires_in_days: 1.5 }, ['expires_in_days']],
      [{}, ['name', 'scopes']],
    ];
    for (const [body, paths] of cases) {
      const response = await tokensApi(user).create(body);
      expect(response.status, JSON.stringify(body)).toBe(422);
      expect((await problemOf(response)).errors?.map((e) => e.path), JSON.stringify(body)).toEqual(paths);
    }
    expect(await (await tokensApi(user).list()).json()).toEqual([]);
  });

  it(`allows ${PERSONAL_TOKENS_PER_USER_MAX} per account, then 409 until one is revoked`, async () => {
    const user = await createTestUser();
    const made = [];
    for (let i = 0; i < PERSONAL_TOKENS_PER_USER_MAX; i++) made.push(await newToken(user, { name: `t${i}`, scopes: ['tasks:read'] }));
    const over = await tokensApi(user).create({ name: 'one more', scopes: ['tasks:read'] });
    expect(over.status).toBe(409);
    expect((await problemOf(over)).detail).toContain('revoke one first');
    expect((await tokensApi(user).revoke(made[0]!.id)).status).toBe(204);
    expect((await tokensApi(user).create({ name: 'one more', scopes: ['tasks:read'] })).status).toBe(201);
  });
});

describe('using a token', () => {
  it('reads within its scopes, is refused outside them with insufficient_scope, and records its use', async () => {
    const user = await createTestUser();
    const task = await createTaskVia(tasksApi(user), { title: 'mine' });
    const reader = await newToken(user, { name: 'reader', scopes: ['tasks:read'] });

    const listed = await tasksApi(as(user, reader.token)).list();
    expect(listed.status).toBe(200);
    expect(((await listed.json()) as { id: string }[]).map((t) => t.id)).toEqual([task.id]);

    const write = await tasksApi(as(user, reader.token)).patch(task.id, { title: 'changed by a reader' });
    expect(write.status).toBe(403);
    expect(write.headers.get('www-authenticate')).toBe('Bearer error="insufficient_scope", scope="tasks:write"');
    expect((await problemOf(write)).detail).toContain('tasks:write');
    const [row] = await database.current.db.select().from(tasks).where(eq(tasks.id, task.id));
    expect(row!.title).toBe('mine');

    const projects = await projectsApi(as(user, reader.token)).list();
    expect(projects.status).toBe(403);

    const [token] = (await (await tokensApi(user).list()).json()) as TokenJson[];
    expect(token!.last_used_at).not.toBeNull();
  });

  it('a write scope includes its read scope', async () => {
    const user = await createTestUser();
    const writer = await newToken(user, { name: 'writer', scopes: ['tasks:write'] });
    const created = await tasksApi(as(user, writer.token)).create({ title: 'by a script' });
    expect(created.status).toBe(201);
    expect((await tasksApi(as(user, writer.token)).list()).status).toBe(200);
  });

  it('never manages tokens, sessions or the password, whatever its scopes', async () => {
    const user = await createTestUser();
    const all = await newToken(user, { name: 'everything', scopes: ['tasks:write', 'projects:write', 'notifications:read'] });
    const asToken = tokensApi(user, bearer(all.token));
    for (const response of [await asToken.list(), await asToken.create({ name: 'child', scopes: ['tasks:read'] }), await asToken.revoke(all.id)]) {
      expect(response.status).toBe(403);
      expect(response.headers.get('www-authenticate')).toBe('Bearer error="insufficient_scope"');
    }
    expect(((await (await tokensApi(user).list()).json()) as TokenJson[]).map((t) => t.id)).toEqual([all.id]);
  });

  it('a revoked token is refused on its very next request; another user cannot revoke it', async () => {
    const user = await createTestUser();
    const stranger = await createTestUser();
    const created = await newToken(user);
    expect((await tokensApi(stranger).revoke(created.id)).status).toBe(404);
    expect((await tasksApi(as(user, created.token)).list()).status).toBe(200);
    expect((await tokensApi(user).revoke(created.id)).status).toBe(204);
    const after = await tasksApi(as(user, created.token)).list();
    expect(after.status).toBe(401);
    expect(after.headers.get('www-authenticate')).toBe('Bearer');
    expect((await tokensApi(user).revoke(created.id)).status).toBe(404);
  });

  it('an expired token, or one with a secret changed by a character, is refused with 401', async () => {
    const user = await createTestUser();
    const created = await newToken(user, { name: 'short', scopes: ['tasks:read'], expires_in_days: 1 });
    const last = created.token.at(-1) === 'A' ? 'B' : 'A';
    expect((await tasksApi(as(user, `${created.token.slice(0, -1)}${last}`)).list()).status).toBe(401);
    expect((await tasksApi(as(user, `${created.token}x`)).list()).status).toBe(401);
    await database.current.db.update(sessions).set({ expiresAt: sql`now() - interval '1 second'` }).where(eq(sessions.id, created.id));
    expect((await tasksApi(as(user, created.token)).list()).status).toBe(401);
  });

  it('are not sign-ins: the sessions list leaves them out and signing out everywhere leaves them; a password change revokes them', async () => {
    const user = await createTestUser();
    const created = await newToken(user);
    const listed = (await (await callRoute(sessionsRoute, 'GET', `/api/${user.id}/sessions`, { user_id: user.id }, { headers: user.headers })).json()) as { id: string }[];
    expect(listed.map((s) => s.id)).toEqual([user.sessionId]);

    expect((await callRoute(sessionsRoute, 'DELETE', `/api/${user.id}/sessions`, { user_id: user.id }, { headers: user.headers })).status).toBe(204);
    expect((await tasksApi(as(user, created.token)).list()).status).toBe(200);

    const again = await createTestUser();
    const itsToken = await newToken(again);
    const changed = await callRoute(passwordRoute, 'POST', `/api/${again.id}/account/password`, { user_id: again.id }, {
      headers: again.headers,
      body: { current_password: again.password, new_password: 'a new and longer passphrase' },
    });
    expect(changed.status).toBe(200);
    expect((await tasksApi(as(again, itsToken.token)).list()).status).toBe(401);
  });
});
