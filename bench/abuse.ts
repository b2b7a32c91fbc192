// npm run bench:abuse: what a hostile client costs the server (docs/abuse-design.md), as a Markdown table.
//  a. Adversarial search: accounts of 2,000 tasks of maximum length (title 500, description 5,000
//     code points) whose text holds every trigram of a 200-character `q` but never `q` itself, so
//     the trigram indexes let every row through and each row's substring check does the most
//     work. Several (text, q) pairs, since each substring algorithm has its own worst case;
//     the time of GET /api/{user}/tasks?q=… one request at a time, median and max, and the statuses.
//  b. Task reads' p95 (GET the first page of a user's list, a few connections) alone, and while
//     500 sign-in attempts (POST /api/auth/token and next-auth's credentials callback, wrong
//     passwords across many emails, a few right ones) arrive at once.
// By default it builds the app into .next-bench and runs `npm start`'s launcher on a scratch
// database of the local PostgreSQL (as bench/bench.ts does), on 127.0.0.1:3240; that server also
// gets a search over the 10,000-task account of bench.ts (`q=invoice`) to show the common case.
// BASE_URL=http://127.0.0.1:3000 measures a running server instead (loopback only; its limits
// on signups must allow the ~30 accounts this creates).
//   ABUSE_RUNS=5 (searches per variant)  ABUSE_READ_CONNECTIONS=4  ABUSE_SIGNINS=500
//   ABUSE_VARIANTS=a-then-b,e-then-b (names, comma-separated)  BENCH_REBUILD=1
// The app started here inherits this environment, so a limit can be set for one run:
//   FAILED_SIGNIN_LIMIT_PER_15_MIN=0 npm run bench:abuse   (the hashing gate alone)
import { randomBytes, randomUUID } from 'node:crypto';
import os from 'node:os';
import { createAccount, loopbackBaseUrl, type Account } from './support/api';
import { adminQuery, createScratchDatabase, DEFAULT_SERVER_URL, type ScratchDatabase } from './support/postgres';
import { buildApp, sleep, startApp, type AppServer } from './support/processes';
import { markdownTable, median, ms, percentile } from './support/stats';
import { runAsCommand } from '../scripts/command';

const SERVER_URL = process.env.BENCH_DATABASE_URL ?? DEFAULT_SERVER_URL;
const APP_PORT = 3240;
const DIST_DIR = '.next-bench';
const TASKS_PER_ACCOUNT = 2_000;
const SEARCH_RUNS = Number(process.env.ABUSE_RUNS ?? 5);
const READ_CONNECTIONS = Number(process.env.ABUSE_READ_CONNECTIONS ?? 4);
const SIGNINS = Number(process.env.ABUSE_SIGNINS ?? 500);
const READ_ALONE_MS = 10_000;
/** A request the harness waits for at most; the app's own query timeout is 5 s. */
const REQUEST_TIMEOUT_MS = 60_000;

const TITLE_MAX = 500;
const DESCRIPTION_MAX = 5_000;
const Q_MAX = 200;

/** `text` repeated and cut to `length` code points. */
function fill(text: string, length: number): string {
  const points = [...text];
  return Array.from({ length }, (_, i) => points[i % points.length]).join('');
}

const CJK = Array.from({ length: Q_MAX }, (_, i) => String.fromCodePoint(0x4e00 + i)).join('');
const CYCLE = fill('abcdefghij', Q_MAX);

interface Variant {
  name: string;
  what: string;
  title: string;
  description: string;
  q: string;
}

