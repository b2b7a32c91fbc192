import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import * as labelsRoute from '@/app/api/[user_id]/labels/route';
import * as moveRoute from '@/app/api/[user_id]/tasks/[id]/move/route';
import { labels, tasks } from '@/lib/db/schema';
import type { ExportDocument } from '@/lib/transfer/schemas';
import { createTestUser, type TestUser } from '@/tests/helpers/auth';
import { withTestDatabase } from '@/tests/helpers/db';
import { callRoute, createTaskVia, problemOf, tasksApi, transferApi } from '@/tests/helpers/requests';

const database = withTestDatabase();

const MiB = 1024 * 1024;

async function exportedDocument(user: TestUser): Promise<ExportDocument> {
  const response = await transferApi(user).export();
  expect(response.status).toBe(200);
  return (await response.json()) as ExportDocument;
}

/** What a round trip must keep: every field but updated_at, in order. */
function comparable(document: ExportDocument) {
  return document.tasks.map(({ updated_at: _updated, ...task }) => task);
}

async function countOwn(user: TestUser) {
  return {
    tasks: await database.current.db.$count(tasks, eq(tasks.userId, user.id)),
    labels: await database.current.db.$count(labels, eq(labels.userId, user.id)),
  };
}

let source: TestUser;

beforeAll(async () => {
  source = await createTestUser();
  const api = tasksApi(source);
  for (const [name, color] of [
    ['home', 'green'],
    ['Errands', 'orange'],
    ['unused', 'purple'],
  ]) {
    const response = await callRoute(labelsRoute, 'POST', `/api/${source.id}/labels`, { user_id: source.id }, { headers: source.headers, body: { name, color } });
    expect(response.status).toBe(201);
  }
  await createTaskVia(api, { title: 'Plain' });
  await createTaskVia(api, {
    title: 'Pay rent',
    description: 'by the 1st,\n"standing order"',
    due_date: '2026-12-01',
    due_time: '09:00',
    priority: 'high',
    labels: ['home', 'errands'],
    repeat: { every: 'month' },
  });
  const done = await createTaskVia(api, { title: 'Done already', completed: true, priority: 'low', labels: ['Errands'] });
  await createTaskVia(api, { title: '=HYPERLINK("http://evil.example","click")', description: '-5 degrees', labels: ['@team'] });
  await createTaskVia(api, { title: 'Fortnightly', due_date: '2026-11-30', repeat: { every: 'week', interval: 2 }, priority: 'medium' });
  await createTaskVia(api, { title: "'=already quoted", description: 'ünïcödé ✓ 🎉' });
  // Manual order other than creation order: the finished task goes to the bottom.
  const moved = await callRoute(moveRoute, 'POST', `/api/${source.id}/tasks/${done.id}/move`, { user_id: source.id, id: done.id }, { headers: source.headers, body: { to: 'bottom' } });
  expect(moved.status).toBe(200);
});

