import { createHash } from 'node:crypto';
import { asc, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { GET as exportTasks } from '@/app/api/[user_id]/export/route';
import { GET as getOpenApi } from '@/app/api/openapi.json/route';
import { BOTTOM_POSITION, idempotencyKeys, labels, projectMembers, projects, tasks } from '@/lib/db/schema';
import type { ProjectJson } from '@/lib/projects/schemas';
import type { TaskJson } from '@/lib/tasks/schemas';
import type { ExportDocument } from '@/lib/transfer/schemas';
import { createTestUser, type TestUser } from '@/tests/helpers/auth';
import { withTestDatabase } from '@/tests/helpers/db';
import { buildRequest, createProjectVia, createTaskVia, importDocument, problemOf, projectsApi, tasksApi, transferApi } from '@/tests/helpers/requests';

// Export and import of projects and subtasks (docs/api.md, "v2: export and import", its v3 part): a
// project goes by its name, a subtask names its parent by its place in the file.

const database = withTestDatabase();

async function exportedDocument(user: TestUser): Promise<ExportDocument> {
  const response = await transferApi(user).export();
  expect(response.status).toBe(200);
  return (await response.json()) as ExportDocument;
}

/** What a round trip must keep: every field but updated_at, in order. */
function comparable(document: ExportDocument) {
  return document.tasks.map(({ updated_at: _updated, ...task }) => task);
}

/** Each task as `[title, project, parent's title]`, in file order. */
function placed(document: ExportDocument) {
  return document.tasks.map((task) => {
    const parent = task.parent === null ? null : document.tasks[Number(/^tasks\[(\d+)\]$/.exec(task.parent)![1])]!.title;
    return [task.title, task.project, parent];
  });
}

/** The data rows of a CSV whose cells hold no comma, quote or line break, by cell. */
function csvCells(text: string): string[][] {
  return text.trimEnd().split('\r\n').slice(1).map((line) => line.split(','));
}

async function countOwn(user: TestUser) {
  const db = database.current.db;
  return {
    tasks: await db.$count(tasks, eq(tasks.userId, user.id)),
    labels: await db.$count(labels, eq(labels.userId, user.id)),
    projects: await db.$count(projects, eq(projects.ownerId, user.id)),
  };
}

const NOTHING = { tasks: 0, labels: 0, projects: 0 };

async function sidebar(user: TestUser) {
  return ((await (await projectsApi(user).list()).json()) as ProjectJson[]).map(({ name, color, role }) => ({ name, color, role }));
}

/** Makes `user` a member of `projectId`, as accepting an invitation will (the sharing routes are to come). */
async function addMember(projectId: string, user: TestUser, role: 'editor' | 'viewer') {
  await database.current.db.insert(projectMembers).values({ projectId, userId: user.id, role });
}

// The source account: the Inbox, three projects in a sidebar order other than creation's (one
// empty, one whose name a spreadsheet would run), and subtask trees up to 4 levels, subtasks
// above their parents (a create lands on top).
let source: TestUser;

/** The source's export, as `[title, project, parent's title]`. */
const SOURCE_PLACES = [
  ['Inbox child', null, 'Inbox task'],
  ['Inbox task', null, null],
  ['Garden', 'Home', null],
  ['Brush', 'Home', 'Buy paint'],
  ['Buy paint', 'Home', 'Paint'],
  ['Paint', 'Home', 'Fence'],
  ['Fence', 'Home', null],
  ['Draft', 'Work', 'Report'],
  ['Report', 'Work', null],
  ['Call', '@Errands', null],
];

beforeAll(async () => {
  source = await createTestUser();
  const api = tasksApi(source);
  const home = await createProjectVia(projectsApi(source), { name: 'Home', color: 'green' });
  const work = await createProjectVia(projectsApi(source), { name: 'Work', color: 'blue' });
  const empty = await createProjectVia(projectsApi(source), { name: 'Empty', color: 'purple' });
  const errands = await createProjectVia(projectsApi(source), { name: '@Errands', color: 'orange' });
  expect((await projectsApi(source).move(empty.id, { to: 'top' })).status).toBe(200);

  const inbox = await createTaskVia(api, { title: 'Inbox task' });
  await createTaskVia(api, { title: 'Inbox child', parent_id: inbox.id });
  const fence = await createTaskVia(api, { title: 'Fence', project_id: home.id, labels: ['outside'] });
  const paint = await createTaskVia(api, { title: 'Paint', parent_id: fence.id, due_date: '2026-12-01' });
  const buy = await createTaskVia(api, { title: 'Buy paint', parent_id: paint.id, priority: 'high' });
  await createTaskVia(api, { title: 'Brush', parent_id: buy.id, completed: true });
  await createTaskVia(api, { title: 'Garden', project_id: home.id });
  const report = await createTaskVia(api, { title: 'Report', project_id: work.id });
  await createTaskVia(api, { title: 'Draft', parent_id: report.id });
  await createTaskVia(api, { title: 'Call', project_id: errands.id });
});

describe('GET /api/{user_id}/export with projects and subtasks', () => {
  it('JSON: the projects in sidebar order, then the tasks list by list, each placed by project name and parent path', async () => {
    const document = await exportedDocument(source);
    expect(document.projects).toEqual([
      { name: 'Empty', color: 'purple' },
      { name: 'Home', color: 'green' },
      { name: 'Work', color: 'blue' },
      { name: '@Errands', color: 'orange' },
    ]);
    expect(placed(document)).toEqual(SOURCE_PLACES);
    expect(document.tasks.map((task) => task.parent)).toEqual([
      'tasks[1]',
      null,
      null,
      'tasks[4]',
      'tasks[5]',
      'tasks[6]',
      null,
      'tasks[8]',
      null,
      null,
    ]);
    for (const task of document.tasks) {
      expect(Object.keys(task)).not.toContain('project_id');
      expect(Object.keys(task)).not.toContain('parent_id');
    }
    expect(document.tasks[4]).toMatchObject({ title: 'Buy paint', priority: 'high', project: 'Home' });
  });

  it('CSV: project and parent appended to the header, the parent as its spreadsheet row, formula cells quoted', async () => {
    const response = await transferApi(source).export('csv');
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text.split('\r\n')[0]).toBe('title,description,completed,due_date,due_time,priority,labels,repeat,created_at,project,parent');
    const rows = csvCells(text);
    expect(rows.map((cells) => [cells[0], cells.at(-2), cells.at(-1)])).toEqual([
      ['Inbox child', '', 'row 3'],
      ['Inbox task', '', ''],
      ['Garden', 'Home', ''],
      ['Brush', 'Home', 'row 6'],
      ['Buy paint', 'Home', 'row 7'],
      ['Paint', 'Home', 'row 8'],
      ['Fence', 'Home', ''],
      ['Draft', 'Work', 'row 10'],
      ['Report', 'Work', ''],
      ['Call', "'@Errands", ''],
    ]);
    expect(rows.every((cells) => cells.length === 11)).toBe(true);
  });

  it('carries the projects the caller is a member of, with the tasks other members made in them', async () => {
    const owner = await createTestUser();
    const member = await createTestUser();
    const shared = await createProjectVia(projectsApi(owner), { name: 'Shared', color: 'teal' });
    await addMember(shared.id, member, 'viewer');
    const top = await createTaskVia(tasksApi(owner), { title: 'their task', project_id: shared.id });
    await createTaskVia(tasksApi(owner), { title: 'their subtask', parent_id: top.id });
    await createTaskVia(tasksApi(member), { title: 'mine' });
    const document = await exportedDocument(member);
    expect(document.projects).toEqual([{ name: 'Shared', color: 'teal' }]);
    expect(placed(document)).toEqual([
      ['mine', null, null],
      ['their subtask', 'Shared', 'their task'],
      ['their task', 'Shared', null],
    ]);
  });

  it('names parents across pages and lists: each parent path is the parent task, whatever page it is on', async () => {
    const big = await createTestUser();
    const db = database.current.db;
    const [project] = await db.insert(projects).values({ ownerId: big.id, name: 'Big' }).returning({ id: projects.id });
    await db.insert(projectMembers).values({ projectId: project!.id, userId: big.id, role: 'owner' });
    await db.insert(tasks).values(Array.from({ length: 1_200 }, (_, i) => ({ userId: big.id, title: `inbox ${i}` })));
    await db.insert(tasks).values(Array.from({ length: 1_100 }, (_, i) => ({ userId: big.id, projectId: project!.id, title: `big ${i}` })));
    // The top task of each list becomes a subtask of its list's bottom task: a page or more apart.
    for (const list of [big.id, project!.id]) {
      await db.execute(sql`update ${tasks} set parent_id = (select id from ${tasks} where list_id = ${list} order by position desc limit 1)
        where id = (select id from ${tasks} where list_id = ${list} order by position limit 1)`);
    }
    const inOrder = async (list: string) =>
      db.select({ id: tasks.id, title: tasks.title, parentId: tasks.parentId }).from(tasks).where(eq(tasks.listId, list)).orderBy(asc(tasks.position));
    const stored = [...(await inOrder(big.id)), ...(await inOrder(project!.id))];
    const titleOf = new Map(stored.map((task) => [task.id, task.title]));
    const expected = stored.map((task) => [task.title, task.title.startsWith('big') ? 'Big' : null, task.parentId === null ? null : titleOf.get(task.parentId)!]);

    const document = await exportedDocument(big);
    expect(placed(document)).toEqual(expected);
    expect(document.tasks[0]!.parent).toBe('tasks[1199]');
    expect(document.tasks[1_200]!.parent).toBe('tasks[2299]');
    const rows = csvCells(await (await transferApi(big).export('csv')).text());
    expect(rows[1_200]!.slice(-2)).toEqual(['Big', 'row 2301']);

    const copy = await createTestUser();
    expect((await transferApi(copy).importJson(document)).status).toBe(201);
    expect(comparable(await exportedDocument(copy))).toEqual(comparable(document));
  });

  it('stops the download, rather than send parents that point at the wrong tasks, when a list grows under it', async () => {
    const user = await createTestUser();
    const db = database.current.db;
    await db.insert(tasks).values(Array.from({ length: 1_001 }, (_, i) => ({ userId: user.id, title: `inbox ${i}` })));
    const project = await createProjectVia(projectsApi(user), { name: 'Later' });
    const parent = await createTaskVia(tasksApi(user), { title: 'parent', project_id: project.id });
    await createTaskVia(tasksApi(user), { title: 'child', parent_id: parent.id });
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      // The first page is read before the answer; a task added below it is read with the next.
      // (Called without the conformance check, which would read the whole body first.)
      const response = await exportTasks(buildRequest('GET', `/api/${user.id}/export`, { headers: user.headers }), { params: Promise.resolve({ user_id: user.id }) });
      expect(response.status).toBe(200);
      await db.insert(tasks).values({ userId: user.id, title: 'added at the bottom', position: BOTTOM_POSITION });
      await expect(response.text()).rejects.toThrow();
      expect(logged).toHaveBeenCalledWith(expect.stringContaining('the tasks changed while the export ran'));
    } finally {
      logged.mockRestore();
    }
    // Once nothing moves, the export is whole again.
    const document = await exportedDocument(user);
    expect(placed(document).slice(-2)).toEqual([
      ['child', 'Later', 'parent'],
      ['parent', 'Later', null],
    ]);
  });

  it('describes project and parent in the OpenAPI document, and no ids', async () => {
    const openapi = (await (await getOpenApi(new Request('http://localhost/api/openapi.json'), undefined)).json()) as {
      components: { schemas: Record<string, { properties: Record<string, unknown>; required?: string[] }> };
    };
    const exported = openapi.components.schemas.ExportedTask!;
    expect(exported.required).toEqual(expect.arrayContaining(['project', 'parent']));
    expect(Object.keys(exported.properties)).not.toEqual(expect.arrayContaining(['project_id']));
    expect(Object.keys(exported.properties)).not.toEqual(expect.arrayContaining(['parent_id']));
    expect(openapi.components.schemas.ExportDocument!.required).toContain('projects');
    expect(Object.keys(openapi.components.schemas.ImportedTask!.properties)).toEqual(expect.arrayContaining(['project', 'parent']));
    expect(openapi.components.schemas.ImportResult!.required).toContain('projects_created');
  });
});

