import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestUser } from '@/tests/helpers/auth';
import { withTestDatabase } from '@/tests/helpers/db';
import { createTaskVia, labelsApi, tasksApi } from '@/tests/helpers/requests';

// A label deleted while a task update sets it (once a foreign-key violation, a 500, about
// one try in 45). The window is made wide and certain here: a trigger on this file's database
// holds the update just before it links the task, and the delete is sent only once the update
// is seen waiting there. PostgreSQL only: PGlite has one connection, so requests never overlap.

const database = withTestDatabase();

beforeAll(async () => {
  await database.current.db.execute(sql`create function hold_link() returns trigger language plpgsql as $$
    begin perform pg_sleep(0.5); return new; end $$`);
  await database.current.db.execute(sql`create trigger hold_link before insert on task_labels for each row execute function hold_link()`);
});
afterAll(async () => {
  await database.current.db.execute(sql`drop trigger hold_link on task_labels`);
});

/** Resolves once some connection of this database is inside the trigger's pg_sleep. */
async function linkHeld(): Promise<void> {
  for (;;) {
    const { rows } = await database.current.db.execute(
      sql`select 1 from pg_stat_activity where datname = current_database() and wait_event = 'PgSleep'`,
    );
    if (rows.length > 0) return;
    await database.current.db.execute(sql`select pg_sleep(0.01)`);
  }
}

describe('a label deleted while a task update sets it', () => {
  it('answers 204 and 200, never 500, and leaves the task without a label that does not exist', async () => {
    const user = await createTestUser();
    const labels = labelsApi(user);
    const tasks = tasksApi(user);
    const label = (await (await labels.create({ name: 'racing' })).json()) as { id: string; name: string };
    const task = await createTaskVia(tasks, { title: 'raced' });

    const patching = tasks.patch(task.id, { labels: ['racing'] });
    await linkHeld();
    const removed = await labels.remove(label.id);
    const patched = await patching;
    expect(patched.status).toBe(200);
    expect(removed.status).toBe(204);

    const now = (await (await tasks.get(task.id)).json()) as { labels: string[] };
    const names = ((await (await labels.list()).json()) as { name: string }[]).map((l) => l.name);
    for (const name of now.labels) expect(names).toContain(name);
  });
});
