import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import * as importRoute from '@/app/api/[user_id]/import/route';
import { TASKS_PER_USER_MAX } from '@/lib/limits';
import { createTestUser, type TestUser } from '@/tests/helpers/auth';
import { withTestDatabase } from '@/tests/helpers/db';
import { callRoute, createTaskVia, problemOf, tasksApi } from '@/tests/helpers/requests';

// docs/api.md, "v2: export and import": at most 50,000 tasks per account in all, 422 beyond, for
// create and import alike. The accounts are filled with one INSERT … SELECT, as an import
// writes them, so the cap is reached honestly rather than lowered for the test.

const database = withTestDatabase();

async function fill(user: TestUser, count: number): Promise<void> {
  await database.current.db.execute(
    sql`insert into tasks (user_id, title) select ${user.id}::uuid, 'filler ' || g from generate_series(1, ${count}::integer) as g`,
  );
}

async function ownTasks(user: TestUser): Promise<number> {
  const { rows } = await database.current.db.execute(sql`select count(*)::integer as n from tasks where user_id = ${user.id}::uuid`);
  return Number(rows[0]!.n);
}

describe('the 50,000-task cap on create', () => {
  it('creates the 50,000th task and refuses the next with 422, storing nothing; a deleted task makes room', { timeout: 60_000 }, async () => {
    const user = await createTestUser();
    const api = tasksApi(user);
    await fill(user, TASKS_PER_USER_MAX - 1);

    const last = await createTaskVia(api, { title: 'the last one that fits' });
    const refused = await api.create({ title: 'one too many', labels: ['new label'] });
    expect(refused.status).toBe(422);
    expect((await problemOf(refused)).detail).toBe(`An account holds at most ${TASKS_PER_USER_MAX} tasks; delete some first`);
    expect(await ownTasks(user)).toBe(TASKS_PER_USER_MAX);
    const { rows: newLabels } = await database.current.db.execute(sql`select 1 from labels where user_id = ${user.id}::uuid`);
    expect(newLabels).toHaveLength(0);

    expect((await api.remove(last.id)).status).toBe(204);
    await createTaskVia(api, { title: 'fits again' });
    expect((await api.create({ title: 'and full again' })).status).toBe(422);
    expect(await ownTasks(user)).toBe(TASKS_PER_USER_MAX);
  });

  it('counts each account on its own', { timeout: 60_000 }, async () => {
    const full = await createTestUser();
    const other = await createTestUser();
    await fill(full, TASKS_PER_USER_MAX);
    expect((await tasksApi(full).create({ title: 'no room' })).status).toBe(422);
    await createTaskVia(tasksApi(other), { title: 'plenty of room here' });
  });

  it('lets exactly as many concurrent creates through as fit', { timeout: 60_000 }, async () => {
    const user = await createTestUser();
    const api = tasksApi(user);
    await fill(user, TASKS_PER_USER_MAX - 10);
    const statuses = await Promise.all(Array.from({ length: 30 }, (_, i) => api.create({ title: `racer ${i}` }).then((r) => r.status)));
    expect(statuses.filter((s) => s === 201)).toHaveLength(10);
    expect(statuses.filter((s) => s === 422)).toHaveLength(20);
    expect(await ownTasks(user)).toBe(TASKS_PER_USER_MAX);
  });

  it('takes creates far from the cap without refusing any, and keeps count through deletes', async () => {
    const user = await createTestUser();
    const api = tasksApi(user);
    const created = await Promise.all(Array.from({ length: 20 }, (_, i) => createTaskVia(api, { title: `task ${i}` })));
    await Promise.all(created.slice(0, 5).map((task) => api.remove(task.id)));
    const { rows } = await database.current.db.execute(sql`select coalesce(sum(tasks), 0)::integer as n from task_counts where user_id = ${user.id}::uuid`);
    expect(Number(rows[0]!.n)).toBe(15);
    expect(await ownTasks(user)).toBe(15);
  });

  it('counts imported tasks: an import up to the cap, then a create is refused', { timeout: 60_000 }, async () => {
    const user = await createTestUser();
    await fill(user, TASKS_PER_USER_MAX - 2);
    const imported = await callRoute(importRoute, 'POST', `/api/${user.id}/import`, { user_id: user.id }, {
      headers: user.headers,
      body: { format: 'todo-export', version: 1, tasks: [{ title: 'imported 1' }, { title: 'imported 2' }] },
    });
    expect(imported.status).toBe(201);
    expect((await tasksApi(user).create({ title: 'no room left' })).status).toBe(422);
    expect(await ownTasks(user)).toBe(TASKS_PER_USER_MAX);
  });

  it('leaves no count behind when the account is deleted', async () => {
    const user = await createTestUser();
    await fill(user, 3);
    await database.current.db.execute(sql`delete from users where id = ${user.id}::uuid`);
    const { rows } = await database.current.db.execute(sql`select 1 from task_counts where user_id = ${user.id}::uuid`);
    expect(rows).toHaveLength(0);
  });
});