// Each text holds all of q's trigrams (so pg_trgm's index matches every row) but not q.
const VARIANTS: Variant[] = [
  {
    // LIKE's naive matcher: at each of ~5,000 positions, 199 characters match before the `b` fails.
    name: 'a-then-b',
    what: '`q` = a×199 b; text `aab` + a×…',
    title: `aab${'a'.repeat(TITLE_MAX - 3)}`,
    description: `aab${'a'.repeat(DESCRIPTION_MAX - 3)}`,
    q: `${'a'.repeat(Q_MAX - 1)}b`,
  },
  {
    // The same with a two-byte character: ILIKE lower-cases and compares bytes.
    name: 'e-then-b',
    what: '`q` = é×199 b; text `ééb` + é×…',
    title: `ééb${'é'.repeat(TITLE_MAX - 3)}`,
    description: `ééb${'é'.repeat(DESCRIPTION_MAX - 3)}`,
    q: `${'é'.repeat(Q_MAX - 1)}b`,
  },
  {
    // strpos()'s Boyer-Moore-Horspool compares from the end: 199 `a`s match backwards, skip 1.
    name: 'b-then-a',
    what: '`q` = b a×199; text a×… + `baa`',
    title: `${'a'.repeat(TITLE_MAX - 3)}baa`,
    description: `${'a'.repeat(DESCRIPTION_MAX - 3)}baa`,
    q: `b${'a'.repeat(Q_MAX - 1)}`,
  },
  {
    // A regular expression's automaton walks through all of q's 200 states before each miss.
    name: 'cjk-cycle',
    what: '`q` = 200 distinct CJK; text q[0..199) x, repeated',
    title: fill(`${CJK.slice(0, Q_MAX - 1)}x`, TITLE_MAX),
    description: fill(`${CJK.slice(0, Q_MAX - 1)}x`, DESCRIPTION_MAX),
    q: CJK,
  },
  {
    name: 'abc-cycle',
    what: '`q` = (abcdefghij)×20; text q[0..199) x, repeated',
    title: fill(`${CYCLE.slice(0, Q_MAX - 1)}x`, TITLE_MAX),
    description: fill(`${CYCLE.slice(0, Q_MAX - 1)}x`, DESCRIPTION_MAX),
    q: CYCLE,
  },
];

interface Timed {
  ms: number;
  status: number;
}

async function timedFetch(url: string, init?: RequestInit): Promise<Timed> {
  const start = performance.now();
  try {
    const response = await fetch(url, { ...init, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    await response.arrayBuffer();
    return { ms: performance.now() - start, status: response.status };
  } catch {
    return { ms: performance.now() - start, status: 0 };
  }
}

/** `count` calls of `task(i)`, at most `concurrency` at a time. */
async function pool(count: number, concurrency: number, task: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) await task(next++);
    }),
  );
}

async function createTasks(baseUrl: string, account: Account, variant: Variant): Promise<void> {
  const body = JSON.stringify({ title: variant.title, description: variant.description });
  const headers = { ...account.headers, 'content-type': 'application/json' };
  await pool(TASKS_PER_ACCOUNT, 8, async () => {
    const response = await fetch(`${baseUrl}/api/${account.userId}/tasks`, { method: 'POST', headers, body });
    if (response.status !== 201) throw new Error(`seeding ${variant.name}: ${response.status} ${(await response.text()).slice(0, 200)}`);
  });
}

function statuses(results: readonly Timed[]): string {
  const counts = new Map<number, number>();
  for (const r of results) counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
  return [...counts].sort(([a], [b]) => a - b).map(([status, n]) => `${n}×${status || 'error'}`).join(' ');
}

async function searchTimes(baseUrl: string, account: Account, q: string, runs: number): Promise<Timed[]> {
  const url = `${baseUrl}/api/${account.userId}/tasks?q=${encodeURIComponent(q)}`;
  const results: Timed[] = [];
  for (let i = 0; i < runs; i++) results.push(await timedFetch(url, { headers: account.headers }));
  return results;
}

/** GETs of `url` on `connections` loops until `stop` resolves: each read's latency and status. */
async function readLoad(url: string, headers: Record<string, string>, connections: number, stop: Promise<unknown>): Promise<Timed[]> {
  let stopped = false;
  void stop.then(() => (stopped = true));
  const results: Timed[] = [];
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (!stopped) results.push(await timedFetch(url, { headers }));
    }),
  );
  return results;
}

interface CsrfForm {
  cookie: string;
  csrfToken: string;
}

async function csrfForm(baseUrl: string): Promise<CsrfForm> {
  const response = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  const cookie = response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  return { cookie, csrfToken };
}

