// npm run bench:streams ("idle streams cost little"): one `npm start` process
// (WEB_CONCURRENCY=1, so that every stream and all the memory are in it) holding STREAMS open
// event streams (GET /api/{user_id}/events) of USERS accounts:
//   - the memory they add: the server's RSS (its process tree, /proc) idle, then with the streams
//     open, in total and per stream; and the CPU the idle server spends with and without them;
//   - how soon a change reaches a stream: a task created for a user with open streams, timed
//     until `event: changed` arrives on them;
//   - create throughput beside them (target: within 10% of without): POST /api/{user_id}/tasks at
//     50 connections from an account with no stream, alternating without streams and with them
//     (closed and opened again between rounds), A B A B.
// Everything runs on this machine: a fresh database on the local PostgreSQL (BENCH_DATABASE_URL),
// `next build` into .next-bench (reused while fresh, as npm run bench does), the app on 127.0.0.1:3311.
//   STREAMS=1000 USERS=250 BENCH_ROUNDS=3 BENCH_DURATION=10 BENCH_WARMUP=10 (seconds)
//   BENCH_LATENCY_SAMPLES=20 BENCH_REBUILD=1
//   SHARED=1: the accounts are the members of one project, and each latency probe is a task
//   created in it, timed until every stream of every member has `event: changed`.
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import os from 'node:os';
import { createAccount, type Account } from './support/api';
import { cpuSeconds, loadCreates, medianPerSecond, ROUND_HEADER, roundCells, rssBytes, type Round } from './support/load';
import { adminQuery, createScratchDatabase, DEFAULT_SERVER_URL } from './support/postgres';
import { buildApp, serverComplaints, sleep, startApp, type AppServer } from './support/processes';
import { markdownTable, median, ms, percentile } from './support/stats';
import { runAsCommand } from '../scripts/command';

const SERVER_URL = process.env.BENCH_DATABASE_URL ?? DEFAULT_SERVER_URL;
const STREAMS = Number(process.env.STREAMS ?? 1000);
const USERS = Math.min(Number(process.env.USERS ?? 250), STREAMS);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const DURATION_S = Number(process.env.BENCH_DURATION ?? 10);
const WARMUP_S = Number(process.env.BENCH_WARMUP ?? 10);
const LATENCY_SAMPLES = Number(process.env.BENCH_LATENCY_SAMPLES ?? 20);
const SHARED = process.env.SHARED === '1';
const APP_PORT = 3311;
const DIST_DIR = '.next-bench';
// Streams opened at once, accounts signed up at once (each sign-up and token is an argon2 hash).
const OPEN_CONCURRENCY = 50;
const SIGNUP_CONCURRENCY = 4;
// How long the server is left alone before its memory and CPU are read.
const SETTLE_MS = 2_000;
const IDLE_S = 3;

/** Runs `task` over `items`, `limit` at a time, in order of the results. */
async function pool<T, R>(items: readonly T[], limit: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** One open event stream; its data is read and dropped, but `event: changed` is counted. */
interface Stream {
  account: Account;
  /** `event: changed` seen so far. */
  changes: number;
  /** Resolves at the next `event: changed` (rejects when the stream ends first). */
  nextChange(): Promise<void>;
  close(): void;
  ended: boolean;
}

const CHANGED = 'event: changed';

function openStream(baseUrl: string, account: Account, agent: http.Agent): Promise<Stream> {
  return new Promise((resolve, reject) => {
    const waiters: { resolve: () => void; reject: (err: Error) => void }[] = [];
    let connected = false;
    let tail = '';
    const request = http.get(`${baseUrl}/api/${account.userId}/events`, { agent, headers: { ...account.headers, accept: 'text/event-stream' } });
    const stream: Stream = {
      account,
      changes: 0,
      ended: false,
      nextChange: () => new Promise((res, rej) => waiters.push({ resolve: res, reject: rej })),
      close: () => {
        stream.ended = true;
        request.destroy();
      },
    };
    const end = (err: Error) => {
      if (!connected) reject(err);
      stream.ended = true;
      for (const w of waiters.splice(0)) w.reject(err);
    };
    request.on('error', end);
    request.on('response', (response) => {
      if (response.statusCode !== 200) {
        response.resume();
        end(new Error(`GET /events: ${response.statusCode}`));
        return;
      }
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        // What a marker split across two chunks needs is kept (shorter than the marker: no
        // marker is counted twice).
        const text = tail + chunk;
        tail = text.slice(-(CHANGED.length - 1));
        if (!connected && text.includes(': connected')) {
          connected = true;
          resolve(stream);
        }
        const found = text.split(CHANGED).length - 1;
        if (found > 0) {
          stream.changes += found;
          for (const w of waiters.splice(0)) w.resolve();
        }
      });
      response.on('end', () => end(new Error('the server ended the stream')));
      response.on('error', end);
    });
  });
}

