import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { withTestDatabase } from '@/tests/helpers/db';

const database = withTestDatabase();

async function rows(query: ReturnType<typeof sql>) {
  return (await database.current.db.execute(query)).rows;
}

async function insertUser(email = `u${Math.random()}@example.com`) {
  const [user] = await rows(sql`insert into users (email, password_hash) values (${email}, 'x') returning id`);
  return String(user!.id);
}

describe('schema', () => {
  it('has a uuid primary key on tasks.id', async () => {
    const result = await rows(sql`
      select a.attname, format_type(a.atttypid, a.atttypmod) as type
      from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
      where i.indrelid = 'tasks'::regclass and i.indisprimary`);
    expect(result).toEqual([{ attname: 'id', type: 'uuid' }]);
  });

  it('references users(id) from tasks.user_id with on delete cascade', async () => {
    const fks = await rows(sql`
      select pg_get_constraintdef(oid) as def from pg_constraint
      where conrelid = 'tasks'::regclass and contype = 'f' order by 1`);
    expect(fks.map((fk) => fk.def)).toEqual([
      // A subtask's parent is a task of the same list.
      'FOREIGN KEY (assignee_id) REFERENCES users(id) ON DELETE SET NULL',
      'FOREIGN KEY (parent_id, list_id) REFERENCES tasks(id, list_id) ON DELETE CASCADE',
      'FOREIGN KEY (project_id) REFERENCES projects(id) ON DELETE CASCADE',
      'FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE',
    ]);
  });

  it('makes every column NOT NULL but description, the optional planning fields, the project, the parent and the assignee (and who assigned it)', async () => {
    const result = await rows(sql`
      select column_name, is_nullable from information_schema.columns
      where table_name = 'tasks' order by column_name`);
    expect(Object.fromEntries(result.map((r) => [r.column_name, r.is_nullable]))).toEqual({
      assigned_by: 'YES',
      assignee_id: 'YES',
      change_xid: 'NO',
      completed: 'NO',
      created_at: 'NO',
      description: 'YES',
      due_date: 'YES',
      due_time: 'YES',
      id: 'NO',
      list_id: 'NO',
      parent_id: 'YES',
      position: 'NO',
      priority: 'NO',
      project_id: 'YES',
      repeat_every: 'YES',
      repeat_interval: 'YES',
      title: 'NO',
      updated_at: 'NO',
      user_id: 'NO',
    });
  });

  it('has an index leading with list_id for the list query', async () => {
    const result = await rows(sql`select indexdef from pg_indexes where tablename = 'tasks'`);
    expect(result.map((r) => r.indexdef)).toContainEqual(expect.stringMatching(/USING btree \(list_id, created_at, id\)/));
  });

  it('keeps the trigram indexes\' pending list, which every search scans, at 64 kB', async () => {
    const userId = await insertUser();
    await database.current.db.execute(
      sql`insert into tasks (user_id, title, description) select ${userId}, 'Task number ' || i, 'notes ' || i from generate_series(1, 2000) as i`,
    );
    // The pages still pending, moved into the index now: 8 kB each. With the default 4 MB
    // limit, these 2,000 tasks leave 82 and 52 pages pending.
    const [pending] = (await rows(
      sql`select gin_clean_pending_list('tasks_title_trgm_idx')::int as title, gin_clean_pending_list('tasks_description_trgm_idx')::int as description`,
    )) as [{ title: number; description: number }];
    expect(pending.title).toBeLessThanOrEqual(8);
    expect(pending.description).toBeLessThanOrEqual(8);
  });

  it('rejects titles outside 1-500 characters and descriptions over 5000, counting code points', async () => {
    const userId = await insertUser();
    const insert = (title: string, description: string | null = null) =>
      database.current.db.execute(sql`insert into tasks (user_id, title, description) values (${userId}, ${title}, ${description})`);
    await expect(insert('')).rejects.toThrow();
    await expect(insert('x'.repeat(501))).rejects.toThrow();
    await expect(insert('ok', 'd'.repeat(5001))).rejects.toThrow();
    await insert('😀'.repeat(500), 'd'.repeat(5000));
    const [{ count }] = (await rows(sql`select count(*)::int as count from tasks where user_id = ${userId}`)) as [{ count: number }];
    expect(count).toBe(1);
  });

  it('defaults completed to false and timestamps to now', async () => {
    const userId = await insertUser();
    const [task] = await rows(sql`
      insert into tasks (user_id, title) values (${userId}, 't')
      returning completed, extract(epoch from (now() - created_at)) as age`);
    expect(task?.completed).toBe(false);
    expect(Math.abs(Number(task?.age))).toBeLessThan(1);
  });

  it('moves updated_at forward and keeps created_at on a raw SQL update', async () => {
    const userId = await insertUser();
    const [before] = await rows(sql`insert into tasks (user_id, title) values (${userId}, 't') returning id, created_at, updated_at`);
    const [after] = await rows(sql`
      update tasks set title = 'u', created_at = now() - interval '1 day'
      where id = ${before!.id} returning created_at, updated_at`);
    expect(new Date(String(after!.updated_at)).getTime()).toBeGreaterThan(new Date(String(before!.updated_at)).getTime());
    expect(new Date(String(after!.created_at)).getTime()).toBe(new Date(String(before!.created_at)).getTime());
  });

  it('deletes a user\'s tasks with the user', async () => {
    const userId = await insertUser();
    await rows(sql`insert into tasks (user_id, title) values (${userId}, 't')`);
    await rows(sql`delete from users where id = ${userId}`);
    const result = await rows(sql`select id from tasks where user_id = ${userId}`);
    expect(result).toEqual([]);
  });

  it('stores emails only trimmed and lower-cased, once', async () => {
    await expect(insertUser('Ann@X.io')).rejects.toThrow();
    await insertUser('ann@x.io');
    await expect(insertUser('ann@x.io')).rejects.toThrow();
  });
});
