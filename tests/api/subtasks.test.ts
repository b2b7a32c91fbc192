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
let home: ProjectJson;

beforeEach(async () => {
  ann = await createTestUser();
  projects = projectsApi(ann);
  tasks = tasksApi(ann);
  home = await createProjectVia(projects, { name: 'Home' });
});

async function addMember(projectId: string, user: TestUser, role: 'editor' | 'viewer') {
  await database.current.db.execute(sql`insert into project_members (project_id, user_id, role) values (${projectId}, ${user.id}, ${role})`);
}

/** What the database holds for these tasks: completed, project and parent, by title. */
async function stored(ids: string[]) {
  const { rows } = await database.current.db.execute(sql`select title, completed, project_id, parent_id from tasks where id = any(${`{${ids.join(',')}}`}::uuid[]) order by title`);
  return rows as { title: string; completed: boolean; project_id: string | null; parent_id: string | null }[];
}

/** A chain of `depth` tasks, each a subtask of the one before, in `projectId`'s list. */
async function chain(depth: number, projectId: string | null = home.id): Promise<TaskJson[]> {
  const made = [await createTaskVia(tasks, { title: 'level 1', project_id: projectId })];
  for (let level = 2; level <= depth; level++) made.push(await createTaskVia(tasks, { title: `level ${level}`, parent_id: made.at(-1)!.id }));
  return made;
}

const list = async (query: Record<string, string>, api: TasksApi = tasks) => {
  const response = await api.list(query);
  expect(response.status).toBe(200);
  return (await response.json()) as TaskJson[];
};

describe('creating tasks in projects and as subtasks', () => {
  it('puts a task without project_id in the caller\'s Inbox, with project_id the project\'s top', async () => {
    const inbox = await createTaskVia(tasks, { title: 'inbox' });
    expect(inbox).toMatchObject({ project_id: null, parent_id: null, user_id: ann.id });
    const first = await createTaskVia(tasks, { title: 'first', project_id: home.id });
    const second = await createTaskVia(tasks, { title: 'second', project_id: home.id.toUpperCase() });
    expect(second.project_id).toBe(home.id);
    expect((await list({ project: home.id, sort: 'position' })).map((t) => t.id)).toEqual([second.id, first.id]);
  });

  it('puts a subtask with parent_id alone in its parent\'s list, in the Inbox or a project', async () => {
    const parent = await createTaskVia(tasks, { title: 'parent', project_id: home.id });
    const child = await createTaskVia(tasks, { title: 'child', parent_id: parent.id });
    expect(child).toMatchObject({ project_id: home.id, parent_id: parent.id });
    const inboxParent = await createTaskVia(tasks, { title: 'inbox parent' });
    expect(await createTaskVia(tasks, { title: 'inbox child', parent_id: inboxParent.id })).toMatchObject({ project_id: null, parent_id: inboxParent.id });
  });

  it('answers 404 for a project or parent the caller cannot see, 403 for a project they only read; stores nothing', async () => {
    const bob = await createTestUser();
    const bobsProject = await createProjectVia(projectsApi(bob), { name: 'Bob' });
    const bobsTask = await createTaskVia(tasksApi(bob), { title: 'bob' });
    const readOnly = await createProjectVia(projectsApi(bob), { name: 'Read only' });
    const readOnlyTask = await createTaskVia(tasksApi(bob), { title: 'ro', project_id: readOnly.id });
    await addMember(readOnly.id, ann, 'viewer');

    const cases: [Record<string, unknown>, number, string][] = [
      [{ project_id: bobsProject.id }, 404, 'Project not found'],
      [{ project_id: crypto.randomUUID() }, 404, 'Project not found'],
      [{ parent_id: bobsTask.id }, 404, 'The parent task was not found'],
      [{ parent_id: crypto.randomUUID() }, 404, 'The parent task was not found'],
      [{ project_id: readOnly.id }, 403, 'You may only read this project'],
      [{ parent_id: readOnlyTask.id }, 403, 'You may only read this project'],
    ];
    for (const [body, status, detail] of cases) {
      const response = await tasks.create({ title: 'x', ...body });
      expect(response.status, JSON.stringify(body)).toBe(status);
      expect((await problemOf(response)).detail).toBe(detail);
    }
    const { rows } = await database.current.db.execute(sql`select count(*)::int as n from tasks where user_id = ${ann.id}`);
    expect(rows[0]).toEqual({ n: 0 });
  });

  it('answers 422 for a parent in another list than project_id', async () => {
    const parent = await createTaskVia(tasks, { title: 'inbox parent' });
    const response = await tasks.create({ title: 'x', project_id: home.id, parent_id: parent.id });
    expect(response.status).toBe(422);
    expect((await problemOf(response)).errors).toEqual([{ path: 'parent_id', message: 'must be a task of the same list (the Inbox or the same project)' }]);
  });

  it('takes 4 levels and refuses a 5th (422)', async () => {
    const levels = await chain(4);
    const response = await tasks.create({ title: 'level 5', parent_id: levels[3]!.id });
    expect(response.status).toBe(422);
    expect((await problemOf(response)).errors).toEqual([{ path: 'parent_id', message: 'would make subtasks more than 4 levels deep' }]);
  });
});

