// npm run bench:webhooks: webhooks on one `npm start` process against the local PostgreSQL:
//   - CHANGES task creates (1,000) by one account with 3 webhooks (all events), delivered to a
//     receiver on 127.0.0.1 that verifies each signature (standardwebhooks): the lag from the
//     change (the event's timestamp, the database's clock) to its arrival, p50 and p95, and
//     none lost, none duplicated (per webhook and webhook-id);
//   - create throughput (POST /api/{user_id}/tasks at 50 connections, BENCH_DURATION seconds a
//     round, BENCH_ROUNDS rounds each): first with no webhook anywhere, then for an account with
//     3 webhooks, whose every create queues 3 deliveries the same process then sends.
// `next build` into .next-bench (reused while fresh). CHANGES=1000 BENCH_DURATION=10 BENCH_ROUNDS=3
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { createAccount, type Account } from './support/api';
import { load, type Round } from './support/load';
import { createScratchDatabase, DEFAULT_SERVER_URL } from './support/postgres';
import { buildApp, serverComplaints, sleep, startApp, type AppServer } from './support/processes';
import { median } from './support/stats';
import { runAsCommand } from '../scripts/command';

const SERVER_URL = process.env.BENCH_DATABASE_URL ?? DEFAULT_SERVER_URL;
const CHANGES = Number(process.env.CHANGES ?? 1_000);
const DURATION_S = Number(process.env.BENCH_DURATION ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const APP_PORT = 3313;
const DIST_DIR = '.next-bench';
const GIVE_UP_MS = 120_000;
const HOOKS = 3;

interface Arrival {
  path: string;
  id: string;
  lagMs: number;
}

function receiver(secrets: Map<string, string>): Promise<{ server: http.Server; origin: string; arrivals: Arrival[]; forged: number[] }> {
  const arrivals: Arrival[] = [];
  const forged: number[] = [];
  const server = http.createServer((request, response) => {
    let raw = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (raw += chunk));
    request.on('end', () => {
      const at = Date.now();
      const headers = Object.fromEntries(['webhook-id', 'webhook-timestamp', 'webhook-signature'].map((h) => [h, String(request.headers[h])]));
      try {
        const body = new Webhook(secrets.get(request.url!)!).verify(raw, headers) as { timestamp: string };
        arrivals.push({ path: request.url!, id: headers['webhook-id']!, lagMs: at - Date.parse(body.timestamp) });
        response.writeHead(204).end();
      } catch {
        forged.push(at);
        response.writeHead(401).end();
      }
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, arrivals, forged })));
}

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))]!;

async function addWebhooks(app: AppServer, account: Account, origin: string, secrets: Map<string, string>, label: string): Promise<void> {
  for (let i = 0; i < HOOKS; i++) {
    const path = `/${label}-${i}`;
    const response = await fetch(`${app.url}/api/${account.userId}/webhooks`, {
      method: 'POST',
      headers: { ...account.headers, 'content-type': 'application/json' },
      body: JSON.stringify({ url: `${origin}${path}`, events: ['*'] }),
    });
    if (response.status !== 201) throw new Error(`adding a webhook answered ${response.status}: ${await response.text()}`);
    secrets.set(path, ((await response.json()) as { secret: string }).secret);
  }
}

/** `CHANGES` creates, 10 at a time. */
async function changes(app: AppServer, account: Account): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: 10 }, async () => {
      while (next < CHANGES) {
        const i = next++;
        const response = await fetch(`${app.url}/api/${account.userId}/tasks`, {
          method: 'POST',
          headers: { ...account.headers, 'content-type': 'application/json' },
          body: JSON.stringify({ title: `Change ${i}` }),
        });
        if (response.status !== 201) throw new Error(`create answered ${response.status}`);
      }
    }),
  );
}

const describeRounds = (rounds: Round[]) =>
  `${median(rounds.map((r) => r.perSecond)).toFixed(0)} req/s median (${rounds.map((r) => r.perSecond.toFixed(0)).join(' / ')}), p50 ${median(rounds.map((r) => r.p50)).toFixed(1)} ms, server CPU ${median(rounds.map((r) => r.cpuMsPerRequest)).toFixed(2)} ms per request, ${rounds.reduce((n, r) => n + r.failures, 0)} failed`;

