// A client of the API written as its users write one: types generated from /api/openapi.json
// by openapi-typescript, calls made through openapi-fetch, no casts. typed-client.spec.ts
// typechecks it against the types of the running server's document, then runs it:
//   tsx program.ts <base URL>
// It exits non-zero when an answer is not what the document promises.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import createClient from 'openapi-fetch';
import type { paths } from '@/lib/client/openapi';

const baseUrl = process.argv[2] ?? 'http://localhost:3000';
const api = createClient<paths>({ baseUrl });

const email = `typed-${randomUUID()}@example.com`;
const password = 'correct horse battery staple';

const signup = await api.POST('/api/auth/signup', { body: { email, password, name: 'Ann' } });
assert.equal(signup.response.status, 201);
assert.ok(signup.data);
assert.equal(signup.data.email, email);

const token = await api.POST('/api/auth/token', { body: { email, password } });
assert.ok(token.data, `token: ${token.response.status}`);
assert.equal(token.data.token_type, 'Bearer');
const user_id = token.data.user.id;
assert.equal(user_id, signup.data.id);

const tasks = createClient<paths>({ baseUrl, headers: { Authorization: `Bearer ${token.data.access_token}` } });

const milk = await tasks.POST('/api/{user_id}/tasks', {
  params: { path: { user_id }, header: { 'Idempotency-Key': randomUUID() } },
  body: { title: 'Buy milk', description: '2 litres' },
});
assert.equal(milk.response.status, 201);
assert.ok(milk.data);
assert.equal(milk.data.completed, false);
const id = milk.data.id;

const done = await tasks.POST('/api/{user_id}/tasks', { params: { path: { user_id } }, body: { title: 'Bake bread', completed: true } });
assert.equal(done.data?.completed, true);

const open = await tasks.GET('/api/{user_id}/tasks', {
  params: { path: { user_id }, query: { completed: false, q: 'milk', sort: 'title', order: 'asc', limit: 10 } },
});
assert.ok(open.data, `list: ${open.response.status} ${open.error?.detail}`);
assert.deepEqual(
  open.data.map((task) => task.title),
  ['Buy milk'],
);
assert.equal(open.response.headers.get('X-Total-Count'), '1');

const got = await tasks.GET('/api/{user_id}/tasks/{id}', { params: { path: { user_id, id } } });
assert.equal(got.data?.description, '2 litres');
const etag = got.response.headers.get('ETag') ?? '';

const replaced = await tasks.PUT('/api/{user_id}/tasks/{id}', {
  params: { path: { user_id, id }, header: { 'If-Match': etag } },
  body: { title: 'Buy oat milk', description: null },
});
assert.ok(replaced.data, `put: ${replaced.response.status}`);
assert.equal(replaced.data.title, 'Buy oat milk');
assert.equal(replaced.data.description, null);

const patched = await tasks.PATCH('/api/{user_id}/tasks/{id}', { params: { path: { user_id, id } }, body: { completed: true } });
assert.equal(patched.data?.completed, true);

const toggled = await tasks.PATCH('/api/{user_id}/tasks/{id}/complete', { params: { path: { user_id, id } } });
assert.equal(toggled.data?.completed, false);
assert.ok(toggled.data && Date.parse(toggled.data.updated_at) >= Date.parse(toggled.data.created_at));

const invalid = await tasks.POST('/api/{user_id}/tasks', { params: { path: { user_id } }, body: { title: '   ' } });
assert.equal(invalid.response.status, 422);
assert.equal(invalid.response.headers.get('Content-Type'), 'application/problem+json');
assert.equal(invalid.error?.status, 422);
assert.deepEqual(
  invalid.error?.errors?.map((error) => error.path),
  ['title'],
);

const deleted = await tasks.DELETE('/api/{user_id}/tasks/{id}', { params: { path: { user_id, id } } });
assert.equal(deleted.response.status, 204);

const gone = await tasks.GET('/api/{user_id}/tasks/{id}', { params: { path: { user_id, id } } });
assert.equal(gone.response.status, 404);
assert.equal(gone.error?.detail, 'Task not found');

const health = await api.GET('/api/health');
assert.equal(health.data?.status, 'ok');

const document = await api.GET('/api/openapi.json');
assert.equal(document.response.status, 200);

// The account goes, so a deployment's database is left as the program found it.
const closed = await tasks.DELETE('/api/{user_id}/account', { params: { path: { user_id } }, body: { password } });
assert.equal(closed.response.status, 204);
const afterwards = await api.POST('/api/auth/token', { body: { email, password } });
assert.equal(afterwards.response.status, 401);

console.log('typed client: every call answered as the document says');
