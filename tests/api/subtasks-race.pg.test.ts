import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestUser } from '@/tests/helpers/auth';
import { withTestDatabase } from '@/tests/helpers/db';
import { createTaskVia, tasksApi } from '@/tests/helpers/requests';

// Two requests that re-parent two tasks into each other's subtree at once. Each alone is fine;
// both together would make a cycle. The window is made certain: a trigger on this file's
// database holds the first update after the tree check (drizzle/0011, tasks_check_tree) and
// before its commit, and the second is sent only once the first is seen waiting there.
// PostgreSQL only: PGlite has one connection, so requests never overlap.

const database = withTestDatabase();

beforeAll(async () => {
  await database.current.db.execute(sql`create function hold_reparent() returns trigger language plpgsql as $$
    begin if new.title = 'held' then perform pg_sleep(0.5); end if; return new; end $$`);
  await database.current.db.execute(sql`create trigger hold_reparent after update of parent_id on tasks for each row execute function hold_reparent()`);
});
afterAll(async () => {
  await database.current.db.execute(sql`drop trigger hold_reparent on tasks`);
});

async function firstHeld(): Promise<void> {
  for (;;) {
    const { rows } = await database.current.db.execute(sql`select 1 from pg_stat_activity where datname = current_database() and wait_event = 'PgSleep'`);
    if (rows.length > 0) return;
    await database.current.db.execute(sql`select pg_sleep(0.01)`);
  }
}

describe('two tasks re-parented into each other\'s subtree at once', () => {
  it('lets the first through and refuses the second (422): no cycle is ever stored', async () => {
    const tasks = tasksApi(await createTestUser());
    const held = await createTaskVia(tasks, { title: 'held' });
    const other = await createTaskVia(tasks, { title: 'other' });
    const child = await createTaskVia(tasks, { title: 'child of other', parent_id: other.id });

    // held goes under other's child; at the same time, other goes under held.
    const first = tasks.patch(held.id, { parent_id: child.id });
    await firstHeld();
    const second = await tasks.patch(other.id, { parent_id: held.id });
    expect((await first).status).toBe(200);
    expect(second.status).toBe(422);

    const { rows } = await database.current.db.execute(sql`select id, parent_id from tasks where id in (${held.id}, ${other.id}, ${child.id})`);
    const parents = new Map(rows.map((r) => [r.id as string, r.parent_id as string | null]));
    expect(parents.get(held.id)).toBe(child.id);
    expect(parents.get(other.id)).toBeNull();
  });
});
