import { beforeAll, describe, expect, it } from 'vitest';
import type { TaskJson } from '@/lib/tasks/schemas';
import { createTestUser } from '@/tests/helpers/auth';
import { withTestDatabase } from '@/tests/helpers/db';
import { createTaskVia, problemOf, tasksApi, type TasksApi } from '@/tests/helpers/requests';

withTestDatabase();

/** The query string of the `rel="next"` link, or undefined on the last page. */
function nextQuery(response: Response): string | undefined {
  const link = response.headers.get('link');
  if (!link) return undefined;
  const match = /^<([^>]+)>; rel="next"$/.exec(link);
  if (!match) throw new Error(`unexpected Link header: ${link}`);
  return new URL(match[1]!, 'http://localhost').search.slice(1);
}

async function listed(response: Response): Promise<TaskJson[]> {
  expect(response.status).toBe(200);
  return (await response.json()) as TaskJson[];
}

const ids = (list: TaskJson[]) => list.map((t) => t.id);

describe('filters and sort', () => {
  let api: TasksApi;
  let all: TaskJson[];

  beforeAll(async () => {
    api = tasksApi(await createTestUser());
    all = [];
    for (const body of [
      { title: 'Banana bread', description: 'bake on sunday' },
      { title: 'apple pie', completed: true },
      { title: 'Cherry jam', description: 'needs APPLES and sugar' },
      { title: 'same', description: '100% done_now' },
      { title: 'SAME', completed: true },
      { title: 'dates' },
    ]) {
      all.push(await createTaskVia(api, body));
    }
  });

  it('sorts by created_at descending by default, ties on id, and counts in X-Total-Count', async () => {
    const response = await api.list();
    const tasks = await listed(response);
    expect(response.headers.get('x-total-count')).toBe('6');
    expect(response.headers.get('link')).toBeNull();
    const expected = [...all].sort((a, b) => b.created_at.localeCompare(a.created_at) || (b.id < a.id ? -1 : 1));
    expect(ids(tasks)).toEqual(ids(expected));
  });

  it('sorts ascending with order=asc', async () => {
    const asc = await listed(await api.list({ order: 'asc' }));
    const desc = await listed(await api.list({ order: 'desc' }));
    expect(ids(asc)).toEqual(ids(desc).reverse());
  });

  it('sorts titles case-insensitively, with ties broken on id', async () => {
    const titles = (await listed(await api.list({ sort: 'title', order: 'asc' }))).map((t) => t.title);
    expect(titles.slice(0, 4)).toEqual(['apple pie', 'Banana bread', 'Cherry jam', 'dates']);
    expect(new Set(titles.slice(4))).toEqual(new Set(['same', 'SAME']));
    const sames = (await listed(await api.list({ sort: 'title', order: 'asc' }))).slice(4);
    expect(sames[0]!.id < sames[1]!.id).toBe(true);
    const descending = (await listed(await api.list({ sort: 'title', order: 'desc' }))).map((t) => t.title);
    expect(descending.slice(2)).toEqual(['dates', 'Cherry jam', 'Banana bread', 'apple pie']);
  });

  it('sorts by updated_at', async () => {
    await api.patch(all[0]!.id, { description: 'touched' });
    const tasks = await listed(await api.list({ sort: 'updated_at' }));
    expect(tasks[0]!.id).toBe(all[0]!.id);
  });

  it('filters on completed', async () => {
    const done = await listed(await api.list({ completed: 'true' }));
    expect(done.map((t) => t.title).sort()).toEqual(['SAME', 'apple pie']);
    const open = await api.list({ completed: 'false' });
    expect(open.headers.get('x-total-count')).toBe('4');
    expect((await listed(open)).every((t) => !t.completed)).toBe(true);
  });

  it('searches title and description case-insensitively with q', async () => {
    const apples = await listed(await api.list({ q: 'aPPle', sort: 'title', order: 'asc' }));
    expect(apples.map((t) => t.title)).toEqual(['apple pie', 'Cherry jam']);
    const combined = await api.list({ q: 'apple', completed: 'true' });
    expect((await listed(combined)).map((t) => t.title)).toEqual(['apple pie']);
    expect(combined.headers.get('x-total-count')).toBe('1');
  });

  it('treats %, _ and \\ in q as plain characters', async () => {
    expect((await listed(await api.list({ q: '100%' }))).map((t) => t.title)).toEqual(['same']);
    expect((await listed(await api.list({ q: '%' }))).map((t) => t.title)).toEqual(['same']);
    expect((await listed(await api.list({ q: '_' }))).map((t) => t.title)).toEqual(['same']);
    expect(await listed(await api.list({ q: '_____________' }))).toEqual([]);
    expect(await listed(await api.list({ q: '\\' }))).toEqual([]);
  });

  it('accepts q of 200 characters and refuses 201', async () => {
    expect((await api.list({ q: '😀'.repeat(200) })).status).toBe(200);
    for (const q of ['x'.repeat(201), `\u0000${'x'.repeat(201)}`]) {
      const response = await api.list({ q });
      expect(response.status).toBe(422);
      expect((await problemOf(response)).errors?.map((e) => e.path)).toEqual(['q']);
    }
  });

  it('limits the page with limit (1 to 200) and ignores unknown parameters', async () => {
    const one = await api.list({ limit: '1', colour: 'red' });
    expect(await listed(one)).toHaveLength(1);
    expect(one.headers.get('x-total-count')).toBe('6');
    expect((await api.list({ limit: '200' })).status).toBe(200);
  });

  it.each([
    ['completed=yes', 'completed'],
    ['completed=1', 'completed'],
    ['sort=rank', 'sort'],
    ['order=up', 'order'],
    ['limit=0', 'limit'],
    ['limit=201', 'limit'],
    ['limit=abc', 'limit'],
    ['limit=2.5', 'limit'],
    ['q=a%00b', 'q'],
  ])('answers 422 for %s, naming the parameter', async (query, param) => {
    const response = await api.list(query);
    expect(response.status).toBe(422);
    expect((await problemOf(response)).errors?.map((e) => e.path)).toEqual([param]);
  });

  it('reports every bad parameter at once', async () => {
    const response = await api.list('sort=x&order=y&limit=-1&completed=maybe');
    expect((await problemOf(response)).errors?.map((e) => e.path).sort()).toEqual(['completed', 'limit', 'order', 'sort']);
  });
});