describe('export, then import into another account', () => {
  it('JSON reproduces the projects (names, colours, sidebar order), each task\'s list and parent, and each list\'s order', async () => {
    const original = await exportedDocument(source);
    const target = await createTestUser();
    const response = await transferApi(target).importJson(original);
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ tasks_created: 10, labels_created: 1, projects_created: 4 });
    const copy = await exportedDocument(target);
    expect(copy.projects).toEqual(original.projects);
    expect(comparable(copy)).toEqual(comparable(original));
    expect(await sidebar(target)).toEqual(original.projects.map((project) => ({ ...project, role: 'owner' })));
    // Stored as the API's own subtasks: in the parent's list, by id.
    const listed = (await (await tasksApi(target).list({ sort: 'position', limit: '50' })).json()) as TaskJson[];
    const byTitle = new Map(listed.map((task) => [task.title, task]));
    expect(byTitle.get('Brush')!.parent_id).toBe(byTitle.get('Buy paint')!.id);
    expect(byTitle.get('Brush')!.project_id).toBe(byTitle.get('Fence')!.project_id);
    expect(byTitle.get('Inbox child')!).toMatchObject({ project_id: null, parent_id: byTitle.get('Inbox task')!.id });
  });

  it('CSV reproduces lists, parents and order; projects come back grey and only those with tasks', async () => {
    const original = await exportedDocument(source);
    const target = await createTestUser();
    const response = await transferApi(target).importCsv(await (await transferApi(source).export('csv')).text());
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ tasks_created: 10, labels_created: 1, projects_created: 3 });
    const copy = await exportedDocument(target);
    expect(comparable(copy)).toEqual(comparable(original));
    expect(copy.projects).toEqual([
      { name: 'Home', color: 'grey' },
      { name: 'Work', color: 'grey' },
      { name: '@Errands', color: 'grey' },
    ]);
  });

  it("uses the caller's own projects by name, case-insensitively (their colour stays), above the tasks they hold; a project only shared with them is not theirs", async () => {
    const target = await createTestUser();
    const home = await createProjectVia(projectsApi(target), { name: 'HOME', color: 'red' });
    await createTaskVia(tasksApi(target), { title: 'already at home', project_id: home.id });
    const stranger = await createTestUser();
    const theirWork = await createProjectVia(projectsApi(stranger), { name: 'Work' });
    await addMember(theirWork.id, target, 'editor');

    const response = await transferApi(target).importJson(await exportedDocument(source));
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ tasks_created: 10, labels_created: 1, projects_created: 3 });
    expect(await sidebar(target)).toEqual([
      { name: 'HOME', color: 'red', role: 'owner' },
      { name: 'Work', color: 'grey', role: 'editor' },
      { name: 'Empty', color: 'purple', role: 'owner' },
      { name: 'Work', color: 'blue', role: 'owner' },
      { name: '@Errands', color: 'orange', role: 'owner' },
    ]);
    const inHome = await database.current.db.select({ title: tasks.title }).from(tasks).where(eq(tasks.projectId, home.id)).orderBy(asc(tasks.position));
    expect(inHome.map((task) => task.title)).toEqual(['Garden', 'Brush', 'Buy paint', 'Paint', 'Fence', 'already at home']);
    expect(await database.current.db.$count(tasks, eq(tasks.projectId, theirWork.id))).toBe(0);
  });

  it('puts a subtask that names no project (absent or null) in its parent\'s project, as a create with parent_id alone', async () => {
    const target = await createTestUser();
    const response = await transferApi(target).importJson(
      importDocument([
        { title: 'child, no project', parent: 'tasks[2]' },
        { title: 'grandchild, project null', project: null, parent: 'tasks[0]' },
        { title: 'parent', project: '  Garden  ' },
        { title: 'sibling, same project spelled otherwise', project: 'GARDEN', parent: 'tasks[2]' },
      ]),
    );
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ tasks_created: 4, labels_created: 0, projects_created: 1 });
    expect(placed(await exportedDocument(target))).toEqual([
      ['child, no project', 'Garden', 'parent'],
      ['grandchild, project null', 'Garden', 'child, no project'],
      ['parent', 'Garden', null],
      ['sibling, same project spelled otherwise', 'Garden', 'parent'],
    ]);
  });

  it('reports the projects it would create on a dry run, and creates nothing', async () => {
    const target = await createTestUser();
    await createProjectVia(projectsApi(target), { name: 'work' });
    const response = await transferApi(target).importJson(await exportedDocument(source), { query: { dry_run: 'true' } });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ tasks_created: 10, labels_created: 1, projects_created: 3 });
    expect(await countOwn(target)).toEqual({ tasks: 0, labels: 0, projects: 1 });
  });
});

