// npm run bench: the app's create route beside a bare node:http + pg server doing the same
// INSERT … RETURNING into the same table (bench/floor-server.ts), alternating A B A B at 50
// connections: the app as `npm start` runs it (one `next start` per core, scripts/start.mjs) and
// as one `next start` process, with the app's /api/health (a Next route doing `select 1`) as the
// framework's own cost; then the first page of a 10,000-task account and a search over it, at
// 50 connections and at one, and the first page of 10,000 tasks in one project and across 50.
// Everything runs on this machine: a fresh database on the local PostgreSQL (BENCH_DATABASE_URL),
// `next build` into .next-bench (reused while fresh), the app on 127.0.0.1:3301 (and :3303).
//   BENCH_ROUNDS=3 BENCH_DURATION=10 BENCH_WARMUP=10 (seconds) BENCH_REBUILD=1
//   BENCH_CPU_PROF=<dir> (profile the app)  BENCH_ONLY=create|list (one half, for a profile of just that)
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { createAccount } from './support/api';
import { CONNECTIONS, load, loadCreates, roundCells, type Round } from './support/load';
import { adminQuery, createScratchDatabase, DEFAULT_SERVER_URL } from './support/postgres';
import { buildApp, startApp, startChild, waitForHttp, type Child } from './support/processes';
import { LIST_TASKS, seedTasks } from './support/seed';
import { markdownTable, median } from './support/stats';
import { runAsCommand } from '../scripts/command';

const SERVER_URL = process.env.BENCH_DATABASE_URL ?? DEFAULT_SERVER_URL;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const DURATION_S = Number(process.env.BENCH_DURATION ?? 10);
// Next's server bundles take many requests to be compiled by V8: measured before, they look
// half as fast as they are.
const WARMUP_S = Number(process.env.BENCH_WARMUP ?? 10);
const APP_PORT = 3301;
const FLOOR_PORT = 3302;
const SINGLE_PORT = 3303;
const DIST_DIR = '.next-bench';
const SEARCH = 'invoice';
const ONLY = process.env.BENCH_ONLY;

function row(name: string, rounds: Round[]): string[] {
  return [name, ...roundCells(rounds)];
}