/** STREAMS streams, round-robin over the accounts; resolves once each has said `: connected`. */
async function openStreams(baseUrl: string, accounts: readonly Account[], agent: http.Agent): Promise<Stream[]> {
  const owners = Array.from({ length: STREAMS }, (_, i) => accounts[i % accounts.length]!);
  return pool(owners, OPEN_CONCURRENCY, (account) => openStream(baseUrl, account, agent));
}

async function closeStreams(streams: readonly Stream[]): Promise<void> {
  for (const stream of streams) stream.close();
  // The server ends its side when it sees the sockets close.
  await sleep(1_000);
}

/** The server's RSS (median of a few reads) and its CPU use over IDLE_S seconds of nothing. */
async function idle(pid: number): Promise<{ rss: number; cpuPercent: number }> {
  await sleep(SETTLE_MS);
  const cpuBefore = cpuSeconds(pid);
  const samples: number[] = [];
  for (let i = 0; i < IDLE_S * 2; i++) {
    samples.push(rssBytes(pid));
    await sleep(500);
  }
  return { rss: median(samples), cpuPercent: ((cpuSeconds(pid) - cpuBefore) / IDLE_S) * 100 };
}

const MB = 1024 * 1024;
const mb = (bytes: number) => `${(bytes / MB).toFixed(1)} MB`;

/**
 * A task created for `stream`'s user, timed until `event: changed` is on the stream (the watcher
 * looks every 500 ms: about 250 ms on average is expected), and until all of the user's streams
 * have it.
 */
async function eventLatency(baseUrl: string, streams: readonly Stream[], sharedProject?: string): Promise<{ first: number[]; all: number[]; streams: number }> {
  const account = streams[0]!.account;
  // In a shared project, every member's streams are told.
  const own = sharedProject ? streams : streams.filter((s) => s.account === account);
  const first: number[] = [];
  const all: number[] = [];
  for (let i = 0; i < LATENCY_SAMPLES; i++) {
    const arrived = own.map((s) => s.nextChange().then(() => performance.now()));
    const start = performance.now();
    const response = await fetch(`${baseUrl}/api/${account.userId}/tasks`, {
      method: 'POST',
      headers: { ...account.headers, 'content-type': 'application/json' },
      body: JSON.stringify({ title: `Latency probe ${i}`, ...(sharedProject && { project_id: sharedProject }) }),
    });
    await response.text();
    if (response.status !== 201) throw new Error(`create for the latency probe: ${response.status}`);
    let timer: NodeJS.Timeout | undefined;
    const times = await Promise.race([
      Promise.all(arrived),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('no `event: changed` within 10 s of a create')), 10_000);
      }),
    ]).finally(() => clearTimeout(timer));
    first.push(Math.min(...times) - start);
    all.push(Math.max(...times) - start);
    // Not in step with the watcher's looks.
    await sleep(100 + Math.random() * 500);
  }
  return { first, all, streams: own.length };
}

