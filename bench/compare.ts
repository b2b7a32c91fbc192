// npm run bench:compare: create (and list) throughput of several checkouts of this repository
// side by side (before and after a change). For each checkout, as that
// checkout has it: `next build` into its own .next-bench (reused while fresh), a fresh database
// on the local PostgreSQL migrated by its own `npm run db:migrate`, its `npm start` on a port of
// its own, a new account (POST /api/auth/signup and /api/auth/token) for every run of POST
// /api/{user_id}/tasks at 50 connections, one checkout after the other, A B A B …, so that
// whatever else the machine does falls on all of them alike. Servers stopped and databases
// dropped at the end.
//   COMPARE_CHECKOUTS=/path/a,/path/b (default: this checkout)   the first is the baseline
//   COMPARE_WORKLOAD=create|list|both (default create)   list: the first page of an account of
//                       10,000 tasks (bench/support/seed.ts), with its labels and total
//   COMPARE_LIST_AFTER=plain|project|spread (default plain)   what the checkouts after the first
//                       list: the plain first page, a 10,000-task project in manual order, or
//                       10,000 tasks across 50 projects in manual order (the first checkout always
//                       lists the plain page: it may be from before projects)
//   BENCH_ROUNDS=3 BENCH_DURATION=10 BENCH_WARMUP=10 (seconds) BENCH_REBUILD=1
//   COMPARE_WORKERS=n   `npm start` processes per checkout (default: the cores, as npm start)
//   DB_POOL_MAX=n       pool size per process (default: 90 connections shared out, at most 20)
//   COMPARE_SKIP_TYPECHECK=1   build without Next's type check (an old checkout whose types no
//                              longer check): nothing in a checkout is edited
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createAccount, type Account } from './support/api';
import { load, loadCreates, medianPerSecond, ROUND_HEADER, roundCells, type Round } from './support/load';
import { adminQuery, createScratchDatabase, DEFAULT_SERVER_URL, type ScratchDatabase } from './support/postgres';
import { buildApp, serverComplaints, startApp, startChild, type AppServer } from './support/processes';
import { LIST_TASKS, seedTasks } from './support/seed';
import { markdownTable } from './support/stats';
import { runAsCommand } from '../scripts/command';

const SERVER_URL = process.env.BENCH_DATABASE_URL ?? DEFAULT_SERVER_URL;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const DURATION_S = Number(process.env.BENCH_DURATION ?? 10);
const WARMUP_S = Number(process.env.BENCH_WARMUP ?? 10);
const WORKERS = Number(process.env.COMPARE_WORKERS ?? os.availableParallelism());
const FIRST_PORT = 3321;
/** PostgreSQL's max_connections (100 by default), less a few for the harness and psql. */
const SERVER_CONNECTIONS = 90;
const DIST_DIR = '.next-bench';
const WORKLOAD = process.env.COMPARE_WORKLOAD ?? 'create';
if (!['create', 'list', 'both'].includes(WORKLOAD)) throw new Error(`COMPARE_WORKLOAD must be create, list or both (got ${WORKLOAD})`);
const LIST_AFTER = process.env.COMPARE_LIST_AFTER ?? 'plain';
if (!['plain', 'project', 'spread'].includes(LIST_AFTER)) throw new Error(`COMPARE_LIST_AFTER must be plain, project or spread (got ${LIST_AFTER})`);

interface Checkout {
  dir: string;
  label: string;
  database?: ScratchDatabase;
  app?: AppServer;
  reader?: Account;
  /** The query of the list it reads: the plain first page, or a project's or every project's in manual order. */
  listQuery?: string;
  rounds: Round[];
  listRounds: Round[];
}

