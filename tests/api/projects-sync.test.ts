import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as eventsRoute from '@/app/api/[user_id]/events/route';
import * as changesRoute from '@/app/api/[user_id]/tasks/changes/route';
import type { ProjectJson } from '@/lib/projects/schemas';
import { nextLook } from '@/lib/sync/events';
import type { ChangesJson } from '@/lib/sync/schemas';
import { createTestUser, type TestUser } from '@/tests/helpers/auth';
import { withTestDatabase } from '@/tests/helpers/db';
import { callRoute, createProjectVia, createTaskVia, projectsApi, tasksApi, type ProjectsApi, type TasksApi } from '@/tests/helpers/requests';

// The changes feed and the event streams with projects: `projects`, `deleted_projects`, and the
// tasks of every list the caller sees.

const database = withTestDatabase();

let ann: TestUser;
let projects: ProjectsApi;
let tasks: TasksApi;
const aborts: AbortController[] = [];

beforeEach(async () => {
  ann = await createTestUser();
  projects = projectsApi(ann);
  tasks = tasksApi(ann);
});

afterEach(() => {
  for (const abort of aborts.splice(0)) abort.abort();
});

async function changes(as: TestUser, since?: string): Promise<ChangesJson> {
  const response = await callRoute(changesRoute, 'GET', `/api/${as.id}/tasks/changes`, { user_id: as.id }, { headers: as.headers, query: since ? { since } : {} });
  expect(response.status).toBe(200);
  return (await response.json()) as ChangesJson;
}

describe('the changes feed with projects', () => {
  it('a full sync carries every project of the caller, in sidebar order, and the tasks of every list', async () => {
    const home = await createProjectVia(projects, { name: 'Home' });
    const work = await createProjectVia(projects, { name: 'Work' });
    const inProject = await createTaskVia(tasks, { title: 'paint', project_id: home.id });
    const subtask = await createTaskVia(tasks, { title: 'buy paint', parent_id: inProject.id });
    const inbox = await createTaskVia(tasks, { title: 'inbox' });
    const full = await changes(ann);
    expect(full.projects.map((p) => p.name)).toEqual(['Home', 'Work']);
    expect(full.projects[1]).toEqual((await (await projects.get(work.id)).json()) as ProjectJson);
    expect(full.changes.map((t) => t.id).sort()).toEqual([inProject.id, subtask.id, inbox.id].sort());
    expect(full.changes.find((t) => t.id === subtask.id)).toMatchObject({ project_id: home.id, parent_id: inProject.id });
    expect(full.deleted_projects).toEqual([]);
  });

  it('reports a project created, renamed or moved in the sidebar, and a task moved between lists, after a cursor', async () => {
    const home = await createProjectVia(projects, { name: 'Home' });
    const task = await createTaskVia(tasks, { title: 'paint' });
    const { cursor } = await changes(ann);

    const work = await createProjectVia(projects, { name: 'Work' });
    const afterCreate = await changes(ann, cursor);
    expect(afterCreate.projects.map((p) => p.id)).toEqual([work.id]);
    expect(afterCreate.changes).toEqual([]);

    await projects.patch(home.id, { name: 'House' });
    await projects.move(work.id, { to: 'top' });
    await tasks.patch(task.id, { project_id: home.id });
    const later = await changes(ann, afterCreate.cursor);
    expect(later.projects.map((p) => [p.name, p.id])).toEqual([['Work', work.id], ['House', home.id]]);
    expect(later.changes.map((t) => [t.id, t.project_id])).toEqual([[task.id, home.id]]);

    expect(await changes(ann, later.cursor)).toMatchObject({ changes: [], deleted: [], projects: [], deleted_projects: [] });
  });

  it('reports a deleted project in deleted_projects and each of its tasks in deleted', async () => {
    const home = await createProjectVia(projects, { name: 'Home' });
    const parent = await createTaskVia(tasks, { title: 'paint', project_id: home.id });
    const child = await createTaskVia(tasks, { title: 'buy paint', parent_id: parent.id });
    const { cursor } = await changes(ann);
    expect((await projects.remove(home.id)).status).toBe(204);
    const after = await changes(ann, cursor);
    expect(after.deleted_projects).toEqual([home.id]);
    expect(after.deleted.sort()).toEqual([parent.id, child.id].sort());
    expect(after.projects).toEqual([]);
  });

  it('never carries another user\'s projects or their tasks', async () => {
    const bob = await createTestUser();
    const bobs = await createProjectVia(projectsApi(bob), { name: 'Bob' });
    await createTaskVia(tasksApi(bob), { title: 'secret', project_id: bobs.id });
    const { cursor } = await changes(ann);
    await projectsApi(bob).patch(bobs.id, { name: 'Still Bob' });
    await projectsApi(bob).remove(bobs.id);
    const full = await changes(ann);
    expect(full).toMatchObject({ changes: [], projects: [] });
    expect(await changes(ann, cursor)).toMatchObject({ changes: [], deleted: [], projects: [], deleted_projects: [] });
  });

  it('shows a member the project\'s tasks written by its owner', async () => {
    const home = await createProjectVia(projects, { name: 'Home' });
    const bob = await createTestUser();
    await database.current.db.execute(sql`insert into project_members (project_id, user_id, role) values (${home.id}, ${bob.id}, 'viewer')`);
    const { cursor, projects: joined } = await changes(bob);
    expect(joined.map((p) => [p.id, p.role])).toEqual([[home.id, 'viewer']]);
    const task = await createTaskVia(tasks, { title: 'for both', project_id: home.id });
    expect((await changes(bob, cursor)).changes.map((t) => t.id)).toEqual([task.id]);
  });
});

/** An open event stream of `as`, with everything it has received so far in `text`. */
async function openStream(as: TestUser) {
  const abort = new AbortController();
  aborts.push(abort);
  const request = new Request(`http://localhost/api/${as.id}/events`, { headers: as.headers, signal: abort.signal });
  const response = await (eventsRoute.GET as (r: Request, c: { params: Promise<{ user_id: string }> }) => Promise<Response>)(request, {
    params: Promise.resolve({ user_id: as.id }),
  });
  expect(response.status).toBe(200);
  const stream = { text: '' };
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  void (async () => {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      stream.text += decoder.decode(value, { stream: true });
    }
  })();
  return stream;
}

async function watcherCaughtUp(): Promise<void> {
  await nextLook();
  await nextLook();
  await new Promise((resolve) => setImmediate(resolve));
}

const changedCount = (text: string) => [...text.matchAll(/^event: changed\n/gm)].length;

describe('the event streams with projects', () => {
  it('tell every member of a project when its tasks change, and its owner when it is renamed', async () => {
    const home = await createProjectVia(projects, { name: 'Home' });
    const bob = await createTestUser();
    await database.current.db.execute(sql`insert into project_members (project_id, user_id, role) values (${home.id}, ${bob.id}, 'editor')`);
    const stranger = await createTestUser();
    const [annStream, bobStream, strangerStream] = [await openStream(ann), await openStream(bob), await openStream(stranger)];
    await watcherCaughtUp();

    await createTaskVia(tasks, { title: 'shared', project_id: home.id });
    await watcherCaughtUp();
    expect(changedCount(annStream.text)).toBe(1);
    expect(changedCount(bobStream.text)).toBe(1);

    await projects.patch(home.id, { color: 'blue' });
    await watcherCaughtUp();
    expect(changedCount(bobStream.text)).toBe(2);
    expect(changedCount(strangerStream.text)).toBe(0);
  });
});