describe('v2 files import as before', () => {
  it('a v2 document (no projects, no project or parent) goes to the Inbox; ids a file carries are ignored', async () => {
    const target = await createTestUser();
    const response = await transferApi(target).importJson({
      format: 'todo-export',
      version: 1,
      exported_at: '2026-11-21T23:10:00.000Z',
      labels: [{ name: 'home', color: 'green' }],
      tasks: [
        { title: 'first', labels: ['home'], created_at: '2026-11-20T10:00:00.000Z' },
        { title: 'second', completed: true, project_id: '3f1c2b7a-5d4e-4a6b-9c8d-7e6f5a4b3c2d', parent_id: null },
      ],
    });
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ tasks_created: 2, labels_created: 1, projects_created: 0 });
    const document = await exportedDocument(target);
    expect(document.projects).toEqual([]);
    expect(document.tasks.map(({ title, completed, project, parent, created_at }) => ({ title, completed, project, parent, created_at }))).toEqual([
      { title: 'first', completed: false, project: null, parent: null, created_at: '2026-11-20T10:00:00.000Z' },
      { title: 'second', completed: true, project: null, parent: null, created_at: expect.any(String) },
    ]);
  });

  it('a v2 CSV (no project or parent column) goes to the Inbox', async () => {
    const target = await createTestUser();
    const csv = 'title,description,completed,due_date,due_time,priority,labels,repeat,created_at\r\none,,false,2026-12-01,,high,home,,\r\ntwo,,true,,,none,,,\r\n';
    const response = await transferApi(target).importCsv(csv);
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ tasks_created: 2, labels_created: 1, projects_created: 0 });
    expect(placed(await exportedDocument(target))).toEqual([
      ['one', null, null],
      ['two', null, null],
    ]);
  });
});

