import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as eventsRoute from '@/app/api/[user_id]/events/route';
import * as changesRoute from '@/app/api/[user_id]/tasks/changes/route';
import { fireDueReminders } from '@/lib/reminders/scheduler';
import { nextLook, openEventStreams } from '@/lib/sync/events';
import { createTestUser, type TestUser } from '@/tests/helpers/auth';
import { withTestDatabase } from '@/tests/helpers/db';
import { callRoute, createTaskVia, labelsApi, tasksApi } from '@/tests/helpers/requests';

const database = withTestDatabase();

let user: TestUser;
const aborts: AbortController[] = [];

beforeEach(async () => {
  user = await createTestUser();
});

afterEach(() => {
  for (const abort of aborts.splice(0)) abort.abort();
});

/** An open stream of `as`, with everything it has received so far in `text`. */
async function openStream(as: TestUser = user) {
  const abort = new AbortController();
  aborts.push(abort);
  const request = new Request(`http://localhost/api/${as.id}/events`, { headers: as.headers, signal: abort.signal });
  const response = await (eventsRoute.GET as (r: Request, c: { params: Promise<{ user_id: string }> }) => Promise<Response>)(request, {
    params: Promise.resolve({ user_id: as.id }),
  });
  expect(response.status).toBe(200);
  const stream = { response, text: '', ended: false };
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  void (async () => {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      stream.text += decoder.decode(value, { stream: true });
    }
    stream.ended = true;
  })();
  return stream;
}

/** Two looks: the second one started after everything the test did before it had committed. */
async function watcherCaughtUp(): Promise<void> {
  await nextLook();
  await nextLook();
  await new Promise((resolve) => setImmediate(resolve));
}

const changedEvents = (text: string) =>
  [...text.matchAll(/^event: changed\ndata: (.*)\n\n/gm)].map((m) => JSON.parse(m[1]!) as { cursor: string });

describe('GET /api/{user_id}/events', () => {
  it('opens a text/event-stream that nothing may cache or transform', async () => {
    const stream = await openStream();
    expect(stream.response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(stream.response.headers.get('cache-control')).toBe('no-store, no-transform');
    await watcherCaughtUp();
    expect(stream.text).toMatch(/^retry: \d+\n: connected\n\n/);
    expect(changedEvents(stream.text)).toEqual([]);
  });

  it('sends `changed` with a feed cursor after a task of the caller changes, and nothing for other users', async () => {
    const mine = await openStream();
    const other = await createTestUser();
    const theirs = await openStream(other);
    await watcherCaughtUp();

    const task = await createTaskVia(tasksApi(user), { title: 'new' });
    await watcherCaughtUp();
    const events = changedEvents(mine.text);
    expect(events.length).toBe(1);
    expect(changedEvents(theirs.text)).toEqual([]);
    // The cursor is a feed cursor of this user's.
    const feed = await callRoute(changesRoute, 'GET', `/api/${user.id}/tasks/changes`, { user_id: user.id }, { headers: user.headers, query: { since: events[0]!.cursor } });
    expect(feed.status).toBe(200);

    // Every kind of change: an edit, a delete, a label rename.
    await tasksApi(user).patch(task.id, { labels: ['home'] });
    await watcherCaughtUp();
    expect(changedEvents(mine.text).length).toBe(2);
    const [label] = (await (await labelsApi(user).list()).json()) as { id: string }[];
    await labelsApi(user).patch(label!.id, { color: 'red' });
    await watcherCaughtUp();
    expect(changedEvents(mine.text).length).toBe(3);
    await tasksApi(user).remove(task.id);
    await watcherCaughtUp();
    expect(changedEvents(mine.text).length).toBe(4);
    expect(changedEvents(theirs.text)).toEqual([]);
  });

  it('sends `notification` when a reminder of the caller fires, and only to them', async () => {
    const mine = await openStream();
    const other = await createTestUser();
    const theirs = await openStream(other);
    await createTaskVia(tasksApi(user), { title: 'Ring Ann', reminders: [{ at: '2029-01-01T09:00:00Z' }] });
    await watcherCaughtUp();
    expect(mine.text).not.toContain('event: notification');

    // Another instance's scheduler, as far as this stream can tell: it writes the notification.
    expect(await fireDueReminders({ now: new Date('2029-01-01T09:00:00Z') })).toMatchObject({ notified: 1 });
    await watcherCaughtUp();
    expect(mine.text.match(/^event: notification\ndata: \{\}\n\n/gm)).toHaveLength(1);
    expect(theirs.text).not.toContain('event: notification');
  });

  it('sees a change written by another process (straight into the database)', async () => {
    const stream = await openStream();
    await watcherCaughtUp();
    await database.current.db.execute(sql`insert into tasks (user_id, title) values (${user.id}, 'from elsewhere')`);
    await watcherCaughtUp();
    expect(changedEvents(stream.text).length).toBe(1);
  });

  it('ends the stream when its session is signed out, and stops watching when the client goes', async () => {
    const before = openEventStreams();
    const stream = await openStream();
    expect(openEventStreams()).toBe(before + 1);
    await database.current.db.execute(sql`delete from sessions where id = ${user.sessionId}`);
    await watcherCaughtUp();
    expect(stream.ended).toBe(true);
    expect(openEventStreams()).toBe(before);

    const other = await createTestUser();
    await openStream(other);
    expect(openEventStreams()).toBe(before + 1);
    aborts.pop()!.abort();
    expect(openEventStreams()).toBe(before);
  });

  it('answers 401 without credentials or for a revoked session, 403 for another user, 405 for POST', async () => {
    const call = (headers: Record<string, string>, id = user.id, method = 'GET') => callRoute(eventsRoute, method, `/api/${id}/events`, { user_id: id }, { headers });
    expect((await call({})).status).toBe(401);
    const other = await createTestUser();
    expect((await call(user.headers, other.id)).status).toBe(403);
    expect((await call(user.headers, user.id, 'POST')).status).toBe(405);
    await database.current.db.execute(sql`delete from sessions where id = ${user.sessionId}`);
    expect((await call(user.headers)).status).toBe(401);
  });
});