describe('GET /api/{user_id}/export', () => {
  it('answers the JSON document as a download: labels, then tasks in manual order without ids or positions', async () => {
    const response = await transferApi(source).export();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="todo-export-\d{4}-\d{2}-\d{2}\.json"$/);
    const document = (await response.json()) as ExportDocument;
    expect(document).toMatchObject({ format: 'todo-export', version: 1 });
    expect(Date.parse(document.exported_at)).not.toBeNaN();
    expect(document.labels).toEqual([
      { name: '@team', color: 'grey' },
      { name: 'Errands', color: 'orange' },
      { name: 'home', color: 'green' },
      { name: 'unused', color: 'purple' },
    ]);
    expect(document.tasks.map((t) => t.title)).toEqual([
      "'=already quoted",
      'Fortnightly',
      '=HYPERLINK("http://evil.example","click")',
      'Pay rent',
      'Plain',
      'Done already',
    ]);
    const rent = document.tasks[3]!;
    expect(rent).toMatchObject({ due_date: '2026-12-01', due_time: '09:00', priority: 'high', labels: ['Errands', 'home'], repeat: { every: 'month', interval: 1 } });
    expect(Object.keys(rent)).not.toContain('id');
    expect(Object.keys(rent)).not.toContain('user_id');
    expect(Object.keys(rent)).not.toContain('position');
  });

  it('answers CSV with the contract header, ; between labels, week/2 repeats, and formula cells prefixed with a quote', async () => {
    const response = await transferApi(source).export('csv');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="todo-export-\d{4}-\d{2}-\d{2}\.csv"$/);
    const text = await response.text();
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('title,description,completed,due_date,due_time,priority,labels,repeat,created_at,project,parent');
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")",'-5 degrees,false,,,none,'@team,,`);
    expect(text).toContain("''=already quoted,");
    expect(text).toContain('Fortnightly,,false,2026-11-30,,medium,,week/2,');
    expect(text).toContain('Pay rent,"by the 1st,\n""standing order""",false,2026-12-01,09:00,high,Errands;home,month,');
    // The Inbox's tasks: no project, no parent.
    expect(lines.slice(1, -1).every((line) => line.endsWith(',,'))).toBe(true);
    // No cell starts a formula: every cell that starts with = + - @ is quoted text.
    expect(text).not.toMatch(/(^|,|\r\n)"?[=+\-@]/);
  });

  it('streams an account of several pages whole, in manual order, as JSON and as CSV', async () => {
    const big = await createTestUser();
    const titles = Array.from({ length: 2_345 }, (_, i) => `task ${i}`);
    await database.current.db.insert(tasks).values(titles.map((title) => ({ userId: big.id, title })));
    const inOrder = (await database.current.db.select({ title: tasks.title }).from(tasks).where(eq(tasks.userId, big.id)).orderBy(tasks.position)).map((t) => t.title);
    const document = await exportedDocument(big);
    expect(document.tasks.map((t) => t.title)).toEqual(inOrder);
    const csvLines = (await (await transferApi(big).export('csv')).text()).trimEnd().split('\r\n');
    expect(csvLines.slice(1).map((line) => line.split(',')[0])).toEqual(inOrder);
  });

  it('exports an empty account as an empty list', async () => {
    const empty = await createTestUser();
    const document = await exportedDocument(empty);
    expect(document.tasks).toEqual([]);
    expect(document.labels).toEqual([]);
    expect((await (await transferApi(empty).export('csv')).text()).split('\r\n')).toEqual([
      'title,description,completed,due_date,due_time,priority,labels,repeat,created_at,project,parent',
      '',
    ]);
  });

  it("answers 403 for another user's export, and 422 for an unknown format", async () => {
    const other = await createTestUser();
    const response = await transferApi(other, source.id).export();
    expect(response.status).toBe(403);
    expect((await transferApi(source).export('xml' as 'csv')).status).toBe(422);
  });
});

describe('export, then import into a new account', () => {
  it('reproduces the list from JSON: fields, labels with colours, created times and order', async () => {
    const original = await exportedDocument(source);
    const target = await createTestUser();
    const response = await transferApi(target).importJson(original);
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ tasks_created: 6, labels_created: 4, projects_created: 0 });
    const copy = await exportedDocument(target);
    expect(comparable(copy)).toEqual(comparable(original));
    expect(copy.labels).toEqual(original.labels);
  });

  it('reproduces the list from CSV (labels come back grey: CSV has no colours)', async () => {
    const original = await exportedDocument(source);
    const csv = await (await transferApi(source).export('csv')).text();
    const target = await createTestUser();
    const response = await transferApi(target).importCsv(csv);
    expect(response.status).toBe(201);
    // `unused` carries no task, so the CSV does not name it.
    expect(await response.json()).toEqual({ tasks_created: 6, labels_created: 3, projects_created: 0 });
    const copy = await exportedDocument(target);
    expect(comparable(copy)).toEqual(comparable(original));
  });

  it('keeps label names with ; and \\ through CSV: each is escaped with \\, and comes back as it was', async () => {
    const names = ['a;b', 'c\\d', 'e\\;f', '\\', 'g\\', ';h;'];
    const owner = await createTestUser();
    await createTaskVia(tasksApi(owner), { title: 'odd labels', labels: names });
    const csv = await (await transferApi(owner).export('csv')).text();
    for (const escaped of ['a\\;b', 'c\\\\d', 'e\\\\\\;f', '\\;h\\;', 'g\\\\']) expect(csv).toContain(escaped);
    const target = await createTestUser();
    const response = await transferApi(target).importCsv(csv);
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ tasks_created: 1, labels_created: names.length, projects_created: 0 });
    const [copy] = (await (await tasksApi(target).list()).json()) as { labels: string[] }[];
    expect([...copy!.labels].sort()).toEqual([...names].sort());
  });

  it('reads a \\ before anything but ; or \\ as it is, as files written before the escaping have it', async () => {
    const target = await createTestUser();
    expect((await transferApi(target).importCsv('title,labels\r\nold,C:\\temp;x\\y\r\n')).status).toBe(201);
    const [task] = (await (await tasksApi(target).list()).json()) as { labels: string[] }[];
    expect([...task!.labels].sort()).toEqual(['C:\\temp', 'x\\y']);
  });

  it('puts imported tasks above the ones already there, in file order, and reuses labels by name', async () => {
    const target = await createTestUser();
    await createTaskVia(tasksApi(target), { title: 'Already here', labels: ['HOME'] });
    const response = await transferApi(target).importJson({
      format: 'todo-export',
      version: 1,
      labels: [{ name: 'home', color: 'red' }],
      tasks: [{ title: 'first', labels: ['home'] }, { title: 'second' }],
    });
    expect(await response.json()).toEqual({ tasks_created: 2, labels_created: 0, projects_created: 0 });
    const copy = await exportedDocument(target);
    expect(copy.tasks.map((t) => [t.title, t.labels])).toEqual([
      ['first', ['HOME']],
      ['second', []],
      ['Already here', ['HOME']],
    ]);
    // The existing label keeps its colour.
    expect(copy.labels).toEqual([{ name: 'HOME', color: 'grey' }]);
  });
});

describe('POST /api/{user_id}/import refusals: nothing is stored', () => {
  it('names the bad task of a JSON document', async () => {
    const target = await createTestUser();
    const response = await transferApi(target).importJson({
      format: 'todo-export',
      version: 1,
      labels: [],
      tasks: [{ title: 'fine', labels: ['new'] }, { title: 'also fine' }, { title: 'bad', due_date: '2026-02-30' }, { title: '   ' }],
    });
    expect(response.status).toBe(422);
    const problem = await problemOf(response);
    expect(problem.errors).toEqual([
      { path: 'tasks[2].due_date', message: expect.any(String) },
      { path: 'tasks[3].title', message: expect.stringContaining('1-500') },
    ]);
    expect(problem.detail).toMatch(/nothing was imported/);
    expect(await countOwn(target)).toEqual({ tasks: 0, labels: 0 });
  });

  it('names the bad row of a CSV as a spreadsheet numbers it (the header is row 1)', async () => {
    const target = await createTestUser();
    const csv = [
      'title,description,completed,due_date,due_time,priority,labels,repeat,created_at',
      'one,,false,,,none,home,,',
      'two,"multi\nline",true,,,low,,,',
      'three,,maybe,,25:00,urgent,,fortnightly!,',
      '',
    ].join('\r\n');
    const response = await transferApi(target).importCsv(csv);
    expect(response.status).toBe(422);
    const paths = (await problemOf(response)).errors?.map((e) => e.path);
    expect(paths).toEqual(['row 4: completed', 'row 4: repeat', 'row 4: due_time', 'row 4: priority']);
    expect(await countOwn(target)).toEqual({ tasks: 0, labels: 0 });
  });

  it('names the row where a CSV stops being CSV', async () => {
    const target = await createTestUser();
    const response = await transferApi(target).importCsv('title,description\r\nok,fine\r\nbroken,"never closed\r\n');
    expect(response.status).toBe(422);
    expect((await problemOf(response)).errors).toEqual([{ path: 'row 3', message: 'a quoted cell is never closed' }]);
    expect(await countOwn(target)).toEqual({ tasks: 0, labels: 0 });
  });

  it('refuses a document that is not an export, and a CSV without a title column', async () => {
    const target = await createTestUser();
    const notExport = await transferApi(target).importJson({ format: 'other', version: 2, tasks: [] });
    expect(notExport.status).toBe(422);
    expect((await problemOf(notExport)).errors?.map((e) => e.path)).toEqual(['format', 'version']);
    const noTitle = await transferApi(target).importCsv('name,done\r\nx,true\r\n');
    expect(noTitle.status).toBe(422);
    expect((await problemOf(noTitle)).errors?.[0]?.path).toBe('row 1');
  });

  it('answers 413 over 10 MiB, declared or streamed, before validating anything', async () => {
    const target = await createTestUser();
    const big = new Uint8Array(10 * MiB + 1).fill(0x61);
    const streamed = await transferApi(target).importCsv(big);
    expect(streamed.status).toBe(413);
    const declared = await transferApi(target).importCsv('title\r\nx\r\n', { headers: { 'content-length': String(10 * MiB + 1) } });
    expect(declared.status).toBe(413);
    // A syntax error early in a body that then passes the limit is still a 413.
    const broken = new TextEncoder().encode(`title\r\n"never closed${'a'.repeat(10 * MiB)}`);
    expect((await transferApi(target).importCsv(broken)).status).toBe(413);
    const json = await transferApi(target).importJson(undefined, { rawBody: `{"pad":"${'a'.repeat(10 * MiB)}"}`, headers: { 'content-type': 'application/json' } });
    expect(json.status).toBe(413);
    expect(await countOwn(target)).toEqual({ tasks: 0, labels: 0 });
  });

  it('answers 415 for another media type and 400 for broken JSON', async () => {
    const target = await createTestUser();
    expect((await transferApi(target).importCsv('title\r\nx\r\n', { headers: { 'content-type': 'text/plain' } })).status).toBe(415);
    expect((await transferApi(target).importJson(undefined, { rawBody: '{"format":', headers: { 'content-type': 'application/json' } })).status).toBe(400);
  });

  it('keeps an account at 50,000 tasks at most', async () => {
    const target = await createTestUser();
    await createTaskVia(tasksApi(target), { title: 'one already' });
    const document = { format: 'todo-export', version: 1, tasks: Array.from({ length: 50_000 }, (_, i) => ({ title: `t${i}` })) };
    const response = await transferApi(target).importJson(document);
    expect(response.status).toBe(422);
    expect((await problemOf(response)).errors).toEqual([{ path: 'tasks', message: expect.stringContaining('50000') }]);
    expect(await countOwn(target)).toEqual({ tasks: 1, labels: 0 });
  });

  it("answers 403 for an import into another user's account, storing nothing", async () => {
    const other = await createTestUser();
    const before = await countOwn(source);
    const response = await transferApi(other, source.id).importJson({ format: 'todo-export', version: 1, tasks: [{ title: 'sneaky' }] });
    expect(response.status).toBe(403);
    expect(await countOwn(source)).toEqual(before);
    expect(await countOwn(other)).toEqual({ tasks: 0, labels: 0 });
  });
});

