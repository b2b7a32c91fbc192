// npx tsx --conditions=react-server bench/transfer.ts (under `flock /tmp/heavy.lock`): export and
// import at scale against `next start`. Seeds 100,000 tasks (labels on a third) in a scratch
// database on the local PostgreSQL (BENCH_DATABASE_URL), downloads the JSON and CSV exports while
// sampling the server's resident memory every 20 ms (three times each), then imports 50,000 of them into a new account,
// and a Todoist project CSV of TODOIST_ROWS (10,000) tasks (`?from=todoist`). EXPORTS=0 skips the seeding and exports.
// The app runs as one `next start` on 127.0.0.1:3291 from .next-bench (built if stale).
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createAccount, type Account } from './support/api';
import { adminQuery, createScratchDatabase, DEFAULT_SERVER_URL } from './support/postgres';
import { buildApp, startApp, type Child } from './support/processes';

const SERVER_URL = process.env.BENCH_DATABASE_URL ?? DEFAULT_SERVER_URL;
const PORT = 3291;
const DIST_DIR = '.next-bench';
const EXPORT_TASKS = 100_000;
const IMPORT_TASKS = 50_000;
const MB = 1024 * 1024;
const TODOIST_ROWS = Number(process.env.TODOIST_ROWS ?? 10_000);
const EXPORTS = process.env.EXPORTS !== '0';

