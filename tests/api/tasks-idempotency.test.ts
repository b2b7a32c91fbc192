import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { idempotencyKeys, tasks } from '@/lib/db/schema';
import { requestHash } from '@/lib/idempotency/run-once';
import type { TaskJson } from '@/lib/tasks/schemas';
import { createTestUser, type TestUser } from '@/tests/helpers/auth';
import { withTestDatabase } from '@/tests/helpers/db';
import { problemOf, tasksApi, type TasksApi } from '@/tests/helpers/requests';

const database = withTestDatabase();

let user: TestUser;
let api: TasksApi;

beforeAll(async () => {
  user = await createTestUser();
  api = tasksApi(user);
});

const withKey = (key: string) => ({ headers: { 'idempotency-key': key } });

async function countTasks(title: string) {
  return database.current.db.$count(tasks, eq(tasks.title, title));
}

describe('POST /api/{user_id}/tasks with Idempotency-Key', () => {
  it('replays the first response for a retry with the same body, creating nothing new', async () => {
    const first = await api.create({ title: 'pay rent', description: 'by the 1st' }, withKey('rent-2026-12'));
    expect(first.status).toBe(201);
    const task = (await first.json()) as TaskJson;
    expect(first.headers.get('idempotent-replayed')).toBeNull();

    // Same JSON, other key order and spacing.
    const retry = await api.create(undefined, {
      rawBody: '{ "description": "by the 1st",\n "title": "pay rent" }',
      headers: { 'idempotency-key': 'rent-2026-12', 'content-type': 'application/json' },
    });
    expect(retry.status).toBe(201);
    expect(await retry.json()).toEqual(task);
    expect(retry.headers.get('location')).toBe(first.headers.get('location'));
    expect(retry.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(await countTasks('pay rent')).toBe(1);
  });

  it('answers 422 for the same key with a different body, and creates nothing', async () => {
    expect((await api.create({ title: 'original' }, withKey('k-mismatch'))).status).toBe(201);
    const response = await api.create({ title: 'different' }, withKey('k-mismatch'));
    expect(response.status).toBe(422);
    expect((await problemOf(response)).detail).toMatch(/Idempotency-Key/);
    expect(await countTasks('different')).toBe(0);
  });

  it('keeps keys per user', async () => {
    const other = tasksApi(await createTestUser());
    expect((await api.create({ title: 'per user' }, withKey('shared-key'))).status).toBe(201);
    const theirs = await other.create({ title: 'per user' }, withKey('shared-key'));
    expect(theirs.status).toBe(201);
    expect(theirs.headers.get('idempotent-replayed')).toBeNull();
    expect(await countTasks('per user')).toBe(2);
  });

  it('creates exactly one task for five parallel requests with one key: the duplicates wait and replay it', async () => {
    const responses = await Promise.all(Array.from({ length: 5 }, () => api.create({ title: 'race' }, withKey('race-key'))));
    expect(responses.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    const bodies = (await Promise.all(responses.map((r) => r.json()))) as TaskJson[];
    expect(new Set(bodies.map((b) => b.id)).size).toBe(1);
    expect(responses.filter((r) => r.headers.get('idempotent-replayed') === 'true')).toHaveLength(4);
    expect(await countTasks('race')).toBe(1);
  });

  it('takes over a key left without a response (by an older version), instead of answering 409 for 24 hours', async () => {
    await database.current.db
      .insert(idempotencyKeys)
      .values({ userId: user.id, key: 'left-over', route: 'POST /api/{user_id}/tasks', requestHash: requestHash({ title: 'left over' }) });
    const response = await api.create({ title: 'left over' }, withKey('left-over'));
    expect(response.status).toBe(201);
    expect(response.headers.get('idempotent-replayed')).toBeNull();
    const retry = await api.create({ title: 'left over' }, withKey('left-over'));
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(await countTasks('left over')).toBe(1);
  });

  it('treats a key older than 24 hours as new, and clears the user\'s other expired keys', async () => {
    expect((await api.create({ title: 'yesterday' }, withKey('old-key'))).status).toBe(201);
    expect((await api.create({ title: 'also old' }, withKey('older-key'))).status).toBe(201);
    await database.current.db
      .update(idempotencyKeys)
      .set({ createdAt: sql`now() - interval '25 hours'` })
      .where(eq(idempotencyKeys.userId, user.id));
    const response = await api.create({ title: 'today' }, withKey('old-key'));
    expect(response.status).toBe(201);
    expect(response.headers.get('idempotent-replayed')).toBeNull();
    expect(await countTasks('today')).toBe(1);
    const keys = await database.current.db.select({ key: idempotencyKeys.key }).from(idempotencyKeys).where(eq(idempotencyKeys.userId, user.id));
    expect(keys.map((k) => k.key)).toEqual(['old-key']);
  });

  it('stores nothing for a request that fails validation', async () => {
    expect((await api.create({ title: '' }, withKey('invalid-first'))).status).toBe(422);
    const retry = await api.create({ title: 'valid now' }, withKey('invalid-first'));
    expect(retry.status).toBe(201);
  });

  it('leaves no key behind when the create fails after the claim, so that a retry creates', async () => {
    // The title check in the database is the last line of defence; a trigger stands in for
    // any failure that happens after the key was claimed.
    await database.current.db.execute(sql`
      create function fail_on_boom() returns trigger language plpgsql as $$
      begin if new.title = 'boom' then raise exception 'boom'; end if; return new; end $$`);
    await database.current.db.execute(sql`create trigger fail_on_boom before insert on tasks for each row execute function fail_on_boom()`);
    try {
      const failed = await api.create({ title: 'boom' }, withKey('fails-once'));
      expect(failed.status).toBe(500);
      expect(await failed.text()).not.toMatch(/boom|plpgsql|trigger/);
      const [claim] = await database.current.db.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, 'fails-once'));
      expect(claim).toBeUndefined();
    } finally {
      await database.current.db.execute(sql`drop trigger fail_on_boom on tasks`);
    }
    const retry = await api.create({ title: 'boom' }, withKey('fails-once'));
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBeNull();
    expect(await countTasks('boom')).toBe(1);
  });

  it('creates no task and leaves the key free when storing the response fails', async () => {
    await database.current.db.execute(sql`
      create function fail_on_store() returns trigger language plpgsql as $$
      begin if new.key = 'store-fails' then raise exception 'store failed'; end if; return new; end $$`);
    await database.current.db.execute(
      sql`create trigger fail_on_store before update on idempotency_keys for each row execute function fail_on_store()`,
    );
    try {
      expect((await api.create({ title: 'stored later' }, withKey('store-fails'))).status).toBe(500);
      expect(await countTasks('stored later')).toBe(0);
    } finally {
      await database.current.db.execute(sql`drop trigger fail_on_store on idempotency_keys`);
    }
    const retry = await api.create({ title: 'stored later' }, withKey('store-fails'));
    expect(retry.status).toBe(201);
    expect(await countTasks('stored later')).toBe(1);
  });

  it.each([
    ['empty', ''],
    ['too long', 'k'.repeat(256)],
    ['with a space', 'a b'],
    ['non-ASCII', 'clé'],
  ])('answers 422 for an %s key and creates nothing', async (_, key) => {
    const response = await api.create({ title: `bad key ${key.length}` }, withKey(key));
    expect(response.status).toBe(422);
    expect((await problemOf(response)).errors?.map((e) => e.path)).toEqual(['idempotency-key']);
    expect(await countTasks(`bad key ${key.length}`)).toBe(0);
  });

  it('accepts a key of 255 visible characters', async () => {
    expect((await api.create({ title: 'long key' }, withKey('~'.repeat(255)))).status).toBe(201);
  });
});
