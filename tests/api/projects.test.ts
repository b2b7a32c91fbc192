import { sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ProjectJson } from '@/lib/projects/schemas';
import type { TaskJson } from '@/lib/tasks/schemas';
import { createTestUser, type TestUser } from '@/tests/helpers/auth';
import { withTestDatabase } from '@/tests/helpers/db';
import { createProjectVia, createTaskVia, problemOf, projectsApi, tasksApi, type ProjectsApi, type TasksApi } from '@/tests/helpers/requests';

const database = withTestDatabase();

let ann: TestUser;
let projects: ProjectsApi;
let tasks: TasksApi;

beforeEach(async () => {
  ann = await createTestUser();
  projects = projectsApi(ann);
  tasks = tasksApi(ann);
});

/** Makes `user` a member of `projectId` with `role`, as accepting an invitation will (the sharing issue's routes). */
async function addMember(projectId: string, user: TestUser, role: 'editor' | 'viewer') {
  await database.current.db.execute(sql`insert into project_members (project_id, user_id, role) values (${projectId}, ${user.id}, ${role})`);
}

const names = async (api: ProjectsApi = projects) => ((await (await api.list()).json()) as ProjectJson[]).map((p) => p.name);

describe('POST /api/{user_id}/projects', () => {
  it('creates a project the caller owns: 201, Location, grey, no tasks, not shared', async () => {
    const response = await projects.create({ name: '  Home  ' });
    expect(response.status).toBe(201);
    const project = (await response.json()) as ProjectJson;
    expect(project).toEqual({
      id: expect.any(String),
      name: 'Home',
      color: 'grey',
      role: 'owner',
      shared: false,
      open_count: 0,
      position: expect.any(String),
      created_at: expect.any(String),
      updated_at: project.created_at,
    });
    expect(response.headers.get('location')).toBe(`/api/${ann.id}/projects/${project.id}`);
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('puts each new project at the end of the sidebar', async () => {
    for (const name of ['Home', 'Work', 'Garden']) await createProjectVia(projects, { name });
    expect(await names()).toEqual(['Home', 'Work', 'Garden']);
  });

  it('refuses a name the caller already owns, case-insensitively (409), but another user may use it', async () => {
    await createProjectVia(projects, { name: 'Home' });
    const again = await projects.create({ name: 'HOME' });
    expect(again.status).toBe(409);
    expect((await problemOf(again)).detail).toBe('You already own a project with this name');
    expect((await projectsApi(await createTestUser()).create({ name: 'home' })).status).toBe(201);
    expect(await names()).toEqual(['Home']);
  });

  it.each([
    [{}, 'name'],
    [{ name: '   ' }, 'name'],
    [{ name: 'x'.repeat(121) }, 'name'],
    [{ name: 'a\u0000b' }, 'name'],
    [{ name: 42 }, 'name'],
    [{ name: 'ok', color: 'mauve' }, 'color'],
  ])('answers 422 naming the field for %j, and stores nothing', async (body, field) => {
    const response = await projects.create(body);
    expect(response.status).toBe(422);
    expect((await problemOf(response)).errors?.map((e) => e.path)).toEqual([field]);
    expect(await names()).toEqual([]);
  });

  it('takes 120 characters (code points, emoji included)', async () => {
    expect((await projects.create({ name: '🏠'.repeat(120) })).status).toBe(201);
  });

  it('refuses a 301st owned project with 422, and stores nothing', async () => {
    await database.current.db.execute(sql`insert into projects (owner_id, name) select ${ann.id}, 'p' || i from generate_series(1, 300) as i`);
    const response = await projects.create({ name: 'one more' });
    expect(response.status).toBe(422);
    expect((await problemOf(response)).errors?.[0]?.message).toMatch(/300 projects/);
    const [{ n }] = (await database.current.db.execute(sql`select count(*)::int as n from projects where owner_id = ${ann.id}`)).rows as [{ n: number }];
    expect(n).toBe(300);
  });
});

describe('GET /api/{user_id}/projects and /projects/{id}', () => {
  it('shows open_count (open tasks only) and shared (a member besides the owner)', async () => {
    const project = await createProjectVia(projects, { name: 'Home', color: 'green' });
    await createTaskVia(tasks, { title: 'open', project_id: project.id });
    await createTaskVia(tasks, { title: 'done', project_id: project.id, completed: true });
    await createTaskVia(tasks, { title: 'inbox' });
    await addMember(project.id, await createTestUser(), 'viewer');
    const response = await projects.get(project.id);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ id: project.id, name: 'Home', color: 'green', open_count: 1, shared: true, role: 'owner' });
  });

  it('answers 404 for another user\'s project, and for one that does not exist; 422 for a bad id', async () => {
    const bobs = await createProjectVia(projectsApi(await createTestUser()), { name: 'Bob' });
    for (const id of [bobs.id, crypto.randomUUID()]) {
      const response = await projects.get(id);
      expect(response.status).toBe(404);
      expect((await problemOf(response)).detail).toBe('Project not found');
    }
    expect((await projects.get('not-a-uuid')).status).toBe(422);
    expect(await names()).toEqual([]);
  });

  it('lists the projects the caller is a member of, with their role, and never others\'', async () => {
    const bob = await createTestUser();
    const bobs = projectsApi(bob);
    const shared = await createProjectVia(bobs, { name: 'Shared' });
    await createProjectVia(bobs, { name: 'Private' });
    await addMember(shared.id, ann, 'editor');
    const mine = (await (await projects.list()).json()) as ProjectJson[];
    expect(mine.map((p) => [p.name, p.role])).toEqual([['Shared', 'editor']]);
  });
});