describe('re-parenting', () => {
  it('makes a task a subtask of another in its list, and a top-level task again with null', async () => {
    const [a, b] = [await createTaskVia(tasks, { title: 'a' }), await createTaskVia(tasks, { title: 'b' })];
    const nested = await tasks.patch(b.id, { parent_id: a.id });
    expect(nested.status).toBe(200);
    expect(((await nested.json()) as TaskJson).parent_id).toBe(a.id);
    expect(((await (await tasks.patch(b.id, { parent_id: null })).json()) as TaskJson).parent_id).toBeNull();
  });

  it('refuses a task as its own parent or under its own subtask (422), and changes nothing', async () => {
    const [top, , bottom] = await chain(3);
    for (const parent of [top!.id, bottom!.id]) {
      const response = await tasks.patch(top!.id, { parent_id: parent });
      expect(response.status).toBe(422);
      expect((await problemOf(response)).errors).toEqual([{ path: 'parent_id', message: 'cannot be the task itself or one of its subtasks' }]);
    }
    expect((await stored([top!.id]))[0]!.parent_id).toBeNull();
  });

  it('counts the subtree that comes along: a 2-level tree under a 3-level chain is 5 levels (422)', async () => {
    const [, , third] = await chain(3);
    const [tree] = await chain(2);
    expect((await tasks.patch(tree!.id, { parent_id: third!.id })).status).toBe(422);
    const [, second] = await chain(2);
    expect((await tasks.patch(tree!.id, { parent_id: second!.id })).status).toBe(200);
  });

  it('refuses a parent in another list (422) and one the caller cannot see (404)', async () => {
    const inbox = await createTaskVia(tasks, { title: 'inbox' });
    const inProject = await createTaskVia(tasks, { title: 'project', project_id: home.id });
    expect((await tasks.patch(inbox.id, { parent_id: inProject.id })).status).toBe(422);
    const bobs = await createTaskVia(tasksApi(await createTestUser()), { title: 'bob' });
    const response = await tasks.patch(inbox.id, { parent_id: bobs.id });
    expect(response.status).toBe(404);
    expect((await problemOf(response)).detail).toBe('The parent task was not found');
  });
});

