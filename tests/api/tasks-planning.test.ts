import { beforeEach, describe, expect, it } from 'vitest';
import type { TaskJson } from '@/lib/tasks/schemas';
import { createTestUser } from '@/tests/helpers/auth';
import { withTestDatabase } from '@/tests/helpers/db';
import { createTaskVia, labelsApi, problemOf, tasksApi, type LabelsApi, type TasksApi } from '@/tests/helpers/requests';

withTestDatabase();

let api: TasksApi;
let labels: LabelsApi;

beforeEach(async () => {
  const user = await createTestUser();
  api = tasksApi(user);
  labels = labelsApi(user);
});

async function json(response: Response, status = 200): Promise<TaskJson> {
  if (response.status !== status) throw new Error(`expected ${status}, got ${response.status}: ${await response.text()}`);
  return (await response.json()) as TaskJson;
}

async function fieldErrors(response: Response): Promise<string[]> {
  expect(response.status).toBe(422);
  return ((await problemOf(response)).errors ?? []).map((e) => e.path);
}

describe('planning fields', () => {
  it('reads a v1 create as the defaults, with a position', async () => {
    const task = await createTaskVia(api, { title: 'plain' });
    expect(task).toMatchObject({ due_date: null, due_time: null, priority: 'none', labels: [], repeat: null });
    expect(typeof task.position).toBe('string');
  });

  it('stores every field on create and returns it on GET', async () => {
    const task = await createTaskVia(api, {
      title: 'Pay rent',
      due_date: '2026-12-01',
      due_time: '09:05',
      priority: 'high',
      labels: ['home', 'Bills'],
      repeat: { every: 'month' },
    });
    expect(task).toMatchObject({ due_date: '2026-12-01', due_time: '09:05', priority: 'high', labels: ['Bills', 'home'], repeat: { every: 'month', interval: 1 } });
    expect(await json(await api.get(task.id))).toEqual(task);
  });

  it.each([
    [{ due_date: '2026-02-30' }, 'due_date'],
    [{ due_date: '2025-02-29' }, 'due_date'],
    [{ due_date: '1899-12-31' }, 'due_date'],
    [{ due_date: '2026-1-01' }, 'due_date'],
    [{ due_date: '2026-01-01', due_time: '24:00' }, 'due_time'],
    [{ due_date: '2026-01-01', due_time: '9:00' }, 'due_time'],
    [{ due_time: '09:00' }, 'due_time'],
    [{ repeat: { every: 'day' } }, 'repeat'],
    [{ due_date: '2026-01-01', repeat: { every: 'weekday', interval: 2 } }, 'repeat.interval'],
    [{ due_date: '2026-01-01', repeat: { every: 'day', interval: 366 } }, 'repeat.interval'],
    [{ due_date: '2026-01-01', repeat: { every: 'fortnight' } }, 'repeat.every'],
    [{ priority: 'urgent' }, 'priority'],
    [{ labels: ['  '] }, 'labels.0'],
    [{ labels: ['x'.repeat(61)] }, 'labels.0'],
    [{ labels: Array.from({ length: 21 }, (_, i) => `l${i}`) }, 'labels'],
  ])('refuses %j with 422 naming %s', async (fields, path) => {
    expect(await fieldErrors(await api.create({ title: 't', ...fields }))).toEqual([path]);
  });

  it('accepts a leap day and the range ends', async () => {
    for (const due_date of ['2024-02-29', '1900-01-01', '9999-12-31']) {
      expect((await createTaskVia(api, { title: 't', due_date })).due_date).toBe(due_date);
    }
  });

  it('clears due_time with due_date, and refuses a time on a task without a date', async () => {
    const task = await createTaskVia(api, { title: 't', due_date: '2026-05-01', due_time: '08:00' });
    const cleared = await json(await api.patch(task.id, { due_date: null }));
    expect(cleared).toMatchObject({ due_date: null, due_time: null });
    expect(await fieldErrors(await api.patch(task.id, { due_time: '10:00' }))).toEqual(['due_time']);
    expect(await fieldErrors(await api.patch(task.id, { due_date: null, due_time: '10:00' }))).toEqual(['due_time']);
  });

  it('refuses to clear the date of a repeating task, and to repeat one without a date', async () => {
    const plain = await createTaskVia(api, { title: 't' });
    expect(await fieldErrors(await api.patch(plain.id, { repeat: { every: 'day' } }))).toEqual(['repeat']);
    const repeating = await createTaskVia(api, { title: 't', due_date: '2026-05-01', repeat: { every: 'day' } });
    expect(await fieldErrors(await api.patch(repeating.id, { due_date: null }))).toEqual(['due_date']);
    expect(await json(await api.patch(repeating.id, { due_date: null, repeat: null }))).toMatchObject({ due_date: null, repeat: null });
  });

  it('PUT keeps fields it leaves out and sets those it sends', async () => {
    const task = await createTaskVia(api, { title: 't', due_date: '2026-05-01', priority: 'low', labels: ['a'] });
    const put = await json(await api.put(task.id, { title: 'u', priority: 'medium' }));
    expect(put).toMatchObject({ title: 'u', due_date: '2026-05-01', priority: 'medium', labels: ['a'], position: task.position });
  });

  it('ignores a position sent in a body', async () => {
    const task = await createTaskVia(api, { title: 't', position: '0' });
    expect(task.position).not.toBe('0');
    expect((await json(await api.patch(task.id, { title: 'u', position: '0' }))).position).toBe(task.position);
  });

  it('moves updated_at and the ETag when only the labels change', async () => {
    const task = await createTaskVia(api, { title: 't' });
    const patched = await json(await api.patch(task.id, { labels: ['x'] }));
    expect(patched.labels).toEqual(['x']);
    expect(patched.updated_at > task.updated_at).toBe(true);
    const stale = await api.patch(task.id, { labels: [] }, { headers: { 'If-Match': `"${Date.parse(task.updated_at)}-x"` } });
    expect(stale.status).toBe(412);
  });
});

