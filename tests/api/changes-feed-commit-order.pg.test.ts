import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as changesRoute from '@/app/api/[user_id]/tasks/changes/route';
import type { ChangesJson } from '@/lib/sync/schemas';
import { createTestUser, type TestUser } from '@/tests/helpers/auth';
import { withTestDatabase } from '@/tests/helpers/db';
import { callRoute } from '@/tests/helpers/requests';

// The case a plain `sequence > cursor` feed gets wrong, made on purpose with two connections of
// a real server: a transaction that started writing first commits after a later one was read.
// (PostgreSQL only: PGlite has one connection, so its transactions cannot interleave.)

const database = withTestDatabase();

let user: TestUser;
let first: pg.Client;
let second: pg.Client;

beforeEach(async () => {
  user = await createTestUser();
  first = new pg.Client({ connectionString: database.current.url });
  second = new pg.Client({ connectionString: database.current.url });
  await Promise.all([first.connect(), second.connect()]);
});

afterEach(async () => {
  await Promise.all([first.end(), second.end()]);
});

async function changes(since?: string): Promise<ChangesJson> {
  const response = await callRoute(changesRoute, 'GET', `/api/${user.id}/tasks/changes`, { user_id: user.id }, { headers: user.headers, query: since ? { since } : {} });
  expect(response.status).toBe(200);
  return response.json();
}

const insert = (client: pg.Client, title: string) =>
  client.query<{ id: string; xid: string }>('insert into tasks (user_id, title) values ($1, $2) returning id, change_xid::text as xid', [user.id, title]);

describe('the changes feed when transactions commit out of order', () => {
  it('returns a task whose transaction began first but committed after a later one was read', async () => {
    const { cursor } = await changes();

    await first.query('begin');
    const early = (await insert(first, 'numbered first, committed last')).rows[0]!;
    await second.query('begin');
    const late = (await insert(second, 'numbered second, committed first')).rows[0]!;
    await second.query('commit');
    expect(BigInt(early.xid)).toBeLessThan(BigInt(late.xid));

    const read = await changes(cursor);
    expect(read.changes.map((t) => t.id)).toEqual([late.id]);

    await first.query('commit');
    const after = await changes(read.cursor);
    expect(after.changes.map((t) => t.id)).toEqual([early.id]);
    expect((await changes(after.cursor)).changes).toEqual([]);
  });

  it('returns an edit and a delete that commit after a later change was read', async () => {
    const [a, b] = await Promise.all([insert(second, 'a'), insert(second, 'b')]);
    const { cursor } = await changes();

    await first.query('begin');
    await first.query("update tasks set title = 'a, edited late' where id = $1", [a.rows[0]!.id]);
    await first.query('delete from tasks where id = $1', [b.rows[0]!.id]);
    const later = (await insert(second, 'c')).rows[0]!;

    const read = await changes(cursor);
    expect(read.changes.map((t) => t.title)).toEqual(['c']);
    expect(read.deleted).toEqual([]);

    await first.query('commit');
    const after = await changes(read.cursor);
    expect(after.changes.map((t) => t.title)).toEqual(['a, edited late']);
    expect(after.deleted).toEqual([b.rows[0]!.id]);
    expect(later.id).toBeTruthy();
  });

  it('does not return a change rolled back', async () => {
    const { cursor } = await changes();
    await first.query('begin');
    await insert(first, 'never');
    const read = await changes(cursor);
    await first.query('rollback');
    expect(read.changes).toEqual([]);
    expect((await changes(read.cursor)).changes).toEqual([]);
  });
});
