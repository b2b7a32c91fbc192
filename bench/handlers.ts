// tsx --conditions=react-server bench/handlers.ts: what OUR code costs per request, without
// Next around it. Calls the exported route handlers in-process (as the API tests do) against a
// fresh database on the local PostgreSQL, 50 at a time, and prints the main thread's CPU time
// per call. Compare with `server CPU per request` of npm run bench: the difference is the
// framework's share.
//   HANDLERS_CPU_PROF=<dir> writes a CPU profile of the measured calls only.
//   HANDLERS_ONLY=<text> measures only the handlers whose name contains it ("first page").
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import path from 'node:path';
import { adminQuery, createScratchDatabase, DEFAULT_SERVER_URL } from './support/postgres';
import { markdownTable } from './support/stats';

const SERVER_URL = process.env.BENCH_DATABASE_URL ?? DEFAULT_SERVER_URL;
const CALLS = Number(process.env.HANDLERS_CALLS ?? 3_000);
const CONCURRENCY = 50;

const database = await createScratchDatabase(SERVER_URL, 'todo_handlers');
process.env.DATABASE_URL = database.url;
const { closeDatabase } = await import('@/lib/db');
const { issueAccessToken } = await import('@/lib/auth/tokens');
const tasksRoute = await import('@/app/api/[user_id]/tasks/route');
const completeRoute = await import('@/app/api/[user_id]/tasks/[id]/complete/route');
const healthRoute = await import('@/app/api/health/route');

async function seedUser(email: string, tasks: number): Promise<{ id: string; headers: Record<string, string> }> {
  const { rows } = await adminQuery<{ id: string }>(database.url, `insert into users (email, password_hash) values ($1, 'x') returning id`, [email]);
  const id = rows[0]!.id;
  if (tasks) {
    await adminQuery(
      database.url,
      `insert into tasks (user_id, title, description, created_at)
       select $1, 'Task ' || i || case when i % 10 = 0 then ' invoice' else '' end, case when i % 3 = 0 then 'notes ' || i end, now() - make_interval(mins => i)
       from generate_series(1, $2::int) as i`,
      [id, tasks],
    );
    await adminQuery(database.url, 'vacuum analyze tasks');
  }
  const session = await adminQuery<{ id: string }>(
    database.url,
    `insert into sessions (user_id, kind, expires_at) values ($1, 'token', now() + interval '1 day') returning id`,
    [id],
  );
  const { token } = await issueAccessToken({ userId: id, sessionId: session.rows[0]!.id });
  return { id, headers: { authorization: `Bearer ${token}` } };
}

type Call = () => Promise<Response>;

async function measure(call: Call): Promise<{ cpuMs: number; wallMs: number; failures: number }> {
  let failures = 0;
  const once = async () => {
    const response = await call();
    await response.arrayBuffer();
    if (response.status >= 300) failures++;
  };
  for (let i = 0; i < 200; i++) await once();
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (let done = 0; done < CALLS; done += CONCURRENCY) await Promise.all(Array.from({ length: CONCURRENCY }, once));
  const used = process.cpuUsage(cpu);
  return { cpuMs: (used.user + used.system) / 1000 / CALLS, wallMs: (performance.now() - started) / CALLS, failures };
}

try {
  const writer = await seedUser(`writer-${Date.now()}@example.com`, 0);
  const reader = await seedUser(`reader-${Date.now()}@example.com`, 10_000);
  const context = (userId: string) => ({ params: Promise.resolve({ user_id: userId }) });
  const base = 'http://127.0.0.1/api';
  const create: Call = () =>
    tasksRoute.POST(
      new Request(`${base}/${writer.id}/tasks`, {
        method: 'POST',
        headers: { ...writer.headers, 'content-type': 'application/json' },
        body: JSON.stringify({ title: 'Benchmark task', description: null }),
      }),
      context(writer.id),
    );
  // Toggles of 50 of the writer's tasks (taken once the creates have made them), one each at a time.
  let toggled: string[] = [];
  let next = 0;
  const toggle: Call = async () => {
    if (!toggled.length) {
      toggled = (await adminQuery<{ id: string }>(database.url, 'select id from tasks where user_id = $1 limit 50', [writer.id])).rows.map((r) => r.id);
    }
    const id = toggled[next++ % toggled.length]!;
    return completeRoute.PATCH(new Request(`${base}/${writer.id}/tasks/${id}/complete`, { method: 'PATCH', headers: writer.headers }), {
      params: Promise.resolve({ user_id: writer.id, id }),
    });
  };
  // Reads before the creates, whose trigram index entries would slow the search (see bench.ts).
  const cases: [string, Call][] = [
    ['GET /api/health (select 1)', () => healthRoute.GET(new Request('http://localhost/api/health'), undefined)],
    ['GET /tasks (first page of 10,000)', () => tasksRoute.GET(new Request(`${base}/${reader.id}/tasks`, { headers: reader.headers }), context(reader.id))],
    ['GET /tasks?q=invoice', () => tasksRoute.GET(new Request(`${base}/${reader.id}/tasks?q=invoice`, { headers: reader.headers }), context(reader.id))],
    ['POST /tasks (create)', create],
    ['PATCH /tasks/{id}/complete (toggle)', toggle],
  ];

  const profileDir = process.env.HANDLERS_CPU_PROF;
  const session = profileDir ? new Session() : undefined;
  if (session) {
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
  }
  const rows: string[][] = [];
  for (const [name, call] of cases.filter(([name]) => name.includes(process.env.HANDLERS_ONLY ?? ''))) {
    const { cpuMs, wallMs, failures } = await measure(call);
    rows.push([name, `${cpuMs.toFixed(2)} ms`, `${wallMs.toFixed(2)} ms`, String(failures)]);
  }
  if (session && profileDir) {
    const { profile } = await session.post('Profiler.stop');
    const file = path.join(profileDir, `handlers-${Date.now()}.cpuprofile`);
    writeFileSync(file, JSON.stringify(profile));
    console.log(`CPU profile: ${file}`);
  }
  console.log(`${CALLS} calls each, ${CONCURRENCY} at a time, handlers called in-process (no HTTP, no Next)\n`);
  console.log(markdownTable(['handler', 'CPU per call', 'wall per call', 'failed'], rows));
} finally {
  await closeDatabase();
  await database.drop();
}