describe('labels on tasks', () => {
  it('creates unknown labels, matches case-insensitively, keeps an existing spelling and collapses repeats', async () => {
    await labels.create({ name: 'Home' });
    const task = await createTaskVia(api, { title: 't', labels: ['home', ' errands ', 'ERRANDS', 'zeta', 'Alpha'] });
    expect(task.labels).toEqual(['Alpha', 'errands', 'Home', 'zeta']);
    const names = ((await (await labels.list()).json()) as { name: string }[]).map((l) => l.name);
    expect(names).toEqual(['Alpha', 'errands', 'Home', 'zeta']);
  });

  it('replaces the set on PATCH and keeps it when labels are left out', async () => {
    const task = await createTaskVia(api, { title: 't', labels: ['a', 'b'] });
    expect((await json(await api.patch(task.id, { labels: ['b', 'c'] }))).labels).toEqual(['b', 'c']);
    expect((await json(await api.patch(task.id, { title: 'u' }))).labels).toEqual(['b', 'c']);
    expect((await json(await api.patch(task.id, { labels: [] }))).labels).toEqual([]);
  });

  it('shows a rename at once on every task, and a delete removes it from them', async () => {
    const one = await createTaskVia(api, { title: 'one', labels: ['home', 'x'] });
    const two = await createTaskVia(api, { title: 'two', labels: ['home'] });
    const label = ((await (await labels.list()).json()) as { id: string; name: string }[]).find((l) => l.name === 'home')!;
    expect((await labels.patch(label.id, { name: 'House' })).status).toBe(200);
    const renamed = await json(await api.get(one.id));
    expect(renamed.labels).toEqual(['House', 'x']);
    expect(renamed.updated_at > one.updated_at).toBe(true);
    expect((await json(await api.get(two.id))).labels).toEqual(['House']);
    expect((await labels.remove(label.id)).status).toBe(204);
    expect((await json(await api.get(one.id))).labels).toEqual(['x']);
    expect((await json(await api.get(two.id))).labels).toEqual([]);
  });

  it('concurrent creates with the same new label make one label', async () => {
    await Promise.all(Array.from({ length: 8 }, (_, i) => createTaskVia(api, { title: `t${i}`, labels: ['Shared'] })));
    const all = (await (await labels.list()).json()) as { name: string; task_count: number }[];
    expect(all).toEqual([expect.objectContaining({ name: 'Shared', task_count: 8 })]);
  });
});

