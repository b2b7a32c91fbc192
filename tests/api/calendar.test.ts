import { sql } from 'drizzle-orm';
import ical, { type VEvent } from 'node-ical';
import { describe, expect, it } from 'vitest';
import * as feedRoute from '@/app/api/[user_id]/calendar-feed/route';
import * as accountRoute from '@/app/api/[user_id]/account/route';
import * as passwordRoute from '@/app/api/[user_id]/account/password/route';
import * as signupRoute from '@/app/api/auth/signup/route';
import * as calendarRoute from '@/app/api/calendar/[file]/route';
import * as tokensRoute from '@/app/api/[user_id]/tokens/route';
import { createTestUser, type TestUser } from '@/tests/helpers/auth';
import { withTestDatabase } from '@/tests/helpers/db';
import { callRoute, createProjectVia, createTaskVia, problemOf, projectsApi, shareVia, sharingApi, tasksApi } from '@/tests/helpers/requests';

// The calendar feed (docs/api.md, "v3: calendar feed"), read back with node-ical, an independent
// parser: what a calendar app subscribed to the address would see.

const database = withTestDatabase();

async function setTimeZone(user: TestUser, timeZone: string): Promise<Response> {
  return callRoute(accountRoute, 'PATCH', `/api/${user.id}/account`, { user_id: user.id }, { headers: user.headers, body: { time_zone: timeZone } });
}

