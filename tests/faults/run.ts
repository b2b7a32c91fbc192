// npm run test:faults: the app against a real PostgreSQL that goes away and comes back.
// Builds (or reuses) a production build in .next-faults, starts it as `npm start` does (two
// `next start` processes on one port, scripts/start.mjs) against a fresh
// database, then stops PostgreSQL while clients keep creating tasks, starts it again,
// terminates every connection of the app, and finally sends SIGTERM during a slow request.
//
// It STOPS the PostgreSQL cluster it is pointed at, so anything else using that server fails
// meanwhile. CI uses the default (the one local cluster, "main"); on a shared machine, point
// it at a private cluster:
//   pg_createcluster 15 faults --port 5499 && pg_ctlcluster 15 faults start
//   FAULTS_PG_CLUSTER="15 faults" FAULTS_PG_URL=postgres://postgres@127.0.0.1:5499/postgres npm run test:faults
// PostgreSQL is always started again on the way out, even after a failure or Ctrl-C.
import { execFile } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import http from 'node:http';
import { promisify } from 'node:util';
import { createAccount, type Account } from '../../bench/support/api';
import { adminQuery, createScratchDatabase, DEFAULT_SERVER_URL, type ScratchDatabase } from '../../bench/support/postgres';
import { buildApp, sleep, startApp, type AppServer } from '../../bench/support/processes';

const SERVER_URL = process.env.FAULTS_PG_URL ?? DEFAULT_SERVER_URL;
// The newest installed version's "main" cluster, as .ci/run starts it.
const NEWEST_VERSION = readdirSync('/etc/postgresql').sort((a, b) => Number(a) - Number(b)).at(-1);
const [PG_VERSION, PG_CLUSTER] = (process.env.FAULTS_PG_CLUSTER ?? `${NEWEST_VERSION} main`).split(' ');
const PORT = Number(process.env.FAULTS_PORT ?? 3310);
const DIST_DIR = '.next-faults';
const WORKERS = 2;
/** The contract's "about 5 seconds" for a 503, with room for a loaded 2-core machine. */
const UNAVAILABLE_WITHIN_MS = 6_000;
const RECOVERY_WITHIN_MS = 15_000;
// What a problem document must never show: driver messages, SQL, addresses, stack frames.
const LEAK = /ECONN|terminat|\bat .+:\d+|insert into|select |\bpg\b|127\.0\.0\.1|:5432|:5499|node_modules|\.ts\b|\.js\b/i;

const run = promisify(execFile);

// ---- reporting ----------------------------------------------------------------------------

let passed = 0;
let failed = 0;

function check(name: string, ok: boolean, detail = ''): boolean {
  if (ok) passed++;
  else failed++;
  console.log(`${ok ? '✓' : '✗'} ${name}${detail ? `  (${detail})` : ''}`);
  return ok;
}

// ---- the PostgreSQL cluster -----------------------------------------------------------------

let clusterStopped = false;

// pg_ctlcluster needs root (or the cluster's owner); CI runs as root, a workstation has sudo.
const AS_ROOT = process.getuid?.() === 0 ? [] : ['sudo', '-n'];

function clusterCommand(action: 'start' | 'stop' | 'status'): [string, string[]] {
  const [command, ...args] = [...AS_ROOT, 'pg_ctlcluster', '--skip-systemctl-redirect', PG_VERSION!, PG_CLUSTER!, action];
  return [command!, action === 'stop' ? [...args, '-m', 'fast'] : args];
}

async function stopCluster(): Promise<void> {
  clusterStopped = true;
  await run(...clusterCommand('stop'));
}

async function startCluster(): Promise<void> {
  await run(...clusterCommand('start'));
  clusterStopped = false;
}

async function clusterIsRunning(): Promise<boolean> {
  try {
    await run(...clusterCommand('status'));
    return true;
  } catch {
    return false;
  }
}

/**
 * Starts PostgreSQL again if this run stopped it; retried, since a start while a stop is still
 * under way fails and the stop then completes.
 */
async function restartCluster(): Promise<void> {
  if (!clusterStopped) return;
  for (let attempt = 0; attempt < 30; attempt++) {
    await run(...clusterCommand('start')).catch(() => {
      // still shutting down, or already running: the status below tells
    });
    if (await clusterIsRunning()) {
      clusterStopped = false;
      console.log(`PostgreSQL ${PG_VERSION}/${PG_CLUSTER} is running again.`);
      return;
    }
    await sleep(500);
  }
  console.error(`Could not start PostgreSQL again: run pg_ctlcluster ${PG_VERSION} ${PG_CLUSTER} start`);
}

