import { sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ProjectJson } from '@/lib/projects/schemas';
import type { TaskJson } from '@/lib/tasks/schemas';
import { createTestUser, type TestUser } from '@/tests/helpers/auth';
import { withTestDatabase } from '@/tests/helpers/db';
import { createProjectVia, createTaskVia, importDocument, projectsApi, shareVia, tasksApi, transferApi, type TasksApi } from '@/tests/helpers/requests';

// A list's unfiltered total (X-Total-Count) is the sum of its stored counts (drizzle/0020), kept
// by triggers on every way a task enters or leaves a list. Each step below checks the totals the
// API answers, and that every list's stored count is its tasks counted.

const database = withTestDatabase();

let ann: TestUser;
let tasks: TasksApi;
let home: ProjectJson;
let work: ProjectJson;

beforeEach(async () => {
  ann = await createTestUser();
  tasks = tasksApi(ann);
  home = await createProjectVia(projectsApi(ann), { name: 'Home' });
  work = await createProjectVia(projectsApi(ann), { name: 'Work' });
});

async function totalOf(query: Record<string, string>, api: TasksApi = tasks): Promise<number> {
  const response = await api.list(query);
  expect(response.status).toBe(200);
  return Number(response.headers.get('x-total-count'));
}

/** The totals of the caller's lists: every list, the Inbox, Home and Work. */
const totals = async (api: TasksApi = tasks) => ({
  all: await totalOf({}, api),
  inbox: await totalOf({ project: 'inbox' }, api),
  home: await totalOf({ project: home.id }, api),
  work: await totalOf({ project: work.id }, api),
});

/** Lists whose stored count is not their number of tasks, and stored counts of lists that are gone: both empty. */
async function expectCountsExact() {
  const { rows: wrong } = await database.current.db.execute(sql`
    select coalesce(c.list_id, t.list_id) as list_id, c.n as stored, t.n as counted
    from (select list_id, sum(tasks)::int as n from list_counts group by list_id) c
    full join (select list_id, count(*)::int as n from tasks group by list_id) t on t.list_id = c.list_id
    where coalesce(c.n, 0) <> coalesce(t.n, 0)`);
  expect(wrong).toEqual([]);
  const { rows: orphans } = await database.current.db.execute(sql`
    select list_id from list_counts where list_id not in (select id from users union all select id from projects)`);
  expect(orphans).toEqual([]);
}

describe('the unfiltered total of a list', () => {
  it('follows creates, imports, moves with a subtree, deletes with subtasks and a deleted project', async () => {
    await createTaskVia(tasks, { title: 'inbox 1' });
    const loose = await createTaskVia(tasks, { title: 'inbox 2' });
    const parent = await createTaskVia(tasks, { title: 'parent', project_id: home.id });
    const child = await createTaskVia(tasks, { title: 'child', parent_id: parent.id });
    await createTaskVia(tasks, { title: 'grandchild', parent_id: child.id });
    expect(await totals()).toEqual({ all: 5, inbox: 2, home: 3, work: 0 });
    await expectCountsExact();

    const imported = await transferApi(ann).importJson(importDocument([{ title: 'imported 1' }, { title: 'imported 2' }, { title: 'imported 3' }]));
    expect(imported.status).toBe(201);
    expect(await totals()).toEqual({ all: 8, inbox: 5, home: 3, work: 0 });

    // The parent goes to Work with its subtree; an Inbox task goes to Home, and back.
    expect((await tasks.patch(parent.id, { project_id: work.id })).status).toBe(200);
    expect((await tasks.patch(loose.id, { project_id: home.id })).status).toBe(200);
    expect(await totals()).toEqual({ all: 8, inbox: 4, home: 1, work: 3 });
    await expectCountsExact();
    expect((await tasks.patch(loose.id, { project_id: null })).status).toBe(200);
    expect(await totals()).toEqual({ all: 8, inbox: 5, home: 0, work: 3 });

    // An edit within the list and a completion (of the child and its subtask) change no stored count;
    // a filtered total counts its matches.
    expect((await tasks.patch(child.id, { title: 'child, renamed', completed: true })).status).toBe(200);
    expect(await totalOf({ project: work.id, completed: 'true' })).toBe(2);
    expect(await totals()).toEqual({ all: 8, inbox: 5, home: 0, work: 3 });

    expect((await tasks.remove(child.id)).status).toBe(204);
    expect(await totals()).toEqual({ all: 6, inbox: 5, home: 0, work: 1 });
    expect((await projectsApi(ann).remove(work.id)).status).toBe(204);
    expect(await totalOf({})).toBe(5);
    await expectCountsExact();
  });

  it('is the same for every member of a shared project, and a deleted account leaves no count behind', async () => {
    const bob = await createTestUser();
    await shareVia(ann, home.id, bob, 'editor');
    const bobs = tasksApi(bob);
    await createTaskVia(bobs, { title: "bob's inbox" });
    await createTaskVia(bobs, { title: "bob's, in Home", project_id: home.id });
    await createTaskVia(tasks, { title: "ann's, in Home", project_id: home.id });
    expect(await totalOf({ project: home.id }, bobs)).toBe(2);
    expect(await totalOf({}, bobs)).toBe(3);
    expect(await totals()).toEqual({ all: 2, inbox: 0, home: 2, work: 0 });

    // Bob's Inbox goes with his account; his task in Home passes to Ann and stays counted.
    await database.current.db.execute(sql`delete from users where id = ${bob.id}`);
    expect(await totals()).toEqual({ all: 2, inbox: 0, home: 2, work: 0 });
    await expectCountsExact();
  });

  it('counts concurrent creates into one list exactly', async () => {
    const created = await Promise.all(Array.from({ length: 20 }, (_, i) => tasks.create({ title: `at once ${i}`, project_id: home.id })));
    expect(created.map((response) => response.status)).toEqual(Array(20).fill(201));
    expect(((await Promise.all(created.map((response) => response.json()))) as TaskJson[]).every((task) => task.project_id === home.id)).toBe(true);
    expect(await totals()).toEqual({ all: 20, inbox: 0, home: 20, work: 0 });
    await expectCountsExact();
  });
});