/**
 * 500 sign-ins sent at once, as a spraying client would: every other one to the token route,
 * the rest to next-auth's credentials callback; one in 25 with a right password, the others
 * wrong passwords for emails that are mostly unknown (each still costs a hash).
 */
function signInFlood(baseUrl: string, accounts: readonly { email: string; password: string }[], csrf: CsrfForm): Promise<Timed[]> {
  return Promise.all(
    Array.from({ length: SIGNINS }, (_, i) => {
      const known = accounts[i % accounts.length]!;
      const right = i % 25 === 0;
      const email = right ? known.email : `spray-${i}-${randomUUID()}@example.com`;
      const password = right ? known.password : `wrong-${i}`;
      if (i % 2 === 0) {
        return timedFetch(`${baseUrl}/api/auth/token`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email, password }),
        });
      }
      return timedFetch(`${baseUrl}/api/auth/callback/credentials`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: csrf.cookie },
        body: new URLSearchParams({ email, password, csrfToken: csrf.csrfToken, callbackUrl: baseUrl }).toString(),
      });
    }),
  );
}

// The 10,000-task account of bench/bench.ts (a search for `invoice` matches 1,000).
async function seedListAccount(databaseUrl: string, userId: string): Promise<void> {
  await adminQuery(
    databaseUrl,
    `insert into tasks (user_id, title, description, completed, created_at, updated_at)
     select $1,
            (array['Buy','Call','Write','Fix','Plan','Read','Clean','Book','Pay','Review'])[1 + i % 10] || ' ' ||
            (array['milk','report','dentist','bike','garden','invoice','slides','taxes','flight','kitchen'])[1 + (i / 10) % 10] ||
            ' #' || i,
            case when i % 3 = 0 then 'notes for task ' || i end,
            i % 4 = 0,
            now() - make_interval(mins => i), now() - make_interval(mins => i)
     from generate_series(1, 10000) as i`,
    [userId],
  );
}