// The run's database, dropped on the way out, Ctrl-C included.
let scratchDatabase: ScratchDatabase | undefined;
let leaving = false;

// Ctrl-C: start PostgreSQL, drop the database, leave. Without blocking the event loop, and
// with `on` rather than `once`: tsx relays the signal again when the child does not answer
// at once, and a second signal must not cut the clean-up short.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (leaving) return;
    leaving = true;
    console.error(`\n${signal}: starting PostgreSQL again before leaving`);
    setTimeout(() => process.exit(130), 30_000);
    void restartCluster()
      .then(() => scratchDatabase?.drop())
      .catch(() => {})
      .finally(() => process.exit(130));
  });
}

/** Refuses to stop a cluster other than the one FAULTS_PG_URL points at. */
async function assertClusterMatchesUrl(): Promise<void> {
  const { stdout } = await run('pg_lsclusters', ['--no-header', PG_VERSION!, PG_CLUSTER!]);
  const [, , port, , , dataDirectory] = stdout.trim().split(/\s+/);
  const { rows } = await adminQuery<{ data_directory: string; port: string }>(
    SERVER_URL,
    `select current_setting('data_directory') as data_directory, current_setting('port') as port`,
  );
  if (rows[0]?.data_directory !== dataDirectory || rows[0]?.port !== port) {
    throw new Error(
      `FAULTS_PG_URL (${new URL(SERVER_URL).host}) is not cluster ${PG_VERSION}/${PG_CLUSTER} (port ${port}, ${dataDirectory}); set FAULTS_PG_CLUSTER`,
    );
  }
}

// ---- the client side ------------------------------------------------------------------------

interface Answer {
  status: number;
  ms: number;
  headers: Headers;
  body: string;
}

