import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ProjectJson } from '@/lib/projects/schemas';
import type { TaskJson } from '@/lib/tasks/schemas';
import { createTestUser } from '@/tests/helpers/auth';
import { withTestDatabase } from '@/tests/helpers/db';
import { createProjectVia, createTaskVia, projectsApi, tasksApi, type TasksApi } from '@/tests/helpers/requests';

// Keyset pagination with the project and parent filters, under every sort and order: following
// the Link chain lists every matching task exactly once, in the order one long page shows, even
// when tasks are created in other lists between pages. Without a project filter the pages run
// across the Inbox and every project (a lateral join per list, lib/tasks/list.ts).

withTestDatabase();

let api: TasksApi;
let projects: ProjectJson[];
let made: TaskJson[];

beforeAll(async () => {
  const user = await createTestUser();
  api = tasksApi(user);
  const projectsOf = projectsApi(user);
  projects = [];
  for (const name of ['Home', 'Work', 'Empty']) projects.push(await createProjectVia(projectsOf, { name }));
  // The sidebar order is not the creation order.
  await projectsOf.move(projects[1]!.id, { to: 'top' });
  made = [];
  const lists = [null, projects[0]!.id, projects[1]!.id];
  for (let i = 0; i < 24; i++) {
    const project_id = lists[i % 3]!;
    const parent = i >= 6 && i % 4 === 0 ? made.find((t) => t.project_id === project_id && t.parent_id === null) : undefined;
    made.push(
      await createTaskVia(api, {
        // Ties on purpose: equal titles, dates and priorities break on id.
        title: `task ${i % 5}`,
        ...(parent ? { parent_id: parent.id } : { project_id }),
        completed: i % 7 === 0,
        due_date: i % 3 === 0 ? null : `2026-12-0${(i % 4) + 1}`,
        priority: (['none', 'low', 'high'] as const)[i % 3],
      }),
    );
  }
});

const SORTS = ['created_at', 'updated_at', 'title', 'due', 'priority', 'position'] as const;

/** Every page of a list, following its Link header; between the first two pages, `between` runs. */
async function walk(query: URLSearchParams, between: () => Promise<unknown>): Promise<string[]> {
  const seen: string[] = [];
  let next: string | undefined = query.toString();
  for (let page = 0; next; page++) {
    expect(page, `the Link chain of ${query} does not end`).toBeLessThan(made.length + 5);
    const response = await api.list(next);
    expect(response.status).toBe(200);
    seen.push(...((await response.json()) as TaskJson[]).map((t) => t.id));
    const link = response.headers.get('link');
    next = link ? new URL(/^<([^>]+)>/.exec(link)![1]!, 'http://localhost').search.slice(1) : undefined;
    if (page === 0) await between();
  }
  return seen;
}

const filters = fc.record(
  {
    project: fc.constantFrom('inbox', 'home', 'work', 'empty'),
    parent: fc.constantFrom('none', 'some'),
    completed: fc.constantFrom('true', 'false'),
    has_due: fc.constantFrom('true', 'false'),
  },
  { requiredKeys: [] },
);

describe('keyset pagination across lists, with the project and parent filters', () => {
  it('walks every matching task exactly once, in the order of one long page', async () => {
    const projectId = { home: projects[0]!.id, work: projects[1]!.id, empty: projects[2]!.id } as Record<string, string>;
    const someParent = made.find((t) => made.some((c) => c.parent_id === t.id))!.id;
    await fc.assert(
      fc.asyncProperty(
        filters,
        fc.constantFrom(...SORTS),
        fc.constantFrom('asc', 'desc'),
        fc.integer({ min: 1, max: 5 }),
        fc.constantFrom(null, 'inbox', 'home', 'work'),
        async (filter, sort, order, limit, createIn) => {
          const query = new URLSearchParams({ sort, order });
          if (filter.project) query.set('project', projectId[filter.project] ?? filter.project);
          if (filter.parent) query.set('parent', filter.parent === 'some' ? someParent : 'none');
          if (filter.completed) query.set('completed', filter.completed);
          if (filter.has_due) query.set('has_due', filter.has_due);

          const whole = await api.list(new URLSearchParams({ ...Object.fromEntries(query), limit: '200' }).toString());
          expect(whole.status).toBe(200);
          const expected = ((await whole.json()) as TaskJson[]).map((t) => t.id);
          expect(Number(whole.headers.get('x-total-count'))).toBe(expected.length);

          // A task created in some list between the pages never makes another repeat or vanish.
          const created: string[] = [];
          const between = async () => {
            if (createIn === null) return;
            const task = await createTaskVia(api, { title: 'between', project_id: createIn === 'inbox' ? null : projectId[createIn] });
            created.push(task.id);
          };
          const seen = (await walk(new URLSearchParams({ ...Object.fromEntries(query), limit: String(limit) }), between)).filter((id) => !created.includes(id));
          expect(seen).toEqual(expected);
          for (const id of created) await api.remove(id);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('without a project filter, sort=position is the Inbox, then each project in sidebar order, each in its own order', async () => {
    const all = (await (await api.list({ sort: 'position', limit: '200' })).json()) as TaskJson[];
    const listOrder = [null, projects[1]!.id, projects[0]!.id, projects[2]!.id];
    const expected = [...made].sort((a, b) => {
      const byList = listOrder.indexOf(a.project_id) - listOrder.indexOf(b.project_id);
      return byList !== 0 ? byList : a.position < b.position ? -1 : a.position > b.position ? 1 : 0;
    });
    expect(all.map((t) => t.id)).toEqual(expected.map((t) => t.id));
  });
});