describe('POST /api/{user_id}/import refuses a bad tree, naming the place, and stores nothing', () => {
  async function refused(document: unknown) {
    const target = await createTestUser();
    const response = await transferApi(target).importJson(document);
    expect(response.status).toBe(422);
    const dryRun = await transferApi(target).importJson(document, { query: { dry_run: 'true' } });
    expect(dryRun.status).toBe(422);
    expect(await countOwn(target)).toEqual(NOTHING);
    const problem = await problemOf(response);
    expect(problem.detail).toMatch(/nothing was imported/);
    expect((await problemOf(dryRun)).errors).toEqual(problem.errors);
    return problem.errors;
  }

  it('a parent out of range, or the task itself', async () => {
    expect(await refused(importDocument([{ title: 'a', labels: ['x'] }, { title: 'b', parent: 'tasks[3]' }, { title: 'c', parent: 'tasks[2]' }]))).toEqual([
      { path: 'tasks[1].parent', message: 'must be another task of this file (tasks[0] to tasks[2])' },
      { path: 'tasks[2].parent', message: 'cannot be the task itself' },
    ]);
    expect(await refused(importDocument([{ title: 'alone', parent: 'tasks[1]' }]))).toEqual([
      { path: 'tasks[0].parent', message: 'must be another task of this file (the file has no other task)' },
    ]);
  });

  it('a cycle, named on each task in it', async () => {
    const errors = await refused(importDocument([{ title: 'a', parent: 'tasks[2]' }, { title: 'b', parent: 'tasks[0]' }, { title: 'c', parent: 'tasks[1]' }, { title: 'under it', parent: 'tasks[0]' }]));
    expect(errors).toEqual([
      { path: 'tasks[0].parent', message: 'makes a cycle: tasks[0] → tasks[2] → tasks[1] → tasks[0]' },
      { path: 'tasks[2].parent', message: 'makes a cycle: tasks[2] → tasks[1] → tasks[0] → tasks[2]' },
      { path: 'tasks[1].parent', message: 'makes a cycle: tasks[1] → tasks[0] → tasks[2] → tasks[1]' },
    ]);
    const long = await refused(importDocument(Array.from({ length: 6 }, (_, i) => ({ title: `t${i}`, parent: `tasks[${(i + 1) % 6}]` }))));
    expect(long).toHaveLength(6);
    expect(long![5]).toEqual({ path: 'tasks[5].parent', message: 'makes a cycle: tasks[5] → tasks[0] → tasks[1] → … → tasks[5]' });
  });

  it('a 5th level', async () => {
    const chain = [{ title: 'level 1' }, ...[2, 3, 4, 5, 6].map((level) => ({ title: `level ${level}`, parent: `tasks[${level - 2}]` }))];
    expect(await refused(importDocument(chain))).toEqual([{ path: 'tasks[4].parent', message: 'would make subtasks more than 4 levels deep' }]);
  });

  it('a parent in another project, or in the Inbox, than the project the task names', async () => {
    expect(
      await refused({
        ...importDocument([
          { title: 'home', project: 'Home' },
          { title: 'work subtask of home', project: 'Work', parent: 'tasks[0]' },
          { title: 'inbox' },
          { title: 'home subtask of inbox', project: 'home', parent: 'tasks[2]' },
          { title: 'fine: takes Home', parent: 'tasks[0]' },
        ]),
        projects: [{ name: 'Home', color: 'green' }],
      }),
    ).toEqual([
      { path: 'tasks[1].parent', message: 'must be in this task\'s project ("Work"): tasks[0] is in the project "Home"' },
      { path: 'tasks[3].parent', message: 'must be in this task\'s project ("home"): tasks[2] is in the Inbox' },
    ]);
  });

  it('a parent that is not a path of the file, and a project name that is no name', async () => {
    const errors = await refused(
      importDocument([
        { title: 'a' },
        { title: 'b', parent: 'task[0]' },
        { title: 'c', parent: 'tasks[-1]' },
        { title: 'd', parent: 'tasks[01]' },
        { title: 'e', parent: 0 },
        { title: 'f', project: '   ' },
      ]),
    );
    expect(errors).toEqual([
      { path: 'tasks[1].parent', message: 'must be tasks[i]: the place of another task in this file' },
      { path: 'tasks[2].parent', message: 'must be tasks[i]: the place of another task in this file' },
      { path: 'tasks[3].parent', message: 'must be tasks[i]: the place of another task in this file' },
      { path: 'tasks[4].parent', message: expect.any(String) },
      { path: 'tasks[5].project', message: expect.stringContaining('1-120') },
    ]);
  });

  it('names the bad projects entry', async () => {
    expect(await refused({ ...importDocument([{ title: 'a', project: 'P' }]), projects: [{ name: 'P', color: 'mauve' }, { name: '' }] })).toEqual([
      { path: 'projects[0].color', message: expect.any(String) },
      { path: 'projects[1].name', message: expect.any(String) },
    ]);
  });

  it('CSV: by row, as a spreadsheet numbers it', async () => {
    const target = await createTestUser();
    const csv = [
      'title,project,parent',
      'a,Home,',
      'b,Work,row 2',
      'c,,row 10',
      'd,,row 1',
      'e,,up',
      'f,,row 8',
      'g,,row 7',
      'h,,row 5',
      '',
    ].join('\r\n');
    const response = await transferApi(target).importCsv(csv);
    expect(response.status).toBe(422);
    expect((await problemOf(response)).errors).toEqual([
      { path: 'row 5: parent', message: 'must be "row N", the row of another task (the first task is row 2)' },
      { path: 'row 6: parent', message: 'must be "row N", the row of another task (the first task is row 2)' },
      { path: 'row 4: parent', message: 'must be another task of this file (row 2 to row 9)' },
      { path: 'row 7: parent', message: 'makes a cycle: row 7 → row 8 → row 7' },
      { path: 'row 8: parent', message: 'makes a cycle: row 8 → row 7 → row 8' },
    ]);
    expect(await countOwn(target)).toEqual(NOTHING);
    const otherProject = await transferApi(target).importCsv('title,project,parent\r\na,Home,\r\nb,Work,row 2\r\n');
    expect(otherProject.status).toBe(422);
    expect((await problemOf(otherProject)).errors).toEqual([{ path: 'row 3: parent', message: 'must be in this task\'s project ("Work"): row 2 is in the project "Home"' }]);
    expect(await countOwn(target)).toEqual(NOTHING);
  });
});