async function main(): Promise<number> {
  console.log(`  ${await buildApp(DIST_DIR, { force: process.env.BENCH_REBUILD === '1' })}`);
  const database = await createScratchDatabase(SERVER_URL, 'todo_bench_webhooks');
  const secrets = new Map<string, string>();
  const hooks = await receiver(secrets);
  let app: AppServer | undefined;
  try {
    app = await startApp({
      distDir: DIST_DIR,
      port: APP_PORT,
      workers: 1,
      env: { DATABASE_URL: database.url, AUTH_SECRET: randomBytes(32).toString('base64url'), SIGNUP_LIMIT_PER_HOUR: '0', WEBHOOK_ALLOW_PRIVATE_URLS: '1' },
    });
    const pid = app.process.pid!;

    // Throughput with no webhook anywhere (the triggers' one look finds none), then with 3.
    const without: Round[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const account = await createAccount(app.url, 'bench-plain');
      without.push(await load(`${app.url}/api/${account.userId}/tasks`, { method: 'POST', account, body: { title: 'Benchmark task' }, seconds: DURATION_S, pid }));
    }
    const withHooks: Round[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const account = await createAccount(app.url, 'bench-hooked');
      await addWebhooks(app, account, hooks.origin, secrets, `load-${i}`);
      withHooks.push(await load(`${app.url}/api/${account.userId}/tasks`, { method: 'POST', account, body: { title: 'Benchmark task' }, seconds: DURATION_S, pid }));
    }
    // The load's deliveries drain before the lag is measured.
    const loadDeliveries = withHooks.reduce((n, r) => n + Math.round(r.perSecond * DURATION_S), 0) * HOOKS;
    const drainDeadline = Date.now() + GIVE_UP_MS;
    while (hooks.arrivals.length < loadDeliveries * 0.99 && Date.now() < drainDeadline) await sleep(500);
    await sleep(3_000);
    const drained = hooks.arrivals.length;

    const account = await createAccount(app.url, 'bench-lag');
    await addWebhooks(app, account, hooks.origin, secrets, 'lag');
    const started = Date.now();
    await changes(app, account);
    const made = Date.now() - started;
    const deadline = Date.now() + GIVE_UP_MS;
    const lagArrivals = () => hooks.arrivals.slice(drained).filter((a) => a.path.startsWith('/lag-'));
    while (lagArrivals().length < CHANGES * HOOKS && Date.now() < deadline) await sleep(200);
    await sleep(2_000);
    const arrivals = lagArrivals();
    const distinct = new Set(arrivals.map((a) => `${a.path} ${a.id}`));
    const lags = arrivals.map((a) => a.lagMs);

    console.log('');
    console.log(`${CHANGES.toLocaleString('en')} creates with ${HOOKS} webhooks (made in ${(made / 1000).toFixed(1)} s): ${arrivals.length.toLocaleString('en')} deliveries received, ${distinct.size.toLocaleString('en')} distinct`);
    console.log(`  lag from change to arrival: p50 ${percentile(lags, 50)} ms, p95 ${percentile(lags, 95)} ms, max ${Math.max(...lags)} ms`);
    console.log(`  lost: ${CHANGES * HOOKS - distinct.size}, duplicated: ${arrivals.length - distinct.size}, bad signatures: ${hooks.forged.length}`);
    console.log(`creates, no webhooks:           ${describeRounds(without)}`);
    console.log(`creates, 3 webhooks each:       ${describeRounds(withHooks)} (${(median(withHooks.map((r) => r.perSecond)) / median(without.map((r) => r.perSecond))).toFixed(2)} of the above)`);
    const complaints = serverComplaints(app);
    if (complaints.length > 0) console.log(`server complained:\n${complaints.slice(0, 10).join('\n')}`);
    return distinct.size === CHANGES * HOOKS && arrivals.length === distinct.size && hooks.forged.length === 0 ? 0 : 1;
  } finally {
    await app?.stop();
    hooks.server.close();
    await database.drop();
  }
}

runAsCommand(main);
