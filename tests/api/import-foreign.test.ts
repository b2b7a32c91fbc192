import { readFileSync } from 'node:fs';
import { eq, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import * as importRoute from '@/app/api/[user_id]/import/route';
import { users } from '@/lib/db/schema';
import { createTestUser, type TestUser } from '@/tests/helpers/auth';
import { databaseDigest, withTestDatabase } from '@/tests/helpers/db';
import { callRoute, problemOf, projectsApi, tasksApi } from '@/tests/helpers/requests';

// Imports from Todoist (project CSV, a zip of several), TickTick (backup CSV) and Google Tasks
// (Takeout's Tasks.json), on fixtures written from each app's documented format
// (tests/fixtures/imports): what each becomes, the warnings for what does not fit, all or
// nothing, and a fuzz test (no 5xx; a refused file stores nothing).

const database = withTestDatabase();

const fixture = (name: string) => readFileSync(`tests/fixtures/imports/${name}`);

interface Result {
  tasks_created: number;
  labels_created: number;
  projects_created: number;
  warnings?: { path: string; message: string }[];
}

interface Task {
  id: string;
  title: string;
  description: string | null;
  completed: boolean;
  due_date: string | null;
  due_time: string | null;
  priority: string;
  labels: string[];
  repeat: { every: string; interval: number } | null;
  project_id: string | null;
  parent_id: string | null;
}

function importFrom(user: TestUser, from: string, body: Uint8Array | string, contentType: string, query: Record<string, string> = {}, headers: Record<string, string> = {}) {
  return callRoute(importRoute, 'POST', `/api/${user.id}/import`, { user_id: user.id }, {
    headers: { ...user.headers, 'content-type': contentType, ...headers },
    rawBody: body,
    query: { from, ...query },
  });
}

async function everything(user: TestUser) {
  const tasks = (await (await tasksApi(user).list({ limit: '200', sort: 'position' })).json()) as Task[];
  const projects = (await (await projectsApi(user).list()).json()) as { id: string; name: string }[];
  const projectName = new Map(projects.map((p) => [p.id, p.name]));
  const byId = new Map(tasks.map((t) => [t.id, t]));
  return {
    projects: projects.map((p) => p.name),
    byTitle: (title: string) => {
      const task = tasks.find((t) => t.title === title);
      if (!task) throw new Error(`no task "${title}" among ${tasks.map((t) => t.title).join(', ')}`);
      return { ...task, project: task.project_id ? projectName.get(task.project_id)! : null, parent: task.parent_id ? byId.get(task.parent_id)!.title : null };
    },
    titles: tasks.map((t) => t.title),
  };
}

const messagesAt = (result: Result, path: string) => (result.warnings ?? []).filter((w) => w.path === path).map((w) => w.message);

describe('Todoist', () => {
  it('imports a project CSV: priorities, indents, @labels, dates in the account’s zone, repeats, notes, and warns about the rest', async () => {
    const user = await createTestUser();
    await database.current.db.update(users).set({ timeZone: 'Europe/Berlin' }).where(eq(users.id, user.id));
    const tomorrowInBerlin = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date(Date.now() + 86_400_000));
    const tomorrowBefore = tomorrowInBerlin();
    const response = await importFrom(user, 'todoist', fixture('todoist-groceries.csv'), 'text/csv', { project: 'Groceries' });
    expect(response.status).toBe(201);
    const result = (await response.json()) as Result;
    expect(result).toMatchObject({ tasks_created: 8, labels_created: 2, projects_created: 1 });

    const got = await everything(user);
    expect(got.projects).toEqual(['Groceries']);
    // Read before and after: midnight in Berlin may pass between.
    expect([tomorrowBefore, tomorrowInBerlin()]).toContain(got.byTitle('Buy milk').due_date);
    expect(got.byTitle('Buy milk')).toMatchObject({ project: 'Groceries', priority: 'high', labels: ['dairy', 'errands'], description: '2 litres', due_time: '09:00' });
    expect(got.byTitle('Whole milk')).toMatchObject({ parent: 'Buy milk', priority: 'none', description: null });
    expect(got.byTitle('Check the date')).toMatchObject({ parent: 'Whole milk', description: 'Comment: Only the organic one' });
    expect(got.byTitle('Take out the bins')).toMatchObject({ parent: null, priority: 'medium', repeat: { every: 'week', interval: 1 } });
    expect(got.byTitle('Water the plants')).toMatchObject({ priority: 'low', repeat: { every: 'week', interval: 2 } });
    // An empty PRIORITY is p1, as Todoist documents.
    expect(got.byTitle('Call Mum')).toMatchObject({ priority: 'high', due_date: '2026-12-24', due_time: null, repeat: null });
    expect(got.byTitle('Dream about it')).toMatchObject({ due_date: null });

    expect(messagesAt(result, 'row 5')).toEqual(['the comment is kept in the description of "Check the date"']);
    expect(messagesAt(result, 'row 7')).toEqual(['the section "Weekly" is not kept: its tasks are imported into "Groceries" without it']);
    expect(messagesAt(result, 'row 8')).toEqual(['it was assigned to Bo (7654321); assignees are not carried over']);
    expect(messagesAt(result, 'row 9')).toEqual(['its duration is not carried over']);
    expect(messagesAt(result, 'row 10')).toEqual([expect.stringMatching(/^the date "every 3rd friday" was read as \d{4}-\d\d-\d\d.*could not be kept$/)]);
    expect(messagesAt(result, 'row 12')).toEqual(['the date "someday maybe" could not be read; the task has no date']);
  });

  it('imports a zip of project CSVs, each a project named by its file, and previews it first without writing', async () => {
    const user = await createTestUser();
    const csv = (title: string) => `TYPE,CONTENT,DESCRIPTION,PRIORITY,INDENT,AUTHOR,RESPONSIBLE,DATE,DATE_LANG,TIMEZONE\r\ntask,${title},,4,1,,,,en,UTC\r\n`;
    const zip = zipSync({ 'Home [2203306141].csv': strToU8(csv('Fix the tap')), 'Work.csv': strToU8(csv('Send the report')), 'notes.txt': strToU8('ignored') });
    const before = await databaseDigest(database.current);
    const preview = await importFrom(user, 'todoist', zip, 'application/zip', { dry_run: 'true' });
    expect(preview.status).toBe(200);
    expect(await preview.json()).toEqual({ tasks_created: 2, labels_created: 0, projects_created: 2, warnings: [] });
    expect(await databaseDigest(database.current)).toEqual(before);

    expect((await importFrom(user, 'todoist', zip, 'application/zip')).status).toBe(201);
    const got = await everything(user);
    expect(got.projects.sort()).toEqual(['Home', 'Work']);
    expect(got.byTitle('Fix the tap').project).toBe('Home');
    expect(got.byTitle('Send the report').project).toBe('Work');
  });

  it('replays the first answer for the same Idempotency-Key and file, importing once', async () => {
    const user = await createTestUser();
    const headers = { 'idempotency-key': 'todoist-once' };
    const first = await importFrom(user, 'todoist', fixture('todoist-groceries.csv'), 'text/csv', {}, headers);
    const again = await importFrom(user, 'todoist', fixture('todoist-groceries.csv'), 'text/csv', {}, headers);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await again.json()).toEqual(await first.json());
    expect((await everything(user)).titles).toHaveLength(8);
    expect((await everything(user)).projects).toEqual(['Imported from Todoist']);
  });
});