describe('the 300-project limit', () => {
  it('refuses an import that would make the caller own more than 300 projects (422 naming projects), storing nothing', async () => {
    const target = await createTestUser();
    const db = database.current.db;
    const own = await db
      .insert(projects)
      .values(Array.from({ length: 300 }, (_, i) => ({ ownerId: target.id, name: `project ${i}` })))
      .returning({ id: projects.id });
    await db.insert(projectMembers).values(own.map(({ id }) => ({ projectId: id, userId: target.id, role: 'owner' as const })));
    const document = { ...importDocument([{ title: 'new', project: 'One too many' }, { title: 'old', project: 'PROJECT 7' }]), projects: [{ name: 'project 1', color: 'red' }] };

    for (const query of [{}, { dry_run: 'true' }] as Record<string, string>[]) {
      const response = await transferApi(target).importJson(document, { query });
      expect(response.status).toBe(422);
      expect((await problemOf(response)).errors).toEqual([{ path: 'projects', message: 'would make more than 300 projects; delete some first' }]);
    }
    expect(await countOwn(target)).toEqual({ tasks: 0, labels: 0, projects: 300 });

    // Names the caller owns already are no new projects.
    const existing = await transferApi(target).importJson({ ...document, tasks: [{ title: 'old', project: 'PROJECT 7' }] });
    expect(existing.status).toBe(201);
    expect(await existing.json()).toEqual({ tasks_created: 1, labels_created: 0, projects_created: 0 });
    expect(await countOwn(target)).toEqual({ tasks: 1, labels: 0, projects: 300 });
  });
});

