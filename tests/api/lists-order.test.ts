import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import type { TaskJson } from '@/lib/tasks/schemas';
import { createTestUser } from '@/tests/helpers/auth';
import { withTestDatabase } from '@/tests/helpers/db';
import { createProjectVia, createTaskVia, projectsApi, tasksApi, type TasksApi } from '@/tests/helpers/requests';

// The manual order is per list: concurrent moves in the Inbox and in a project, and moves of
// tasks between the two, always leave each list a permutation with distinct positions.

withTestDatabase();

let api: TasksApi;
let projectId: string;

beforeEach(async () => {
  const user = await createTestUser();
  api = tasksApi(user);
  projectId = (await createProjectVia(projectsApi(user), { name: 'Home' })).id;
});

async function order(project: string): Promise<TaskJson[]> {
  const response = await api.list({ project, sort: 'position', limit: '200' });
  expect(response.status).toBe(200);
  return (await response.json()) as TaskJson[];
}

describe('concurrent moves, per list', () => {
  it('leave every list a permutation with distinct positions, whatever runs at once', async () => {
    const inbox: TaskJson[] = [];
    const project: TaskJson[] = [];
    for (let i = 0; i < 5; i++) inbox.push(await createTaskVia(api, { title: `i${i}` }));
    for (let i = 0; i < 5; i++) project.push(await createTaskVia(api, { title: `p${i}`, project_id: projectId }));
    const move = fc.record({
      list: fc.constantFrom('inbox', 'project'),
      task: fc.integer({ min: 0, max: 4 }),
      kind: fc.constantFrom('before', 'after', 'to', 'across'),
      anchor: fc.integer({ min: 0, max: 4 }),
      end: fc.constantFrom('top', 'bottom'),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(move, { minLength: 2, maxLength: 8 }), async (moves) => {
        // Where each task is now: moves across lists change it.
        const now = new Map<string, string | null>();
        for (const task of (await (await api.list({ limit: '200' })).json()) as TaskJson[]) now.set(task.id, task.project_id);
        const all = [...inbox, ...project];
        const answers = await Promise.all(
          moves.map((m) => {
            const pool = m.list === 'inbox' ? inbox : project;
            const task = pool[m.task]!;
            if (m.kind === 'across') return api.patch(task.id, { project_id: now.get(task.id) === null ? projectId : null });
            if (m.kind === 'to') return api.move(task.id, { to: m.end });
            // An anchor of the same list, as the task was before this batch (it may have moved since: 422).
            const anchor = all.find((t, i) => i % 5 === m.anchor && t.id !== task.id && now.get(t.id) === now.get(task.id));
            return api.move(task.id, { [m.kind]: (anchor ?? pool[(m.task + 1) % 5]!).id });
          }),
        );
        for (const answer of answers) expect([200, 422]).toContain(answer.status);
        const lists = [await order('inbox'), await order(projectId)];
        const ids = lists.flat().map((t) => t.id);
        expect(new Set(ids).size).toBe(10);
        for (const list of lists) expect(new Set(list.map((t) => t.position)).size).toBe(list.length);
      }),
      { numRuns: 15 },
    );
  });
});