describe('TickTick', () => {
  it('imports a backup CSV: lists as projects, its Inbox as the Inbox, priorities, tags, dates in each task’s zone, subtasks, status, repeats', async () => {
    const user = await createTestUser();
    const response = await importFrom(user, 'ticktick', fixture('ticktick-backup.csv'), 'text/csv');
    expect(response.status).toBe(201);
    const result = (await response.json()) as Result;
    expect(result).toMatchObject({ tasks_created: 5, labels_created: 3, projects_created: 2 });
    const got = await everything(user);
    expect(got.projects.sort()).toEqual(['Chores', 'Work']);
    expect(got.byTitle('Renew passport')).toMatchObject({ project: null, priority: 'high', labels: ['admin', 'travel'], description: 'Bring two photos', due_date: '2026-12-10', due_time: '10:30' });
    // All day: the date in its zone (23:00 UTC is the next day in Berlin), no time.
    expect(got.byTitle('Vacuum')).toMatchObject({ project: 'Chores', priority: 'medium', due_date: '2026-12-06', due_time: null, repeat: { every: 'week', interval: 1 } });
    expect(got.byTitle('Living room')).toMatchObject({ parent: 'Vacuum', completed: true, priority: 'none' });
    expect(got.byTitle('Groceries')).toMatchObject({ priority: 'low', description: '▫Milk\n▪Bread', repeat: null });
    expect(got.byTitle('Weekday standup')).toMatchObject({ project: 'Work', due_date: '2026-12-07', due_time: '03:00', repeat: { every: 'weekday', interval: 1 }, labels: ['work'] });

    const row = (title: string) => ({ 'Renew passport': 'row 5', Vacuum: 'row 6', Groceries: 'row 8' })[title]!;
    expect(messagesAt(result, row('Vacuum'))).toEqual(['the folder "Home" is not kept: its lists are imported as projects without it', 'its reminder is not carried over']);
    expect(messagesAt(result, row('Groceries'))).toEqual([
      'the column "To do" of "Chores" is not kept',
      'its checklist items are kept as lines of its description',
      'the repeat "RRULE:FREQ=MONTHLY;BYSETPOS=-1;BYDAY=FR" became every month (BYSETPOS, BYDAY cannot be kept)',
      'it repeats but has no date; it is imported without the repeat',
    ]);
  });

  it('refuses a file that is not a TickTick backup with 422, storing nothing', async () => {
    const user = await createTestUser();
    const before = await databaseDigest(database.current);
    const response = await importFrom(user, 'ticktick', fixture('todoist-groceries.csv'), 'text/csv');
    expect(response.status).toBe(422);
    expect((await problemOf(response)).errors).toEqual([{ path: 'row 1', message: 'no header row starting "Folder Name","List Name","Title" (a TickTick backup CSV)' }]);
    expect(await databaseDigest(database.current)).toEqual(before);
  });
});