describe('POST /api/{user_id}/import?dry_run=true', () => {
  it('answers what would be created, and writes nothing', async () => {
    const target = await createTestUser();
    const original = await exportedDocument(source);
    const response = await transferApi(target).importJson(original, { query: { dry_run: 'true' } });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ tasks_created: 6, labels_created: 4, projects_created: 0 });
    expect(await countOwn(target)).toEqual({ tasks: 0, labels: 0 });
  });
});

describe('POST /api/{user_id}/import with Idempotency-Key', () => {
  it('replays the first answer for the same file, imports nothing twice, and refuses the key with another file', async () => {
    const target = await createTestUser();
    const csv = 'title,labels\r\nonce,x\r\ntwice,y\r\n';
    const withKey = { headers: { 'idempotency-key': 'import-1' } };
    const first = await transferApi(target).importCsv(csv, withKey);
    expect(first.status).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    const retry = await transferApi(target).importCsv(csv, withKey);
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(await retry.json()).toEqual(await first.json());
    expect(await countOwn(target)).toEqual({ tasks: 2, labels: 2 });
    const other = await transferApi(target).importCsv('title\r\nsomething else\r\n', withKey);
    expect(other.status).toBe(422);
    expect((await problemOf(other)).detail).toMatch(/Idempotency-Key/);
    expect(await countOwn(target)).toEqual({ tasks: 2, labels: 2 });
  });
});

