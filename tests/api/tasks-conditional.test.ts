import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { tasks } from '@/lib/db/schema';
import type { TaskJson } from '@/lib/tasks/schemas';
import { createTestUser } from '@/tests/helpers/auth';
import { withTestDatabase } from '@/tests/helpers/db';
import { createTaskVia, problemOf, tasksApi, type TasksApi } from '@/tests/helpers/requests';

const database = withTestDatabase();

let api: TasksApi;

beforeAll(async () => {
  api = tasksApi(await createTestUser());
});

async function storedRow(id: string) {
  const [row] = await database.current.db.select().from(tasks).where(eq(tasks.id, id));
  return row!;
}

async function etagOf(id: string): Promise<string> {
  const etag = (await api.get(id)).headers.get('etag');
  if (!etag) throw new Error('no ETag');
  return etag;
}

describe('ETag and If-None-Match', () => {
  it('sends the same ETag on create and GET, and a new one after every change', async () => {
    const created = await api.create({ title: 'versioned' });
    const task = (await created.json()) as TaskJson;
    const tag0 = created.headers.get('etag');
    expect(tag0).toBe(await etagOf(task.id));
    const tag1 = (await api.patch(task.id, { title: 'v2' })).headers.get('etag');
    const tag2 = (await api.put(task.id, { title: 'v3' })).headers.get('etag');
    const tag3 = (await api.toggle(task.id)).headers.get('etag');
    expect(new Set([tag0, tag1, tag2, tag3]).size).toBe(4);
    expect(await etagOf(task.id)).toBe(tag3);
  });

  it("carries each task's ETag in its JSON, in a list too, so a client can send If-Match for the version it shows", async () => {
    const task = await createTaskVia(api, { title: 'tagged' });
    expect(task.etag).toBe(await etagOf(task.id));
    const listed = ((await (await api.list({ q: 'tagged' })).json()) as TaskJson[]).find((t) => t.id === task.id)!;
    expect(listed.etag).toBe(task.etag);
    expect((await api.patch(task.id, { title: 'tagged, edited' }, { headers: { 'if-match': listed.etag } })).status).toBe(200);
    expect((await api.patch(task.id, { title: 'tagged, stale' }, { headers: { 'if-match': listed.etag } })).status).toBe(412);
  });

  it('answers 304 with the ETag and no body when If-None-Match names the current version', async () => {
    const task = await createTaskVia(api);
    const etag = await etagOf(task.id);
    for (const header of [etag, `"other", ${etag}`, `W/${etag}`, '*']) {
      const response = await api.get(task.id, { headers: { 'if-none-match': header } });
      expect(response.status, header).toBe(304);
      expect(response.headers.get('etag')).toBe(etag);
      expect(await response.text()).toBe('');
    }
  });

  it('answers 200 when If-None-Match names an older version', async () => {
    const task = await createTaskVia(api);
    const old = await etagOf(task.id);
    await api.toggle(task.id);
    const response = await api.get(task.id, { headers: { 'if-none-match': old } });
    expect(response.status).toBe(200);
    expect(((await response.json()) as TaskJson).completed).toBe(true);
  });

  it('never matches the ETag of another task', async () => {
    const a = await createTaskVia(api);
    const b = await createTaskVia(api);
    const tagOfA = await etagOf(a.id);
    expect((await api.get(b.id, { headers: { 'if-none-match': tagOfA } })).status).toBe(200);
    expect((await api.patch(b.id, { title: 'x' }, { headers: { 'if-match': tagOfA } })).status).toBe(412);
  });
});