async function main(): Promise<number> {
  console.log(`next build into ${DIST_DIR} …`);
  console.log(`  ${await buildApp(DIST_DIR, { force: process.env.BENCH_REBUILD === '1' })}`);
  const database = await createScratchDatabase(SERVER_URL, 'todo_bench');
  const children: Child[] = [];
  try {
    const cpuProfileDir = process.env.BENCH_CPU_PROF && path.resolve(process.env.BENCH_CPU_PROF);
    // The harness signs up an account for every create run, all from one address.
    const appEnv = { DATABASE_URL: database.url, AUTH_SECRET: randomBytes(32).toString('base64url'), SIGNUP_LIMIT_PER_HOUR: '0' };
    // `npm start`: a process per core.
    const app = await startApp({
      distDir: DIST_DIR,
      port: APP_PORT,
      env: appEnv,
      // Written when the server exits; --cpu-prof is not allowed in NODE_OPTIONS.
      nodeArgs: cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfileDir}`] : [],
      workers: os.availableParallelism(),
    });
    children.push(app);
    const single = ONLY === 'list' ? undefined : await startApp({ distDir: DIST_DIR, port: SINGLE_PORT, env: appEnv });
    if (single) children.push(single);
    const floor = startChild(process.execPath, ['--import', 'tsx', 'bench/floor-server.ts'], {
      label: 'floor',
      env: { ...process.env, DATABASE_URL: database.url, PORT: String(FLOOR_PORT) },
    });
    children.push(floor);
    const floorUrl = `http://127.0.0.1:${FLOOR_PORT}`;
    await waitForHttp(floorUrl, floor);

    const reader = await createAccount(app.url, 'bench-list');
    await seedTasks(database.url, reader.userId);
    // The same 10,000 tasks in one project, and spread over 50 (v3: projects and subtasks).
    const projectReader = await createAccount(app.url, 'bench-project');
    const [projectId] = await seedTasks(database.url, projectReader.userId, { projects: 1 });
    const spreadReader = await createAccount(app.url, 'bench-projects');
    await seedTasks(database.url, spreadReader.userId, { projects: 50 });
    // Every create run signs up its account on the app; the floor writes into the same database.
    const creating = (serverUrl: string, pid: number, seconds: number) => loadCreates({ signupUrl: app.url, serverUrl, pid, seconds });

    const listUrl = `${app.url}/api/${reader.userId}/tasks`;
    const floorListUrl = `${floorUrl}/api/${reader.userId}/tasks`;
    const searchUrl = `${listUrl}?q=${SEARCH}`;
    const dueUrl = `${listUrl}?sort=due`;
    const projectUrl = `${app.url}/api/${projectReader.userId}/tasks?project=${projectId}&sort=position`;
    const spreadManualUrl = `${app.url}/api/${spreadReader.userId}/tasks?sort=position`;
    const spreadUrl = `${app.url}/api/${spreadReader.userId}/tasks`;
    const appPid = app.process.pid!;
    const floorPid = floor.process.pid!;

    const results = {
      app: [] as Round[],
      single: [] as Round[],
      floor: [] as Round[],
      health: [] as Round[],
      list: [] as Round[],
      listFloor: [] as Round[],
      due: [] as Round[],
      project: [] as Round[],
      spreadManual: [] as Round[],
      spread: [] as Round[],
      search: [] as Round[],
      listAlone: [] as Round[],
      searchAlone: [] as Round[],
    };
    // Reads first, on the freshly vacuumed table, as autovacuum leaves it: the creates below
    // fill the trigram indexes' pending list (up to 64 kB, migration 0003), which searches scan.
    if (ONLY !== 'create') {
      console.log('warming up the reads (JIT, pools) …');
      for (const url of [listUrl, dueUrl, searchUrl]) await load(url, { account: reader, seconds: WARMUP_S, pid: appPid });
      await load(projectUrl, { account: projectReader, seconds: WARMUP_S / 2, pid: appPid });
      for (const url of [spreadManualUrl, spreadUrl]) await load(url, { account: spreadReader, seconds: WARMUP_S / 2, pid: appPid });
      await load(floorListUrl, { account: reader, seconds: 3, pid: floorPid });
    }
    for (let round = 1; round <= ROUNDS && ONLY !== 'create'; round++) {
      console.log(`round ${round}/${ROUNDS}: list, search over ${LIST_TASKS.toLocaleString('en-US')} tasks (${DURATION_S} s each, then alone) …`);
      results.list.push(await load(listUrl, { account: reader, seconds: DURATION_S, pid: appPid }));
      results.listFloor.push(await load(floorListUrl, { account: reader, seconds: DURATION_S, pid: floorPid }));
      results.due.push(await load(dueUrl, { account: reader, seconds: DURATION_S, pid: appPid }));
      results.project.push(await load(projectUrl, { account: projectReader, seconds: DURATION_S, pid: appPid }));
      results.spreadManual.push(await load(spreadManualUrl, { account: spreadReader, seconds: DURATION_S, pid: appPid }));
      results.spread.push(await load(spreadUrl, { account: spreadReader, seconds: DURATION_S, pid: appPid }));
      results.search.push(await load(searchUrl, { account: reader, seconds: DURATION_S, pid: appPid }));
      // One request at a time: what a single person waits for, without 49 others in the queue.
      results.listAlone.push(await load(listUrl, { account: reader, seconds: DURATION_S / 2, pid: appPid, connections: 1 }));
      results.searchAlone.push(await load(searchUrl, { account: reader, seconds: DURATION_S / 2, pid: appPid, connections: 1 }));
    }
    const singlePid = single?.process.pid ?? 0;
    if (single) {
      console.log('warming up the creates …');
      await creating(app.url, appPid, WARMUP_S);
      await creating(single.url, singlePid, WARMUP_S);
      await creating(floorUrl, floorPid, 3);
    }
    for (let round = 1; round <= ROUNDS && single; round++) {
      console.log(`round ${round}/${ROUNDS}: create on npm start, on one next start, on the floor; /api/health (${DURATION_S} s each) …`);
      results.app.push(await creating(app.url, appPid, DURATION_S));
      results.single.push(await creating(single.url, singlePid, DURATION_S));
      results.floor.push(await creating(floorUrl, floorPid, DURATION_S));
      results.health.push(await load(`${app.url}/api/health`, { account: reader, seconds: DURATION_S, pid: appPid }));
    }

    const { rows } = await adminQuery<{ server_version: string }>(database.url, 'show server_version');
    const floorPerSecond = median(results.floor.map((r) => r.perSecond));
    const ratio = (rounds: Round[]) => (median(rounds.map((r) => r.perSecond)) / floorPerSecond).toFixed(2);
    const cpu = os.cpus();
    console.log(
      `\n${CONNECTIONS} connections, ${ROUNDS} rounds of ${DURATION_S} s, medians. ${cpu.length} cores (${cpu[0]?.model.trim()}), ` +
        `Node ${process.versions.node}, PostgreSQL ${rows[0]?.server_version.split(' ')[0]}; app, database and load generator on one machine.\n`,
    );
    console.log(
      markdownTable(
        ['workload', 'req/s', 'p50', 'p99', 'server CPU per request', 'req/s per round', 'failed'],
        (
          [
            [`create: app, \`npm start\` (${os.availableParallelism()} processes)`, results.app],
            ['create: app, one `next start` process', results.single],
            ['create: floor (node:http + pg, one process)', results.floor],
            ['`GET /api/health`: Next route, `select 1` (`npm start`)', results.health],
            [`list, first page of ${LIST_TASKS.toLocaleString('en-US')}`, results.list],
            [`list: floor (node:http + pg, the same page in one statement)`, results.listFloor],
            [`list, first page of ${LIST_TASKS.toLocaleString('en-US')} tasks with labels, sorted by due`, results.due],
            [`list, first page of a ${LIST_TASKS.toLocaleString('en-US')}-task project, manual order`, results.project],
            [`list, first page of ${LIST_TASKS.toLocaleString('en-US')} tasks across 50 projects, manual order`, results.spreadManual],
            [`list, first page of ${LIST_TASKS.toLocaleString('en-US')} tasks across 50 projects, newest first`, results.spread],
            [`search \`q=${SEARCH}\` over ${LIST_TASKS.toLocaleString('en-US')}`, results.search],
            ['list, one connection', results.listAlone],
            ['search, one connection', results.searchAlone],
          ] as const
        )
          .filter(([, rounds]) => rounds.length > 0)
          .map(([name, rounds]) => row(name, rounds)),
      ),
    );
    if (results.listFloor.length) {
      const perSecond = (rounds: Round[]) => median(rounds.map((r) => r.perSecond));
      console.log(`\nfirst page, app / floor: ${(perSecond(results.list) / perSecond(results.listFloor)).toFixed(2)} (target ≥ 0.75)`);
    }
    if (results.due.length) {
      const perSecond = (rounds: Round[]) => median(rounds.map((r) => r.perSecond));
      console.log(`\nfirst page sorted by due / plain first page: ${(perSecond(results.due) / perSecond(results.list)).toFixed(2)} (target ≥ 0.80)`);
    }
    if (results.project.length) {
      const perSecond = (rounds: Round[]) => median(rounds.map((r) => r.perSecond));
      const vsPlain = (rounds: Round[]) => (perSecond(rounds) / perSecond(results.list)).toFixed(2);
      console.log(
        `\nfirst page / plain first page (target ≥ 0.90): a project in manual order ${vsPlain(results.project)}, ` +
          `50 projects in manual order ${vsPlain(results.spreadManual)}, 50 projects newest first ${vsPlain(results.spread)}`,
      );
    }
    if (results.app.length) {
      console.log(`\ncreate throughput, app / floor: ${ratio(results.app)} with npm start, ${ratio(results.single)} with one process (target ≥ 0.35, with p99 ≤ 100 ms)`);
    }
    const failed = Object.values(results).flat().some((r) => r.failures > 0);
    if (failed) console.log('Some requests failed: the numbers above are not valid.');
    return failed ? 1 : 0;
  } finally {
    for (const child of children.reverse()) await child.stop();
    await database.drop();
  }
}

runAsCommand(main);
