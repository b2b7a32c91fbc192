// npm run bench:reminders: REMINDERS reminders (10,000) due in the same minute on one `npm start`
// process, each pushed (Web Push, encrypted and signed) to a local push service on 127.0.0.1:
//   - how long after their time all have fired (notifications written) and been pushed;
//   - duplicates: pushes decrypted (as the browsers would) and counted per notification, and
//     notifications counted per reminder (both must be 0);
//   - create throughput beside it: POST /api/{user_id}/tasks at 50 connections for BENCH_DURATION
//     seconds, once with nothing due, once from a second before their time (long enough to span
//     the scheduler's next tick, up to 10 s later, and the pushing).
// The accounts, their subscriptions, tasks and reminders are written straight into a fresh
// database on the local PostgreSQL (BENCH_DATABASE_URL); `next build` into .next-bench (reused
// while fresh). USERS=100 REMINDERS=10000 BENCH_DURATION=30 BENCH_REBUILD=1
import { createECDH, randomBytes, type ECDH } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import ece from 'http_ece';
import webpush from 'web-push';
import { loadCreates, type Round } from './support/load';
import { adminQuery, createScratchDatabase, DEFAULT_SERVER_URL } from './support/postgres';
import { buildApp, serverComplaints, sleep, startApp, type AppServer } from './support/processes';
import { runAsCommand } from '../scripts/command';

const SERVER_URL = process.env.BENCH_DATABASE_URL ?? DEFAULT_SERVER_URL;
const USERS = Number(process.env.USERS ?? 100);
const REMINDERS = Number(process.env.REMINDERS ?? 10_000);
const DURATION_S = Number(process.env.BENCH_DURATION ?? 30);
const APP_PORT = 3312;
const DIST_DIR = '.next-bench';
// Long enough after seeding for the baseline round to end first.
const LEAD_S = DURATION_S + 8;
const GIVE_UP_MS = 180_000;

interface Browser {
  userId: string;
  ecdh: ECDH;
  auth: Buffer;
}

interface Push {
  path: string;
  body: Buffer;
  at: number;
}

function pushService(): Promise<{ server: http.Server; origin: string; pushes: Push[] }> {
  const pushes: Push[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      pushes.push({ path: request.url!, body: Buffer.concat(chunks), at: Date.now() });
      response.writeHead(201).end();
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, pushes })));
}

const perSecond = (round: Round) => `${round.perSecond.toFixed(0)} req/s (p50 ${round.p50.toFixed(1)} ms, p99 ${round.p99.toFixed(1)} ms, ${round.failures} failed, server CPU ${round.cpuMsPerRequest.toFixed(2)} ms per request)`;