describe('Google Tasks', () => {
  it('imports Takeout’s Tasks.json, or the Takeout zip: lists as projects in position order, subtasks, completion, notes and links', async () => {
    for (const [body, type] of [
      [fixture('google-tasks.json'), 'application/json'],
      [zipSync({ 'Takeout/Tasks/Tasks.json': new Uint8Array(fixture('google-tasks.json')) }), 'application/zip'],
    ] as const) {
      const user = await createTestUser();
      const response = await importFrom(user, 'google-tasks', body, type);
      expect(response.status).toBe(201);
      const result = (await response.json()) as Result;
      expect(result).toMatchObject({ tasks_created: 4, projects_created: 2 });
      const got = await everything(user);
      expect(got.projects).toEqual(['My Tasks', 'Groceries']);
      expect(got.byTitle('Book the venue')).toMatchObject({ project: 'My Tasks', due_date: '2026-12-20', description: 'Ask about parking\nVenue reply: https://mail.google.com/mail/#all/abc' });
      expect(got.byTitle('Send invitations')).toMatchObject({ parent: 'Plan the party', completed: true });
      expect(got.titles).not.toContain('Old idea');
      // Google's order within the list: position 0 above position 1.
      expect(got.titles.indexOf('Plan the party')).toBeLessThan(got.titles.indexOf('Book the venue'));
      expect(result.warnings).toEqual([
        { path: 'items[0].items[0]', message: 'its links are kept as lines of its description' },
        { path: 'items[0].items[3]', message: 'it was deleted in Google Tasks: not imported' },
      ]);
    }
  });

  it('refuses JSON of another shape (422 naming the place) and a file type the app does not export (415)', async () => {
    const user = await createTestUser();
    const wrong = await importFrom(user, 'google-tasks', JSON.stringify({ kind: 'tasks#tasks', items: [] }), 'application/json');
    expect(wrong.status).toBe(422);
    expect((await problemOf(wrong)).errors).toEqual([{ path: 'kind', message: 'must be "tasks#taskLists" (Google Takeout\'s Tasks.json)' }]);
    expect((await importFrom(user, 'google-tasks', 'a,b', 'text/csv')).status).toBe(415);
    expect((await importFrom(user, 'ticktick', '{}', 'application/json')).status).toBe(415);
    expect((await importFrom(user, 'google-tasks', '{"kind": ', 'application/json')).status).toBe(400);
    const unknown = await importFrom(user, 'asana', 'a,b', 'text/csv');
    expect(unknown.status).toBe(422);
    expect((await problemOf(unknown)).errors?.[0]?.path).toBe('from');
  });
});