async function openFeed(user: TestUser): Promise<string> {
  const response = await callRoute(feedRoute, 'POST', `/api/${user.id}/calendar-feed`, { user_id: user.id }, { headers: user.headers });
  expect(response.status).toBe(201);
  expect(response.headers.get('cache-control')).toBe('no-store');
  const { url } = (await response.json()) as { url: string };
  expect(url).toMatch(/^http:\/\/localhost\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
  return url;
}

async function fetchFeed(url: string, headers: Record<string, string> = {}): Promise<Response> {
  const file = new URL(url).pathname.split('/').at(-1)!;
  return callRoute(calendarRoute, 'GET', `/api/calendar/${file}`, { file }, { headers });
}

// node-ical gives a property with parameters as { val, params }.
const textOf = (value: unknown): string => (typeof value === 'string' ? value : (value as { val: string }).val);
const summaryOf = (event: VEvent) => textOf(event.summary);

async function eventsOf(url: string): Promise<{ text: string; events: VEvent[] }> {
  const response = await fetchFeed(url);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
  const text = await response.text();
  const events = Object.values(ical.sync.parseICS(text)).filter((c): c is VEvent => c?.type === 'VEVENT');
  return { text, events: events.sort((a, b) => summaryOf(a).localeCompare(summaryOf(b))) };
}

describe('the calendar feed', () => {
  it('lists open dated tasks: all-day for a date, timed in the account time zone with its VTIMEZONE, an RRULE for a repeat', async () => {
    const ann = await createTestUser();
    expect((await setTimeZone(ann, 'europe/berlin')).status).toBe(200);
    const api = tasksApi(ann);
    const allDay = await createTaskVia(api, { title: 'Bins out', due_date: '2026-12-10', description: 'Both bins;\nthe green one, too' });
    const timed = await createTaskVia(api, { title: 'Call Bob', due_date: '2026-12-10', due_time: '09:30' });
    // Berlin moves its clocks on 2027-03-28: 09:00 stays 09:00 local on either side.
    const summer = await createTaskVia(api, { title: 'Summer call', due_date: '2027-03-29', due_time: '09:00' });
    const monthly = await createTaskVia(api, { title: 'Pay rent', due_date: '2027-01-31', repeat: { every: 'month' } });
    const weekdays = await createTaskVia(api, { title: 'Stand-up', due_date: '2026-12-07', due_time: '10:00', repeat: { every: 'weekday' } });
    await createTaskVia(api, { title: 'No date' });
    const done = await createTaskVia(api, { title: 'Done already', due_date: '2026-12-01' });
    expect((await api.patch(done.id, { completed: true })).status).toBe(200);

    const { text, events } = await eventsOf(await openFeed(ann));
    expect(events.map(summaryOf)).toEqual(['Bins out', 'Call Bob', 'Pay rent', 'Stand-up', 'Summer call']);
    const byTitle = Object.fromEntries(events.map((e) => [summaryOf(e), e]));
    expect(byTitle['Bins out']!.uid).toBe(allDay.id);
    expect(byTitle['Bins out']!.datetype).toBe('date');
    expect(textOf(byTitle['Bins out']!.description)).toBe('Both bins;\nthe green one, too');
    expect(byTitle['Call Bob']!.uid).toBe(timed.id);
    expect(byTitle['Call Bob']!.start.toISOString()).toBe('2026-12-10T08:30:00.000Z');
    expect(byTitle['Summer call']!.uid).toBe(summer.id);
    expect(byTitle['Summer call']!.start.toISOString()).toBe('2027-03-29T07:00:00.000Z');
    expect(text).toContain('BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin');
    expect(text).toContain('DTSTART;TZID=Europe/Berlin:20261210T093000');
    // A month's step clamps to its last day, as the app's does (Jan 31, Feb 28, Mar 31 here).
    expect(byTitle['Pay rent']!.uid).toBe(monthly.id);
    const rent = byTitle['Pay rent']!.rrule!.between(new Date('2027-01-01'), new Date('2027-04-01'), true);
    expect(rent.map((d: Date) => d.toISOString().slice(0, 10))).toEqual(['2027-01-31', '2027-02-28', '2027-03-31']);
    expect(byTitle['Stand-up']!.uid).toBe(weekdays.id);
    expect(byTitle['Stand-up']!.rrule!.toString()).toContain('BYDAY=MO,TU,WE,TH,FR');
  });

  it('gives UTC times to an account in UTC', async () => {
    const ann = await createTestUser();
    await createTaskVia(tasksApi(ann), { title: 'At nine', due_date: '2026-12-10', due_time: '09:00' });
    const { text, events } = await eventsOf(await openFeed(ann));
    expect(text).not.toContain('VTIMEZONE');
    expect(events[0]!.start.toISOString()).toBe('2026-12-10T09:00:00.000Z');
  });

  it("shows a shared project's tasks to each member until they leave, and never another user's Inbox", async () => {
    const owner = await createTestUser();
    const member = await createTestUser();
    const project = await createProjectVia(projectsApi(owner), { name: 'Home' });
    await shareVia(owner, project.id, member, 'viewer');
    await createTaskVia(tasksApi(owner), { title: 'Shared', due_date: '2026-12-10', project_id: project.id });
    await createTaskVia(tasksApi(owner), { title: 'Owner private', due_date: '2026-12-10' });
    const url = await openFeed(member);
    expect((await eventsOf(url)).events.map(summaryOf)).toEqual(['Shared']);

    expect((await sharingApi(member).removeMember(project.id, member.id)).status).toBe(204);
    expect((await eventsOf(url)).events).toEqual([]);
  });

  it('answers 304 to If-None-Match of the current version, and a new version after a change', async () => {
    const ann = await createTestUser();
    const task = await createTaskVia(tasksApi(ann), { title: 'Dentist', due_date: '2026-12-10' });
    const url = await openFeed(ann);
    const first = await fetchFeed(url);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(first.headers.get('cache-control')).toBe('private, no-cache');
    const again = await fetchFeed(url, { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');

    // Each change to what it lists gives a new version: an edit, the time zone, a completion.
    const seen = new Set([etag]);
    const expectNewVersion = async () => {
      const latest = [...seen].at(-1)!;
      const changed = await fetchFeed(url, { 'if-none-match': latest });
      expect(changed.status).toBe(200);
      const next = changed.headers.get('etag')!;
      expect(seen.has(next)).toBe(false);
      seen.add(next);
      expect((await fetchFeed(url, { 'if-none-match': next })).status).toBe(304);
      return changed.text();
    };
    expect((await tasksApi(ann).patch(task.id, { title: 'Dentist at 3' })).status).toBe(200);
    expect(await expectNewVersion()).toContain('SUMMARY:Dentist at 3');
    expect((await setTimeZone(ann, 'Asia/Tokyo')).status).toBe(200);
    await expectNewVersion();
    expect((await tasksApi(ann).patch(task.id, { completed: true })).status).toBe(200);
    expect(await expectNewVersion()).not.toContain('VEVENT');
  });

  it('answers 404 once turned off or given a new address, and after a password change', async () => {
    const ann = await createTestUser();
    const old = await openFeed(ann);
    const current = await openFeed(ann);
    expect((await fetchFeed(old)).status).toBe(404);
    expect((await fetchFeed(current)).status).toBe(200);

    const off = await callRoute(feedRoute, 'DELETE', `/api/${ann.id}/calendar-feed`, { user_id: ann.id }, { headers: ann.headers });
    expect(off.status).toBe(204);
    const gone = await fetchFeed(current);
    expect(gone.status).toBe(404);
    expect((await problemOf(gone)).detail).toMatch(/no calendar feed has this address/i);
    // Off already: the same answer.
    expect((await callRoute(feedRoute, 'DELETE', `/api/${ann.id}/calendar-feed`, { user_id: ann.id }, { headers: ann.headers })).status).toBe(204);

    const again = await openFeed(ann);
    const changed = await callRoute(passwordRoute, 'POST', `/api/${ann.id}/account/password`, { user_id: ann.id }, {
      headers: ann.headers,
      body: { current_password: ann.password, new_password: 'another long passphrase' },
    });
    expect(changed.status).toBe(200);
    expect((await fetchFeed(again)).status).toBe(404);
  });

  it("answers 404 once its account is deleted", async () => {
    const ann = await createTestUser();
    const url = await openFeed(ann);
    expect((await fetchFeed(url)).status).toBe(200);
    const deleted = await callRoute(accountRoute, 'DELETE', `/api/${ann.id}/account`, { user_id: ann.id }, { headers: ann.headers, body: { password: ann.password } });
    expect(deleted.status).toBe(204);
    expect((await fetchFeed(url)).status).toBe(404);
  });

  it('keeps one address when two are asked for at once: the other answers 404', async () => {
    const ann = await createTestUser();
    const urls = await Promise.all([openFeed(ann), openFeed(ann)]);
    const statuses = await Promise.all(urls.map(async (url) => (await fetchFeed(url)).status));
    expect(statuses.sort()).toEqual([200, 404]);
  });

  it('answers 404 to a made-up or malformed address, and the feed is not a sign-in', async () => {
    for (const file of ['x'.repeat(43) + '.ics', 'short.ics', 'A'.repeat(43), '.ics']) {
      expect((await fetchFeed(`http://localhost/api/calendar/${file}`)).status, file).toBe(404);
    }
    const ann = await createTestUser();
    await openFeed(ann);
    const sessions = await callRoute(await import('@/app/api/[user_id]/sessions/route'), 'GET', `/api/${ann.id}/sessions`, { user_id: ann.id }, { headers: ann.headers });
    expect(((await sessions.json()) as { kind: string }[]).map((s) => s.kind)).not.toContain('calendar');
  });

  it("answers 404 to a personal access token's secret used as an address: a token is not a feed", async () => {
    const ann = await createTestUser();
    await createTaskVia(tasksApi(ann), { title: 'Secret plans', due_date: '2026-12-24' });
    const created = await callRoute(tokensRoute, 'POST', `/api/${ann.id}/tokens`, { user_id: ann.id }, { headers: ann.headers, body: { name: 'notifications only', scopes: ['notifications:read'] } });
    const { token } = (await created.json()) as { token: string };
    const response = await fetchFeed(`http://localhost/api/calendar/${token.slice('todo_pat_'.length)}.ics`);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('Secret plans');
  });
});

describe('the account time zone', () => {
  it('takes an IANA name in any casing, stores its spelling, and refuses anything else with 422', async () => {
    const ann = await createTestUser();
    const account = await callRoute(accountRoute, 'GET', `/api/${ann.id}/account`, { user_id: ann.id }, { headers: ann.headers });
    expect(((await account.json()) as { time_zone: string }).time_zone).toBe('UTC');
    const set = await setTimeZone(ann, 'america/new_york');
    expect(set.status).toBe(200);
    expect((await set.json()) as object).toMatchObject({ time_zone: 'America/New_York' });
    for (const bad of ['Mars/Olympus', '+01:00', '', 'Europe/Berlin; drop table users', 'x'.repeat(65)]) {
      const response = await setTimeZone(ann, bad);
      expect(response.status, bad).toBe(422);
      expect((await problemOf(response)).errors?.[0]?.path).toBe('time_zone');
    }
    // Signup takes one too (the web app sends the browser's), under the same rule.
    const signup = (email: string, time_zone: string) =>
      callRoute(signupRoute, 'POST', '/api/auth/signup', {}, { body: { email, password: 'a long enough passphrase', time_zone } });
    expect((await signup('mars@example.com', 'Mars/Olympus')).status).toBe(422);
    expect((await signup('tokyo@example.com', 'asia/tokyo')).status).toBe(201);
    const { rows } = await database.current.db.execute(sql`select email, time_zone from users where email in ('mars@example.com', 'tokyo@example.com')`);
    expect(rows).toEqual([{ email: 'tokyo@example.com', time_zone: 'Asia/Tokyo' }]);
    // A name alone leaves the time zone as it was.
    const renamed = await callRoute(accountRoute, 'PATCH', `/api/${ann.id}/account`, { user_id: ann.id }, { headers: ann.headers, body: { name: 'Ann' } });
    expect((await renamed.json()) as object).toMatchObject({ name: 'Ann', time_zone: 'America/New_York' });
  });
});