/** A Todoist project CSV as its export writes one: tasks with @labels, priorities, indents, dates, notes and a section. */
function todoistCsv(rows: number): string {
  const lines = ['TYPE,CONTENT,DESCRIPTION,PRIORITY,INDENT,AUTHOR,RESPONSIBLE,DATE,DATE_LANG,TIMEZONE,DURATION,DURATION_UNIT'];
  const dates = ['', 'tomorrow', 'every monday', 'Dec 24 2026 9am', 'every 2 weeks', ''];
  for (let i = 0; i < rows; i++) {
    if (i % 1000 === 0) lines.push(`section,Part ${i / 1000 + 1},,,,,,,,,,`);
    lines.push(`task,Task ${i} with a title of ordinary length @label${i % 7},${i % 3 === 0 ? `"Notes for task ${i}, with a comma"` : ''},${1 + (i % 4)},${i % 5 === 4 ? 2 : 1},Ann (1234567),,${dates[i % dates.length]},en,Europe/Berlin,,`);
    if (i % 50 === 0) lines.push(`note,A comment on task ${i},,,,Ann (1234567),,,,,,`);
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** Resident set size of a process and its children, in bytes (Linux /proc). */
function rss(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(' ').filter(Boolean);
  return kb * 1024 + children.reduce((sum, child) => sum + rss(Number(child)), 0);
}

/** Runs `work` while sampling the server's RSS; the peak over the baseline taken just before. */
async function measured<T>(pid: number, work: () => Promise<T>): Promise<{ result: T; seconds: number; baseline: number; peak: number }> {
  const baseline = rss(pid);
  let peak = baseline;
  const timer = setInterval(() => (peak = Math.max(peak, rss(pid))), 20);
  const started = performance.now();
  try {
    const result = await work();
    return { result, seconds: (performance.now() - started) / 1000, baseline, peak: Math.max(peak, rss(pid)) };
  } finally {
    clearInterval(timer);
  }
}

async function seed(databaseUrl: string, userId: string): Promise<void> {
  await adminQuery(
    databaseUrl,
    `insert into labels (user_id, name, color) select $1, name, color from unnest(array['home','work','errands','money','health'], array['green','blue','orange','yellow','red']) as l(name, color)`,
    [userId],
  );
  // The contract measures exports at 100,000 tasks but caps an account at 50,000 (0008): the
  // cap's trigger is off while this one account is seeded past it.
  await adminQuery(databaseUrl, 'alter table tasks disable trigger tasks_count_inserted');
  await adminQuery(
    databaseUrl,
    `insert into tasks (user_id, title, description, completed, due_date, priority, created_at)
     select $1, 'Task number ' || i || ' with a title of ordinary length',
            case when i % 3 = 0 then 'Some notes for task ' || i || ', with a comma and "quotes"' end,
            i % 4 = 0, case when i % 2 = 0 then date '2026-01-01' + (i % 365) end, i % 4,
            now() - make_interval(mins => i)
     from generate_series(1, $2::int) as i`,
    [userId, EXPORT_TASKS],
  );
  await adminQuery(databaseUrl, 'alter table tasks enable trigger tasks_count_inserted');
  await adminQuery(
    databaseUrl,
    `insert into task_labels (task_id, label_id)
     select t.id, l.id from (select id, row_number() over (order by position) as n from tasks where user_id = $1) t
     join labels l on l.user_id = $1 and l.name = (array['home','work','errands','money','health'])[1 + t.n % 5]
     where t.n % 3 = 0`,
    [userId],
  );
  await adminQuery(databaseUrl, 'vacuum analyze');
}

async function download(url: string, account: Account): Promise<{ bytes: number; status: number }> {
  const response = await fetch(url, { headers: account.headers });
  const reader = response.body!.getReader();
  let bytes = 0;
  for (let next = await reader.read(); !next.done; next = await reader.read()) bytes += next.value.byteLength;
  return { bytes, status: response.status };
}

const mb = (bytes: number) => `${(bytes / MB).toFixed(1)} MB`;

async function main(): Promise<void> {
  console.log(`next build into ${DIST_DIR} … ${await buildApp(DIST_DIR)}`);
  const database = await createScratchDatabase(SERVER_URL, 'todo_bench_transfer');
  const children: Child[] = [];
  try {
    const app = await startApp({ distDir: DIST_DIR, port: PORT, env: { DATABASE_URL: database.url, AUTH_SECRET: randomBytes(32).toString('base64url') } });
    children.push(app);
    const rows: string[][] = [];
    if (EXPORTS) await exportsAndImports(app, database.url, rows);
    const csv = todoistCsv(TODOIST_ROWS);
    const target = await createAccount(app.url, 'import-todoist');
    const run = await measured(app.process.pid!, async () => {
      const response = await fetch(`${app.url}/api/${target.userId}/import?from=todoist&project=Bench`, { method: 'POST', headers: { ...target.headers, 'content-type': 'text/csv' }, body: csv });
      return { status: response.status, text: await response.text() };
    });
    if (run.result.status !== 201) throw new Error(`import from Todoist answered ${run.result.status}: ${run.result.text.slice(0, 300)}`);
    const result = JSON.parse(run.result.text) as { tasks_created: number; warnings: unknown[] };
    rows.push([`import from Todoist, ${result.tasks_created.toLocaleString('en-US')} tasks (${result.warnings.length.toLocaleString('en-US')} warnings)`, mb(Buffer.byteLength(csv)), `${run.seconds.toFixed(2)} s`, mb(run.baseline), mb(run.peak), mb(run.peak - run.baseline)]);

    console.log('\n| what | body | time | server RSS before | peak | growth |\n| --- | --- | --- | --- | --- | --- |');
    for (const row of rows) console.log(`| ${row.join(' | ')} |`);
  } finally {
    for (const child of children) await child.stop();
    await database.drop();
  }
}

async function exportsAndImports(app: Child & { url: string }, databaseUrl: string, rows: string[][]): Promise<void> {
  {
    const owner = await createAccount(app.url, 'export');
    console.log(`seeding ${EXPORT_TASKS.toLocaleString('en-US')} tasks …`);
    await seed(databaseUrl, owner.userId);

    // Warm the routes up on a small account, so compiling them is not counted as the export's memory.
    const warm = await createAccount(app.url, 'warm');
    for (const format of ['json', 'csv']) await download(`${app.url}/api/${warm.userId}/export?format=${format}`, warm);

    let documentText = '';
    // Three downloads of each: the first shows how far the heap grows, the next whether it keeps growing.
    for (const format of ['json', 'csv'] as const) {
      for (let n = 1; n <= 3; n++) {
        const run = await measured(app.process.pid!, () => download(`${app.url}/api/${owner.userId}/export?format=${format}`, owner));
        if (run.result.status !== 200) throw new Error(`export ${format} answered ${run.result.status}`);
        rows.push([`export ${format} #${n}, ${EXPORT_TASKS.toLocaleString('en-US')} tasks`, mb(run.result.bytes), `${run.seconds.toFixed(2)} s`, mb(run.baseline), mb(run.peak), mb(run.peak - run.baseline)]);
      }
    }
    documentText = await (await fetch(`${app.url}/api/${owner.userId}/export`, { headers: owner.headers })).text();
    const document = JSON.parse(documentText) as { tasks: Record<string, unknown>[] };
    const csv = await (await fetch(`${app.url}/api/${owner.userId}/export?format=csv`, { headers: owner.headers })).text();

    const imports = {
      json: JSON.stringify({ ...document, tasks: document.tasks.slice(0, IMPORT_TASKS).map(({ description: _d, updated_at: _u, ...task }) => task) }),
      csv: csv.split('\r\n').slice(0, IMPORT_TASKS + 1).join('\r\n') + '\r\n',
    };
    for (const [format, body] of Object.entries(imports)) {
      const target = await createAccount(app.url, `import-${format}`);
      const run = await measured(app.process.pid!, async () => {
        const response = await fetch(`${app.url}/api/${target.userId}/import`, {
          method: 'POST',
          headers: { ...target.headers, 'content-type': format === 'csv' ? 'text/csv' : 'application/json' },
          body,
        });
        return { status: response.status, text: await response.text() };
      });
      if (run.result.status !== 201) throw new Error(`import ${format} answered ${run.result.status}: ${run.result.text.slice(0, 300)}`);
      rows.push([`import ${format}, ${IMPORT_TASKS.toLocaleString('en-US')} tasks`, mb(Buffer.byteLength(body)), `${run.seconds.toFixed(2)} s`, mb(run.baseline), mb(run.peak), mb(run.peak - run.baseline)]);
    }
  }
}

await main();