async function main(): Promise<number> {
  console.log(`next build into ${DIST_DIR} …`);
  console.log(`  ${await buildApp(DIST_DIR, { force: process.env.BENCH_REBUILD === '1' })}`);
  const database = await createScratchDatabase(SERVER_URL, 'todo_bench_streams');
  let app: AppServer | undefined;
  const agent = new http.Agent({ keepAlive: false, maxSockets: STREAMS + 10 });
  let streams: Stream[] = [];
  try {
    // `npm start` with one process: the streams, and the memory they take, all in it. Sign-ups
    // unlimited: USERS of them come from this one address.
    app = await startApp({
      distDir: DIST_DIR,
      port: APP_PORT,
      env: { DATABASE_URL: database.url, AUTH_SECRET: randomBytes(32).toString('base64url'), SIGNUP_LIMIT_PER_HOUR: '0' },
      workers: 1,
    });
    const pid = app.process.pid!;
    console.log(`${USERS} accounts …`);
    const accounts = await pool(Array.from({ length: USERS }), SIGNUP_CONCURRENCY, (_, i) => createAccount(app!.url, `bench-streams-${i}`));
    // SHARED: one project of the first account's, every other account an editor of it.
    let sharedProject: string | undefined;
    if (SHARED) {
      const { rows } = await adminQuery<{ id: string }>(database.url, `insert into projects (owner_id, name) values ($1, 'Shared') returning id`, [accounts[0]!.userId]);
      sharedProject = rows[0]!.id;
      await adminQuery(
        database.url,
        `insert into project_members (project_id, user_id, role) select $1, u, case when u = $2 then 'owner' else 'editor' end from unnest($3::uuid[]) as u`,
        [sharedProject, accounts[0]!.userId, accounts.map((a) => a.userId)],
      );
    }
    // The creates come from accounts of their own (a new one every run): idle streams, nobody
    // told of these changes.
    const creating = (seconds: number) => loadCreates({ signupUrl: app!.url, seconds, pid });

    // Everything the measurements touch is loaded and compiled first, so that the idle server's
    // memory is not short of the route modules the streams and creates bring in.
    console.log(`warming up (${WARMUP_S} s of creates, a few streams) …`);
    await closeStreams(await pool(accounts.slice(0, 10), 10, (account) => openStream(app!.url, account, agent)));
    await creating(WARMUP_S);

    const without = await idle(pid);
    console.log(`opening ${STREAMS} streams over ${USERS} accounts …`);
    const opening = performance.now();
    streams = await openStreams(app.url, accounts, agent);
    const openSeconds = (performance.now() - opening) / 1000;
    const withStreams = await idle(pid);
    const added = withStreams.rss - without.rss;

    console.log(`event latency (${LATENCY_SAMPLES} creates) …`);
    const latency = await eventLatency(app.url, streams, sharedProject);
    const droppedBefore = streams.filter((s) => s.ended).length;

    const results = { without: [] as Round[], with: [] as Round[] };
    let dropped = droppedBefore;
    for (let round = 1; round <= ROUNDS; round++) {
      await closeStreams(streams);
      streams = [];
      console.log(`round ${round}/${ROUNDS}: create without streams, then beside ${STREAMS} (${DURATION_S} s each) …`);
      results.without.push(await creating(DURATION_S));
      streams = await openStreams(app.url, accounts, agent);
      await sleep(SETTLE_MS);
      results.with.push(await creating(DURATION_S));
      dropped += streams.filter((s) => s.ended).length;
    }
    await closeStreams(streams);
    streams = [];

    const { rows } = await adminQuery<{ server_version: string }>(database.url, 'show server_version');
    const cpu = os.cpus();
    console.log(
      `\n${STREAMS.toLocaleString('en-US')} streams over ${USERS} accounts on one \`npm start\` process (WEB_CONCURRENCY=1); ` +
        `${ROUNDS} rounds of ${DURATION_S} s at 50 connections, medians. ${cpu.length} cores (${cpu[0]?.model.trim()}), ` +
        `Node ${process.versions.node}, PostgreSQL ${rows[0]?.server_version.split(' ')[0]}; app, database and load generator on one machine.\n`,
    );
    console.log(
      markdownTable(
        ['idle server', 'RSS (process tree)', 'CPU (of one core)'],
        [
          ['no stream open', mb(without.rss), `${without.cpuPercent.toFixed(1)} %`],
          [`${STREAMS.toLocaleString('en-US')} streams open`, mb(withStreams.rss), `${withStreams.cpuPercent.toFixed(1)} %`],
          ['added', `${mb(added)} (${((added / STREAMS) / 1024).toFixed(1)} kB a stream)`, `${(withStreams.cpuPercent - without.cpuPercent).toFixed(1)} %`],
        ],
      ),
    );
    console.log(`\nopening ${STREAMS.toLocaleString('en-US')} streams, ${OPEN_CONCURRENCY} at a time: ${openSeconds.toFixed(1)} s\n`);
    console.log(
      markdownTable(
        ['create → `event: changed`', 'median', 'p90', 'p99', 'max'],
        [
          [SHARED ? 'on the first stream of a member' : 'on the first of the user’s streams', ms(median(latency.first)), ms(percentile(latency.first, 90)), ms(percentile(latency.first, 99)), ms(Math.max(...latency.first))],
          [
            SHARED ? `on all ${latency.streams} streams of the ${USERS} members` : `on all ${latency.streams} of them`,
            ms(median(latency.all)),
            ms(percentile(latency.all, 90)),
            ms(percentile(latency.all, 99)),
            ms(Math.max(...latency.all)),
          ],
        ],
      ),
    );
    console.log('');
    console.log(
      markdownTable(
        ['create (`POST /api/{user_id}/tasks`)', ...ROUND_HEADER],
        [
          ['no stream open', ...roundCells(results.without)],
          [`beside ${STREAMS.toLocaleString('en-US')} idle streams`, ...roundCells(results.with)],
        ],
      ),
    );
    const ratio = medianPerSecond(results.with) / medianPerSecond(results.without);
    console.log(`\ncreate throughput, with streams / without: ${ratio.toFixed(2)} (target ≥ 0.90)`);
    if (dropped > 0) console.log(`${dropped} streams ended before the bench closed them: the numbers above are not valid.`);
    const complaints = serverComplaints(app);
    if (complaints.length) console.log(`\nserver log, lines about errors or warnings (${complaints.length}):\n${complaints.slice(0, 20).join('\n')}`);
    const failed = dropped > 0 || [...results.with, ...results.without].some((r) => r.failures > 0);
    if (failed) console.log('Some requests failed: the numbers above are not valid.');
    return failed ? 1 : 0;
  } finally {
    for (const stream of streams) stream.close();
    agent.destroy();
    await app?.stop();
    await database.drop();
  }
}

runAsCommand(main);