async function main(): Promise<number> {
  console.log(`  ${await buildApp(DIST_DIR, { force: process.env.BENCH_REBUILD === '1' })}`);
  const database = await createScratchDatabase(SERVER_URL, 'todo_bench_reminders');
  const service = await pushService();
  const vapid = webpush.generateVAPIDKeys();
  let app: AppServer | undefined;
  try {
    app = await startApp({
      distDir: DIST_DIR,
      port: APP_PORT,
      workers: 1,
      env: {
        DATABASE_URL: database.url,
        AUTH_SECRET: randomBytes(32).toString('base64url'),
        SIGNUP_LIMIT_PER_HOUR: '0',
        VAPID_PUBLIC_KEY: vapid.publicKey,
        VAPID_PRIVATE_KEY: vapid.privateKey,
        VAPID_SUBJECT: 'mailto:bench@example.com',
        PUSH_ALLOW_PRIVATE_ENDPOINTS: '1',
      },
    });
    const pid = app.process.pid!;

    // USERS accounts, each with a browser subscribed, and REMINDERS tasks shared out among them,
    // each with its user's reminder at the same instant.
    const browsers: Browser[] = [];
    for (let i = 0; i < USERS; i++) {
      const { rows } = await adminQuery<{ id: string }>(database.url, `insert into users (email, password_hash) values ($1, 'x') returning id`, [`bench-${i}@example.com`]);
      const ecdh = createECDH('prime256v1');
      ecdh.generateKeys();
      browsers.push({ userId: rows[0]!.id, ecdh, auth: randomBytes(16) });
    }
    for (const browser of browsers) {
      const session = await adminQuery<{ id: string }>(database.url, `insert into sessions (user_id, kind, expires_at) values ($1, 'browser', now() + interval '1 day') returning id`, [browser.userId]);
      await adminQuery(database.url, `insert into push_subscriptions (user_id, session_id, endpoint, p256dh, auth) values ($1, $2, $3, $4, $5)`, [
        browser.userId,
        session.rows[0]!.id,
        `${service.origin}/${browser.userId}`,
        browser.ecdh.getPublicKey().toString('base64url'),
        browser.auth.toString('base64url'),
      ]);
    }
    const due = new Date(Math.ceil((Date.now() + LEAD_S * 1000) / 1000) * 1000);
    await adminQuery(
      database.url,
      `with made as (
         insert into tasks (user_id, title)
         select (array_agg(id order by id))[1 + (i % $1)], 'Reminder ' || i from users, generate_series(0, $2 - 1) as i group by i
         returning id, user_id)
       insert into reminders (task_id, user_id, at, fire_at) select id, user_id, $3, $3 from made`,
      [USERS, REMINDERS, due.toISOString()],
    );
    await adminQuery(database.url, 'vacuum analyze');
    console.log(`${REMINDERS.toLocaleString('en')} reminders of ${USERS} users due at ${due.toISOString()}`);

    const baseline = await loadCreates({ signupUrl: app.url, seconds: DURATION_S, pid });
    const wait = due.getTime() - Date.now() - 1_000;
    if (wait > 0) await sleep(wait);
    const during = await loadCreates({ signupUrl: app.url, seconds: DURATION_S, pid });
    const deadline = Date.now() + GIVE_UP_MS;
    while (service.pushes.length < REMINDERS && Date.now() < deadline) await sleep(200);

    const { rows: written } = await adminQuery<{ n: string; last: Date; repeated: string }>(
      database.url,
      `select count(*) as n, max(created_at) as last,
         (select count(*) from (select task_id from notifications group by task_id having count(*) > 1) as r) as repeated
       from notifications`,
    );
    const byPath = new Map(browsers.map((b) => [`/${b.userId}`, b]));
    const seen = new Map<string, number>();
    for (const push of service.pushes) {
      const browser = byPath.get(push.path)!;
      const plain = ece.decrypt(push.body, { version: 'aes128gcm', privateKey: browser.ecdh, authSecret: browser.auth.toString('base64url') });
      const { id } = JSON.parse(plain.toString('utf8')) as { id: string };
      seen.set(id, (seen.get(id) ?? 0) + 1);
    }
    const duplicates = service.pushes.length - seen.size;
    const lastPush = Math.max(...service.pushes.map((p) => p.at));
    const firstPush = Math.min(...service.pushes.map((p) => p.at));
    console.log('');
    console.log(`notifications written: ${Number(written[0]!.n).toLocaleString('en')}, the last ${((written[0]!.last.getTime() - due.getTime()) / 1000).toFixed(1)} s after their time; reminders notified twice: ${written[0]!.repeated}`);
    console.log(`pushes received: ${service.pushes.length.toLocaleString('en')} (${seen.size.toLocaleString('en')} distinct), the first ${((firstPush - due.getTime()) / 1000).toFixed(1)} s and the last ${((lastPush - due.getTime()) / 1000).toFixed(1)} s after their time (${((lastPush - firstPush) / 1000).toFixed(1)} s for all); duplicates: ${duplicates}`);
    console.log(`creates with nothing due:   ${perSecond(baseline)}`);
    console.log(`creates across the firing:  ${perSecond(during)} (${(during.perSecond / baseline.perSecond).toFixed(2)} of the above)`);
    const complaints = serverComplaints(app);
    if (complaints.length > 0) console.log(`server complained:\n${complaints.slice(0, 10).join('\n')}`);
    return duplicates === 0 && Number(written[0]!.repeated) === 0 && seen.size === REMINDERS ? 0 : 1;
  } finally {
    await app?.stop();
    service.server.close();
    await database.drop();
  }
}

runAsCommand(main);
