import { beforeAll, describe, expect, it } from 'vitest';
import { addDaysTo, localToday } from '@/lib/client/dates';
import { viewCounts, viewTasks } from '@/lib/client/local-list';
import type { Task, TaskFilter } from '@/lib/client/task';
import { viewQuery, type View } from '@/lib/client/views';
import { createTestUser } from '@/tests/helpers/auth';
import { withTestDatabase } from '@/tests/helpers/db';
import { createProjectVia, createTaskVia, projectsApi, tasksApi, type TasksApi } from '@/tests/helpers/requests';

// The web app computes every view from the device's copy of the tasks (lib/client/local-list.ts);
// the API's list with the view's query is the reference. For every view, completion filter and
// search: the same tasks, in the same order, and the same counts.

withTestDatabase();

let api: TasksApi;
let userId: string;
let all: Task[];
let projectOrder: string[];
const now = new Date();

beforeAll(async () => {
  const user = await createTestUser();
  userId = user.id;
  api = tasksApi(user);
  const projects = projectsApi(user);
  const home = await createProjectVia(projects, { name: 'Home' });
  const work = await createProjectVia(projects, { name: 'Work' });
  const today = localToday(now);
  // Varied on purpose: every list, dates around today (with and without times), labels in any case, subtasks, some done.
  let seed = 7;
  const next = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
  const made: { id: string; project: string | null; depth: number }[] = [];
  for (let i = 0; i < 60; i++) {
    const project = [null, home.id, work.id][next(3)]!;
    const offset = next(12) - 3;
    const parent = next(4) === 0 ? made.filter((t) => t.project === project && t.depth < 3).at(-1) : undefined;
    const dated = next(4) !== 0;
    const task = await createTaskVia(api, {
      title: `${['Plan', 'Call', 'Pay', 'Water'][next(4)]} ${['plants', 'mum', 'rent', 'bank'][next(4)]} ${i}`,
      ...(next(3) === 0 && { description: 'an errand' }),
      ...(dated && { due_date: addDaysTo(today, offset) }),
      ...(dated && next(3) === 0 && { due_time: `${String(8 + next(10)).padStart(2, '0')}:${next(2) ? '30' : '00'}` }),
      labels: [['home'], ['Errand'], [], ['errand', 'home']][next(4)],
      ...(parent ? { parent_id: parent.id } : project && { project_id: project }),
    });
    made.push({ id: task.id, project: task.project_id, depth: parent ? parent.depth + 1 : 0 });
    if (next(3) === 0) expect((await api.toggle(task.id)).status).toBe(200);
  }
  // Some manual order, so that positions are not only creation order.
  for (let i = 0; i < 10; i++) {
    const [a, b] = [made[next(made.length)]!, made[next(made.length)]!];
    if (a.id !== b.id && a.project === b.project) await api.move(a.id, { after: b.id });
  }
  all = (await (await api.list({ limit: '200' })).json()) as Task[];
  projectOrder = ((await (await projects.list()).json()) as { id: string }[]).map((p) => p.id);
});

async function serverList(query: Record<string, unknown>): Promise<{ ids: string[]; total: number }> {
  const flat = Object.fromEntries(Object.entries(query).map(([key, value]) => [key, Array.isArray(value) ? value.map(String) : String(value)]));
  const response = await api.list({ ...flat, limit: '200' });
  expect(response.status).toBe(200);
  return { ids: ((await response.json()) as Task[]).map((t) => t.id), total: Number(response.headers.get('x-total-count')) };
}

const VIEWS = (): View[] => [
  { kind: 'inbox' },
  { kind: 'project', id: projectOrder[0]! },
  { kind: 'project', id: projectOrder[1]! },
  { kind: 'label', name: 'errand' },
  { kind: 'label', name: 'HOME' },
  { kind: 'today' },
  { kind: 'upcoming' },
  { kind: 'assigned' },
];

describe('a view computed on the device', () => {
  it('lists what the API lists for the view, in its order, for every filter and search', async () => {
    let compared = 0;
    for (const view of VIEWS()) {
      for (const filter of ['all', 'active', 'completed'] as TaskFilter[]) {
        for (const q of ['', 'pay', 'ERRAND']) {
          const query = { ...viewQuery(view, now), ...(filter !== 'all' && { completed: filter === 'completed' }), ...(q && { q }) };
          const local = viewTasks(all, view, { userId, now, filter, q, projectOrder }).map((t) => t.id);
          expect(local, `${JSON.stringify(view)} ${filter} ${q}`).toEqual((await serverList(query)).ids);
          compared += local.length;
        }
      }
    }
    // Not a comparison of empty lists.
    expect(compared).toBeGreaterThan(200);
  });

  it('counts open and done tasks as the API does', async () => {
    for (const view of VIEWS()) {
      const counts = viewCounts(all, view, { userId, now });
      expect(counts.open, JSON.stringify(view)).toBe((await serverList({ ...viewQuery(view, now), completed: false })).total);
      if (view.kind === 'today' || view.kind === 'upcoming' || view.kind === 'assigned') expect(counts.done).toBe(0);
      else expect(counts.done, JSON.stringify(view)).toBe((await serverList({ ...viewQuery(view, now), completed: true })).total);
    }
  });
});