describe('If-Match on writes', () => {
  const writes: [string, (id: string, headers: Record<string, string>) => Promise<Response>][] = [
    ['PUT', (id, headers) => api.put(id, { title: 'changed' }, { headers })],
    ['PATCH', (id, headers) => api.patch(id, { title: 'changed', completed: true }, { headers })],
    ['toggle', (id, headers) => api.toggle(id, { headers })],
    ['DELETE', (id, headers) => api.remove(id, { headers })],
  ];

  it.each(writes)('%s with a stale tag answers 412 with the current ETag and changes nothing', async (_, write) => {
    const task = await createTaskVia(api, { title: 'original' });
    const stale = await etagOf(task.id);
    await api.patch(task.id, { description: 'someone else was here' });
    const before = await storedRow(task.id);
    const response = await write(task.id, { 'if-match': stale });
    expect(response.status).toBe(412);
    expect((await problemOf(response)).status).toBe(412);
    expect(response.headers.get('etag')).toBe(await etagOf(task.id));
    expect(await storedRow(task.id)).toEqual(before);
  });

  it.each(writes)('%s with the current tag, * or a list containing it succeeds', async (name, write) => {
    for (const header of [(tag: string) => tag, () => '*', (tag: string) => `"1-nope", ${tag}`]) {
      const task = await createTaskVia(api, { title: 'original' });
      const response = await write(task.id, { 'if-match': header(await etagOf(task.id)) });
      expect(response.status, name).toBe(name === 'DELETE' ? 204 : 200);
    }
  });

  it.each(writes)('%s answers 412 for a weak or malformed tag', async (_, write) => {
    const task = await createTaskVia(api);
    const tag = await etagOf(task.id);
    for (const header of [`W/${tag}`, 'garbage', '""', tag.slice(1, -1)]) {
      expect((await write(task.id, { 'if-match': header })).status, header).toBe(412);
    }
  });

  it.each(writes)('%s answers 412, not a server error, to a well-formed tag of a version past year 9999', async (_, write) => {
    const task = await createTaskVia(api);
    const ms = Date.UTC(10000, 0, 1);
    const digest = createHash('sha256').update(`${task.id}:${ms}`).digest('base64url').slice(0, 12);
    expect((await write(task.id, { 'if-match': `"${ms}-${digest}"` })).status).toBe(412);
  });

  it.each(writes)('%s answers 404, not 412, for a missing task with a tag', async (_, write) => {
    const task = await createTaskVia(api);
    const tag = await etagOf(task.id);
    await api.remove(task.id);
    for (const header of [tag, '*']) expect((await write(task.id, { 'if-match': header })).status).toBe(404);
  });

  it('lets only one of two writers holding the same tag win', async () => {
    const task = await createTaskVia(api, { title: 'contested' });
    const tag = await etagOf(task.id);
    const [a, b] = await Promise.all([
      api.patch(task.id, { title: 'writer A' }, { headers: { 'if-match': tag } }),
      api.patch(task.id, { title: 'writer B' }, { headers: { 'if-match': tag } }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 412]);
    const winner = (await (a.status === 200 ? a : b).json()) as TaskJson;
    expect((await storedRow(task.id)).title).toBe(winner.title);
  });
});

describe('concurrent toggles', () => {
  it('leaves a false task true after 9 concurrent toggles: no lost update', async () => {
    const task = await createTaskVia(api, { title: 'flip', completed: false });
    const responses = await Promise.all(Array.from({ length: 9 }, () => api.toggle(task.id)));
    expect(responses.map((r) => r.status)).toEqual(Array(9).fill(200));
    const states = (await Promise.all(responses.map((r) => r.json()))) as TaskJson[];
    // Each toggle saw a distinct state: five answers say true, four say false.
    expect(states.filter((s) => s.completed)).toHaveLength(5);
    expect((await storedRow(task.id)).completed).toBe(true);
    expect(((await (await api.get(task.id)).json()) as TaskJson).completed).toBe(true);
  });

  it('keeps every updated_at distinct and increasing across concurrent toggles', async () => {
    const task = await createTaskVia(api);
    const responses = await Promise.all(Array.from({ length: 6 }, () => api.toggle(task.id)));
    const stamps = ((await Promise.all(responses.map((r) => r.json()))) as TaskJson[]).map((t) => Date.parse(t.updated_at));
    expect(new Set(stamps).size).toBe(6);
    expect(Math.min(...stamps)).toBeGreaterThan(Date.parse(task.updated_at));
  });
});