describe('subtask trees', () => {
  it('keeps a 3,000-deep chain (listed child first) within 4 levels, and breaks a loop of parents, with warnings', async () => {
    const user = await createTestUser();
    const chain = Array.from({ length: 3000 }, (_, i) => ({ kind: 'tasks#task', id: `c${i}`, title: `Step ${i}`, status: 'needsAction', ...(i > 0 && { parent: `c${i - 1}` }) })).reverse();
    const loop = [
      { id: 'a', title: 'A', parent: 'b' },
      { id: 'b', title: 'B', parent: 'a' },
    ];
    const body = JSON.stringify({ kind: 'tasks#taskLists', items: [{ title: 'Deep', items: chain }, { title: 'Loop', items: loop }] });
    const response = await importFrom(user, 'google-tasks', body, 'application/json');
    expect(response.status).toBe(201);
    const result = (await response.json()) as Result;
    expect(result.tasks_created).toBe(3002);
    expect(result.warnings!.filter((w) => w.message.startsWith('subtasks go 4 levels deep here'))).toHaveLength(2996);
    expect(result.warnings!.filter((w) => w.message === 'its parent is also its subtask; it is imported as a top-level task')).toHaveLength(1);
    const { rows } = await database.current.db.execute(sql`
      with recursive depth(id, level) as (
        select id, 1 from tasks where user_id = ${user.id} and parent_id is null
        union all select t.id, d.level + 1 from tasks t join depth d on t.parent_id = d.id)
      select max(level)::int as deepest, count(*)::int as n from depth`);
    expect(rows[0]).toEqual({ deepest: 4, n: 3002 });
  });
});

describe('any file', () => {
  it('never answers 5xx, and a refused file stores nothing (fuzz)', async () => {
    const user = await createTestUser();
    const sources = [
      ['todoist', 'text/csv', fixture('todoist-groceries.csv').toString('utf8')],
      ['ticktick', 'text/csv', fixture('ticktick-backup.csv').toString('utf8')],
      ['google-tasks', 'application/json', fixture('google-tasks.json').toString('utf8')],
    ] as const;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...sources),
        fc.array(fc.tuple(fc.nat(), fc.nat({ max: 40 }), fc.string({ unit: 'binary', maxLength: 12 })), { maxLength: 4 }),
        async ([from, type, text], edits) => {
          // Cut and splice the fixture: the reader must refuse or import it, never fail.
          let body = text;
          for (const [at, cut, insert] of edits) {
            const i = at % (body.length + 1);
            body = body.slice(0, i) + insert + body.slice(i + cut);
          }
          const before = await database.current.db.execute(sql`select count(*)::int as n from tasks where user_id = ${user.id}`);
          const response = await importFrom(user, from, body, type, { dry_run: String(edits.length % 2 === 0) });
          expect(response.status, `${from}: ${JSON.stringify(body.slice(0, 200))}`).toBeLessThan(500);
          if (response.status >= 400 || edits.length % 2 === 0) {
            const after = await database.current.db.execute(sql`select count(*)::int as n from tasks where user_id = ${user.id}`);
            expect(after.rows).toEqual(before.rows);
          }
        },
      ),
      // A fixed seed: a failure reproduces as it was.
      { numRuns: 60, seed: 20261205 },
    );
  });
});
