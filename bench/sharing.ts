// npm run bench:sharing: what sharing costs a member. On `npm start` (a process per core) over a
// fresh database on the local PostgreSQL, A B A B at 50 connections:
// - the first page of a member of 20 shared projects (10,000 tasks in all, another user's)
//   against the owner's plain first page of their own 10,000-task Inbox (target ≥ 0.8);
// - creates into a shared project (as an editor) against creates into the Inbox (target ≥ 0.9).
//   BENCH_ROUNDS=3 BENCH_DURATION=10 BENCH_WARMUP=10 (seconds) BENCH_REBUILD=1
// The creates go into another project than the member's 20 (and the Inbox creates into their
// writers' own Inboxes), so the pages read stay the same size from round to round.
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { createAccount, type Account } from './support/api';
import { load, roundCells, type Round } from './support/load';
import { adminQuery, createScratchDatabase, DEFAULT_SERVER_URL } from './support/postgres';
import { buildApp, startApp, type Child } from './support/processes';
import { seedTasks } from './support/seed';
import { markdownTable, median } from './support/stats';
import { runAsCommand } from '../scripts/command';

const SERVER_URL = process.env.BENCH_DATABASE_URL ?? DEFAULT_SERVER_URL;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const DURATION_S = Number(process.env.BENCH_DURATION ?? 10);
const WARMUP_S = Number(process.env.BENCH_WARMUP ?? 10);
const APP_PORT = 3311;
const DIST_DIR = '.next-bench';
const SHARED_PROJECTS = 20;

async function main(): Promise<number> {
  console.log(`next build into ${DIST_DIR} …`);
  console.log(`  ${await buildApp(DIST_DIR, { force: process.env.BENCH_REBUILD === '1' })}`);
  const database = await createScratchDatabase(SERVER_URL, 'todo_bench_sharing');
  const children: Child[] = [];
  try {
    const appEnv = { DATABASE_URL: database.url, AUTH_SECRET: randomBytes(32).toString('base64url'), SIGNUP_LIMIT_PER_HOUR: '0' };
    const app = await startApp({ distDir: DIST_DIR, port: APP_PORT, env: appEnv, workers: os.availableParallelism() });
    children.push(app);
    const pid = app.process.pid!;

    // The owner: 10,000 tasks in their Inbox (the plain page), and 10,000 across 20 projects
    // shared with the member as an editor.
    const owner = await createAccount(app.url, 'bench-owner');
    await seedTasks(database.url, owner.userId);
    const member = await createAccount(app.url, 'bench-member');
    const sharer = await createAccount(app.url, 'bench-sharer');
    const projects = await seedTasks(database.url, sharer.userId, { projects: SHARED_PROJECTS });
    await adminQuery(database.url, `insert into project_members (project_id, user_id, role) select id, $1, 'editor' from unnest($2::uuid[]) as id`, [member.userId, projects]);
    await adminQuery(database.url, 'vacuum analyze project_members');

    // Creates: each run a new editor of one more shared project of the sharer's (the 50,000-task
    // cap counts a creator's own), one the member is not in: the member's pages stay as they were.
    const { rows } = await adminQuery<{ id: string }>(database.url, `insert into projects (owner_id, name) values ($1, 'Writers') returning id`, [sharer.userId]);
    const writersProject = rows[0]!.id;
    await adminQuery(database.url, `insert into project_members (project_id, user_id, role) values ($1, $2, 'owner')`, [writersProject, sharer.userId]);
    const createAs = async (where: 'inbox' | 'shared', seconds: number): Promise<Round> => {
      const writer: Account = await createAccount(app.url, 'bench-writer');
      if (where === 'shared') {
        await adminQuery(database.url, `insert into project_members (project_id, user_id, role) values ($1, $2, 'editor')`, [writersProject, writer.userId]);
      }
      const body = { title: 'Benchmark task', description: null, ...(where === 'shared' && { project_id: writersProject }) };
      return load(`${app.url}/api/${writer.userId}/tasks`, { method: 'POST', account: writer, body, seconds, pid });
    };
    const ownerUrl = `${app.url}/api/${owner.userId}/tasks`;
    const memberUrl = `${app.url}/api/${member.userId}/tasks`;

    console.log('warming up …');
    await load(ownerUrl, { account: owner, seconds: WARMUP_S / 2, pid });
    await load(memberUrl, { account: member, seconds: WARMUP_S / 2, pid });
    await createAs('inbox', WARMUP_S / 2);
    await createAs('shared', WARMUP_S / 2);

    const results = { owner: [] as Round[], member: [] as Round[], inbox: [] as Round[], shared: [] as Round[] };
    for (let round = 1; round <= ROUNDS; round++) {
      console.log(`round ${round}/${ROUNDS} (${DURATION_S} s each) …`);
      results.owner.push(await load(ownerUrl, { account: owner, seconds: DURATION_S, pid }));
      results.member.push(await load(memberUrl, { account: member, seconds: DURATION_S, pid }));
      results.inbox.push(await createAs('inbox', DURATION_S));
      results.shared.push(await createAs('shared', DURATION_S));
    }

    console.log(`\n50 connections, \`npm start\` (${os.availableParallelism()} processes), ${ROUNDS} rounds of ${DURATION_S} s, medians.\n`);
    console.log(
      markdownTable(
        ['workload', 'req/s', 'p50', 'p99', 'server CPU per request', 'req/s per round', 'failed'],
        [
          ["first page, the owner's own 10,000-task Inbox", ...roundCells(results.owner)],
          [`first page, a member of ${SHARED_PROJECTS} shared projects (10,000 tasks)`, ...roundCells(results.member)],
          ['create into the Inbox', ...roundCells(results.inbox)],
          ['create into a shared project (an editor)', ...roundCells(results.shared)],
        ],
      ),
    );
    const perSecond = (rounds: Round[]) => median(rounds.map((r) => r.perSecond));
    console.log(`\nmember's first page / owner's plain first page: ${(perSecond(results.member) / perSecond(results.owner)).toFixed(2)} (target ≥ 0.80)`);
    console.log(`create into a shared project / into the Inbox: ${(perSecond(results.shared) / perSecond(results.inbox)).toFixed(2)} (target ≥ 0.90)`);
    const failed = Object.values(results).flat().some((r) => r.failures > 0);
    if (failed) console.log('Some requests failed: the numbers above are not valid.');
    return failed ? 1 : 0;
  } finally {
    for (const child of children.reverse()) await child.stop();
    await database.drop();
  }
}

runAsCommand(main);
