import { sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { createTestUser } from '@/tests/helpers/auth';
import { withTestDatabase } from '@/tests/helpers/db';
import { createTaskVia, labelsApi, problemOf, tasksApi, type LabelsApi, type TasksApi } from '@/tests/helpers/requests';

const database = withTestDatabase();

type Label = { id: string; name: string; color: string; task_count: number; created_at: string };

let labels: LabelsApi;
let tasks: TasksApi;
let userId: string;

beforeEach(async () => {
  const user = await createTestUser();
  userId = user.id;
  labels = labelsApi(user);
  tasks = tasksApi(user);
});

async function created(body: unknown): Promise<Label> {
  const response = await labels.create(body);
  expect(response.status).toBe(201);
  return response.json();
}

describe('/api/{user_id}/labels', () => {
  it('creates a label: 201, Location, grey by default, task_count 0', async () => {
    const response = await labels.create({ name: '  Home ' });
    expect(response.status).toBe(201);
    const label = (await response.json()) as Label;
    expect(label).toEqual({ id: expect.any(String), name: 'Home', color: 'grey', task_count: 0, created_at: expect.any(String) });
    expect(response.headers.get('location')).toBe(`/api/${userId}/labels/${label.id}`);
  });

  it('lists by name case-insensitively, with task counts', async () => {
    await created({ name: 'beta', color: 'blue' });
    await created({ name: 'Alpha' });
    await createTaskVia(tasks, { title: 't', labels: ['beta'] });
    await createTaskVia(tasks, { title: 'u', labels: ['BETA', 'gamma'] });
    const list = (await (await labels.list()).json()) as Label[];
    expect(list.map((l) => [l.name, l.task_count])).toEqual([['Alpha', 0], ['beta', 2], ['gamma', 1]]);
  });

  it('answers 409 for a name taken case-insensitively, on create and on rename', async () => {
    await created({ name: 'Home' });
    const work = await created({ name: 'work' });
    expect((await labels.create({ name: 'HOME' })).status).toBe(409);
    expect((await labels.patch(work.id, { name: 'home' })).status).toBe(409);
    // Its own name in another case is a rename, not a clash.
    expect(((await (await labels.patch(work.id, { name: 'Work' })).json()) as Label).name).toBe('Work');
  });

  it('recolours, and answers 422 with field paths for bad bodies', async () => {
    const label = await created({ name: 'x' });
    expect(((await (await labels.patch(label.id, { color: 'teal' })).json()) as Label).color).toBe('teal');
    for (const [body, path] of [
      [{ name: '' }, 'name'],
      [{ name: 'x'.repeat(61) }, 'name'],
      [{ name: 'a', color: 'black' }, 'color'],
    ] as const) {
      const response = await labels.create(body);
      expect(response.status).toBe(422);
      expect((await problemOf(response)).errors?.map((e) => e.path)).toEqual([path]);
    }
    expect((await labels.patch(label.id, {})).status).toBe(422);
  });

  it("treats another user's label as not found", async () => {
    const mine = await created({ name: 'mine' });
    const other = labelsApi(await createTestUser());
    expect((await other.patch(mine.id, { name: 'stolen' })).status).toBe(404);
    expect((await other.remove(mine.id)).status).toBe(404);
    expect((await other.list()).status).toBe(200);
    expect(await (await other.list()).json()).toEqual([]);
    expect((await labelsApi({ id: userId, headers: (await createTestUser()).headers }).list()).status).toBe(403);
    expect(((await (await labels.list()).json()) as Label[]).map((l) => l.name)).toEqual(['mine']);
  });

  it('deletes a label: 204, its tasks stay without it', async () => {
    const label = await created({ name: 'gone' });
    const task = await createTaskVia(tasks, { title: 't', labels: ['gone', 'kept'] });
    expect((await labels.remove(label.id)).status).toBe(204);
    expect((await labels.remove(label.id)).status).toBe(404);
    expect(((await (await tasks.get(task.id)).json()) as { labels: string[] }).labels).toEqual(['kept']);
  });

  it('allows at most 500 labels per user (422 beyond), for label and task writes alike', async () => {
    // Fill up to the limit in one statement; the trigger counts them as the API would.
    await database.current.db.execute(sql`insert into labels (user_id, name) select ${userId}, 'l' || n from generate_series(1, 500) n`);
    const response = await labels.create({ name: 'one more' });
    expect(response.status).toBe(422);
    expect((await problemOf(response)).errors?.map((e) => e.path)).toEqual(['name']);
    const task = await tasks.create({ title: 't', labels: ['l1', 'brand new'] });
    expect(task.status).toBe(422);
    expect((await problemOf(task)).errors?.map((e) => e.path)).toEqual(['labels']);
    expect((await createTaskVia(tasks, { title: 't', labels: ['L1'] })).labels).toEqual(['l1']);
  });

});

