import { sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as accountRoute from '@/app/api/[user_id]/account/route';
import * as cronRoute from '@/app/api/cron/reminders/route';
import type { NotificationJson } from '@/lib/notifications/schemas';
import { fireDueReminders } from '@/lib/reminders/scheduler';
import { createTestUser, type TestUser } from '@/tests/helpers/auth';
import { withTestDatabase } from '@/tests/helpers/db';
import { callRoute, createProjectVia, createTaskVia, notificationsApi, problemOf, projectsApi, shareVia, sharingApi, tasksApi } from '@/tests/helpers/requests';

// Reminders, the scheduler that fires them, and notifications (docs/api.md, "v3: time zone,
// reminders and notifications"). The scheduler takes the time it runs at, so these tests move
// the clock instead of waiting: a reminder set for 2027 fires when the scheduler is told it is 2027.

// Read once, when the env is first parsed: set before any route runs.
vi.stubEnv('CRON_SECRET', 'a-cron-secret-of-some-length');

const database = withTestDatabase();

// Each test fires only its own reminders: those an earlier test left pending are put aside.
beforeEach(async () => {
  await database.current.db.execute(sql`update reminders set fire_at = null where fire_at is not null`);
});

async function setTimeZone(user: TestUser, timeZone: string): Promise<void> {
  const response = await callRoute(accountRoute, 'PATCH', `/api/${user.id}/account`, { user_id: user.id }, { headers: user.headers, body: { time_zone: timeZone } });
  expect(response.status).toBe(200);
}

/** When each of the task's reminders fires next, as stored (null: not pending), by reminder id. */
async function fireTimes(taskId: string): Promise<Record<string, string | null>> {
  const { rows } = await database.current.db.execute(sql`select id, fire_at from reminders where task_id = ${taskId}`);
  return Object.fromEntries(
    (rows as { id: string; fire_at: string | Date | null }[]).map((r) => [r.id, r.fire_at === null ? null : new Date(r.fire_at).toISOString()]),
  );
}

async function notificationsOf(user: TestUser, query?: Record<string, string>): Promise<NotificationJson[]> {
  const response = await notificationsApi(user).list(query);
  expect(response.status).toBe(200);
  return (await response.json()) as NotificationJson[];
}

const inHours = (hours: number) => new Date(Date.now() + hours * 3_600_000);

describe('reminders on a task', () => {
  it('are set with the task, replaced by a write that names them, and keep the ids of those that stay', async () => {
    const ann = await createTestUser();
    const api = tasksApi(ann);
    const task = await createTaskVia(api, {
      title: 'Call Bob',
      due_date: '2027-01-15',
      due_time: '10:00',
      reminders: [{ minutes_before: 30 }, { at: '2027-01-14T18:00:00+01:00' }, { minutes_before: 30 }],
    });
    // Repeats collapse; relative first, then absolute, in UTC.
    expect(task.reminders).toEqual([
      { id: expect.any(String), minutes_before: 30 },
      { id: expect.any(String), at: '2027-01-14T17:00:00.000Z' },
    ]);
    const [relative] = task.reminders;

    const patched = await api.patch(task.id, { reminders: [{ minutes_before: 30 }, { minutes_before: 1440, id: 'ignored' }] });
    expect(patched.status).toBe(200);
    const body = (await patched.json()) as typeof task;
    expect(body.reminders).toEqual([{ id: expect.any(String), minutes_before: 1440 }, relative]);
    expect(body.etag).not.toBe(task.etag);
    expect((await (await api.get(task.id)).json()).reminders).toEqual(body.reminders);

    // Other fields leave them alone; an empty list clears them.
    expect((await (await api.patch(task.id, { title: 'Call Bob back' })).json()).reminders).toEqual(body.reminders);
    expect((await (await api.patch(task.id, { reminders: [] })).json()).reminders).toEqual([]);
    const { rows } = await database.current.db.execute(sql`select count(*)::int as n from reminders where task_id = ${task.id}`);
    expect(rows[0]).toEqual({ n: 0 });
  });

  it('refuses bad reminders with 422 and stores nothing', async () => {
    const ann = await createTestUser();
    const api = tasksApi(ann);
    const undated = await createTaskVia(api, { title: 'Someday' });
    const cases: [unknown, string][] = [
      [[{ minutes_before: 5 }, { minutes_before: 10 }, { minutes_before: 15 }, { minutes_before: 20 }, { minutes_before: 25 }, { minutes_before: 30 }], 'reminders'],
      [[{ minutes_before: -1 }], 'reminders.0'],
      [[{ minutes_before: 40_321 }], 'reminders.0'],
      [[{ minutes_before: 1.5 }], 'reminders.0'],
      [[{ at: '2027-01-14 18:00' }], 'reminders.0'],
      [[{ at: '2027-01-14T18:00:00' }], 'reminders.0'],
      [[{ minutes_before: 5, at: '2027-01-14T18:00:00Z' }], 'reminders.0'],
      [[{}], 'reminders.0'],
      ['soon', 'reminders'],
    ];
    for (const [reminders, path] of cases) {
      const response = await api.patch(undated.id, { reminders });
      expect(response.status, JSON.stringify(reminders)).toBe(422);
      expect((await problemOf(response)).errors?.map((e) => e.path)).toEqual([expect.stringMatching(new RegExp(`^${path.replace('.', '\\.')}(\\.|$)`))]);
    }
    // Relative to a date the task does not have: on a create, a PATCH, and a PATCH that clears the date.
    const noDate = await api.create({ title: 'No date', reminders: [{ minutes_before: 10 }] });
    expect(noDate.status).toBe(422);
    expect((await problemOf(noDate)).errors).toEqual([{ path: 'reminders', message: expect.stringContaining('needs a due_date') }]);
    expect((await api.patch(undated.id, { reminders: [{ minutes_before: 10 }] })).status).toBe(422);
    const dated = await createTaskVia(api, { title: 'Dated', due_date: '2027-01-15' });
    expect((await api.patch(dated.id, { due_date: null, reminders: [{ minutes_before: 10 }] })).status).toBe(422);
    // Clearing the date drops the reminders relative to it (every member's), and keeps instants.
    const both = await createTaskVia(api, { title: 'Both', due_date: '2027-01-15', reminders: [{ minutes_before: 10 }, { at: '2027-01-14T18:00:00Z' }] });
    const cleared = await api.patch(both.id, { due_date: null });
    expect(cleared.status).toBe(200);
    expect((await cleared.json()).reminders).toEqual([{ id: both.reminders[1]!.id, at: '2027-01-14T18:00:00.000Z' }]);
    expect(Object.keys(await fireTimes(both.id))).toEqual([both.reminders[1]!.id]);
    // An instant needs no date.
    expect((await (await api.patch(undated.id, { reminders: [{ at: '2027-01-14T18:00:00Z' }] })).json()).reminders).toHaveLength(1);
    const { rows } = await database.current.db.execute(sql`select count(*)::int as n from reminders r join tasks t on t.id = r.task_id where t.user_id = ${ann.id}`);
    expect(rows[0]).toEqual({ n: 2 });
  });

  it('are personal: each member of a shared project sees and sets only their own, a viewer too', async () => {
    const owner = await createTestUser();
    const viewer = await createTestUser();
    const project = await createProjectVia(projectsApi(owner), { name: 'Home' });
    await shareVia(owner, project.id, viewer, 'viewer');
    const task = await createTaskVia(tasksApi(owner), { title: 'Boiler service', project_id: project.id, due_date: '2027-02-01', reminders: [{ minutes_before: 60 }] });

    const viewerApi = tasksApi(viewer);
    expect((await (await viewerApi.get(task.id)).json()).reminders).toEqual([]);
    const set = await viewerApi.patch(task.id, { reminders: [{ minutes_before: 1440 }] });
    expect(set.status).toBe(200);
    expect((await set.json()).reminders).toEqual([{ id: expect.any(String), minutes_before: 1440 }]);
    // A viewer's other writes are still refused.
    expect((await viewerApi.patch(task.id, { reminders: [], title: 'x' })).status).toBe(403);
    expect((await (await tasksApi(owner).get(task.id)).json()).reminders).toEqual([{ id: task.reminders[0]!.id, minutes_before: 60 }]);
    // One user's write of their own leaves the other's.
    await tasksApi(owner).patch(task.id, { reminders: [] });
    expect((await (await viewerApi.get(task.id)).json()).reminders).toHaveLength(1);
  });
});

describe('when a reminder fires', () => {
  it("uses the reminded user's time zone, a date alone counting as 09:00, across DST changes in Berlin and New York", async () => {
    const berlin = await createTestUser();
    const newYork = await createTestUser();
    await setTimeZone(berlin, 'Europe/Berlin');
    await setTimeZone(newYork, 'America/New_York');
    // 2027-03-28: Berlin moves to summer time at 02:00 (UTC+2 after); 2027-03-14: New York (UTC-4 after).
    const cases: [TestUser, Record<string, unknown>, string][] = [
      [berlin, { due_date: '2027-03-28', due_time: '09:00', reminders: [{ minutes_before: 0 }] }, '2027-03-28T07:00:00.000Z'],
      [berlin, { due_date: '2027-03-28', reminders: [{ minutes_before: 0 }] }, '2027-03-28T07:00:00.000Z'],
      // 60 minutes before 03:30 on the change day: 01:30 winter time (UTC+1).
      [berlin, { due_date: '2027-03-28', due_time: '03:30', reminders: [{ minutes_before: 60 }] }, '2027-03-28T00:30:00.000Z'],
      [berlin, { due_date: '2027-03-27', reminders: [{ minutes_before: 0 }] }, '2027-03-27T08:00:00.000Z'],
      [newYork, { due_date: '2027-03-14', reminders: [{ minutes_before: 0 }] }, '2027-03-14T13:00:00.000Z'],
      [newYork, { due_date: '2027-03-13', due_time: '09:00', reminders: [{ minutes_before: 30 }] }, '2027-03-13T13:30:00.000Z'],
      // A day before, across the change: the same wall-clock time the day before (EST), not 24 hours.
      [newYork, { due_date: '2027-03-14', due_time: '12:00', reminders: [{ minutes_before: 1440 }] }, '2027-03-13T17:00:00.000Z'],
      // A day and an hour before: the day on the calendar, the hour elapsed (12:00 EST − 1 h).
      [newYork, { due_date: '2027-03-14', due_time: '12:00', reminders: [{ minutes_before: 1500 }] }, '2027-03-13T16:00:00.000Z'],
    ];
    for (const [user, body, expected] of cases) {
      const task = await createTaskVia(tasksApi(user), { title: `at ${expected}`, ...body });
      expect(Object.values(await fireTimes(task.id)), JSON.stringify(body)).toEqual([expected]);
    }

    // Just before the Berlin 09:00 one is due nothing of Berlin's fires; at it, both 09:00 ones do.
    await fireDueReminders({ now: new Date('2027-03-28T06:59:59Z') });
    expect((await notificationsOf(berlin)).map((n) => n.title).sort()).toEqual(['at 2027-03-27T08:00:00.000Z', 'at 2027-03-28T00:30:00.000Z']);
    await fireDueReminders({ now: new Date('2027-03-28T07:00:00Z') });
    const fired = await notificationsOf(berlin);
    expect(fired).toHaveLength(4);
    expect(fired[0]).toMatchObject({ kind: 'reminder', project_id: null, read_at: null, body: expect.stringMatching(/^Due Sun 28 Mar/) });
  });

  it("follows the user's time zone when it changes", async () => {
    const ann = await createTestUser();
    const task = await createTaskVia(tasksApi(ann), { title: 'Dentist', due_date: '2027-06-01', due_time: '09:00', reminders: [{ minutes_before: 0 }, { at: '2027-05-31T12:00:00Z' }] });
    expect(Object.values(await fireTimes(task.id)).sort()).toEqual(['2027-05-31T12:00:00.000Z', '2027-06-01T09:00:00.000Z']);
    await setTimeZone(ann, 'Asia/Tokyo');
    // The relative one keeps 09:00 where the user is now; the instant stays.
    expect(Object.values(await fireTimes(task.id)).sort()).toEqual(['2027-05-31T12:00:00.000Z', '2027-06-01T00:00:00.000Z']);
  });

  it('fires every due reminder once, however many at once and however many schedulers run', async () => {
    const users = await Promise.all([createTestUser(), createTestUser()]);
    const at = '2027-09-01T10:00:00.000Z';
    // 250 tasks, each with its user's reminder at the same instant.
    for (const user of users) {
      const api = tasksApi(user);
      for (let i = 0; i < 125; i++) await createTaskVia(api, { title: `task ${i}`, reminders: [{ at }] });
    }
    // Small batches so that the two runs interleave many times.
    const runs = await Promise.all([
      fireDueReminders({ now: new Date(at), batch: 20 }),
      fireDueReminders({ now: new Date(at), batch: 20 }),
      fireDueReminders({ now: new Date(at), batch: 20 }),
    ]);
    expect(runs.reduce((sum, run) => sum + run.claimed, 0)).toBe(250);
    expect(runs.reduce((sum, run) => sum + run.notified, 0)).toBe(250);
    for (const user of users) {
      const { rows } = await database.current.db.execute(sql`select count(*)::int as n, count(distinct task_id)::int as tasks from notifications where user_id = ${user.id}`);
      expect(rows[0]).toEqual({ n: 125, tasks: 125 });
    }
    // Nothing left to fire.
    expect(await fireDueReminders({ now: new Date(at) })).toEqual({ claimed: 0, notified: 0 });
  });

  it('survives a scheduler that stops between claiming and committing: the reminder fires once, later', async () => {
    const ann = await createTestUser();
    const at = '2027-09-02T10:00:00.000Z';
    const task = await createTaskVia(tasksApi(ann), { title: 'Take the pills', reminders: [{ at }] });
    // The claim runs, and the process "dies" before its transaction commits.
    await expect(
      database.current.db.transaction(async (tx) => {
        expect(await fireDueReminders({ now: new Date(at), executor: tx })).toEqual({ claimed: 1, notified: 1 });
        throw new Error('killed');
      }),
    ).rejects.toThrow('killed');
    expect(await notificationsOf(ann)).toEqual([]);
    expect(Object.values(await fireTimes(task.id))).toEqual([at]);
    // Restarted a minute later.
    expect(await fireDueReminders({ now: new Date(Date.parse(at) + 60_000) })).toMatchObject({ notified: 1 });
    expect(await fireDueReminders({ now: new Date(Date.parse(at) + 120_000) })).toMatchObject({ claimed: 0 });
    expect(await notificationsOf(ann)).toHaveLength(1);
  });

  it('fires a reminder up to 24 hours late once, and drops an older one', async () => {
    const ann = await createTestUser();
    const api = tasksApi(ann);
    await createTaskVia(api, { title: 'Late but fired', reminders: [{ at: '2027-10-01T10:00:00Z' }] });
    await createTaskVia(api, { title: 'Too late', reminders: [{ at: '2027-09-30T09:00:00Z' }] });
    // The app was down from before both until 2027-10-02 09:30: 23.5 and 48.5 hours later.
    expect(await fireDueReminders({ now: new Date('2027-10-02T09:30:00Z') })).toEqual({ claimed: 2, notified: 1 });
    expect((await notificationsOf(ann)).map((n) => n.title)).toEqual(['Late but fired']);
    expect(await fireDueReminders({ now: new Date('2027-10-02T09:31:00Z') })).toEqual({ claimed: 0, notified: 0 });
  });

  it('is cancelled by completing or deleting the task, moves with a repeating one, and never fires for a time already past', async () => {
    const ann = await createTestUser();
    const api = tasksApi(ann);
    const done = await createTaskVia(api, { title: 'Done early', due_date: '2027-11-01', reminders: [{ minutes_before: 0 }] });
    const deleted = await createTaskVia(api, { title: 'Deleted', due_date: '2027-11-01', reminders: [{ minutes_before: 0 }] });
    const daily = await createTaskVia(api, { title: 'Water plants', due_date: '2027-11-01', due_time: '08:00', repeat: { every: 'day' }, reminders: [{ minutes_before: 15 }] });
    const past = await createTaskVia(api, { title: 'Past', due_date: '2020-01-01', reminders: [{ minutes_before: 0 }, { at: inHours(-1).toISOString() }] });
    expect(Object.values(await fireTimes(past.id))).toEqual([null, null]);

    expect((await api.toggle(done.id)).status).toBe(200);
    expect(Object.values(await fireTimes(done.id))).toEqual([null]);
    expect((await api.remove(deleted.id)).status).toBe(204);
    expect(await fireTimes(deleted.id)).toEqual({});

    expect(await fireDueReminders({ now: new Date('2027-11-01T07:45:00Z') })).toEqual({ claimed: 1, notified: 1 });
    // Completing the repeating task moves it (and its reminder) to the next day.
    const next = (await (await api.toggle(daily.id)).json()) as typeof daily;
    expect(next).toMatchObject({ completed: false, due_date: '2027-11-02' });
    expect(Object.values(await fireTimes(daily.id))).toEqual(['2027-11-02T07:45:00.000Z']);
    expect(await fireDueReminders({ now: new Date('2027-11-02T07:45:00Z') })).toEqual({ claimed: 1, notified: 1 });
    expect((await notificationsOf(ann)).map((n) => n.title)).toEqual(['Water plants', 'Water plants']);

    // Reopening a task whose reminder time is still ahead arms it again.
    expect((await api.toggle(done.id)).status).toBe(200);
    expect(Object.values(await fireTimes(done.id))).toEqual(['2027-11-01T09:00:00.000Z']);
  });

  it('is dropped for a member who has left the project by then', async () => {
    const owner = await createTestUser();
    const member = await createTestUser();
    const project = await createProjectVia(projectsApi(owner), { name: 'Trip' });
    await shareVia(owner, project.id, member, 'editor');
    const task = await createTaskVia(tasksApi(member), { title: 'Book hotel', project_id: project.id, reminders: [{ at: '2027-12-01T10:00:00Z' }] });
    await tasksApi(owner).patch(task.id, { reminders: [{ at: '2027-12-01T10:00:00Z' }] });
    expect((await sharingApi(owner).removeMember(project.id, member.id)).status).toBe(204);
    expect(await fireDueReminders({ now: new Date('2027-12-01T10:00:00Z') })).toEqual({ claimed: 2, notified: 1 });
    expect((await notificationsOf(member)).map((n) => n.kind)).toEqual(['invitation']);
    expect(await notificationsOf(owner)).toMatchObject([{ kind: 'reminder', title: 'Book hotel', task_id: task.id, project_id: project.id }]);
  });

  it('runs from the cron route with CRON_SECRET', async () => {
    const ann = await createTestUser();
    await createTaskVia(tasksApi(ann), { title: 'Soon', reminders: [{ at: new Date(Date.now() + 1_000).toISOString() }] });
    {
      expect((await callRoute(cronRoute, 'GET', '/api/cron/reminders', {}, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
      expect(await notificationsOf(ann)).toEqual([]);
      // Its time is a second away: the route fires it on the database's clock once that has passed.
      await database.current.db.execute(sql`select pg_sleep(1.1)`);
      const response = await callRoute(cronRoute, 'GET', '/api/cron/reminders', {}, { headers: { authorization: 'Bearer a-cron-secret-of-some-length' } });
      expect(response.status).toBe(200);
      expect((await response.json()).reminders).toEqual({ claimed: 1, notified: 1 });
    }
    expect(await notificationsOf(ann)).toHaveLength(1);
  });
});

describe('notifications', () => {
  it('come for an invitation to an existing account and a task assigned by someone else, not for one assigned by oneself', async () => {
    const owner = await createTestUser({ name: 'Olga' });
    const member = await createTestUser();
    const project = await createProjectVia(projectsApi(owner), { name: 'Garden' });
    await shareVia(owner, project.id, member, 'editor');
    expect(await notificationsOf(member)).toMatchObject([{ kind: 'invitation', title: 'Garden', project_id: project.id, body: 'Olga invited you to join as editor', task_id: null }]);

    const assigned = await createTaskVia(tasksApi(owner), { title: 'Mow the lawn', project_id: project.id, assignee_id: member.id });
    const own = await createTaskVia(tasksApi(member), { title: 'Rake leaves', project_id: project.id });
    expect((await tasksApi(member).patch(own.id, { assignee_id: member.id })).status).toBe(200);
    // Reassigned to the owner by the member.
    expect((await tasksApi(member).patch(own.id, { assignee_id: owner.id })).status).toBe(200);
    const memberSees = await notificationsOf(member);
    expect(memberSees.map((n) => [n.kind, n.title])).toEqual([
      ['assigned', 'Mow the lawn'],
      ['invitation', 'Garden'],
    ]);
    expect(memberSees[0]).toMatchObject({ task_id: assigned.id, body: 'Olga assigned this task to you' });
    expect((await notificationsOf(owner)).map((n) => [n.kind, n.title])).toEqual([['assigned', 'Rake leaves']]);
  });

  it("leave a task as it was when the account that assigned it is deleted (no rewrite, no new version)", async () => {
    const owner = await createTestUser();
    const member = await createTestUser();
    const project = await createProjectVia(projectsApi(owner), { name: 'Shed' });
    await shareVia(owner, project.id, member, 'editor');
    const task = await createTaskVia(tasksApi(owner), { title: 'Paint the shed', project_id: project.id });
    const assigned = (await (await tasksApi(member).patch(task.id, { assignee_id: owner.id })).json()) as typeof task;
    const deleted = await callRoute(accountRoute, 'DELETE', `/api/${member.id}/account`, { user_id: member.id }, { headers: member.headers, body: { password: member.password } });
    expect(deleted.status).toBe(204);
    const after = (await (await tasksApi(owner).get(task.id)).json()) as typeof task;
    expect(after).toMatchObject({ assignee_id: owner.id, updated_at: assigned.updated_at, etag: assigned.etag });
    expect((await notificationsOf(owner)).map((n) => n.body)).toEqual([expect.stringContaining('assigned this task to you')]);
  });

  it('list newest first with an unread filter and keyset pages, and are marked read by id or all at once, each user only theirs', async () => {
    const ann = await createTestUser();
    const bob = await createTestUser();
    for (let i = 0; i < 5; i++) await createTaskVia(tasksApi(ann), { title: `n${i}`, reminders: [{ at: `2028-01-01T10:0${i}:00Z` }] });
    await createTaskVia(tasksApi(bob), { title: 'bob', reminders: [{ at: '2028-01-01T10:00:00Z' }] });
    for (let i = 0; i < 5; i++) await fireDueReminders({ now: new Date(`2028-01-01T10:0${i}:00Z`) });

    const api = notificationsApi(ann);
    const first = await api.list({ limit: '2' });
    expect(first.headers.get('x-total-count')).toBe('5');
    const page1 = (await first.json()) as NotificationJson[];
    expect(page1.map((n) => n.title)).toEqual(['n4', 'n3']);
    const link = first.headers.get('link')!;
    expect(link).toMatch(/^<\/api\/[^>]+\/notifications\?limit=2&cursor=[^>]+>; rel="next"$/);
    const cursor = new URL(link.slice(1, link.indexOf('>')), 'http://x').searchParams.get('cursor')!;
    const second = await api.list({ limit: '2', cursor });
    expect(((await second.json()) as NotificationJson[]).map((n) => n.title)).toEqual(['n2', 'n1']);
    // A cursor of another filter, or another user's, is refused.
    expect((await api.list({ limit: '2', cursor, unread: 'true' })).status).toBe(422);
    expect((await notificationsApi(bob).list({ cursor })).status).toBe(422);
    expect((await api.list({ unread: 'maybe' })).status).toBe(422);

    const bobs = await notificationsOf(bob);
    expect((await api.read({ ids: [page1[0]!.id, bobs[0]!.id] })).status).toBe(204);
    expect((await notificationsOf(bob))[0]!.read_at).toBeNull();
    const unread = await api.list({ unread: 'true' });
    expect(unread.headers.get('x-total-count')).toBe('4');
    expect(((await unread.json()) as NotificationJson[]).map((n) => n.title)).toEqual(['n3', 'n2', 'n1', 'n0']);
    const read = await notificationsOf(ann, { unread: 'false' });
    expect(read.map((n) => n.title)).toEqual(['n4']);
    expect(Date.parse(read[0]!.read_at!)).toBeLessThanOrEqual(Date.now());

    expect((await api.read({ all: true })).status).toBe(204);
    expect((await api.list({ unread: 'true' })).headers.get('x-total-count')).toBe('0');
    // Marking again keeps the first read_at.
    expect((await notificationsOf(ann, { unread: 'false' })).find((n) => n.title === 'n4')!.read_at).toBe(read[0]!.read_at);

    for (const body of [{}, { ids: [] }, { ids: ['x'] }, { all: false }, { ids: 'all' }]) {
      const response = await api.read(body);
      expect(response.status, JSON.stringify(body)).toBe(422);
    }
    expect((await notificationsApi(ann, bob.id).list()).status).toBe(403);
  });
});
