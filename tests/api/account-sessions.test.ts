import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import * as passwordRoute from '@/app/api/[user_id]/account/password/route';
import * as accountRoute from '@/app/api/[user_id]/account/route';
import * as eventsRoute from '@/app/api/[user_id]/events/route';
import * as changesRoute from '@/app/api/[user_id]/tasks/changes/route';
import * as sessionRoute from '@/app/api/[user_id]/sessions/[id]/route';
import * as sessionsRoute from '@/app/api/[user_id]/sessions/route';
import * as signupRoute from '@/app/api/auth/signup/route';
import * as tokenRoute from '@/app/api/auth/token/route';
import { sessions, tasks, users } from '@/lib/db/schema';
import { createTestUser, newAccessToken, type TestUser } from '@/tests/helpers/auth';
import { browserSignIn, browserSignOut, setCookies } from '@/tests/helpers/browser';
import { withTestDatabase } from '@/tests/helpers/db';
import { callRoute, createTaskVia, problemOf, tasksApi, type CallOptions } from '@/tests/helpers/requests';

const database = withTestDatabase();

const NEW_PASSWORD = 'a new and longer passphrase';

/** The account and session routes for `userId`, with `headers` (a bearer token or a cookie) on each request. */
function accountApi(userId: string, headers: Record<string, string>) {
  const auth = (options: CallOptions = {}): CallOptions => ({ ...options, headers: { ...headers, ...options.headers } });
  const base = `/api/${userId}`;
  const params = { user_id: userId };
  return {
    get: () => callRoute(accountRoute, 'GET', `${base}/account`, params, auth()),
    patch: (body: unknown) => callRoute(accountRoute, 'PATCH', `${base}/account`, params, auth({ body })),
    remove: (body: unknown) => callRoute(accountRoute, 'DELETE', `${base}/account`, params, auth({ body })),
    changePassword: (body: unknown) => callRoute(passwordRoute, 'POST', `${base}/account/password`, params, auth({ body })),
    sessions: () => callRoute(sessionsRoute, 'GET', `${base}/sessions`, params, auth()),
    endSession: (id: string) => callRoute(sessionRoute, 'DELETE', `${base}/sessions/${id}`, { ...params, id }, auth()),
    endAll: () => callRoute(sessionsRoute, 'DELETE', `${base}/sessions`, params, auth()),
  };
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** A task API for the user, authenticated by `headers` instead of the user's own token. */
const tasksWith = (user: TestUser, headers: Record<string, string>) => tasksApi({ id: user.id, headers });

async function taskCount(userId: string): Promise<number> {
  const rows = await database.current.db.select({ id: tasks.id }).from(tasks).where(eq(tasks.userId, userId));
  return rows.length;
}

async function signInForToken(email: string, password: string, userAgent?: string) {
  return callRoute(tokenRoute, 'POST', '/api/auth/token', {}, { body: { email, password }, headers: userAgent ? { 'user-agent': userAgent } : {} });
}

/** Every task route answers 401 for these credentials, and nothing was stored or changed. */
async function expectRefusedEverywhere(user: TestUser, headers: Record<string, string>, taskId: string) {
  const api = tasksWith(user, headers);
  const before = await taskCount(user.id);
  const answers = {
    list: await api.list(),
    get: await api.get(taskId),
    create: await api.create({ title: 'written by a revoked session' }),
    idempotentCreate: await api.create({ title: 'written by a revoked session' }, { headers: { 'idempotency-key': 'revoked-1' } }),
    put: await api.put(taskId, { title: 'changed' }),
    patch: await api.patch(taskId, { title: 'changed' }),
    toggle: await api.toggle(taskId),
    remove: await api.remove(taskId),
    changes: await callRoute(changesRoute, 'GET', `/api/${user.id}/tasks/changes`, { user_id: user.id }, { headers }),
    events: await callRoute(eventsRoute, 'GET', `/api/${user.id}/events`, { user_id: user.id }, { headers }),
  };
  for (const [route, response] of Object.entries(answers)) {
    expect.soft(response.status, route).toBe(401);
    expect.soft(response.headers.get('www-authenticate'), route).toBe('Bearer');
  }
  expect(await taskCount(user.id)).toBe(before);
  const [task] = await database.current.db.select().from(tasks).where(eq(tasks.id, taskId));
  expect(task).toMatchObject({ title: 'mine', completed: false });
}

describe('revocation', () => {
  it('refuses a revoked token on every task route at once, while the other sessions go on', async () => {
    const user = await createTestUser();
    const other = await newAccessToken(user.id);
    const task = await createTaskVia(tasksApi(user), { title: 'mine' });

    expect((await accountApi(user.id, bearer(other.token)).endSession(user.sessionId)).status).toBe(204);

    await expectRefusedEverywhere(user, user.headers, task.id);
    expect((await tasksWith(user, bearer(other.token)).get(task.id)).status).toBe(200);
  });

  it('refuses a revoked cookie on every task route at once', async () => {
    const user = await createTestUser();
    const cookie = (await browserSignIn(user.email, user.password))!;
    const task = await createTaskVia(tasksWith(user, { cookie }), { title: 'mine' });
    const [browser] = await database.current.db.select().from(sessions).where(eq(sessions.kind, 'browser'));
    expect(browser?.userId).toBe(user.id);

    expect((await accountApi(user.id, user.headers).endSession(browser!.id)).status).toBe(204);

    await expectRefusedEverywhere(user, { cookie }, task.id);
  });

  it('revokes the session when the browser signs out: a copy of the cookie answers 401', async () => {
    const user = await createTestUser();
    const cookie = (await browserSignIn(user.email, user.password))!;
    const task = await createTaskVia(tasksWith(user, { cookie }), { title: 'mine' });

    const signOut = await browserSignOut(cookie);
    expect(signOut.status).toBe(302);
    expect(setCookies(signOut).get('authjs.session-token')).toBe('');

    await expectRefusedEverywhere(user, { cookie }, task.id);
    expect(await database.current.db.select().from(sessions).where(eq(sessions.kind, 'browser'))).toEqual([]);
  });

  it('refuses an expired session row even while its token is valid', async () => {
    const user = await createTestUser();
    const task = await createTaskVia(tasksApi(user), { title: 'mine' });
    await database.current.db.update(sessions).set({ expiresAt: sql`now() - interval '1 second'` }).where(eq(sessions.id, user.sessionId));
    await expectRefusedEverywhere(user, user.headers, task.id);
  });

  it('answers 401, not 404 or 422, for a revoked session on the account and session routes', async () => {
    const user = await createTestUser();
    const other = await newAccessToken(user.id);
    await database.current.db.delete(sessions).where(eq(sessions.id, user.sessionId));
    const api = accountApi(user.id, user.headers);
    const answers = [
      await api.get(),
      await api.patch({ name: 'x' }),
      await api.changePassword({ current_password: user.password, new_password: NEW_PASSWORD }),
      await api.remove({ password: user.password }),
      await api.sessions(),
      await api.endSession(other.sessionId),
      await api.endSession('00000000-0000-4000-8000-000000000000'),
      await api.endAll(),
    ];
    expect(answers.map((r) => r.status)).toEqual(Array(answers.length).fill(401));
    // Nothing was changed by them: the password, the name and the other session are as they were.
    expect((await signInForToken(user.email, user.password)).status).toBe(200);
    expect((await accountApi(user.id, bearer(other.token)).get()).status).toBe(200);
  });

  it('moves last_used_at forward when it is more than 5 minutes old', async () => {
    const user = await createTestUser();
    const { sessionId, token } = await newAccessToken(user.id);
    await database.current.db.update(sessions).set({ lastUsedAt: sql`now() - interval '1 hour'` }).where(eq(sessions.id, sessionId));
    expect((await tasksWith(user, bearer(token)).list()).status).toBe(200);
    const [row] = await database.current.db.select().from(sessions).where(eq(sessions.id, sessionId));
    expect(Date.now() - row!.lastUsedAt!.getTime()).toBeLessThan(60_000);
  });
});

describe('GET and DELETE /api/{user_id}/sessions', () => {
  it('lists the live sessions newest first, with kind, user agent and the current one marked', async () => {
    const user = await createTestUser();
    await browserSignIn(user.email, user.password, 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) Mobile/15E148 Safari/604.1');
    const issued = await signInForToken(user.email, user.password, 'todo-cli/1.0');
    const { access_token } = (await issued.json()) as { access_token: string };
    const expired = await newAccessToken(user.id);
    await database.current.db.update(sessions).set({ expiresAt: sql`now() - interval '1 second'` }).where(eq(sessions.id, expired.sessionId));

    const response = await accountApi(user.id, bearer(access_token)).sessions();
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const list = (await response.json()) as { id: string; kind: string; user_agent: string | null; current: boolean; created_at: string; last_used_at: string }[];
    expect(list.map((s) => [s.kind, s.user_agent, s.current])).toEqual([
      ['token', 'todo-cli/1.0', true],
      ['browser', expect.stringContaining('iPhone'), false],
      ['token', null, false],
    ]);
    expect(list.at(-1)!.id).toBe(user.sessionId);
    for (const s of list) expect(new Date(s.last_used_at).getTime()).toBeGreaterThanOrEqual(new Date(s.created_at).getTime());
  });

  it("answers 404 for another user's session, and 403 for another user's list", async () => {
    const ann = await createTestUser();
    const bob = await createTestUser();
    const api = accountApi(ann.id, ann.headers);
    const response = await api.endSession(bob.sessionId);
    expect(response.status).toBe(404);
    expect((await problemOf(response)).detail).toBe('Session not found');
    expect((await api.endSession('not-a-uuid')).status).toBe(422);
    expect((await tasksApi(bob).list()).status).toBe(200);
    expect((await accountApi(bob.id, ann.headers).sessions()).status).toBe(403);
    expect((await accountApi(bob.id, ann.headers).endAll()).status).toBe(403);
    expect((await tasksApi(bob).list()).status).toBe(200);
  });

  it('signs out every session, the caller\'s too, and no other user\'s', async () => {
    const user = await createTestUser();
    const other = await newAccessToken(user.id);
    const cookie = (await browserSignIn(user.email, user.password))!;
    const bystander = await createTestUser();

    expect((await accountApi(user.id, user.headers).endAll()).status).toBe(204);

    for (const headers of [user.headers, bearer(other.token), { cookie }]) expect((await tasksWith(user, headers).list()).status).toBe(401);
    expect(await database.current.db.select().from(sessions).where(eq(sessions.userId, user.id))).toEqual([]);
    expect((await tasksApi(bystander).list()).status).toBe(200);
  });
});

describe('GET and PATCH /api/{user_id}/account', () => {
  it('answers the account, and sets, trims and clears the name', async () => {
    const user = await createTestUser({ name: 'Ann' });
    const api = accountApi(user.id, user.headers);
    const got = await api.get();
    expect(got.status).toBe(200);
    expect(await got.json()).toEqual({ id: user.id, email: user.email, name: 'Ann', time_zone: 'UTC', created_at: expect.any(String) });

    expect(await (await api.patch({ name: '  Ann Smith ' })).json()).toMatchObject({ name: 'Ann Smith' });
    expect(await (await api.patch({ name: null })).json()).toMatchObject({ name: null });
    expect(await (await api.patch({ name: '   ' })).json()).toMatchObject({ name: null });
    const [stored] = await database.current.db.select().from(users).where(eq(users.id, user.id));
    expect(stored!.name).toBeNull();
  });

  it('answers 422 for a missing or too long name, and changes nothing', async () => {
    const user = await createTestUser({ name: 'Ann' });
    const api = accountApi(user.id, user.headers);
    for (const body of [{}, { name: 'x'.repeat(101) }, { name: 42 }]) {
      const response = await api.patch(body);
      expect(response.status).toBe(422);
      expect((await problemOf(response)).errors?.[0]?.path).toBe('name');
    }
    expect(await (await api.get()).json()).toMatchObject({ name: 'Ann' });
  });
});

describe('POST /api/{user_id}/account/password', () => {
  it('changes the password, signs out every other session, and keeps the caller signed in with a fresh token', async () => {
    const user = await createTestUser();
    const other = await newAccessToken(user.id);
    const otherCookie = (await browserSignIn(user.email, user.password))!;

    const response = await accountApi(user.id, user.headers).changePassword({ current_password: user.password, new_password: NEW_PASSWORD });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { access_token: string; token_type: string; expires_in: number; user: unknown };
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 7 * 24 * 60 * 60, user: { id: user.id, email: user.email, name: null } });
    expect(response.headers.getSetCookie()).toEqual([]);

    expect((await tasksWith(user, bearer(body.access_token)).list()).status).toBe(200);
    for (const headers of [user.headers, bearer(other.token), { cookie: otherCookie }]) expect((await tasksWith(user, headers).list()).status).toBe(401);
    expect((await signInForToken(user.email, user.password)).status).toBe(401);
    expect((await signInForToken(user.email, NEW_PASSWORD)).status).toBe(200);
  });

  it('gives a cookie caller a fresh cookie that works, while the old cookie answers 401', async () => {
    const user = await createTestUser();
    const cookie = (await browserSignIn(user.email, user.password))!;

    const response = await accountApi(user.id, { cookie }).changePassword({ current_password: user.password, new_password: NEW_PASSWORD });
    expect(response.status).toBe(200);
    const setCookie = response.headers.getSetCookie().find((c) => c.startsWith('authjs.session-token='));
    expect(setCookie).toMatch(/; HttpOnly/i);
    expect(setCookie).toMatch(/; SameSite=Lax/i);
    const fresh = `authjs.session-token=${setCookies(response).get('authjs.session-token')}`;

    expect((await tasksWith(user, { cookie: fresh }).list()).status).toBe(200);
    expect((await tasksWith(user, { cookie }).list()).status).toBe(401);
    const list = (await (await accountApi(user.id, { cookie: fresh }).sessions()).json()) as { kind: string; current: boolean }[];
    expect(list.filter((s) => s.current).map((s) => s.kind)).toEqual(['browser']);
  });

  it('answers 422 naming current_password for a wrong one, counts it toward the lockout, and changes nothing', async () => {
    const user = await createTestUser();
    const api = accountApi(user.id, user.headers);
    for (let i = 0; i < 5; i++) {
      const response = await api.changePassword({ current_password: `wrong ${i}`, new_password: NEW_PASSWORD });
      expect(response.status).toBe(422);
      expect((await problemOf(response)).errors).toEqual([{ path: 'current_password', message: 'is incorrect' }]);
    }
    const locked = await api.changePassword({ current_password: user.password, new_password: NEW_PASSWORD });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    // The same limit as signing in: the email is locked there too.
    expect((await signInForToken(user.email, user.password)).status).toBe(429);
    expect((await tasksApi(user).list()).status).toBe(200);
  });

  it("answers 422 when new_password breaks signup's rule, without counting a failure", async () => {
    const user = await createTestUser();
    const api = accountApi(user.id, user.headers);
    for (const new_password of ['short', 'x'.repeat(129), undefined]) {
      const response = await api.changePassword({ current_password: user.password, new_password });
      expect(response.status).toBe(422);
      expect((await problemOf(response)).errors?.map((e) => e.path)).toEqual(['new_password']);
    }
    expect((await signInForToken(user.email, user.password)).status).toBe(200);
  });
});