describe('moving a task to another list', () => {
  it('carries its subtree to the top of the other list, in its order, and leaves its parent', async () => {
    const work = await createProjectVia(projects, { name: 'Work' });
    const existing = await createTaskVia(tasks, { title: 'already there', project_id: work.id });
    const holder = await createTaskVia(tasks, { title: 'holder', project_id: home.id });
    const root = await createTaskVia(tasks, { title: 'root', parent_id: holder.id });
    const childA = await createTaskVia(tasks, { title: 'child a', parent_id: root.id });
    const childB = await createTaskVia(tasks, { title: 'child b', parent_id: root.id });
    const grandchild = await createTaskVia(tasks, { title: 'grandchild', parent_id: childA.id });
    const before = (await list({ project: home.id, sort: 'position' })).map((t) => t.title).filter((t) => t !== 'holder');

    const response = await tasks.patch(root.id, { project_id: work.id });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ project_id: work.id, parent_id: null });
    const after = await list({ project: work.id, sort: 'position' });
    expect(after.map((t) => t.title)).toEqual([...before, existing.title]);
    expect(after.find((t) => t.id === grandchild.id)!.parent_id).toBe(childA.id);
    expect(after.find((t) => t.id === childB.id)!.parent_id).toBe(root.id);
    expect((await list({ project: home.id })).map((t) => t.id)).toEqual([holder.id]);
  });

  it('goes under a parent in the new list when parent_id names one', async () => {
    const work = await createProjectVia(projects, { name: 'Work' });
    const parent = await createTaskVia(tasks, { title: 'parent', project_id: work.id });
    const task = await createTaskVia(tasks, { title: 'task' });
    const response = await tasks.patch(task.id, { project_id: work.id, parent_id: parent.id });
    expect(await response.json()).toMatchObject({ project_id: work.id, parent_id: parent.id });
  });

  it('moves to the Inbox with project_id null, and stays put when project_id is its own', async () => {
    const [a, b] = [await createTaskVia(tasks, { title: 'a', project_id: home.id }), await createTaskVia(tasks, { title: 'b', project_id: home.id })];
    const same = (await (await tasks.patch(a.id, { project_id: home.id, title: 'a2' })).json()) as TaskJson;
    expect(same.position).toBe(a.position);
    expect((await list({ project: home.id, sort: 'position' })).map((t) => t.id)).toEqual([b.id, a.id]);
    expect(((await (await tasks.put(b.id, { title: 'b', project_id: null })).json()) as TaskJson).project_id).toBeNull();
    expect((await list({ project: 'inbox' })).map((t) => t.id)).toEqual([b.id]);
  });

  it('answers 404 for a project the caller cannot see, 403 for one they only read, 412 for a stale If-Match; nothing moves', async () => {
    const task = await createTaskVia(tasks, { title: 'task', project_id: home.id });
    const bob = await createTestUser();
    const bobsProject = await createProjectVia(projectsApi(bob), { name: 'Bob' });
    const readOnly = await createProjectVia(projectsApi(bob), { name: 'RO' });
    await addMember(readOnly.id, ann, 'viewer');
    expect((await tasks.patch(task.id, { project_id: bobsProject.id })).status).toBe(404);
    expect((await tasks.patch(task.id, { project_id: readOnly.id })).status).toBe(403);
    const stale = await tasks.patch(task.id, { project_id: null }, { headers: { 'if-match': '"1-stale"' } });
    expect(stale.status).toBe(412);
    expect((await stored([task.id]))[0]!.project_id).toBe(home.id);
  });
});

describe('what a viewer may do', () => {
  it('reads the project\'s tasks, and every write answers 403', async () => {
    const task = await createTaskVia(tasks, { title: 'shared', project_id: home.id });
    const viewer = await createTestUser();
    await addMember(home.id, viewer, 'viewer');
    const theirs = tasksApi(viewer);
    expect((await theirs.get(task.id)).status).toBe(200);
    expect((await list({ project: home.id }, theirs)).map((t) => t.id)).toEqual([task.id]);
    for (const write of [
      () => theirs.patch(task.id, { title: 'mine' }),
      () => theirs.put(task.id, { title: 'mine' }),
      () => theirs.toggle(task.id),
      () => theirs.remove(task.id),
      () => theirs.move(task.id, { to: 'bottom' }),
      () => theirs.patch(task.id, { project_id: null }),
    ]) {
      const response = await write();
      expect(response.status).toBe(403);
      expect((await problemOf(response)).detail).toBe('You may only read this project');
    }
    expect((await stored([task.id]))[0]).toMatchObject({ title: 'shared', completed: false, project_id: home.id });
  });
});

