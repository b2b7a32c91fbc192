// npm run bench:calendar: the calendar feed of a 10,000-task account (every task dated, a third
// of them timed in Europe/Berlin, a tenth repeating), fetched through its route handler
// in-process against a fresh database on the local PostgreSQL: time per answer (median of 20,
// one at a time), its size, and a 304's time.
import { adminQuery, createScratchDatabase, DEFAULT_SERVER_URL } from './support/postgres';
import { median } from './support/stats';

const SERVER_URL = process.env.BENCH_DATABASE_URL ?? DEFAULT_SERVER_URL;
const TASKS = Number(process.env.CALENDAR_TASKS ?? 10_000);
const ROUNDS = 20;

const database = await createScratchDatabase(SERVER_URL, 'todo_calendar');
process.env.DATABASE_URL = database.url;
const { closeDatabase } = await import('@/lib/db');
const { Scope } = await import('@/lib/scope/scope');
const { openCalendarFeed } = await import('@/lib/calendar/feed');
const calendarRoute = await import('@/app/api/calendar/[file]/route');

const { rows } = await adminQuery<{ id: string }>(database.url, `insert into users (email, password_hash, time_zone) values ('cal@example.com', 'x', 'Europe/Berlin') returning id`);
const userId = rows[0]!.id;
await adminQuery(
  database.url,
  `insert into tasks (user_id, title, description, due_date, due_time, repeat_every, repeat_interval)
   select $1, 'Task ' || i, case when i % 4 = 0 then 'Notes for task ' || i end, date '2027-01-01' + (i % 365),
     case when i % 3 = 0 then make_time(8 + i % 10, (i % 4) * 15, 0) end,
     case when i % 10 = 0 then 'week' end, case when i % 10 = 0 then 1 end
   from generate_series(1, $2::int) as i`,
  [userId, TASKS],
);
await adminQuery(database.url, 'vacuum analyze tasks');
const session = await adminQuery<{ id: string }>(database.url, `insert into sessions (user_id, kind, expires_at) values ($1, 'token', now() + interval '1 day') returning id`, [userId]);
const secret = await openCalendarFeed(Scope.of({ userId, sessionId: session.rows[0]!.id }));
const file = `${secret}.ics`;

const get = (headers: Record<string, string> = {}) =>
  calendarRoute.GET(new Request(`http://localhost/api/calendar/${file}`, { headers }), { params: Promise.resolve({ file }) });

async function time(headers?: Record<string, string>): Promise<{ ms: number[]; bytes: number; etag: string }> {
  const ms: number[] = [];
  let bytes = 0;
  let etag = '';
  for (let i = 0; i < ROUNDS + 2; i++) {
    const started = performance.now();
    const response = await get(headers);
    const body = await response.arrayBuffer();
    if (i >= 2) ms.push(performance.now() - started);
    bytes = body.byteLength;
    etag = response.headers.get('etag') ?? '';
  }
  return { ms, bytes, etag };
}

const full = await time();
const notModified = await time({ 'if-none-match': full.etag });
console.log(`calendar of ${TASKS.toLocaleString('en')} dated tasks (Europe/Berlin):`);
console.log(`  200: median ${median(full.ms).toFixed(0)} ms, ${(full.bytes / 1024).toFixed(0)} KiB`);
console.log(`  304: median ${median(notModified.ms).toFixed(1)} ms (one statement: the version of what it lists)`);
await closeDatabase();
await database.drop();