async function main(): Promise<number> {
  let baseUrl: string;
  let app: AppServer | undefined;
  let database: ScratchDatabase | undefined;
  if (process.env.BASE_URL) {
    baseUrl = loopbackBaseUrl(process.env.BASE_URL);
  } else {
    console.log(`next build into ${DIST_DIR} …`);
    console.log(`  ${await buildApp(DIST_DIR, { force: process.env.BENCH_REBUILD === '1' })}`);
    database = await createScratchDatabase(SERVER_URL, 'todo_abuse');
  }
  try {
    if (database) {
      app = await startApp({
        distDir: DIST_DIR,
        port: APP_PORT,
        // The harness itself signs up ~30 accounts from one address.
        env: { SIGNUP_LIMIT_PER_HOUR: '0', ...process.env, DATABASE_URL: database.url, AUTH_SECRET: randomBytes(32).toString('base64url') } as Record<string, string>,
        workers: os.availableParallelism(),
      });
      baseUrl = app.url;
    }
    baseUrl = baseUrl!;
    const only = process.env.ABUSE_VARIANTS?.split(',');
    const variants = VARIANTS.filter((v) => !only || only.includes(v.name));
    const rows: string[][] = [];

    // a. Adversarial search.
    const seeded: [Variant, Account][] = [];
    for (const variant of variants) {
      console.log(`seeding ${TASKS_PER_ACCOUNT.toLocaleString('en-US')} tasks of maximum length: ${variant.name} …`);
      const account = await createAccount(baseUrl, `abuse-${variant.name}`);
      await createTasks(baseUrl, account, variant);
      seeded.push([variant, account]);
    }
    if (database) await adminQuery(database.url, 'vacuum analyze tasks');
    for (const [variant, account] of seeded) {
      console.log(`searching: ${variant.name} (${SEARCH_RUNS} runs) …`);
      const results = await searchTimes(baseUrl, account, variant.q, SEARCH_RUNS);
      rows.push([
        `search, ${TASKS_PER_ACCOUNT.toLocaleString('en-US')} longest tasks: ${variant.what}`,
        ms(median(results.map((r) => r.ms))),
        ms(Math.max(...results.map((r) => r.ms))),
        statuses(results),
      ]);
      // A query the app gave up on may still be running on the server: let it end before the next.
      await sleep(1_000);
    }
    if (database) {
      const lister = await createAccount(baseUrl, 'abuse-list');
      await seedListAccount(database.url, lister.userId);
      await adminQuery(database.url, 'vacuum analyze tasks');
      await searchTimes(baseUrl, lister, 'invoice', 10);
      const results = await searchTimes(baseUrl, lister, 'invoice', 30);
      rows.push(['search `q=invoice` over 10,000 tasks (bench.ts)', ms(median(results.map((r) => r.ms))), ms(Math.max(...results.map((r) => r.ms))), statuses(results)]);
    }

    // b. Reads alone, then under a sign-in flood.
    console.log('reads alone, then under a sign-in flood …');
    const reader = await createAccount(baseUrl, 'abuse-reader');
    const create = { ...reader.headers, 'content-type': 'application/json' };
    await pool(50, 4, async (i) => {
      await fetch(`${baseUrl}/api/${reader.userId}/tasks`, { method: 'POST', headers: create, body: JSON.stringify({ title: `Read me ${i}` }) });
    });
    const known = await Promise.all(
      Array.from({ length: 20 }, async (_, i) => {
        const email = `abuse-known-${i}-${randomUUID()}@example.com`;
        const password = `pw-${randomUUID()}`;
        const response = await fetch(`${baseUrl}/api/auth/signup`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email, password }),
        });
        if (response.status !== 201) throw new Error(`sign-up: ${response.status}`);
        return { email, password };
      }),
    );
    const csrf = await csrfForm(baseUrl);
    const listUrl = `${baseUrl}/api/${reader.userId}/tasks`;
    await readLoad(listUrl, reader.headers, READ_CONNECTIONS, sleep(3_000)); // warm-up
    const alone = await readLoad(listUrl, reader.headers, READ_CONNECTIONS, sleep(READ_ALONE_MS));

    let floodDone!: () => void;
    const floodOver = new Promise<void>((resolve) => (floodDone = resolve));
    const readsDuring = readLoad(listUrl, reader.headers, READ_CONNECTIONS, floodOver);
    await sleep(200);
    const floodStart = performance.now();
    const flood = await signInFlood(baseUrl, known, csrf);
    const floodMs = performance.now() - floodStart;
    floodDone();
    const during = await readsDuring;

    const readRow = (name: string, results: Timed[]) => [
      name,
      ms(percentile(results.map((r) => r.ms), 50)),
      ms(percentile(results.map((r) => r.ms), 95)),
      ms(Math.max(...results.map((r) => r.ms))),
      `${results.length} reads: ${statuses(results)}`,
    ];

    const cpu = os.cpus();
    const { rows: version } = database
      ? await adminQuery<{ server_version: string }>(database.url, 'show server_version')
      : { rows: [] as { server_version: string }[] };
    console.log(
      `\n${cpu.length} cores (${cpu[0]?.model.trim()}), Node ${process.versions.node}` +
        `${version[0] ? `, PostgreSQL ${version[0].server_version.split(' ')[0]}` : ''}; ${app ? `\`npm start\` (${os.availableParallelism()} processes)` : baseUrl}, ` +
        `database and client on one machine.\n`,
    );
    console.log(markdownTable(['search (one request at a time)', 'median', 'max', 'statuses'], rows));
    console.log('');
    console.log(
      markdownTable(
        [`task reads (GET first page, ${READ_CONNECTIONS} connections)`, 'p50', 'p95', 'max', 'answers'],
        [
          readRow(`alone (${READ_ALONE_MS / 1000} s)`, alone),
          readRow(`while ${SIGNINS} sign-ins arrive at once (${ms(floodMs)})`, during),
        ],
      ),
    );
    const floodTimes = flood.map((r) => r.ms);
    console.log(
      `\n${SIGNINS} sign-ins: all answered in ${ms(floodMs)}, p50 ${ms(percentile(floodTimes, 50))}, p95 ${ms(percentile(floodTimes, 95))}; ${statuses(flood)}`,
    );
    return 0;
  } finally {
    await app?.stop();
    await database?.drop();
  }
}

runAsCommand(main);