describe('completing a task with subtasks', () => {
  it('completes every open subtask, at every depth, in the same statement', async () => {
    const levels = await chain(4);
    await tasks.toggle(levels[2]!.id);
    await tasks.toggle(levels[2]!.id); // reopened: its subtask stays done
    const response = await tasks.toggle(levels[0]!.id);
    expect(response.status).toBe(200);
    expect((await stored(levels.map((t) => t.id))).every((t) => t.completed)).toBe(true);
  });

  it('does the same for PATCH completed: true, and reopening the parent leaves the subtasks done', async () => {
    const [parent, child] = await chain(2, null);
    await tasks.patch(parent!.id, { completed: true });
    expect((await stored([child!.id]))[0]!.completed).toBe(true);
    await tasks.patch(parent!.id, { completed: false });
    expect((await stored([parent!.id, child!.id])).map((t) => t.completed)).toEqual([false, true]);
  });

  it('a repeating parent moves to its next date and reopens its done subtasks', async () => {
    const parent = await createTaskVia(tasks, { title: 'water plants', due_date: '2026-12-01', repeat: { every: 'week' } });
    const [done, open] = [await createTaskVia(tasks, { title: 'a done', parent_id: parent.id }), await createTaskVia(tasks, { title: 'b open', parent_id: parent.id })];
    await tasks.toggle(done.id);
    const response = await tasks.toggle(parent.id);
    expect(await response.json()).toMatchObject({ completed: false, due_date: '2026-12-08' });
    expect((await stored([done.id, open.id])).map((t) => t.completed)).toEqual([false, false]);
  });

  it('changes nothing below a task whose If-Match is stale', async () => {
    const [parent, child] = await chain(2, null);
    expect((await tasks.toggle(parent!.id, { headers: { 'if-match': '"1-stale"' } })).status).toBe(412);
    expect((await stored([parent!.id, child!.id])).map((t) => t.completed)).toEqual([false, false]);
  });
});

describe('deleting a task with subtasks', () => {
  it('deletes its whole subtree, and the changes feed reports each', async () => {
    const before = (await (await tasks.list()).json()) as TaskJson[];
    expect(before).toEqual([]);
    const levels = await chain(3);
    const other = await createTaskVia(tasks, { title: 'other', project_id: home.id });
    expect((await tasks.remove(levels[0]!.id)).status).toBe(204);
    for (const task of levels) expect((await tasks.get(task.id)).status).toBe(404);
    expect((await list({})).map((t) => t.id)).toEqual([other.id]);
  });
});