async function request(app: AppServer, method: string, path: string, account?: Account, body?: unknown): Promise<Answer> {
  const started = performance.now();
  try {
    const response = await fetch(`${app.url}${path}`, {
      method,
      headers: { ...account?.headers, ...(body !== undefined && { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(30_000),
    });
    const text = await response.text();
    return { status: response.status, ms: performance.now() - started, headers: response.headers, body: text };
  } catch (err) {
    return { status: 0, ms: performance.now() - started, headers: new Headers(), body: String(err) };
  }
}

function createTask(app: AppServer, account: Account, title: string): Promise<Answer> {
  return request(app, 'POST', `/api/${account.userId}/tasks`, account, { title });
}

function idOf(answer: Answer): string | undefined {
  return answer.status === 201 ? (JSON.parse(answer.body) as { id: string }).id : undefined;
}

/** A 503 as the contract words it: a problem document with Retry-After, fast, and nothing internal. */
function describeUnavailable(answer: Answer): string | undefined {
  if (answer.status !== 503) return `status ${answer.status || 'none'}: ${answer.body.slice(0, 200)}`;
  if (!answer.headers.get('content-type')?.startsWith('application/problem+json')) return `content-type ${answer.headers.get('content-type')}`;
  if (!answer.headers.get('retry-after')) return 'no Retry-After';
  if (answer.ms > UNAVAILABLE_WITHIN_MS) return `took ${Math.round(answer.ms)} ms`;
  if (LEAK.test(answer.body)) return `leaks internals: ${answer.body}`;
  return undefined;
}

/** Clients that keep creating tasks, one request at a time each, until stopped. */
function startWriters(app: AppServer, account: Account, count: number) {
  const answers: { answer: Answer; during: 'before' | 'outage' }[] = [];
  let stopping = false;
  const loops = Array.from({ length: count }, async (_, writer) => {
    for (let n = 0; !stopping; n++) {
      const during = clusterStopped ? 'outage' : 'before';
      answers.push({ answer: await createTask(app, account, `writer ${writer} task ${n}`), during });
      await sleep(20);
    }
  });
  return {
    answers,
    async stop() {
      stopping = true;
      await Promise.all(loops);
    },
  };
}

async function waitForHealth(app: AppServer, withinMs: number): Promise<number | undefined> {
  const started = performance.now();
  while (performance.now() - started < withinMs) {
    const answer = await request(app, 'GET', '/api/health');
    if (answer.status === 200) return performance.now() - started;
    await sleep(200);
  }
  return undefined;
}

async function countExisting(database: ScratchDatabase, ids: string[]): Promise<number> {
  const { rows } = await adminQuery<{ n: string }>(database.url, 'select count(*) as n from tasks where id = any($1::uuid[])', [ids]);
  return Number(rows[0]?.n);
}

// ---- the scenarios --------------------------------------------------------------------------

async function outageAndRecovery(app: AppServer, database: ScratchDatabase, account: Account): Promise<void> {
  const health = await request(app, 'GET', '/api/health');
  check('/api/health answers 200 with pool figures while PostgreSQL is up', health.status === 200 && /"pool"/.test(health.body), health.body);

  const before = await Promise.all(Array.from({ length: 5 }, (_, i) => createTask(app, account, `before ${i}`)));
  check('creates answer 201 while PostgreSQL is up', before.every((a) => a.status === 201));

  const writers = startWriters(app, account, 4);
  await sleep(500);
  console.log(`stopping PostgreSQL ${PG_VERSION}/${PG_CLUSTER} …`);
  await stopCluster();

  const down = await request(app, 'GET', '/api/health');
  check(
    '/api/health answers 503 "unavailable" while PostgreSQL is stopped',
    down.status === 503 && JSON.parse(down.body || '{}').status === 'unavailable' && down.ms <= UNAVAILABLE_WITHIN_MS,
    `${down.status} in ${Math.round(down.ms)} ms`,
  );
  const create = await createTask(app, account, 'while down');
  const createProblem = describeUnavailable(create);
  check('a create answers a 503 problem document with Retry-After, fast and without internals', !createProblem, createProblem ?? `${Math.round(create.ms)} ms`);
  const list = await request(app, 'GET', `/api/${account.userId}/tasks`, account);
  const listProblem = describeUnavailable(list);
  check('a list answers the same 503', !listProblem, listProblem ?? `${Math.round(list.ms)} ms`);
  const burst = await Promise.all(Array.from({ length: 30 }, (_, i) => createTask(app, account, `burst ${i}`)));
  const burstProblems = burst.map(describeUnavailable).filter(Boolean);
  check('30 concurrent creates all answer that 503', burstProblems.length === 0, burstProblems[0] ?? `slowest ${Math.round(Math.max(...burst.map((a) => a.ms)))} ms`);
  await sleep(2_000);
  // npm start replaces a worker that dies, and says so: the server must not need that either.
  const restarts = app.output().split('\n').filter((line) => line.startsWith('[start] worker'));
  check('the server is still running, no process of it died', app.process.exitCode === null && app.process.signalCode === null && restarts.length === 0, restarts[0]);

  console.log(`starting PostgreSQL ${PG_VERSION}/${PG_CLUSTER} …`);
  await startCluster();
  const recoveredIn = await waitForHealth(app, RECOVERY_WITHIN_MS);
  check(
    `the app recovers by itself within ${RECOVERY_WITHIN_MS / 1000} s (/api/health 200)`,
    recoveredIn !== undefined,
    recoveredIn === undefined ? 'never' : `${(recoveredIn / 1000).toFixed(1)} s after start`,
  );
  await sleep(500);
  await writers.stop();

  const after = await createTask(app, account, 'after recovery');
  check('a create answers 201 again', after.status === 201, `${after.status}`);

  const statuses = new Map<string, number>();
  for (const { answer, during } of writers.answers) {
    const key = `${during}:${answer.status}`;
    statuses.set(key, (statuses.get(key) ?? 0) + 1);
  }
  const summary = [...statuses].map(([k, n]) => `${k}×${n}`).join(', ');
  const unexpected = writers.answers.filter(({ answer }) => answer.status !== 201 && describeUnavailable(answer));
  check('every create of the writers across the outage answered 201 or a proper 503', unexpected.length === 0, unexpected.length ? describeUnavailable(unexpected[0]!.answer) : summary);
  check('the writers saw the outage (some 503s) and the recovery (201s after it)', (statuses.get('outage:503') ?? 0) > 0 && writers.answers.at(-1)?.answer.status === 201, summary);

  const created = [...before, after, ...writers.answers.map((w) => w.answer)].map(idOf).filter((id): id is string => !!id);
  const existing = await countExisting(database, created);
  check('no create that answered 201 was lost', existing === created.length, `${existing} of ${created.length} in the database`);
}

async function staleConnections(app: AppServer, database: ScratchDatabase, account: Account): Promise<void> {
  await Promise.all(Array.from({ length: 20 }, () => request(app, 'GET', `/api/${account.userId}/tasks`, account)));
  const { rows } = await adminQuery<{ n: string }>(
    SERVER_URL,
    // With a timeout, pg_terminate_backend waits until each connection is really gone.
    'select count(*) filter (where pg_terminate_backend(pid, 5000)) as n from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
    [database.name],
  );
  const terminated = Number(rows[0]?.n);
  const next = await Promise.all([
    ...Array.from({ length: 10 }, (_, i) => createTask(app, account, `after terminate ${i}`)),
    ...Array.from({ length: 10 }, () => request(app, 'GET', `/api/${account.userId}/tasks`, account)),
  ]);
  const failures = next.filter((a) => a.status !== 200 && a.status !== 201);
  check(
    'after pg_terminate_backend on every pool connection, the next requests succeed',
    terminated > 0 && failures.length === 0,
    `${terminated} connections terminated; ${failures.length ? `${failures.length} failed, first: ${failures[0]!.status} ${failures[0]!.body.slice(0, 200)}` : '20 of 20 succeeded'}`,
  );
}

/** A create whose body arrives in two halves; resolves with the status once answered. */
function slowCreate(app: AppServer, account: Account, title: string) {
  const body = Buffer.from(JSON.stringify({ title }));
  const half = Math.floor(body.length / 2);
  const req = http.request(`${app.url}/api/${account.userId}/tasks`, {
    method: 'POST',
    agent: false,
    headers: { ...account.headers, 'content-type': 'application/json', 'content-length': body.length },
  });
  const answer = new Promise<{ status: number; body: string }>((resolve) => {
    req.on('response', (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', (err) => resolve({ status: 0, body: String(err) }));
  });
  req.write(body.subarray(0, half));
  return {
    answer,
    finish: () => req.end(body.subarray(half)),
  };
}

async function gracefulShutdown(app: AppServer, database: ScratchDatabase, account: Account): Promise<void> {
  const title = `in flight at SIGTERM ${randomUUID()}`;
  const slow = slowCreate(app, account, title);
  await sleep(500);
  app.process.kill('SIGTERM');
  await sleep(1_000);
  const refused = await request(app, 'GET', '/api/health');
  check('after SIGTERM the server takes no new connections', refused.status === 0, refused.status ? `answered ${refused.status}` : 'refused');
  slow.finish();
  const { status, body } = await slow.answer;
  check('a request in flight at SIGTERM still completes (201)', status === 201, `${status} ${body.slice(0, 200)}`);
  const timer = setTimeout(() => app.process.kill('SIGKILL'), 15_000);
  const exit = await app.exited;
  clearTimeout(timer);
  check('then the server exits by itself', exit.signal !== 'SIGKILL', `code ${exit.code}, signal ${exit.signal}`);
  const closed = app.output().split('\n').filter((line) => line.includes('database connections closed')).length;
  check(
    'and each of its processes closes its database connections first',
    closed === WORKERS,
    app.output().split('\n').filter((l) => l.includes('[server]')).join(' | ') || 'no shutdown line in the log',
  );
  const { rows } = await adminQuery<{ n: string }>(database.url, 'select count(*) as n from tasks where title = $1', [title]);
  check('the in-flight create is in the database', rows[0]?.n === '1');
}

// ---- main -----------------------------------------------------------------------------------

async function main(): Promise<void> {
  await assertClusterMatchesUrl();
  console.log(`next build into ${DIST_DIR} …`);
  console.log(`  ${await buildApp(DIST_DIR, { force: process.env.FAULTS_REBUILD === '1' })}`);
  const database = await createScratchDatabase(SERVER_URL, 'todo_faults');
  scratchDatabase = database;
  let app: AppServer | undefined;
  try {
    app = await startApp({
      distDir: DIST_DIR,
      port: PORT,
      env: { DATABASE_URL: database.url, AUTH_SECRET: randomBytes(32).toString('base64url') },
      echo: process.env.FAULTS_ECHO === '1',
      // `npm start`: what production runs, two `next start` processes on one port.
      workers: WORKERS,
    });
    const account = await createAccount(app.url, 'faults');
    try {
      await outageAndRecovery(app, database, account);
    } finally {
      await restartCluster();
    }
    await staleConnections(app, database, account);
    await gracefulShutdown(app, database, account);
  } catch (err) {
    check('the fault run completed', false, err instanceof Error ? err.message : String(err));
    if (app) console.log(`--- server log (tail) ---\n${app.output().slice(-3000)}`);
  } finally {
    await restartCluster();
    await app?.stop('SIGKILL');
    await database.drop();
  }
}

main()
  .catch((err: unknown) => check('the fault run completed', false, err instanceof Error ? err.message : String(err)))
  .then(restartCluster)
  .finally(() => {
    console.log(`\n${passed} passed, ${failed} failed`);
    process.exitCode = failed > 0 || passed === 0 ? 1 : 0;
  });
