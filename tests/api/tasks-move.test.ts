import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import type { TaskJson } from '@/lib/tasks/schemas';
import { createTestUser } from '@/tests/helpers/auth';
import { withTestDatabase } from '@/tests/helpers/db';
import { createTaskVia, problemOf, tasksApi, type TasksApi } from '@/tests/helpers/requests';

withTestDatabase();

let api: TasksApi;

beforeEach(async () => {
  api = tasksApi(await createTestUser());
});

async function manualOrder(): Promise<TaskJson[]> {
  const response = await api.list({ sort: 'position', limit: '200' });
  expect(response.status).toBe(200);
  return (await response.json()) as TaskJson[];
}

const titles = async () => (await manualOrder()).map((t) => t.title);

async function seed(n: number): Promise<TaskJson[]> {
  const made: TaskJson[] = [];
  for (let i = 0; i < n; i++) made.push(await createTaskVia(api, { title: `t${i}` }));
  return made;
}

describe('POST /api/{user_id}/tasks/{id}/move', () => {
  it('puts new tasks on top, and existing tasks keep the order they had', async () => {
    await seed(3);
    expect(await titles()).toEqual(['t2', 't1', 't0']);
  });

  it('moves before, after, to the top and to the bottom', async () => {
    const [t0, t1, t2, t3] = await seed(4);
    const moved = await api.move(t0!.id, { before: t2!.id });
    expect(moved.status).toBe(200);
    expect(((await moved.json()) as TaskJson).id).toBe(t0!.id);
    expect(await titles()).toEqual(['t3', 't0', 't2', 't1']);
    expect((await api.move(t3!.id, { after: t1!.id })).status).toBe(200);
    expect(await titles()).toEqual(['t0', 't2', 't1', 't3']);
    expect((await api.move(t1!.id, { to: 'top' })).status).toBe(200);
    expect(await titles()).toEqual(['t1', 't0', 't2', 't3']);
    expect((await api.move(t1!.id, { to: 'bottom' })).status).toBe(200);
    expect(await titles()).toEqual(['t0', 't2', 't3', 't1']);
    expect((await api.move(t2!.id, { before: t0!.id })).status).toBe(200);
    expect(await titles()).toEqual(['t2', 't0', 't3', 't1']);
    expect((await api.move(t2!.id, { after: t1!.id })).status).toBe(200);
    expect(await titles()).toEqual(['t0', 't3', 't1', 't2']);
    // Created after all that: still on top.
    await createTaskVia(api, { title: 'new' });
    expect((await titles())[0]).toBe('new');
  });

  it('never runs out of room between two neighbours', async () => {
    const [a, , c] = await seed(3);
    // Always between the same two tasks: each key must be strictly between ever-closer ones.
    for (let i = 0; i < 40; i++) {
      const t = await createTaskVia(api, { title: `x${i}` });
      expect((await api.move(t.id, { before: i % 2 ? c!.id : a!.id })).status).toBe(200);
    }
    const order = await manualOrder();
    expect(new Set(order.map((t) => t.position)).size).toBe(43);
    expect(order.map((t) => t.position)).toEqual(order.map((t) => t.position).sort((x, y) => Buffer.compare(Buffer.from(x), Buffer.from(y))));
  });

  it.each([
    [{}, ''],
    [{ to: 'top', before: '0b6f3c1e-8d4a-4f0e-a7f2-3c9d5e1b2a47' }, ''],
    [{ to: 'middle' }, 'to'],
    [{ before: 'nope' }, 'before'],
  ])('answers 422 for %j', async (body, path) => {
    const [t] = await seed(1);
    const response = await api.move(t!.id, body);
    expect(response.status).toBe(422);
    expect((await problemOf(response)).errors?.map((e) => e.path)).toContain(path);
  });

  it('answers 422 for the task itself as anchor, 404 for an anchor or task that is not the caller\'s', async () => {
    const [t] = await seed(1);
    const self = await api.move(t!.id, { after: t!.id.toUpperCase() });
    expect(self.status).toBe(422);
    expect((await problemOf(self)).errors).toEqual([{ path: 'after', message: expect.any(String) }]);
    const other = tasksApi(await createTestUser());
    const theirs = await createTaskVia(other, { title: 'theirs' });
    expect((await api.move(t!.id, { before: theirs.id })).status).toBe(404);
    expect((await api.move(theirs.id, { to: 'top' })).status).toBe(404);
    expect((await api.move(theirs.id, { before: t!.id })).status).toBe(404);
    expect((await other.get(theirs.id)).status).toBe(200);
    expect(((await (await other.get(theirs.id)).json()) as TaskJson).position).toBe(theirs.position);
  });

  it('honours If-Match', async () => {
    const [t0, t1] = await seed(2);
    const stale = await api.move(t0!.id, { to: 'top' }, { headers: { 'If-Match': (await api.get(t1!.id)).headers.get('etag')! } });
    expect(stale.status).toBe(412);
    const etag = (await api.get(t0!.id)).headers.get('etag')!;
    expect((await api.move(t0!.id, { to: 'top' }, { headers: { 'If-Match': etag } })).status).toBe(200);
    expect(await titles()).toEqual(['t0', 't1']);
  });

  it('random concurrent moves always leave a permutation with distinct positions', async () => {
    const made = await seed(6);
    const ids = made.map((t) => t.id);
    const move = fc.record({
      task: fc.integer({ min: 0, max: 5 }),
      kind: fc.constantFrom('before', 'after', 'to'),
      anchor: fc.integer({ min: 0, max: 5 }),
      end: fc.constantFrom('top', 'bottom'),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(move, { minLength: 2, maxLength: 8 }), fc.boolean(), async (moves, withCreate) => {
        const requests = moves.map((m) => {
          const id = ids[m.task]!;
          const anchor = ids[m.anchor === m.task ? (m.anchor + 1) % 6 : m.anchor]!;
          return api.move(id, m.kind === 'to' ? { to: m.end } : { [m.kind]: anchor });
        });
        const created = withCreate ? [api.create({ title: 'during' })] : [];
        const answers = await Promise.all([...requests, ...created]);
        for (const answer of answers) expect([200, 201]).toContain(answer.status);
        const order = await manualOrder();
        const positions = order.map((t) => t.position);
        expect(new Set(positions).size).toBe(order.length);
        expect(new Set(order.map((t) => t.id)).size).toBe(order.length);
        for (const id of ids) expect(order.some((t) => t.id === id)).toBe(true);
        for (const extra of order.filter((t) => !ids.includes(t.id))) await api.remove(extra.id);
      }),
      { numRuns: 15 },
    );
  });
});