describe('one Idempotency-Key on two routes', () => {
  it('answers 422 naming the route it was used on, in either order, and stores nothing more', async () => {
    const target = await createTestUser();
    const api = tasksApi(target);
    const csv = 'title\r\nimported\r\n';
    expect((await api.create({ title: 'created' }, { headers: { 'idempotency-key': 'shared-1' } })).status).toBe(201);
    const importing = await transferApi(target).importCsv(csv, { headers: { 'idempotency-key': 'shared-1' } });
    expect(importing.status).toBe(422);
    expect(await problemOf(importing)).toMatchObject({
      detail: expect.stringContaining('POST /api/{user_id}/tasks'),
      errors: [{ path: 'Idempotency-Key', message: 'was already used on POST /api/{user_id}/tasks' }],
    });
    expect((await transferApi(target).importCsv(csv, { headers: { 'idempotency-key': 'shared-2' } })).status).toBe(201);
    const creating = await api.create({ title: 'created' }, { headers: { 'idempotency-key': 'shared-2' } });
    expect(creating.status).toBe(422);
    expect((await problemOf(creating)).errors).toEqual([{ path: 'Idempotency-Key', message: 'was already used on POST /api/{user_id}/import' }]);
    expect(await countOwn(target)).toEqual({ tasks: 2, labels: 0 });
  });
});

describe('text is stored the same way by an import as by a create', () => {
  it('takes a lone surrogate in a title or a label name as U+FFFD, as a create does', async () => {
    const target = await createTestUser();
    const response = await transferApi(target).importJson({
      format: 'todo-export',
      version: 1,
      exported_at: new Date().toISOString(),
      labels: [{ name: '\ud800x', color: 'red' }],
      tasks: [{ title: 'lone \udfff', labels: ['\ud800x', 'y\udc00'] }],
    });
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ tasks_created: 1, labels_created: 2, projects_created: 0 });
    const [imported] = (await (await tasksApi(target).list()).json()) as { title: string; labels: string[] }[];
    expect(imported!.title).toBe('lone \ufffd');
    expect([...imported!.labels].sort()).toEqual(['y\ufffd', '\ufffdx']);
    const created = (await createTaskVia(tasksApi(target), { title: 'lone \udfff', labels: ['\ud800x'] })) as { title: string; labels: string[] };
    expect(created).toMatchObject({ title: imported!.title, labels: ['\ufffdx'] });
    expect(await countOwn(target)).toEqual({ tasks: 2, labels: 2 });
  });
});
