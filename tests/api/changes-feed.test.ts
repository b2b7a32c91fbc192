import { sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import * as changesRoute from '@/app/api/[user_id]/tasks/changes/route';
import { encodeFeedCursor } from '@/lib/sync/cursor';
import type { ChangesJson } from '@/lib/sync/schemas';
import type { TaskJson } from '@/lib/tasks/schemas';
import { createTestUser, type TestUser } from '@/tests/helpers/auth';
import { withTestDatabase } from '@/tests/helpers/db';
import { callRoute, createTaskVia, labelsApi, problemOf, tasksApi, type TasksApi } from '@/tests/helpers/requests';

const database = withTestDatabase();

let user: TestUser;
let tasks: TasksApi;

beforeEach(async () => {
  user = await createTestUser();
  tasks = tasksApi(user);
});

function changes(query: Record<string, string> = {}, as: TestUser = user, headers = as.headers) {
  return callRoute(changesRoute, 'GET', `/api/${as.id}/tasks/changes`, { user_id: as.id }, { headers, query });
}

async function page(query: Record<string, string> = {}): Promise<ChangesJson> {
  const response = await changes(query);
  expect(response.status).toBe(200);
  expect(response.headers.get('cache-control')).toBe('no-store');
  return response.json();
}

/** Follows the feed from `since` until `more` is false: every page's changes and deletions, and the last cursor. */
async function follow(since?: string, limit?: number) {
  const all = { changes: [] as TaskJson[], deleted: [] as string[], pages: 0, cursor: '' };
  let cursor = since;
  for (;;) {
    const next = await page({ ...(cursor && { since: cursor }), ...(limit && { limit: String(limit) }) });
    all.changes.push(...next.changes);
    all.deleted.push(...next.deleted);
    all.pages++;
    cursor = next.cursor;
    if (!next.more) return { ...all, cursor };
  }
}

const titles = (list: TaskJson[]) => list.map((t) => t.title).sort();

describe('GET /api/{user_id}/tasks/changes', () => {
  it('without since, lists every task of the caller (a full sync), no deletions, and a cursor', async () => {
    await createTaskVia(tasks, { title: 'one', labels: ['home'], due_date: '2026-12-24' });
    await createTaskVia(tasks, { title: 'two' });
    await createTaskVia(tasksApi(await createTestUser()), { title: 'not mine' });
    const full = await page();
    expect(titles(full.changes)).toEqual(['one', 'two']);
    expect(full.changes.find((t) => t.title === 'one')).toMatchObject({ labels: ['home'], due_date: '2026-12-24', user_id: user.id });
    expect(full).toMatchObject({ deleted: [], more: false, cursor: expect.any(String) });
  });

  it('with since, returns each task created, edited, completed, moved or deleted after it, once, as it is now', async () => {
    const kept = await createTaskVia(tasks, { title: 'kept' });
    const edited = await createTaskVia(tasks, { title: 'edited' });
    const done = await createTaskVia(tasks, { title: 'done' });
    const moved = await createTaskVia(tasks, { title: 'moved' });
    const gone = await createTaskVia(tasks, { title: 'gone' });
    const { cursor } = await page();

    const added = await createTaskVia(tasks, { title: 'added' });
    expect((await tasks.patch(edited.id, { title: 'edited once' })).status).toBe(200);
    expect((await tasks.patch(edited.id, { title: 'edited twice' })).status).toBe(200);
    expect((await tasks.toggle(done.id)).status).toBe(200);
    expect((await tasks.move(moved.id, { to: 'bottom' })).status).toBe(200);
    expect((await tasks.remove(gone.id)).status).toBe(204);

    const since = await page({ since: cursor });
    expect(titles(since.changes)).toEqual(['added', 'done', 'edited twice', 'moved']);
    expect(since.changes.find((t) => t.id === done.id)?.completed).toBe(true);
    expect(since.changes.find((t) => t.id === added.id)).toEqual(await (await tasks.get(added.id)).json());
    expect(since.deleted).toEqual([gone.id]);
    expect(since.changes.map((t) => t.id)).not.toContain(kept.id);

    // Nothing new since the last cursor: an empty answer, and the cursor still works.
    const quiet = await page({ since: since.cursor });
    expect(quiet).toMatchObject({ changes: [], deleted: [], more: false });
    expect((await page({ since: quiet.cursor })).changes).toEqual([]);
  });

  it('reports a task created and deleted between two syncs as deleted only', async () => {
    const { cursor } = await page();
    const brief = await createTaskVia(tasks, { title: 'brief' });
    await tasks.remove(brief.id);
    expect(await page({ since: cursor })).toMatchObject({ changes: [], deleted: [brief.id] });
  });

  it('counts a label rename or delete as a change of each task that carried it', async () => {
    const labels = labelsApi(user);
    const tagged = await createTaskVia(tasks, { title: 'tagged', labels: ['Errands'] });
    await createTaskVia(tasks, { title: 'plain' });
    const [label] = (await (await labels.list()).json()) as { id: string }[];
    const { cursor } = await page();

    expect((await labels.patch(label!.id, { name: 'Shopping' })).status).toBe(200);
    const renamed = await page({ since: cursor });
    expect(renamed.changes.map((t) => [t.id, t.labels])).toEqual([[tagged.id, ['Shopping']]]);

    expect((await labels.remove(label!.id)).status).toBe(204);
    const removed = await page({ since: renamed.cursor });
    expect(removed.changes.map((t) => [t.id, t.labels])).toEqual([[tagged.id, []]]);
    expect(removed.deleted).toEqual([]);
  });

  it('pages with limit: every change and deletion exactly once across pages, more until the last', async () => {
    const all: TaskJson[] = [];
    for (let i = 0; i < 7; i++) all.push(await createTaskVia(tasks, { title: `task ${i}` }));
    const full = await follow(undefined, 3);
    expect(full.pages).toBe(3);
    expect(titles(full.changes)).toEqual(titles(all));

    for (const task of all.slice(0, 3)) await tasks.remove(task.id);
    for (const task of all.slice(3, 6)) await tasks.patch(task.id, { title: `${task.title}!` });
    const since = await follow(full.cursor, 2);
    expect(since.pages).toBe(3);
    expect(titles(since.changes)).toEqual(['task 3!', 'task 4!', 'task 5!']);
    expect(since.deleted.sort()).toEqual(all.slice(0, 3).map((t) => t.id).sort());
  });

  it('keeps a paged answer as of its first page: a write between pages comes in the next answer', async () => {
    for (let i = 0; i < 4; i++) await createTaskVia(tasks, { title: `task ${i}` });
    const first = await page({ limit: '2' });
    expect(first.more).toBe(true);
    const late = await createTaskVia(tasks, { title: 'late' });
    const second = await page({ since: first.cursor, limit: '10' });
    expect(second.changes.map((t) => t.title)).not.toContain('late');
    expect(first.changes.length + second.changes.length).toBe(4);
    expect((await page({ since: second.cursor })).changes.map((t) => t.id)).toEqual([late.id]);
  });

  it("answers 422 (path since) for another user's, a tampered or a list cursor, and for a bad limit", async () => {
    const other = await createTestUser();
    const theirs = (await (await changes({}, other)).json()) as ChangesJson;
    const listCursor = encodeURIComponent('x');
    for (const since of [theirs.cursor, `${theirs.cursor.slice(0, -2)}AA`, 'not-a-cursor', listCursor]) {
      const response = await changes({ since });
      expect(response.status).toBe(422);
      expect((await problemOf(response)).errors?.map((e) => e.path)).toEqual(['since']);
    }
    for (const limit of ['0', '1001', 'ten']) {
      const response = await changes({ limit });
      expect(response.status).toBe(422);
      expect((await problemOf(response)).errors?.map((e) => e.path)).toEqual(['limit']);
    }
  });

  it('answers 410 for a cursor older than 30 days, or from ahead of the database', async () => {
    const caller = { userId: user.id, sessionId: user.sessionId };
    const { rows } = await database.current.db.execute(sql`select pg_current_snapshot()::text as s`);
    const now = rows[0]!.s as string;
    const old = encodeFeedCursor(caller, { lo: { s: now, t: Date.now() - 31 * 24 * 3600 * 1000 } });
    const expired = await changes({ since: old });
    expect(expired.status).toBe(410);
    expect((await problemOf(expired)).detail).toMatch(/full sync/);
    // A snapshot the database has not reached: it was restored to an earlier state since.
    const ahead = encodeFeedCursor(caller, { lo: { s: '900000000:900000000:', t: Date.now() } });
    expect((await changes({ since: ahead })).status).toBe(410);
    // 29 days is still fine.
    const recent = encodeFeedCursor(caller, { lo: { s: now, t: Date.now() - 29 * 24 * 3600 * 1000 } });
    expect((await changes({ since: recent })).status).toBe(200);
  });

  it('answers 401 without credentials or for a revoked session, 403 for another user', async () => {
    expect((await changes({}, user, {})).status).toBe(401);
    const other = await createTestUser();
    const response = await callRoute(changesRoute, 'GET', `/api/${other.id}/tasks/changes`, { user_id: other.id }, { headers: user.headers });
    expect(response.status).toBe(403);
    await database.current.db.execute(sql`delete from sessions where id = ${user.sessionId}`);
    expect((await changes()).status).toBe(401);
  });

  it('keeps deleted ids in the database only while needed: none for an account deleted with its tasks', async () => {
    const task = await createTaskVia(tasks, { title: 'x', labels: ['l'] });
    await tasks.remove(task.id);
    const count = async () => (await database.current.db.execute(sql`select kind from tombstones where user_id = ${user.id} order by kind`)).rows;
    expect(await count()).toEqual([{ kind: 'task' }]);
    await createTaskVia(tasks, { title: 'y', labels: ['m'] });
    await database.current.db.execute(sql`delete from users where id = ${user.id}`);
    expect(await count()).toEqual([]);
  });
});