describe('PATCH /api/{user_id}/projects/{id}', () => {
  it('renames and recolours; updated_at moves on', async () => {
    const project = await createProjectVia(projects, { name: 'Home' });
    const response = await projects.patch(project.id, { name: 'House', color: 'blue' });
    expect(response.status).toBe(200);
    const patched = (await response.json()) as ProjectJson;
    expect(patched).toMatchObject({ name: 'House', color: 'blue', created_at: project.created_at });
    expect(Date.parse(patched.updated_at)).toBeGreaterThan(Date.parse(project.updated_at));
  });

  it('refuses another of the owner\'s names (409), an empty body (422)', async () => {
    await createProjectVia(projects, { name: 'Work' });
    const project = await createProjectVia(projects, { name: 'Home' });
    const taken = await projects.patch(project.id, { name: 'work' });
    expect(taken.status).toBe(409);
    // Names are the owner's: the one renaming may be an editor of a shared project.
    expect((await problemOf(taken)).detail).toBe("The project's owner already has a project with this name");
    expect((await projects.patch(project.id, {})).status).toBe(422);
    expect(await names()).toEqual(['Work', 'Home']);
  });

  it('lets an editor rename, refuses a viewer (403) and a non-member (404)', async () => {
    const project = await createProjectVia(projects, { name: 'Home' });
    const [editor, viewer, stranger] = [await createTestUser(), await createTestUser(), await createTestUser()];
    await addMember(project.id, editor, 'editor');
    await addMember(project.id, viewer, 'viewer');
    expect((await projectsApi(editor).patch(project.id, { name: 'Ours' })).status).toBe(200);
    const refused = await projectsApi(viewer).patch(project.id, { name: 'Mine' });
    expect(refused.status).toBe(403);
    expect((await problemOf(refused)).detail).toBe('You may only read this project');
    expect((await projectsApi(stranger).patch(project.id, { name: 'Mine' })).status).toBe(404);
    expect(await names()).toEqual(['Ours']);
  });
});

describe('DELETE /api/{user_id}/projects/{id}', () => {
  it('deletes the project and every task in it, subtasks too; the Inbox stays', async () => {
    const project = await createProjectVia(projects, { name: 'Home' });
    const parent = await createTaskVia(tasks, { title: 'paint', project_id: project.id });
    const child = await createTaskVia(tasks, { title: 'buy paint', parent_id: parent.id });
    const inbox = await createTaskVia(tasks, { title: 'inbox' });
    const response = await projects.remove(project.id);
    expect(response.status).toBe(204);
    expect(await response.text()).toBe('');
    expect((await projects.get(project.id)).status).toBe(404);
    for (const id of [parent.id, child.id]) expect((await tasks.get(id)).status).toBe(404);
    expect(((await (await tasks.list()).json()) as TaskJson[]).map((t) => t.id)).toEqual([inbox.id]);
  });

  it('is the owner\'s alone: an editor gets 403, a stranger 404, and nothing is deleted', async () => {
    const project = await createProjectVia(projects, { name: 'Home' });
    const task = await createTaskVia(tasks, { title: 'paint', project_id: project.id });
    const editor = await createTestUser();
    await addMember(project.id, editor, 'editor');
    const refused = await projectsApi(editor).remove(project.id);
    expect(refused.status).toBe(403);
    expect((await problemOf(refused)).detail).toBe("Only the project's owner may delete it");
    expect((await projectsApi(await createTestUser()).remove(project.id)).status).toBe(404);
    expect((await tasks.get(task.id)).status).toBe(200);
  });
});

describe('POST /api/{user_id}/projects/{id}/move', () => {
  it('orders the caller\'s own sidebar: before, after, top, bottom', async () => {
    const [home, work, garden] = [await createProjectVia(projects, { name: 'Home' }), await createProjectVia(projects, { name: 'Work' }), await createProjectVia(projects, { name: 'Garden' })];
    expect((await projects.move(garden.id, { before: home.id })).status).toBe(200);
    expect(await names()).toEqual(['Garden', 'Home', 'Work']);
    await projects.move(garden.id, { after: work.id });
    expect(await names()).toEqual(['Home', 'Work', 'Garden']);
    await projects.move(work.id, { to: 'top' });
    expect(await names()).toEqual(['Work', 'Home', 'Garden']);
    await projects.move(work.id, { to: 'bottom' });
    expect(await names()).toEqual(['Home', 'Garden', 'Work']);
  });

  it('each member orders theirs: a member\'s move leaves the owner\'s order alone', async () => {
    const home = await createProjectVia(projects, { name: 'Home' });
    const work = await createProjectVia(projects, { name: 'Work' });
    const bob = await createTestUser();
    const bobs = projectsApi(bob);
    await createProjectVia(bobs, { name: 'Bob' });
    await addMember(home.id, bob, 'viewer');
    await addMember(work.id, bob, 'editor');
    await bobs.move(work.id, { to: 'top' });
    expect(await names(bobs)).toEqual(['Work', 'Bob', 'Home']);
    expect(await names()).toEqual(['Home', 'Work']);
  });

  it('answers 404 for an anchor the caller is not a member of, 422 for itself or not exactly one key', async () => {
    const home = await createProjectVia(projects, { name: 'Home' });
    const bobs = await createProjectVia(projectsApi(await createTestUser()), { name: 'Bob' });
    const missing = await projects.move(home.id, { before: bobs.id });
    expect(missing.status).toBe(404);
    expect((await problemOf(missing)).detail).toBe('The anchor project was not found');
    expect((await projects.move(bobs.id, { to: 'top' })).status).toBe(404);
    expect((await projects.move(home.id, { after: home.id })).status).toBe(422);
    expect((await projects.move(home.id, { to: 'top', before: bobs.id })).status).toBe(422);
  });
});
