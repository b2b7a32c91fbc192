import { beforeAll, describe, expect, it } from 'vitest';
import type { TaskJson } from '@/lib/tasks/schemas';
import { createTestUser } from '@/tests/helpers/auth';
import { withTestDatabase } from '@/tests/helpers/db';
import { createTaskVia, problemOf, tasksApi, type TasksApi } from '@/tests/helpers/requests';

withTestDatabase();

let api: TasksApi;
let all: TaskJson[];

// Ties and nulls on purpose: equal dates, dates with and without a time, no date, equal priorities.
const BODIES = [
  { title: 'a', due_date: '2026-12-01', due_time: '09:00', priority: 'high', labels: ['home', 'Errands'] },
  { title: 'b', due_date: '2026-12-01', priority: 'high', labels: ['home'] },
  { title: 'c', due_date: '2026-12-01', due_time: '09:00', priority: 'low' },
  { title: 'd', priority: 'medium', labels: ['errands'] },
  { title: 'e' },
  { title: 'f', due_date: '2026-11-30', due_time: '23:59', labels: ['HOME', 'errands'] },
  { title: 'g', due_date: '2027-01-01', priority: 'medium' },
  { title: 'h' },
];

beforeAll(async () => {
  api = tasksApi(await createTestUser());
  all = [];
  for (const body of BODIES) all.push(await createTaskVia(api, body));
});

/** Every page of a list, following the Link header with `limit` per page. */
async function walk(query: Record<string, string> | string[][], limit: number): Promise<TaskJson[]> {
  const seen: TaskJson[] = [];
  const first = new URLSearchParams(query);
  first.set('limit', String(limit));
  let next: string | undefined = first.toString();
  while (next) {
    const response = await api.list(next);
    expect(response.status).toBe(200);
    seen.push(...((await response.json()) as TaskJson[]));
    const link = response.headers.get('link');
    next = link ? new URL(/^<([^>]+)>/.exec(link)![1]!, 'http://localhost').search.slice(1) : undefined;
  }
  return seen;
}

const titles = (list: TaskJson[]) => list.map((t) => t.title).join('');
const sortedIds = (list: TaskJson[]) => list.map((t) => t.id).sort();
const byId = (x: TaskJson, y: TaskJson) => (x.id < y.id ? -1 : 1);

describe('planning sorts and filters, page by page', () => {
  it('sort=due: date, then no time before a time, no date last in both orders, ties on id', async () => {
    const asc = await walk({ sort: 'due' }, 2);
    const timedTies = [all[0]!, all[2]!].sort(byId).map((t) => t.title).join('');
    const undated = [all[3]!, all[4]!, all[7]!].sort(byId);
    expect(titles(asc)).toBe(`fb${timedTies}g${titles(undated)}`);
    const desc = await walk({ sort: 'due', order: 'desc' }, 3);
    expect(titles(desc)).toBe(`g${timedTies.split('').reverse().join('')}bf${titles([...undated].reverse())}`);
  });

  it('sort=priority: high first in desc, ties on id, every task once', async () => {
    for (const limit of [1, 3]) {
      const desc = await walk({ sort: 'priority' }, limit);
      const rank = { high: 3, medium: 2, low: 1, none: 0 } as const;
      const expected = [...all].sort((x, y) => rank[y.priority] - rank[x.priority] || (x.id < y.id ? 1 : -1));
      expect(desc.map((t) => t.id)).toEqual(expected.map((t) => t.id));
    }
  });

  it('sort=position: newest on top by default (asc), every task once', async () => {
    expect(titles(await walk({ sort: 'position' }, 3))).toBe('hgfedcba');
    expect(titles(await walk({ sort: 'position', order: 'desc' }, 3))).toBe('abcdefgh');
  });

  it('filters: priority any of, label all of (case-insensitive), due range, has_due', async () => {
    expect(sortedIds(await walk({ priority: 'high,medium' }, 2))).toEqual(sortedIds(all.filter((t) => ['high', 'medium'].includes(t.priority))));
    expect(titles(await walk({ sort: 'position', label: 'HOME' }, 1))).toBe('fba');
    expect(titles(await walk([['label', 'home'], ['label', 'ERRANDS'], ['sort', 'due']], 1))).toBe('fa');
    expect(await walk({ label: 'nope' }, 5)).toEqual([]);
    expect(titles(await walk({ sort: 'due', due_from: '2026-12-01', due_to: '2026-12-31' }, 1)).length).toBe(3);
    expect(titles(await walk({ sort: 'due', due_to: '2026-12-01' }, 1))[0]).toBe('f');
    expect(titles(await walk({ sort: 'position', has_due: 'false' }, 1))).toBe('hed');
    expect((await walk({ has_due: 'true' }, 2)).length).toBe(5);
  });

  it('repeats every filter in the Link, and a cursor of other filters answers 422', async () => {
    const query = new URLSearchParams([['label', 'home'], ['label', 'errands'], ['due_from', '2026-01-01'], ['has_due', 'true'], ['limit', '1']]);
    const first = await api.list(query.toString());
    const link = first.headers.get('link')!;
    const next = new URL(/^<([^>]+)>/.exec(link)![1]!, 'http://localhost').searchParams;
    expect(next.getAll('label')).toEqual(['home', 'errands']);
    expect([next.get('due_from'), next.get('has_due'), next.get('sort'), next.get('order')]).toEqual(['2026-01-01', 'true', 'created_at', 'desc']);
    const second = await api.list(next.toString());
    expect(((await second.json()) as TaskJson[]).map((t) => t.title)).toEqual(['a']);
    const cursor = next.get('cursor')!;
    const mismatch = await api.list([...query, ['label', 'x'], ['cursor', cursor]].map((p) => p.map(encodeURIComponent).join('=')).join('&'));
    expect(mismatch.status).toBe(422);
    expect((await problemOf(mismatch)).errors?.[0]?.path).toBe('cursor');
  });

  it('answers 422 naming the parameter for bad values', async () => {
    for (const [name, value] of [['priority', 'urgent'], ['priority', 'high,'], ['due_from', '2026-02-30'], ['has_due', 'yes'], ['sort', 'rank'], ['label', '']]) {
      const response = await api.list({ [name!]: value! });
      expect(response.status).toBe(422);
      expect((await problemOf(response)).errors?.[0]?.path.split('.')[0]).toBe(name);
    }
  });
});