describe('POST /api/{user_id}/import with Idempotency-Key and projects', () => {
  it('replays the first answer, creating the projects and subtasks once', async () => {
    const target = await createTestUser();
    const document = await exportedDocument(source);
    const withKey = { headers: { 'idempotency-key': 'import-projects-1' } };
    const first = await transferApi(target).importJson(document, withKey);
    expect(first.status).toBe(201);
    const firstBody = await first.json();
    expect(firstBody).toEqual({ tasks_created: 10, labels_created: 1, projects_created: 4 });
    const retry = await transferApi(target).importJson(document, withKey);
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(await retry.json()).toEqual(firstBody);
    expect(await countOwn(target)).toEqual({ tasks: 10, labels: 1, projects: 4 });
    expect(placed(await exportedDocument(target))).toEqual(SOURCE_PLACES);
  });

  it('replays an answer stored before imports counted projects, as 0 projects created', async () => {
    const target = await createTestUser();
    const csv = 'title\r\nonce\r\n';
    await database.current.db.insert(idempotencyKeys).values({
      userId: target.id,
      key: 'stored-in-v2',
      route: 'POST /api/{user_id}/import',
      requestHash: createHash('sha256').update(csv).digest('hex'),
      responseStatus: 201,
      responseBody: { tasks_created: 1, labels_created: 0 },
    });
    const replay = await transferApi(target).importCsv(csv, { headers: { 'idempotency-key': 'stored-in-v2' } });
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(await replay.json()).toEqual({ tasks_created: 1, labels_created: 0, projects_created: 0 });
    expect(await database.current.db.$count(tasks, eq(tasks.userId, target.id))).toBe(0);
  });
});