describe('DELETE /api/{user_id}/account', () => {
  /** Every row of every table that names the user, by id or email. */
  async function rowsOf(user: { id: string; email: string }): Promise<Record<string, number>> {
    const { rows: columns } = await database.current.db.execute(sql`
      select table_name, column_name from information_schema.columns
      where table_schema = 'public' and column_name in ('user_id', 'email', 'id')`);
    const found: Record<string, number> = {};
    for (const { table_name, column_name } of columns as { table_name: string; column_name: string }[]) {
      if (column_name === 'id' && table_name !== 'users') continue;
      const value = column_name === 'email' ? user.email : user.id;
      const { rows } = await database.current.db.execute(
        sql`select count(*)::int as n from ${sql.identifier(table_name)} where ${sql.identifier(column_name)}::text = ${value}`,
      );
      found[`${table_name}.${column_name}`] = (rows[0] as { n: number }).n;
    }
    return found;
  }

  it('removes the user and everything of theirs, signs out every session, and frees the email', async () => {
    const user = await createTestUser();
    const bystander = await createTestUser();
    const other = await newAccessToken(user.id);
    const cookie = (await browserSignIn(user.email, user.password))!;
    await createTaskVia(tasksApi(user), { title: 'one' });
    await tasksApi(user).create({ title: 'two' }, { headers: { 'idempotency-key': 'k-1' } });
    // A deleted task leaves a tombstone for the changes feed: it goes with the account too.
    await tasksApi(user).remove((await createTaskVia(tasksApi(user), { title: 'deleted' })).id);
    await createTaskVia(tasksApi(bystander), { title: 'not theirs' });
    await signInForToken(user.email, 'a wrong password');
    const before = await rowsOf(user);
    expect(before).toMatchObject({
      'users.id': 1,
      'tasks.user_id': 2,
      'tombstones.user_id': 1,
      'sessions.user_id': 3,
      'idempotency_keys.user_id': 1,
      'login_failures.email': 1,
    });

    const api = accountApi(user.id, user.headers);
    const wrong = await api.remove({ password: 'not my password' });
    expect(wrong.status).toBe(422);
    expect((await problemOf(wrong)).errors).toEqual([{ path: 'password', message: 'is incorrect' }]);
    expect((await api.get()).status).toBe(200);

    const response = await api.remove({ password: user.password });
    expect(response.status).toBe(204);
    expect(await response.text()).toBe('');

    expect(Object.values(await rowsOf(user)).every((n) => n === 0)).toBe(true);
    for (const headers of [user.headers, bearer(other.token), { cookie }]) expect((await tasksWith(user, headers).list()).status).toBe(401);
    expect((await signInForToken(user.email, user.password)).status).toBe(401);
    expect((await tasksApi(bystander).list()).headers.get('x-total-count')).toBe('1');

    const again = await callRoute(signupRoute, 'POST', '/api/auth/signup', {}, { body: { email: user.email, password: NEW_PASSWORD } });
    expect(again.status).toBe(201);
  });

  it('answers 422 for a missing password and keeps the account', async () => {
    const user = await createTestUser();
    const response = await accountApi(user.id, user.headers).remove({});
    expect(response.status).toBe(422);
    expect((await problemOf(response)).errors?.map((e) => e.path)).toEqual(['password']);
    expect((await tasksApi(user).list()).status).toBe(200);
  });
});