describe('the manual order per list', () => {
  it('moves next to an anchor of the same list, and refuses one in another list (422)', async () => {
    const [a, b] = [await createTaskVia(tasks, { title: 'a', project_id: home.id }), await createTaskVia(tasks, { title: 'b', project_id: home.id })];
    const inbox = await createTaskVia(tasks, { title: 'inbox' });
    expect((await tasks.move(b.id, { after: a.id })).status).toBe(200);
    expect((await list({ project: home.id, sort: 'position' })).map((t) => t.title)).toEqual(['a', 'b']);
    const response = await tasks.move(inbox.id, { before: a.id });
    expect(response.status).toBe(422);
    expect((await problemOf(response)).errors).toEqual([{ path: 'before', message: 'must be a task of the same list (the Inbox or the same project)' }]);
  });

  it('answers 404 for an anchor the caller cannot see, and the task\'s own 404 first', async () => {
    const mine = await createTaskVia(tasks, { title: 'mine' });
    const bobs = await createTaskVia(tasksApi(await createTestUser()), { title: 'bob' });
    const anchor = await tasks.move(mine.id, { before: bobs.id });
    expect(anchor.status).toBe(404);
    expect((await problemOf(anchor)).detail).toBe('The anchor task was not found');
    const task = await tasks.move(bobs.id, { before: mine.id });
    expect((await problemOf(task)).detail).toBe('Task not found');
  });

  it('without a project filter, sort=position lists the Inbox first, then each project in sidebar order', async () => {
    const work = await createProjectVia(projects, { name: 'Work' });
    await createTaskVia(tasks, { title: 'work 1', project_id: work.id });
    await createTaskVia(tasks, { title: 'home 1', project_id: home.id });
    await createTaskVia(tasks, { title: 'inbox 1' });
    await createTaskVia(tasks, { title: 'home 2', project_id: home.id });
    expect((await list({ sort: 'position' })).map((t) => t.title)).toEqual(['inbox 1', 'home 2', 'home 1', 'work 1']);
    await projects.move(work.id, { to: 'top' });
    expect((await list({ sort: 'position' })).map((t) => t.title)).toEqual(['inbox 1', 'work 1', 'home 2', 'home 1']);
    expect((await list({ sort: 'position', order: 'desc' })).map((t) => t.title)).toEqual(['home 1', 'home 2', 'work 1', 'inbox 1']);
  });
});

describe('list filters project and parent', () => {
  it('filters by project, Inbox, parent and top level', async () => {
    const parent = await createTaskVia(tasks, { title: 'parent', project_id: home.id });
    const child = await createTaskVia(tasks, { title: 'child', parent_id: parent.id });
    const inbox = await createTaskVia(tasks, { title: 'inbox' });
    const ids = async (query: Record<string, string>) => (await list(query)).map((t) => t.id).sort();
    expect(await ids({ project: 'inbox' })).toEqual([inbox.id]);
    expect(await ids({ project: home.id })).toEqual([parent.id, child.id].sort());
    expect(await ids({ parent: parent.id })).toEqual([child.id]);
    expect(await ids({ parent: 'none' })).toEqual([parent.id, inbox.id].sort());
    expect(await ids({ project: home.id, parent: 'none' })).toEqual([parent.id]);
    expect(await ids({})).toEqual([parent.id, child.id, inbox.id].sort());
    const counted = await tasks.list({ project: home.id });
    expect(counted.headers.get('x-total-count')).toBe('2');
  });

  it('answers 404 for a project or parent the caller cannot see, 422 for a malformed one', async () => {
    const bob = await createTestUser();
    const bobsProject = await createProjectVia(projectsApi(bob), { name: 'Bob' });
    await createTaskVia(tasksApi(bob), { title: 'secret', project_id: bobsProject.id });
    const bobsTask = await createTaskVia(tasksApi(bob), { title: 'bob' });
    const project = await tasks.list({ project: bobsProject.id });
    expect(project.status).toBe(404);
    expect((await problemOf(project)).detail).toBe('Project not found');
    expect((await tasks.list({ parent: bobsTask.id })).status).toBe(404);
    expect((await tasks.list({ project: 'mine' })).status).toBe(422);
    expect((await tasks.list({ parent: 'top' })).status).toBe(422);
    // An empty project of one's own is an empty list, not a 404.
    expect(await list({ project: home.id })).toEqual([]);
  });

  it('a cursor made for one project does not fit another (422)', async () => {
    const work = await createProjectVia(projects, { name: 'Work' });
    for (let i = 0; i < 3; i++) await createTaskVia(tasks, { title: `t${i}`, project_id: home.id });
    const first = await tasks.list({ project: home.id, limit: '2' });
    const cursor = new URL(first.headers.get('link')!.slice(1, first.headers.get('link')!.indexOf('>')), 'http://x').searchParams.get('cursor')!;
    expect(first.headers.get('link')).toContain(`project=${home.id}`);
    expect((await tasks.list({ project: work.id, limit: '2', cursor })).status).toBe(422);
  });
});
