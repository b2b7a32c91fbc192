import { describe, expect, it } from 'vitest';
import { FeedFollower, FeedUnavailable, type FetchChanges } from '@/lib/client/sync';
import type { Task } from '@/lib/client/task';

const task = (id: string, title = id): Task =>
  ({ id, title, user_id: 'u', description: null, completed: false, due_date: null, due_time: null, priority: 'none', labels: [], reminders: [], repeat: null, position: 'a', project_id: null, parent_id: null, assignee_id: null, created_at: '2026-12-01T00:00:00.000Z', updated_at: '2026-12-01T00:00:00.000Z', etag: '"1-x"' }) as Task;

/** A fake feed: answers from a script of (since → answer), and records what it was asked. */
function feed(script: Record<string, Awaited<ReturnType<FetchChanges>>>) {
  const asked: (string | undefined)[] = [];
  const fetch: FetchChanges = async (since) => {
    asked.push(since);
    const answer = script[since ?? 'full'];
    if (!answer) throw new Error(`unexpected since=${since}`);
    return answer;
  };
  return { fetch, asked };
}

const page = (changes: Task[], deleted: string[], cursor: string, more = false) => ({ status: 200, body: { changes, deleted, projects: [], deleted_projects: [], cursor, more } });

describe('FeedFollower', () => {
  it('starts with a full sync, follows the pages while more is true, then goes on from the last cursor', async () => {
    const { fetch, asked } = feed({
      full: page([task('a'), task('b')], [], 'c1', true),
      c1: page([task('c')], [], 'c2'),
      c2: page([task('a', 'a2')], ['b'], 'c3'),
    });
    const follower = new FeedFollower(fetch);
    const first = await follower.catchUp();
    expect(first.full).toBe(true);
    expect(first.changed.map((t) => t.id)).toEqual(['a', 'b', 'c']);
    expect(first.cursor).toBe('c2');

    const second = await follower.catchUp();
    expect(second).toEqual({ full: false, cursor: 'c3', changed: [task('a', 'a2')], deleted: ['b'] });
    expect(asked).toEqual([undefined, 'c1', 'c2']);
  });

  it('starts over with a full sync when the cursor has expired (410)', async () => {
    const { fetch, asked } = feed({ full: page([task('a')], [], 'c1'), c1: { status: 410 } });
    const follower = new FeedFollower(fetch);
    await follower.catchUp();
    const update = await follower.catchUp();
    expect(update.full).toBe(true);
    expect(update.changed.map((t) => t.id)).toEqual(['a']);
    expect(asked).toEqual([undefined, 'c1', undefined]);
  });

  it('reports a failing feed', async () => {
    const failing = new FeedFollower(async () => ({ status: 503 }));
    await expect(failing.catchUp()).rejects.toBeInstanceOf(FeedUnavailable);
  });

  it('goes on from a cursor stored by an earlier visit', async () => {
    const { fetch, asked } = feed({ c7: page([task('new')], [], 'c8') });
    const update = await new FeedFollower(fetch, 'c7').catchUp();
    expect(update).toMatchObject({ full: false, cursor: 'c8' });
    expect(asked).toEqual(['c7']);
  });
});