describe('repeating tasks', () => {
  async function completedOnce(due_date: string, repeat: object, how: 'toggle' | 'patch' | 'put' = 'toggle'): Promise<TaskJson> {
    const task = await createTaskVia(api, { title: 'r', due_date, due_time: '07:30', repeat });
    if (how === 'toggle') return json(await api.toggle(task.id));
    return json(await api.patch(task.id, { completed: true }));
  }

  it.each([
    ['2026-01-31', { every: 'month' }, '2026-02-28'],
    ['2028-01-31', { every: 'month' }, '2028-02-29'],
    ['2026-02-28', { every: 'month' }, '2026-03-28'],
    ['2026-03-31', { every: 'month', interval: 3 }, '2026-06-30'],
    ['2024-02-29', { every: 'year' }, '2025-02-28'],
    ['2024-02-29', { every: 'year', interval: 4 }, '2028-02-29'],
    ['2026-12-31', { every: 'day' }, '2027-01-01'],
    ['2028-02-28', { every: 'day' }, '2028-02-29'],
    ['2026-11-25', { every: 'week', interval: 2 }, '2026-12-09'],
    ['2026-11-27', { every: 'weekday' }, '2026-11-30'], // Friday → Monday
    ['2026-11-28', { every: 'weekday' }, '2026-11-30'], // Saturday → Monday
    ['2026-11-29', { every: 'weekday' }, '2026-11-30'], // Sunday → Monday
    ['2026-11-24', { every: 'weekday' }, '2026-11-25'], // Tuesday → Wednesday
  ])('completing one due %s repeating %j moves it to %s, keeps the time and stays open', async (due, repeat, next) => {
    expect(await completedOnce(due, repeat)).toMatchObject({ due_date: next, due_time: '07:30', completed: false });
  });

  it('counts from the current due date alone: Jan 31 monthly goes to Feb 28, then Mar 28', async () => {
    const task = await createTaskVia(api, { title: 'r', due_date: '2026-01-31', repeat: { every: 'month' } });
    await json(await api.toggle(task.id));
    expect((await json(await api.patch(task.id, { completed: true }))).due_date).toBe('2026-03-28');
  });

  it('completing with PATCH uses the repeat and date the same body sets', async () => {
    const task = await createTaskVia(api, { title: 'r' });
    const done = await json(await api.patch(task.id, { due_date: '2026-01-31', repeat: { every: 'month' }, completed: true }));
    expect(done).toMatchObject({ due_date: '2026-02-28', completed: false });
  });

  it('a task that stops repeating completes normally', async () => {
    const task = await createTaskVia(api, { title: 'r', due_date: '2026-01-31', repeat: { every: 'day' } });
    expect(await json(await api.patch(task.id, { repeat: null, completed: true }))).toMatchObject({ due_date: '2026-01-31', completed: true });
  });

  it('answers 422 when the next occurrence would pass 9999-12-31, and changes nothing', async () => {
    const task = await createTaskVia(api, { title: 'r', due_date: '9999-12-31', repeat: { every: 'day' } });
    expect(await fieldErrors(await api.toggle(task.id))).toEqual(['due_date']);
    expect((await json(await api.get(task.id))).due_date).toBe('9999-12-31');
  });

  it('concurrent completions each move it once', async () => {
    const task = await createTaskVia(api, { title: 'r', due_date: '2026-01-01', repeat: { every: 'day' } });
    await Promise.all(Array.from({ length: 5 }, () => api.toggle(task.id)));
    expect((await json(await api.get(task.id))).due_date).toBe('2026-01-06');
  });
});
