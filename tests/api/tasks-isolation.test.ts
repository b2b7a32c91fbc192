import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { tasks } from '@/lib/db/schema';
import type { TaskJson } from '@/lib/tasks/schemas';
import { createTestUser } from '@/tests/helpers/auth';
import { withTestDatabase } from '@/tests/helpers/db';
import { createTaskVia, problemOf, tasksApi, type TasksApi } from '@/tests/helpers/requests';

// User B, in B's own namespace, aims at A's task ids.
// Every route answers the same 404 as for a task that does not exist, and A's rows stay as they were.

const database = withTestDatabase();

let alice: TasksApi;
let bob: TasksApi;
let alicesTask: TaskJson;

async function storedRow(id: string) {
  const [row] = await database.current.db.select().from(tasks).where(eq(tasks.id, id));
  return row;
}

beforeAll(async () => {
  alice = tasksApi(await createTestUser());
  bob = tasksApi(await createTestUser());
  alicesTask = await createTaskVia(alice, { title: "Alice's secret", description: 'only Alice reads this' });
  await createTaskVia(bob, { title: "Bob's own" });
});

async function expectUntouched() {
  const row = await storedRow(alicesTask.id);
  expect(row).toBeDefined();
  expect(row).toMatchObject({
    title: alicesTask.title,
    description: alicesTask.description,
    completed: false,
    updatedAt: new Date(alicesTask.updated_at),
  });
}

async function expectTaskNotFound(response: Response) {
  expect(response.status).toBe(404);
  expect(await problemOf(response)).toEqual({ type: 'about:blank', title: 'Not Found', status: 404, detail: 'Task not found' });
}

describe('user isolation', () => {
  it("lists only the caller's own tasks", async () => {
    const listed = (await (await bob.list()).json()) as TaskJson[];
    expect(listed.map((t) => t.title)).toEqual(["Bob's own"]);
    const searched = (await (await bob.list({ q: 'secret' })).json()) as TaskJson[];
    expect(searched).toEqual([]);
    expect((await bob.list({ q: 'secret' })).headers.get('x-total-count')).toBe('0');
  });

  it("answers 404 to a GET of another user's task", async () => {
    await expectTaskNotFound(await bob.get(alicesTask.id));
  });

  it("answers 404 to a PUT of another user's task and changes nothing", async () => {
    await expectTaskNotFound(await bob.put(alicesTask.id, { title: 'hijacked', description: null }));
    await expectUntouched();
  });

  it("answers 404 to a PATCH of another user's task and changes nothing", async () => {
    await expectTaskNotFound(await bob.patch(alicesTask.id, { completed: true, title: 'hijacked' }));
    await expectUntouched();
  });

  it("answers 404 to a toggle of another user's task and changes nothing", async () => {
    await expectTaskNotFound(await bob.toggle(alicesTask.id));
    await expectUntouched();
  });

  it("answers 404 to a DELETE of another user's task and keeps it", async () => {
    await expectTaskNotFound(await bob.remove(alicesTask.id));
    await expectUntouched();
  });

  it("answers 404, not 412, to a conditional write on another user's task", async () => {
    const etag = (await alice.get(alicesTask.id)).headers.get('etag')!;
    await expectTaskNotFound(await bob.patch(alicesTask.id, { completed: true }, { headers: { 'if-match': etag } }));
    await expectTaskNotFound(await bob.remove(alicesTask.id, { headers: { 'if-match': '"1-stale"' } }));
    await expectUntouched();
  });

  it('still lets the owner do everything afterwards', async () => {
    expect(await (await alice.get(alicesTask.id)).json()).toEqual(alicesTask);
    expect((await alice.toggle(alicesTask.id)).status).toBe(200);
    expect((await alice.remove(alicesTask.id)).status).toBe(204);
  });
});
