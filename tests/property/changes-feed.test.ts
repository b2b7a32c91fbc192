import fc from 'fast-check';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as changesRoute from '@/app/api/[user_id]/tasks/changes/route';
import type { ChangesJson } from '@/lib/sync/schemas';
import type { TaskJson } from '@/lib/tasks/schemas';
import { createTestUser, type TestUser } from '@/tests/helpers/auth';
import { withTestDatabase } from '@/tests/helpers/db';
import { callRoute, createTaskVia, tasksApi, type TasksApi } from '@/tests/helpers/requests';

// Random creates, edits, toggles, moves and deletes from several writers at once, while a
// follower pages through the changes feed from its cursor: afterwards the follower's copy equals
// the full list, every run. On PostgreSQL some writes also run in transactions on their own
// connections that stay open a moment, so that transactions commit in another order than they
// took their ids (the case a `sequence > cursor` feed misses).

const database = withTestDatabase();

let slowClients: pg.Client[] = [];

beforeAll(async () => {
  if (!database.current.url) return;
  // One connection per writer (at most three): a writer's slow transactions never share one.
  slowClients = Array.from({ length: 3 }, () => new pg.Client({ connectionString: database.current.url }));
  await Promise.all(slowClients.map((c) => c.connect()));
});

afterAll(async () => {
  await Promise.all(slowClients.map((c) => c.end()));
});

type Op =
  | { kind: 'create'; title: string }
  | { kind: 'edit' | 'toggle' | 'delete' | 'slowEdit' | 'slowCreate'; pick: number }
  | { kind: 'move'; pick: number; to: 'top' | 'bottom' };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('create' as const), title: fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim().length > 0) }),
  fc.record({ kind: fc.constantFrom('edit' as const, 'toggle' as const, 'delete' as const, 'slowEdit' as const, 'slowCreate' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('move' as const), pick: fc.nat(), to: fc.constantFrom('top' as const, 'bottom' as const) }),
);

class Follower {
  readonly state = new Map<string, TaskJson>();
  cursor: string | undefined;

  constructor(private readonly user: TestUser) {}

  /** Reads every page the feed has now, applying each change and deletion. */
  async catchUp(limit: number): Promise<void> {
    for (;;) {
      const response = await callRoute(changesRoute, 'GET', `/api/${this.user.id}/tasks/changes`, { user_id: this.user.id }, {
        headers: this.user.headers,
        query: { limit: String(limit), ...(this.cursor && { since: this.cursor }) },
      });
      expect(response.status).toBe(200);
      const page = (await response.json()) as ChangesJson;
      for (const task of page.changes) this.state.set(task.id, task);
      for (const id of page.deleted) this.state.delete(id);
      this.cursor = page.cursor;
      if (!page.more) return;
    }
  }
}

async function run(api: TasksApi, user: TestUser, ids: string[], ops: Op[], writer: number): Promise<void> {
  const slow = slowClients[writer];
  for (const o of ops) {
    const id = 'pick' in o ? ids[o.pick % ids.length]! : '';
    switch (o.kind) {
      case 'create':
        ids.push((await createTaskVia(api, { title: o.title })).id);
        break;
      case 'edit':
        await api.patch(id, { title: `edited by ${writer}`, priority: 'high' });
        break;
      case 'toggle':
        await api.toggle(id);
        break;
      case 'delete':
        await api.remove(id);
        break;
      case 'move':
        await api.move(id, { to: o.to });
        break;
      case 'slowEdit':
      case 'slowCreate':
        if (!slow) {
          await api.patch(id, { description: `slow ${writer}` });
          break;
        }
        // A transaction that takes its id now and commits a moment later, after others.
        await slow.query('begin');
        if (o.kind === 'slowEdit') await slow.query("update tasks set description = 'slow edit' where id = $1", [id]);
        else ids.push((await slow.query<{ id: string }>("insert into tasks (user_id, title) values ($1, 'slow create') returning id", [user.id])).rows[0]!.id);
        await slow.query('select pg_sleep(0.02)');
        await slow.query('commit');
        break;
    }
  }
}

async function fullList(api: TasksApi): Promise<TaskJson[]> {
  const response = await api.list({ limit: '200', sort: 'created_at' });
  expect(response.status).toBe(200);
  return response.json();
}

const byId = (tasks: Iterable<TaskJson>) => [...tasks].sort((a, b) => a.id.localeCompare(b.id));

describe('following the changes feed while several writers write', () => {
  it('always ends with the follower holding exactly the full list', { timeout: 300_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(op, { minLength: 1, maxLength: 12 }), { minLength: 2, maxLength: 3 }), fc.integer({ min: 1, max: 5 }), async (writers, limit) => {
        const user = await createTestUser();
        const api = tasksApi(user);
        const ids: string[] = [];
        for (let i = 0; i < 4; i++) ids.push((await createTaskVia(api, { title: `seed ${i}` })).id);
        const follower = new Follower(user);
        await follower.catchUp(limit);

        let writing = true;
        const done = Promise.all(writers.map((ops, writer) => run(api, user, ids, ops, writer))).finally(() => {
          writing = false;
        });
        // The follower keeps reading while the writers write, from wherever its cursor is.
        while (writing) await follower.catchUp(limit);
        await done;
        await follower.catchUp(limit);

        expect(byId(follower.state.values())).toEqual(byId(await fullList(api)));
      }),
      { numRuns: 12 },
    );
  });
});
