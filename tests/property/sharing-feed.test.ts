import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as changesRoute from '@/app/api/[user_id]/tasks/changes/route';
import type { ProjectJson } from '@/lib/projects/schemas';
import type { ChangesJson } from '@/lib/sync/schemas';
import type { TaskJson } from '@/lib/tasks/schemas';
import { createTestUser, type TestUser } from '@/tests/helpers/auth';
import { withTestDatabase } from '@/tests/helpers/db';
import { callRoute, createProjectVia, createTaskVia, projectsApi, shareVia, sharingApi, tasksApi } from '@/tests/helpers/requests';

// Membership changes at random (invite and accept, remove, leave, a task moved in and out of the
// project, the project deleted and another shared) while the owner and the member write tasks,
// and each of them follows their changes feed from wherever their cursor is: afterwards each
// one's copy (tasks and projects) is exactly what their full list shows, every run.

withTestDatabase();

type Op =
  | { kind: 'create'; inProject: boolean; by: 0 | 1 }
  | { kind: 'edit' | 'toggle' | 'delete' | 'moveIn' | 'moveOut'; pick: number; by: 0 | 1 }
  | { kind: 'remove' | 'leave' | 'rejoin' | 'deleteProject' };

const by = fc.constantFrom(0 as const, 1 as const);
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('create' as const), inProject: fc.boolean(), by }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constantFrom('edit' as const, 'toggle' as const, 'delete' as const, 'moveIn' as const, 'moveOut' as const), pick: fc.nat(), by }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constantFrom('remove' as const, 'leave' as const, 'rejoin' as const, 'deleteProject' as const) }) },
);

class Follower {
  readonly tasks = new Map<string, TaskJson>();
  readonly projects = new Map<string, ProjectJson>();
  cursor: string | undefined;

  constructor(readonly user: TestUser) {}

  async catchUp(limit: number): Promise<void> {
    for (;;) {
      const response = await callRoute(changesRoute, 'GET', `/api/${this.user.id}/tasks/changes`, { user_id: this.user.id }, {
        headers: this.user.headers,
        query: { limit: String(limit), ...(this.cursor && { since: this.cursor }) },
      });
      expect(response.status).toBe(200);
      const page = (await response.json()) as ChangesJson;
      if (this.cursor === undefined) {
        this.tasks.clear();
        this.projects.clear();
      }
      for (const task of page.changes) this.tasks.set(task.id, task);
      for (const id of page.deleted) this.tasks.delete(id);
      for (const project of page.projects) this.projects.set(project.id, project);
      for (const id of page.deleted_projects) this.projects.delete(id);
      this.cursor = page.cursor;
      if (!page.more) return;
    }
  }
}

const byId = <T extends { id: string }>(rows: Iterable<T>) => [...rows].sort((a, b) => a.id.localeCompare(b.id));
// A project as the feed keeps it: its open count is as of its last change, not kept current.
const withoutCount = ({ open_count: _, ...project }: ProjectJson) => project;

describe('following the changes feed while membership changes', () => {
  it("always ends with each member holding exactly their full list's tasks and projects", { timeout: 300_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(op, { minLength: 1, maxLength: 10 }), { minLength: 2, maxLength: 3 }), fc.integer({ min: 1, max: 5 }), async (writers, limit) => {
        const owner = await createTestUser();
        const member = await createTestUser();
        const people = [owner, member] as const;
        let project = (await createProjectVia(projectsApi(owner), { name: 'Shared' })).id;
        await shareVia(owner, project, member, 'editor');
        const ids: string[] = [];
        for (let i = 0; i < 3; i++) ids.push((await createTaskVia(tasksApi(owner), { title: `seed ${i}`, project_id: project })).id);
        const followers = people.map((person) => new Follower(person));
        for (const follower of followers) await follower.catchUp(limit);

        // Refusals are part of the game (a member who left cannot write): only a 5xx is a failure.
        const ok = async (response: Response | Promise<Response>) => expect((await response).status).toBeLessThan(500);
        let changingMembership = Promise.resolve();
        const run = async (ops: Op[]) => {
          for (const o of ops) {
            const api = 'by' in o ? tasksApi(people[o.by]) : tasksApi(owner);
            const id = 'pick' in o ? ids[o.pick % ids.length]! : '';
            switch (o.kind) {
              case 'create': {
                const response = await api.create({ title: 'new', ...(o.inProject && { project_id: project }) });
                await ok(response);
                if (response.status === 201) ids.push(((await response.json()) as TaskJson).id);
                break;
              }
              case 'edit':
                await ok(api.patch(id, { title: `edited ${o.by}` }));
                break;
              case 'toggle':
                await ok(api.toggle(id));
                break;
              case 'delete':
                await ok(api.remove(id));
                break;
              case 'moveIn':
                await ok(api.patch(id, { project_id: project }));
                break;
              case 'moveOut':
                await ok(api.patch(id, { project_id: null }));
                break;
              default:
                // Membership changes take turns with one another (not with the task writes).
                changingMembership = changingMembership.then(async () => {
                  if (o.kind === 'remove') await ok(sharingApi(owner).removeMember(project, member.id));
                  else if (o.kind === 'leave') await ok(sharingApi(member).removeMember(project, member.id));
                  else if (o.kind === 'rejoin') {
                    const invited = await sharingApi(owner).invite(project, { email: member.email, role: 'editor' });
                    await ok(invited);
                    if (invited.status === 201) await ok(sharingApi(member).accept(((await invited.json()) as { id: string }).id));
                  } else {
                    await ok(projectsApi(owner).remove(project));
                    project = (await createProjectVia(projectsApi(owner), { name: `Shared ${Math.random()}` })).id;
                    await shareVia(owner, project, member, 'editor');
                  }
                });
                await changingMembership;
            }
          }
        };

        let writing = true;
        const done = Promise.all(writers.map(run)).finally(() => {
          writing = false;
        });
        while (writing) for (const follower of followers) await follower.catchUp(limit);
        await done;
        for (const follower of followers) {
          await follower.catchUp(limit);
          const list = await tasksApi(follower.user).list({ limit: '200', sort: 'created_at' });
          expect(byId(follower.tasks.values())).toEqual(byId((await list.json()) as TaskJson[]));
          const projects = (await (await projectsApi(follower.user).list()).json()) as ProjectJson[];
          expect(byId(follower.projects.values()).map(withoutCount)).toEqual(byId(projects).map(withoutCount));
        }
      }),
      { numRuns: 10 },
    );
  });
});