describe('keyset pagination', () => {
  let api: TasksApi;

  beforeAll(async () => {
    api = tasksApi(await createTestUser());
    const titles = ['kiwi', 'Fig', 'lime', 'Apple', 'mango', 'Grape', 'pear', 'Date', 'plum', 'Lemon', 'kiwi', 'FIG'];
    for (const [i, title] of titles.entries()) await createTaskVia(api, { title, completed: i % 3 === 0 });
  });

  it('sends a Link to the next page that repeats filters and sort, and none on the last page', async () => {
    const first = await api.list({ completed: 'false', q: 'i', sort: 'title', order: 'asc', limit: '2' });
    expect(first.headers.get('x-total-count')).toBe('4');
    const link = first.headers.get('link');
    expect(link).toMatch(/^<\/api\/[0-9a-f-]+\/tasks\?[^>]+>; rel="next"$/);
    const params = new URLSearchParams(nextQuery(first));
    expect(Object.fromEntries(params)).toMatchObject({ completed: 'false', q: 'i', sort: 'title', order: 'asc', limit: '2' });
    expect(params.get('cursor')).toBeTruthy();
    const second = await api.list(nextQuery(first));
    expect(await listed(second)).toHaveLength(2);
    expect(second.headers.get('x-total-count')).toBe('4');
    expect(second.headers.get('link')).toBeNull();
  });

  it('follows the Link of a list with an empty q, which filters nothing', async () => {
    const first = await api.list({ q: '', limit: '5' });
    expect(first.headers.get('x-total-count')).toBe((await api.list()).headers.get('x-total-count'));
    const second = await api.list(nextQuery(first));
    expect(second.status).toBe(200);
    expect(await listed(second)).toHaveLength(5);
  });

  it('still counts on a page that came out empty because the tasks after the cursor were deleted', async () => {
    const own = tasksApi(await createTestUser());
    for (const title of ['one', 'two', 'three']) await createTaskVia(own, { title });
    const first = await own.list({ sort: 'title', order: 'asc', limit: '2' });
    expect(ids(await listed(first))).toHaveLength(2);
    const [rest] = await listed(await own.list({ sort: 'title', order: 'asc', limit: '1', q: 'two' }));
    expect((await own.remove(rest!.id)).status).toBe(204);
    const second = await own.list(nextQuery(first));
    expect(await listed(second)).toEqual([]);
    expect(second.headers.get('x-total-count')).toBe('2');
    expect(second.headers.get('link')).toBeNull();
  });

  it('omits Link when the last page is exactly full', async () => {
    const response = await api.list({ limit: '12' });
    expect(await listed(response)).toHaveLength(12);
    expect(response.headers.get('link')).toBeNull();
  });

  for (const sort of ['created_at', 'updated_at', 'title'] as const) {
    for (const order of ['asc', 'desc'] as const) {
      it(`walks every task exactly once by ${sort} ${order}, while tasks are created and deleted between pages`, async () => {
        const everything = await listed(await api.list({ sort, order, limit: '200' }));
        const seen: string[] = [];
        const deleted = new Set<string>();
        let query: string | undefined = new URLSearchParams({ sort, order, limit: '3' }).toString();
        for (let page = 0; query; page++) {
          const response = await api.list(query);
          const tasks = await listed(response);
          seen.push(...ids(tasks));
          query = nextQuery(response);
          // Between pages: a new task, and the deletion of the row the cursor points at.
          await createTaskVia(api, { title: `Added between pages ${sort} ${order} ${page}` });
          const last = tasks.at(-1);
          if (last && page % 2 === 0) {
            expect((await api.remove(last.id)).status).toBe(204);
            deleted.add(last.id);
          }
          expect(page).toBeLessThan(50);
        }
        expect(new Set(seen).size).toBe(seen.length);
        const initial = ids(everything);
        expect(initial.filter((id) => !seen.includes(id))).toEqual([]);
        // What was seen of the original tasks came in the original order.
        expect(seen.filter((id) => initial.includes(id))).toEqual(initial);
        expect(seen.filter((id) => deleted.has(id))).toHaveLength(deleted.size);
      });
    }
  }

  it('answers 422 to a cursor used with other filters or sort', async () => {
    const first = await api.list({ sort: 'title', limit: '2' });
    const cursor = new URLSearchParams(nextQuery(first)).get('cursor')!;
    const changedQueries: Record<string, string>[] = [
      { sort: 'created_at', cursor },
      { sort: 'title', order: 'asc', cursor },
      { sort: 'title', completed: 'true', cursor },
      { sort: 'title', q: 'a', cursor },
    ];
    for (const changed of changedQueries) {
      const response = await api.list(changed);
      expect(response.status).toBe(422);
      expect((await problemOf(response)).errors?.map((e) => e.path)).toEqual(['cursor']);
    }
    expect((await api.list({ sort: 'title', limit: '5', cursor })).status).toBe(200);
  });

  it("answers 422 to another user's cursor", async () => {
    const first = await api.list({ limit: '1' });
    const cursor = new URLSearchParams(nextQuery(first)).get('cursor')!;
    const other = tasksApi(await createTestUser());
    expect((await other.list({ limit: '1', cursor })).status).toBe(422);
  });

  it('answers 422 to a tampered or made-up cursor', async () => {
    const first = await api.list({ limit: '1' });
    const cursor = new URLSearchParams(nextQuery(first)).get('cursor')!;
    const [payload, signature] = cursor.split('.') as [string, string];
    const decoded = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    const forged = Buffer.from(JSON.stringify({ ...decoded, v: '1970-01-01T00:00:00.000Z' })).toString('base64url');
    // A different first character: the last one's low bits are padding, so changing it may not
    // change the signature's bytes at all.
    const otherSignature = `${signature.startsWith('A') ? 'B' : 'A'}${signature.slice(1)}`;
    for (const bad of [
      `${forged}.${signature}`,
      `${payload}.${otherSignature}`,
      payload,
      'garbage',
      '',
      '...',
      Buffer.from('{"v":"x","i":"y","f":"z"}').toString('base64url'),
    ]) {
      const response = await api.list({ limit: '1', cursor: bad });
      expect(response.status, bad).toBe(422);
    }
  });
});

describe('pagination by long non-ASCII titles', () => {
  it('follows every Link of titles of 500 emoji or 500 control characters (the longest cursors)', async () => {
    const api = tasksApi(await createTestUser());
    const titles = [
      ...['😀', '😁', '😂', '🤣'].map((last) => '🙂'.repeat(499) + last),
      // JSON escapes each of these as \u0001: six bytes a character, the longest a title can be.
      ...['\u0002', '\u0003', '\u0004'].map((last) => '\u0001'.repeat(499) + last),
    ];
    const created = new Set<string>();
    for (const title of titles) created.add((await createTaskVia(api, { title })).id);
    for (const order of ['asc', 'desc'] as const) {
      const seen: string[] = [];
      let query: string | undefined = new URLSearchParams({ sort: 'title', order, limit: '1' }).toString();
      while (query) {
        const response = await api.list(query);
        seen.push(...ids(await listed(response)));
        query = nextQuery(response);
        expect(seen.length).toBeLessThanOrEqual(titles.length);
      }
      expect(new Set(seen)).toEqual(created);
      expect(seen).toHaveLength(titles.length);
    }
  });
});
