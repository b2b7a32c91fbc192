import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { tasks, users } from '@/lib/db/schema';
import type { TaskJson } from '@/lib/tasks/schemas';
import { createTestUser, type TestUser } from '@/tests/helpers/auth';
import { withTestDatabase } from '@/tests/helpers/db';
import { callRoute, createTaskVia, problemOf, routes, tasksApi, type TasksApi } from '@/tests/helpers/requests';

const database = withTestDatabase();

let user: TestUser;
let api: TasksApi;

beforeAll(async () => {
  user = await createTestUser();
  api = tasksApi(user);
});

const ISO_MS = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

async function storedTask(id: string) {
  const [row] = await database.current.db.select().from(tasks).where(eq(tasks.id, id));
  return row;
}

function expectNear(iso: string, ms: number) {
  expect(Math.abs(Date.parse(iso) - ms)).toBeLessThan(1000);
}

describe('POST /api/{user_id}/tasks', () => {
  it('creates a task: 201, the task, Location, ETag and no-store', async () => {
    const response = await api.create({ title: 'Buy milk', description: '2 litres' });
    expect(response.status).toBe(201);
    const task = (await response.json()) as TaskJson;
    expect(Object.keys(task).sort()).toEqual([
      'assignee_id',
      'completed',
      'created_at',
      'description',
      'due_date',
      'due_time',
      'etag',
      'id',
      'labels',
      'parent_id',
      'position',
      'priority',
      'project_id',
      'reminders',
      'repeat',
      'title',
      'updated_at',
      'user_id',
    ]);
    expect(task).toMatchObject({ user_id: user.id, title: 'Buy milk', description: '2 litres', completed: false, project_id: null, parent_id: null, assignee_id: null });
    expect(task.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(task.created_at).toMatch(ISO_MS);
    expect(task.updated_at).toBe(task.created_at);
    expect(response.headers.get('location')).toBe(`/api/${user.id}/tasks/${task.id}`);
    expect(response.headers.get('etag')).toMatch(/^"\d+-[\w-]+"$/);
    expect(task.etag).toBe(response.headers.get('etag'));
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await storedTask(task.id)).toMatchObject({ userId: user.id, title: 'Buy milk', completed: false });
  });

  it('stamps created_at and updated_at within 1 s of the server clock', async () => {
    const task = await createTaskVia(api);
    expectNear(task.created_at, Date.now());
    expectNear(task.updated_at, Date.now());
  });

  it('defaults description to null and takes completed from the body', async () => {
    expect(await createTaskVia(api, { title: 't' })).toMatchObject({ description: null, completed: false });
    expect(await createTaskVia(api, { title: 't', completed: true, description: null })).toMatchObject({ completed: true, description: null });
  });

  it('trims the title', async () => {
    expect((await createTaskVia(api, { title: '  \t Buy milk \n ' })).title).toBe('Buy milk');
  });

  it('never applies id, user_id or timestamps from the body, and ignores unknown fields', async () => {
    const other = await createTestUser();
    const forged = { id: randomUUID(), user_id: other.id, created_at: '2000-01-01T00:00:00.000Z', updated_at: '2000-01-01T00:00:00.000Z' };
    const task = await createTaskVia(api, { title: 'mine', ...forged, colour: 'red' });
    expect(task.id).not.toBe(forged.id);
    expect(task.user_id).toBe(user.id);
    expect((await storedTask(task.id))?.userId).toBe(user.id);
    expectNear(task.created_at, Date.now());
    expect(task).not.toHaveProperty('colour');
    expect(await storedTask(forged.id)).toBeUndefined();
  });

  describe('validation at and past each limit', () => {
    it.each([
      ['500 ASCII characters', 'x'.repeat(500)],
      ['500 emoji (one code point each, 1000 UTF-16 units)', '😀'.repeat(500)],
      ['500 characters once trimmed', `   ${'y'.repeat(500)}   `],
      ['one character', 'a'],
    ])('accepts a title of %s', async (_, title) => {
      const response = await api.create({ title });
      expect(response.status).toBe(201);
      expect([...((await response.json()) as TaskJson).title]).toHaveLength(Math.min([...title.trim()].length, 500));
    });

    it.each([
      ['501 characters', 'x'.repeat(501)],
      ['501 emoji', '😀'.repeat(501)],
      ['an empty string', ''],
      ['only whitespace', ' \t\n\u00a0 '],
      ['U+0000', 'a\u0000b'],
      ['U+0000 and 600 more characters (two faults, one entry)', `\u0000${'x'.repeat(600)}`],
    ])('refuses a title of %s with 422 naming title once', async (_, title) => {
      const response = await api.create({ title });
      expect(response.status).toBe(422);
      const doc = await problemOf(response);
      expect(doc.errors?.map((e) => e.path)).toEqual(['title']);
    });

    it('accepts a description of 5000 characters (emoji too) and refuses 5001', async () => {
      expect((await api.create({ title: 't', description: 'd'.repeat(5000) })).status).toBe(201);
      expect((await api.create({ title: 't', description: '😀'.repeat(5000) })).status).toBe(201);
      for (const description of ['d'.repeat(5001), '😀'.repeat(5001), 'nul\u0000', `\u0000${'d'.repeat(5001)}`]) {
        const response = await api.create({ title: 't', description });
        expect(response.status).toBe(422);
        expect((await problemOf(response)).errors?.map((e) => e.path)).toEqual(['description']);
      }
    });

    it.each([
      ['a missing title', { description: 'no title' }, ['title']],
      ['a number as title', { title: 5 }, ['title']],
      ['null as title', { title: null }, ['title']],
      ['a string as completed', { title: 't', completed: 'yes' }, ['completed']],
      ['a number as description', { title: 't', description: 7 }, ['description']],
      ['several bad fields', { title: '', description: 1, completed: 0 }, ['title', 'description', 'completed']],
    ])('refuses %s with 422 and one error per field', async (_, body, paths) => {
      const response = await api.create(body);
      expect(response.status).toBe(422);
      const doc = await problemOf(response);
      expect(doc).toMatchObject({ type: 'about:blank', title: 'Unprocessable Content', status: 422 });
      expect(doc.errors?.map((e) => e.path).sort()).toEqual([...paths].sort());
    });

    it.each([['an array', [{ title: 't' }]], ['a string', 'title'], ['null', null], ['a number', 42]])(
      'refuses %s as the body with 422',
      async (_, body) => {
        expect((await api.create(body)).status).toBe(422);
      },
    );

    it('creates nothing when validation fails', async () => {
      const before = await database.current.db.$count(tasks, eq(tasks.userId, user.id));
      await api.create({ title: 'x'.repeat(501) });
      expect(await database.current.db.$count(tasks, eq(tasks.userId, user.id))).toBe(before);
    });
  });
});