function describe(dir: string): string {
  try {
    const commit = execFileSync('git', ['-C', dir, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['-C', dir, 'status', '--porcelain', '--untracked-files=no'], { encoding: 'utf8' }).trim();
    return `${path.basename(dir)} (${commit}${dirty ? ', with changes' : ''})`;
  } catch {
    return path.basename(dir);
  }
}

/** What this script needs of a checkout, checked before anything is built or started. */
function checkCheckout(dir: string): void {
  const packageFile = path.join(dir, 'package.json');
  if (!existsSync(packageFile)) throw new Error(`${dir}: no package.json`);
  if (!existsSync(path.join(dir, 'node_modules', 'next'))) throw new Error(`${dir}: no node_modules (run npm ci there)`);
  const scripts = (JSON.parse(readFileSync(packageFile, 'utf8')) as { scripts?: Record<string, string> }).scripts ?? {};
  // startApp runs scripts/start.mjs as `npm start` does, without npm in between to pass signals on.
  if (scripts.start !== 'node scripts/start.mjs') throw new Error(`${dir}: npm start is "${scripts.start}", not node scripts/start.mjs`);
  if (!scripts['db:migrate']) throw new Error(`${dir}: no npm run db:migrate`);
}

async function migrateWith(checkout: Checkout, url: string): Promise<void> {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const child = startChild(npm, ['run', '--silent', 'db:migrate'], { label: 'migrate', cwd: checkout.dir, env: { ...process.env, DATABASE_URL: url } });
  const { code } = await child.exited;
  if (code !== 0) throw new Error(`${checkout.label}: npm run db:migrate failed (exit ${code}):\n${child.output().slice(-4000)}`);
  console.log(`  ${checkout.label}: ${child.output().trim().split('\n').at(-1)}`);
}

async function main(): Promise<number> {
  const dirs = (process.env.COMPARE_CHECKOUTS ?? process.cwd())
    .split(',')
    .map((d) => d.trim())
    .filter(Boolean)
    .map((d) => path.resolve(d));
  for (const dir of dirs) checkCheckout(dir);
  const checkouts: Checkout[] = dirs.map((dir) => ({ dir, label: describe(dir), rounds: [], listRounds: [] }));

  for (const checkout of checkouts) {
    console.log(`next build of ${checkout.label} into ${DIST_DIR} …`);
    const built = await buildApp(DIST_DIR, {
      cwd: checkout.dir,
      force: process.env.BENCH_REBUILD === '1',
      skipTypecheck: process.env.COMPARE_SKIP_TYPECHECK === '1',
    });
    console.log(`  ${built}`);
  }
  try {
    // Every checkout's every process opens up to DB_POOL_MAX connections (20 by default): three
    // checkouts of two processes would ask PostgreSQL for 120. Each gets its share unless set.
    const poolMax = process.env.DB_POOL_MAX ?? String(Math.max(1, Math.min(20, Math.floor(SERVER_CONNECTIONS / (checkouts.length * WORKERS)))));
    console.log(`databases, servers (DB_POOL_MAX=${poolMax} per process) …`);
    for (const [i, checkout] of checkouts.entries()) {
      checkout.database = await createScratchDatabase(SERVER_URL, 'todo_bench_compare', { migrate: false });
      await migrateWith(checkout, checkout.database.url);
      checkout.app = await startApp({
        cwd: checkout.dir,
        distDir: DIST_DIR,
        port: FIRST_PORT + i,
        // The harness signs up an account for every run, all from one address.
        env: { DATABASE_URL: checkout.database.url, AUTH_SECRET: randomBytes(32).toString('base64url'), DB_POOL_MAX: poolMax, SIGNUP_LIMIT_PER_HOUR: '0' },
        workers: WORKERS,
      });
    }
    const run = (checkout: Checkout, seconds: number) => loadCreates({ signupUrl: checkout.app!.url, seconds, pid: checkout.app!.process.pid! });
    const list = (checkout: Checkout, seconds: number) =>
      load(`${checkout.app!.url}/api/${checkout.reader!.userId}/tasks${checkout.listQuery ?? ''}`, { account: checkout.reader!, seconds, pid: checkout.app!.process.pid! });
    const creates = WORKLOAD !== 'list';
    const lists = WORKLOAD !== 'create';
    if (lists) {
      console.log(`an account of ${LIST_TASKS.toLocaleString('en-US')} tasks on each …`);
      for (const [i, checkout] of checkouts.entries()) {
        checkout.reader = await createAccount(checkout.app!.url, 'bench-list');
        const shape = i === 0 ? 'plain' : LIST_AFTER;
        const projects = await seedTasks(checkout.database!.url, checkout.reader.userId, { projects: shape === 'project' ? 1 : shape === 'spread' ? 50 : 0 });
        checkout.listQuery = shape === 'project' ? `?project=${projects[0]}&sort=position` : shape === 'spread' ? '?sort=position' : '';
      }
    }
    console.log(`warming up (${WARMUP_S} s each) …`);
    for (const checkout of checkouts) {
      if (lists) await list(checkout, WARMUP_S);
      if (creates) await run(checkout, WARMUP_S);
    }
    for (let round = 1; round <= ROUNDS; round++) {
      console.log(`round ${round}/${ROUNDS}: ${[lists && 'the first page', creates && 'create'].filter(Boolean).join(', then ')} on each checkout (${DURATION_S} s each) …`);
      // Reads first: the creates below grow the table the list reads.
      if (lists) for (const checkout of checkouts) checkout.listRounds.push(await list(checkout, DURATION_S));
      if (creates) for (const checkout of checkouts) checkout.rounds.push(await run(checkout, DURATION_S));
    }

    const { rows } = await adminQuery<{ server_version: string }>(SERVER_URL, 'show server_version');
    const cpu = os.cpus();
    console.log(
      `\n50 connections, \`npm start\` with ${WORKERS} ${WORKERS === 1 ? 'process' : 'processes'} each, ` +
        `${ROUNDS} rounds of ${DURATION_S} s, medians. ${cpu.length} cores (${cpu[0]?.model.trim()}), Node ${process.versions.node}, ` +
        `PostgreSQL ${rows[0]?.server_version.split(' ')[0]}; apps, database and load generator on one machine.`,
    );
    const table = (title: string, rounds: (c: Checkout) => Round[]) => {
      const baseline = medianPerSecond(rounds(checkouts[0]!));
      console.log(`\n${title}\n`);
      console.log(
        markdownTable(
          ['checkout', ...ROUND_HEADER, 'req/s / first'],
          checkouts.map((c) => [c.label, ...roundCells(rounds(c)), (medianPerSecond(rounds(c)) / baseline).toFixed(2)]),
        ),
      );
    };
    if (lists) {
      const after = { plain: '', project: ` (after the first: a ${LIST_TASKS.toLocaleString('en-US')}-task project, manual order)`, spread: ' (after the first: across 50 projects, manual order)' }[LIST_AFTER];
      table(`the first page of ${LIST_TASKS.toLocaleString('en-US')} tasks (\`GET /api/{user_id}/tasks\`)${after}`, (c) => c.listRounds);
    }
    if (creates) table('create (`POST /api/{user_id}/tasks`)', (c) => c.rounds);
    for (const checkout of checkouts) {
      const complaints = serverComplaints(checkout.app!);
      if (complaints.length) console.log(`\n${checkout.label}, server log lines about errors or warnings (${complaints.length}):\n${complaints.slice(0, 20).join('\n')}`);
    }
    const failed = checkouts.some((c) => [...c.rounds, ...c.listRounds].some((r) => r.failures > 0));
    if (failed) console.log('\nSome requests failed: the numbers above are not valid.');
    return failed ? 1 : 0;
  } finally {
    for (const checkout of [...checkouts].reverse()) await checkout.app?.stop();
    for (const checkout of checkouts) await checkout.database?.drop();
  }
}

runAsCommand(main);
