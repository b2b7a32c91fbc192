import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import * as changesRoute from '@/app/api/[user_id]/tasks/changes/route';
import type { ChangesJson } from '@/lib/sync/schemas';
import type { TaskJson } from '@/lib/tasks/schemas';
import type { ExportDocument } from '@/lib/transfer/schemas';
import { createTestUser, type TestUser } from '@/tests/helpers/auth';
import { withTestDatabase } from '@/tests/helpers/db';
import { callRoute, importDocument, tasksApi, transferApi, type TasksApi } from '@/tests/helpers/requests';

// Every timestamp and date the contract allows, at its edges, read back exactly on this file's
// driver, and every sort paged over them: each task exactly once, and a Link chain that ends.

withTestDatabase();

const CREATED = [
  '0001-01-01T00:00:00.000Z',
  '0050-06-01T00:00:00.000Z',
  '0099-12-31T23:59:59.999Z',
  '0100-01-01T00:00:00.000Z',
  '1899-12-31T23:59:59.999Z',
  '1969-12-31T23:59:59.999Z',
  '1970-01-01T00:00:00.000Z',
  '2026-12-04T13:42:32.123Z',
  '9999-12-31T23:59:59.999Z',
];

const EXTREMES = [
  ...CREATED.map((created_at, i) => ({ title: `created ${created_at}`, created_at, priority: (['none', 'low', 'medium', 'high'] as const)[i % 4] })),
  { title: 'due first day', due_date: '1900-01-01', created_at: CREATED[0] },
  { title: 'due last day', due_date: '9999-12-31', due_time: '23:59', created_at: CREATED[0] },
  { title: 'due last day untimed', due_date: '9999-12-31', created_at: CREATED[8] },
  { title: 'due at midnight', due_date: '2026-02-28', due_time: '00:00', created_at: CREATED[1] },
  { title: 'Z'.repeat(500), created_at: CREATED[2] },
  { title: '😀'.repeat(500), created_at: CREATED[2] },
  { title: '\u0001 control', created_at: CREATED[3] },
  { title: 'É accented', created_at: CREATED[3] },
  { title: 'é accented', created_at: CREATED[3] },
];

let user: TestUser;
let api: TasksApi;
let imported: TaskJson[];

beforeAll(async () => {
  user = await createTestUser();
  api = tasksApi(user);
  const response = await transferApi(user).importJson(importDocument(EXTREMES));
  expect(response.status).toBe(201);
  imported = (await (await api.list({ limit: '200' })).json()) as TaskJson[];
  expect(imported).toHaveLength(EXTREMES.length);
});

const byTitle = (tasks: { title: string; created_at?: string }[]) => Object.fromEntries(tasks.map((t) => [t.title, t.created_at]));

describe('timestamps of years 1 to 9999', () => {
  it('come back exactly as imported, in the list, a task, the export and the changes feed', async () => {
    const expected = byTitle(EXTREMES.map((t) => ({ title: t.title, created_at: t.created_at })));
    expect(byTitle(imported)).toEqual(expected);
    const one = imported.find((t) => t.title === `created ${CREATED[1]}`)!;
    expect(((await (await api.get(one.id)).json()) as TaskJson).created_at).toBe(CREATED[1]);
    const exported = (await (await transferApi(user).export()).json()) as ExportDocument;
    expect(byTitle(exported.tasks)).toEqual(expected);
    const feed = (await (await callRoute(changesRoute, 'GET', `/api/${user.id}/tasks/changes`, { user_id: user.id }, { headers: user.headers })).json()) as ChangesJson;
    expect(byTitle(feed.changes)).toEqual(expected);
  });

  it('refuses a created_at outside years 1 to 9999 in UTC, and stores nothing', async () => {
    for (const created_at of ['0001-01-01T00:00:00+14:00', '9999-12-31T23:59:59.999-00:30']) {
      const response = await transferApi(user).importJson(importDocument([{ title: 'out of range', created_at }]));
      expect(response.status).toBe(422);
      expect(((await response.json()) as { errors: { path: string }[] }).errors.map((e) => e.path)).toEqual(['tasks[0].created_at']);
    }
    expect(((await (await api.list({ q: 'out of range' })).json()) as TaskJson[])).toEqual([]);
  });

  it('keeps an instant with an offset, in UTC, to the millisecond', async () => {
    const other = await createTestUser();
    const response = await transferApi(other).importJson(importDocument([{ title: 'offset', created_at: '0050-06-01T05:30:00.1239+05:30' }]));
    expect(response.status).toBe(201);
    const [task] = (await (await tasksApi(other).list()).json()) as TaskJson[];
    expect(task!.created_at).toBe('0050-06-01T00:00:00.123Z');
  });
});

const SORTS = ['created_at', 'updated_at', 'title', 'due', 'priority', 'position'] as const;

/** Every page of a list, following its Link header; fails if the chain does not end. */
async function walk(query: URLSearchParams): Promise<string[]> {
  const seen: string[] = [];
  let next: string | undefined = query.toString();
  for (let page = 0; next; page++) {
    expect(page, `the Link chain of ${query} does not end`).toBeLessThan(EXTREMES.length + 2);
    const response = await api.list(next);
    expect(response.status).toBe(200);
    seen.push(...((await response.json()) as TaskJson[]).map((t) => t.id));
    const link = response.headers.get('link');
    next = link ? new URL(/^<([^>]+)>/.exec(link)![1]!, 'http://localhost').search.slice(1) : undefined;
  }
  return seen;
}

describe('keyset pagination over extreme values', () => {
  it('walks every task exactly once under every sort, order and page size, and the Link chain ends', async () => {
    const all = imported.map((t) => t.id).sort();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...SORTS), fc.constantFrom('asc', 'desc'), fc.integer({ min: 1, max: 7 }), async (sort, order, limit) => {
        const seen = await walk(new URLSearchParams({ sort, order, limit: String(limit) }));
        expect([...seen].sort()).toEqual(all);
      }),
      { numRuns: 40 },
    );
  });
});