describe('GET /api/{user_id}/tasks', () => {
  it('answers 200 with the tasks as a plain array of task objects, never cached', async () => {
    const owner = await createTestUser();
    const ownerApi = tasksApi(owner);
    const created = [await createTaskVia(ownerApi, { title: 'one' }), await createTaskVia(ownerApi, { title: 'two' }), await createTaskVia(ownerApi, { title: 'three' })];
    const response = await ownerApi.list();
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const listed = (await response.json()) as TaskJson[];
    expect(listed.map((t) => t.id).sort()).toEqual(created.map((t) => t.id).sort());
    expect(listed).toContainEqual(created[0]);
  });
});

describe('GET /api/{user_id}/tasks/{id}', () => {
  it('answers 200 with the task and its ETag', async () => {
    const task = await createTaskVia(api, { title: 'read me', description: 'd' });
    const response = await api.get(task.id);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(task);
    expect(response.headers.get('etag')).toMatch(/^"\d+-[\w-]+"$/);
    expect(task.etag).toBe(response.headers.get('etag'));
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('answers 404 "Task not found" for a task that does not exist', async () => {
    const response = await api.get(randomUUID());
    expect(response.status).toBe(404);
    expect(await problemOf(response)).toEqual({ type: 'about:blank', title: 'Not Found', status: 404, detail: 'Task not found' });
  });

  it.each(['not-a-uuid', '123', `${randomUUID()}x`, "1' or '1'='1"])('answers 422 for the id %j', async (id) => {
    const response = await api.get(id);
    expect(response.status).toBe(422);
    expect((await problemOf(response)).errors?.map((e) => e.path)).toEqual(['id']);
  });

  it('accepts an upper-case UUID', async () => {
    const task = await createTaskVia(api);
    expect((await api.get(task.id.toUpperCase())).status).toBe(200);
  });
});

describe('PUT /api/{user_id}/tasks/{id}', () => {
  it('replaces title and description, moves updated_at forward and keeps created_at', async () => {
    const task = await createTaskVia(api, { title: 'old', description: 'old d' });
    const response = await api.put(task.id, { title: 'new', description: 'new d' });
    expect(response.status).toBe(200);
    const updated = (await response.json()) as TaskJson;
    expect(updated).toMatchObject({ id: task.id, title: 'new', description: 'new d', created_at: task.created_at });
    expect(Date.parse(updated.updated_at)).toBeGreaterThan(Date.parse(task.updated_at));
    expectNear(updated.updated_at, Date.now());
    expect(response.headers.get('etag')).not.toBe(null);
    expect(await storedTask(task.id)).toMatchObject({ title: 'new', description: 'new d' });
  });

  it('keeps the description when the body leaves it out, and clears it with null', async () => {
    const task = await createTaskVia(api, { title: 'old', description: 'keep me' });
    expect(await (await api.put(task.id, { title: 'only title' })).json()).toMatchObject({ title: 'only title', description: 'keep me' });
    expect(await (await api.put(task.id, { title: 'cleared', description: null })).json()).toMatchObject({ description: null });
  });

  it('never changes completed, whatever the body holds', async () => {
    const task = await createTaskVia(api, { title: 'done', completed: true });
    expect(await (await api.put(task.id, { title: 'still done', completed: false })).json()).toMatchObject({ completed: true });
    expect(await (await api.put(task.id, { title: 'still done', completed: 'garbage' })).json()).toMatchObject({ completed: true });
    expect((await storedTask(task.id))?.completed).toBe(true);
  });

  it('needs a title: missing, empty or whitespace-only answers 422 and changes nothing', async () => {
    const task = await createTaskVia(api, { title: 'kept' });
    for (const body of [{}, { description: 'x' }, { title: '' }, { title: '   ' }, { title: 'x'.repeat(501) }]) {
      const response = await api.put(task.id, body);
      expect(response.status).toBe(422);
      expect((await problemOf(response)).errors?.map((e) => e.path)).toEqual(['title']);
    }
    expect(await storedTask(task.id)).toMatchObject({ title: 'kept', updatedAt: new Date(task.updated_at) });
  });

  it('answers 404 for a task that does not exist', async () => {
    const response = await api.put(randomUUID(), { title: 'x' });
    expect(response.status).toBe(404);
    expect((await problemOf(response)).detail).toBe('Task not found');
  });
});

describe('PATCH /api/{user_id}/tasks/{id}', () => {
  it('changes only the fields it sends', async () => {
    const task = await createTaskVia(api, { title: 'title', description: 'desc' });
    expect(await (await api.patch(task.id, { completed: true })).json()).toMatchObject({ title: 'title', description: 'desc', completed: true });
    expect(await (await api.patch(task.id, { title: '  renamed ' })).json()).toMatchObject({ title: 'renamed', description: 'desc', completed: true });
    expect(await (await api.patch(task.id, { description: null })).json()).toMatchObject({ title: 'renamed', description: null, completed: true });
    const response = await api.patch(task.id, { title: 'all', description: 'three', completed: false });
    const updated = (await response.json()) as TaskJson;
    expect(updated).toMatchObject({ title: 'all', description: 'three', completed: false, created_at: task.created_at });
    expect(Date.parse(updated.updated_at)).toBeGreaterThan(Date.parse(task.updated_at));
  });

  it('answers 422 for an empty object, unknown fields only, a null title or a bad type', async () => {
    const task = await createTaskVia(api, { title: 'kept', description: 'kept too' });
    for (const body of [{}, { colour: 'red' }, { title: null }, { completed: 'true' }, { description: 5 }, { title: '😀'.repeat(501) }]) {
      expect((await api.patch(task.id, body)).status).toBe(422);
    }
    expect(await storedTask(task.id)).toMatchObject({ title: 'kept', description: 'kept too', completed: false });
  });

  it('answers 404 for a task that does not exist', async () => {
    expect((await api.patch(randomUUID(), { completed: true })).status).toBe(404);
  });
});

describe('PATCH /api/{user_id}/tasks/{id}/complete', () => {
  it('flips completed both ways and keeps title and description', async () => {
    const task = await createTaskVia(api, { title: 'toggle me', description: 'as is' });
    const first = await api.toggle(task.id);
    expect(first.status).toBe(200);
    expect(first.headers.get('etag')).not.toBe(null);
    const on = (await first.json()) as TaskJson;
    expect(on).toMatchObject({ completed: true, title: 'toggle me', description: 'as is', created_at: task.created_at });
    expect(Date.parse(on.updated_at)).toBeGreaterThan(Date.parse(task.updated_at));
    expect(await (await api.toggle(task.id)).json()).toMatchObject({ completed: false, title: 'toggle me', description: 'as is' });
    expect((await storedTask(task.id))?.completed).toBe(false);
  });

  it('ignores a body', async () => {
    const task = await createTaskVia(api);
    expect(await (await api.toggle(task.id, { rawBody: '{"completed": false}', headers: { 'content-type': 'application/json' } })).json()).toMatchObject({
      completed: true,
    });
  });

  it('answers 404 for a task that does not exist and 422 for a bad id', async () => {
    expect((await api.toggle(randomUUID())).status).toBe(404);
    expect((await api.toggle('nope')).status).toBe(422);
  });
});

describe('DELETE /api/{user_id}/tasks/{id}', () => {
  it('answers 204 with an empty body, then 404 on GET and on a second DELETE', async () => {
    const task = await createTaskVia(api);
    const response = await api.remove(task.id);
    expect(response.status).toBe(204);
    expect(await response.text()).toBe('');
    expect(await storedTask(task.id)).toBeUndefined();
    expect((await api.get(task.id)).status).toBe(404);
    const again = await api.remove(task.id);
    expect(again.status).toBe(404);
    expect((await problemOf(again)).detail).toBe('Task not found');
  });

  it('answers 422 for a bad id', async () => {
    expect((await api.remove('nope')).status).toBe(422);
  });
});

describe('authentication and authorization', () => {
  it('answers 401 with WWW-Authenticate on every route without a token', async () => {
    const task = await createTaskVia(api);
    const anonymous = tasksApi({ id: user.id, headers: {} });
    const calls = [
      anonymous.list(),
      anonymous.create({ title: 't' }),
      anonymous.get(task.id),
      anonymous.put(task.id, { title: 't' }),
      anonymous.patch(task.id, { title: 't' }),
      anonymous.remove(task.id),
      anonymous.toggle(task.id),
    ];
    for (const response of await Promise.all(calls)) {
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect((await problemOf(response)).status).toBe(401);
    }
    expect(await storedTask(task.id)).toMatchObject({ title: task.title, completed: false });
  });

  // The routes do not look the account up before their work (see lib/http/errors.ts): these
  // are the answers that must still ask, and each must be the 401 that comes before all others.
  it("answers 401 on every route to a deleted user's valid token, whatever else is wrong", async () => {
    const gone = await createTestUser();
    const goneApi = tasksApi(gone);
    const task = await createTaskVia(goneApi);
    const someoneElses = await createTaskVia(api);
    // A create whose retry, after the deletion, would otherwise replay its stored answer.
    expect((await goneApi.create({ title: 'kept' }, { headers: { 'idempotency-key': 'before' } })).status).toBe(201);
    await database.current.db.delete(users).where(eq(users.id, gone.id));
    const responses = await Promise.all([
      goneApi.list(),
      goneApi.list({ completed: 'true', q: 'x' }),
      goneApi.list({ limit: '0' }),
      goneApi.create({ title: 'after deletion' }),
      goneApi.create({ title: 'after deletion' }, { headers: { 'idempotency-key': 'k1' } }),
      goneApi.create({ title: 'kept' }, { headers: { 'idempotency-key': 'before' } }),
      goneApi.create({ title: '' }),
      goneApi.create(undefined, { rawBody: '{', headers: { 'content-type': 'application/json' } }),
      goneApi.create({ title: 't' }, { headers: { 'content-type': 'text/plain' } }),
      goneApi.get(task.id),
      goneApi.get(someoneElses.id),
      goneApi.get('not-a-uuid'),
      goneApi.put(task.id, { title: 't' }),
      goneApi.patch(task.id, { title: 't' }),
      goneApi.patch(task.id, { title: 't' }, { headers: { 'if-match': '"1-x"' } }),
      goneApi.remove(task.id),
      goneApi.toggle(task.id),
    ]);
    expect(responses.map((r) => r.status)).toEqual(responses.map(() => 401));
    for (const response of responses) {
      expect(response.headers.get('www-authenticate')).toBe('Bearer');
      expect((await problemOf(response)).detail).toBe('This session has ended (signed out, or the account was deleted); sign in again');
    }
    const left = await database.current.db.select().from(tasks).where(eq(tasks.userId, gone.id));
    expect(left).toEqual([]);
    expect(await storedTask(someoneElses.id)).toMatchObject({ title: someoneElses.title });
  });

  it('answers an empty list, not 401, to a user who has no tasks yet', async () => {
    const fresh = await createTestUser();
    const response = await tasksApi(fresh).list();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual([]);
    expect(response.headers.get('x-total-count')).toBe('0');
  });

  it('answers 401 for a tampered token', async () => {
    const tampered = tasksApi({ id: user.id, headers: { authorization: `Bearer ${user.token.slice(0, -2)}xx` } });
    expect((await tampered.list()).status).toBe(401);
  });

  it.each([
    ['another user\'s id', () => randomUUID()],
    ['a non-UUID', () => 'me'],
  ])('answers 403 on every route for %s as {user_id}', async (_, pathUserId) => {
    const task = await createTaskVia(api);
    const foreign = tasksApi(user, pathUserId());
    const responses = await Promise.all([
      foreign.list(),
      foreign.create({ title: 't' }),
      foreign.get(task.id),
      foreign.put(task.id, { title: 't' }),
      foreign.patch(task.id, { title: 't' }),
      foreign.remove(task.id),
      foreign.toggle(task.id),
    ]);
    expect(responses.map((r) => r.status)).toEqual([403, 403, 403, 403, 403, 403, 403]);
    expect(await storedTask(task.id)).toMatchObject({ title: task.title, completed: false });
  });
});

describe('request bodies and the order of checks', () => {
  it('answers 415 when the body is not application/json', async () => {
    const response = await api.create(undefined, { rawBody: 'title=t', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(response.status).toBe(415);
    expect((await problemOf(response)).status).toBe(415);
    expect((await api.create(undefined, { rawBody: '{"title":"t"}' })).status).toBe(415);
  });

  it('accepts application/json with a charset parameter', async () => {
    const response = await api.create(undefined, { rawBody: '{"title":"t"}', headers: { 'content-type': 'application/json; charset=utf-8' } });
    expect(response.status).toBe(201);
  });

  it('answers 413 for a body over 64 KiB', async () => {
    const body = JSON.stringify({ title: 't', description: 'x'.repeat(65 * 1024) });
    const response = await api.create(undefined, { rawBody: body, headers: { 'content-type': 'application/json' } });
    expect(response.status).toBe(413);
  });

  it.each(['{"title":', 'not json', '', '\u00ff\u00fe'])('answers 400 for the malformed body %j', async (raw) => {
    const response = await api.create(undefined, { rawBody: raw, headers: { 'content-type': 'application/json' } });
    expect(response.status).toBe(400);
    expect((await problemOf(response)).status).toBe(400);
  });

  it('answers 400 for a body that is not valid UTF-8, even where it would be valid JSON', async () => {
    // {"title":"<0xff 0xfe>"}: a decoder that replaced the bad bytes would create a task titled "��".
    const bytes = new Uint8Array([...Buffer.from('{"title":"'), 0xff, 0xfe, ...Buffer.from('"}')]);
    const response = await api.create(undefined, { rawBody: bytes, headers: { 'content-type': 'application/json' } });
    expect(response.status).toBe(400);
    expect((await problemOf(response)).detail).toBe('Request body is not valid UTF-8');
  });

  it('checks 401 before 403 before 415 before 413 before 400 before 422 before 404', async () => {
    const json = { 'content-type': 'application/json' };
    const anonymous = tasksApi({ id: user.id, headers: {} }, 'not-a-uuid');
    expect((await anonymous.put('bad', undefined, { rawBody: '{', headers: { 'content-type': 'text/plain' } })).status).toBe(401);
    expect((await tasksApi(user, randomUUID()).put('bad', undefined, { rawBody: '{', headers: { 'content-type': 'text/plain' } })).status).toBe(403);
    expect((await api.put('bad', undefined, { rawBody: 'x'.repeat(70_000), headers: { 'content-type': 'text/plain' } })).status).toBe(415);
    expect((await api.put('bad', undefined, { rawBody: 'x'.repeat(70_000), headers: json })).status).toBe(413);
    expect((await api.put('bad', undefined, { rawBody: '{', headers: json })).status).toBe(400);
    expect((await api.put('bad', { title: 'valid' })).status).toBe(422);
    expect((await api.put(randomUUID(), { title: '' })).status).toBe(422);
    expect((await api.put(randomUUID(), { title: 'valid' })).status).toBe(404);
  });

  it('reports a bad path, body and header in one 422 with an entry for each', async () => {
    const task = await createTaskVia(api, { title: 'untouched' });
    for (const send of [api.put, api.patch]) {
      const response = await send('not-a-uuid', { title: '' });
      expect(response.status).toBe(422);
      expect((await problemOf(response)).errors?.map((e) => e.path)).toEqual(['id', 'title']);
    }
    const create = await api.create({ title: '', completed: 'no' }, { headers: { 'idempotency-key': 'bad key' } });
    expect(create.status).toBe(422);
    expect((await problemOf(create)).errors?.map((e) => e.path)).toEqual(['title', 'completed', 'idempotency-key']);
    expect((await storedTask(task.id))?.title).toBe('untouched');
  });

  it('never leaks SQL, stacks or driver messages in a client error', async () => {
    const responses = [
      await api.get("00000000-0000-0000-0000-00000000000g"),
      await api.create({ title: 'a\u0000' }),
      await api.create(undefined, { rawBody: '{"title": "x", ', headers: { 'content-type': 'application/json' } }),
      await api.list({ cursor: 'eyJ2IjoiJyBvciAxPTEgLS0ifQ.AAAA' }),
    ];
    for (const response of responses) {
      const text = await response.text();
      expect(response.status).toBeLessThan(500);
      expect(text).not.toMatch(/select|insert|postgres|drizzle|stack|at .*\.ts|node_modules/i);
    }
  });

  it('answers a driver error with a generic 500, and logs its cause without the request\'s values', async () => {
    const task = await createTaskVia(api, { title: 'before the failure' });
    // A trigger stands in for any failure inside the database, after every check has passed.
    await database.current.db.execute(sql`
      create function refuse_update() returns trigger language plpgsql as $$
      begin raise exception 'refused by the test trigger'; end $$`);
    await database.current.db.execute(sql`create trigger refuse_update before update on tasks for each row execute function refuse_update()`);
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const secret = 'hunter2-param-value';
    try {
      const response = await api.patch(task.id, { title: secret, description: `password ${secret}` });
      expect(response.status).toBe(500);
      const doc = await problemOf(response);
      expect(doc).toEqual({ type: 'about:blank', title: 'Internal Server Error', status: 500, detail: 'Something went wrong on our side' });
      const log = logged.mock.calls.flat().join('\n');
      expect(log).toContain('refused by the test trigger');
      expect(log).not.toContain(secret);
    } finally {
      logged.mockRestore();
      await database.current.db.execute(sql`drop trigger refuse_update on tasks`);
      await database.current.db.execute(sql`drop function refuse_update()`);
    }
    expect((await storedTask(task.id))?.title).toBe('before the failure');
  });
});

describe('unsupported methods', () => {
  const cases = [
    { route: routes.list, path: 'list', url: '/api/me/tasks', methods: ['PUT', 'PATCH', 'DELETE'], allow: 'GET, HEAD, POST, OPTIONS' },
    { route: routes.task, path: 'task', url: '/api/me/tasks/x', methods: ['POST'], allow: 'GET, HEAD, PUT, PATCH, DELETE, OPTIONS' },
    { route: routes.complete, path: 'complete', url: '/api/me/tasks/x/complete', methods: ['GET', 'HEAD', 'POST', 'PUT', 'DELETE'], allow: 'PATCH, OPTIONS' },
  ];

  it.each(cases)('answer 405 with Allow on the $path path, before authentication', async ({ route, url, methods, allow }) => {
    for (const method of methods) {
      // No token and a bad {user_id}: 405 still comes first.
      const response = await callRoute(route, method, url, { user_id: 'me', id: 'x' });
      expect(response.status, method).toBe(405);
      expect(response.headers.get('allow')).toBe(allow);
      if (method !== 'HEAD') expect((await problemOf(response)).status).toBe(405);
    }
  });

  it.each(cases)('OPTIONS on the $path path lists only the supported methods', async ({ route, url, allow }) => {
    const response = await callRoute(route, 'OPTIONS', url, {});
    expect(response.status).toBe(204);
    expect(response.headers.get('allow')).toBe(allow);
  });
});
