// npm run loadtest: the seed's bar (T088–T093) against a running app at BASE_URL.
// 50 concurrent creates, then 50 concurrent users' worth of mixed traffic, with /api/health
// sampled every ~100 ms for the pool figures. Exits 1 if any request fails or any
// operation's p95 reaches 200 ms.
import { createAccount, loopbackBaseUrl, type Account } from './support/api';
import { markdownTable, ms, percentile } from './support/stats';

const BASE_URL = loopbackBaseUrl(process.env.BASE_URL ?? 'http://localhost:3000');
const CONCURRENCY = 50;
const ROUNDS = Number(process.env.LOADTEST_ROUNDS ?? 5);
const P95_LIMIT_MS = 200;
const REQUEST_TIMEOUT_MS = 10_000;

interface Sample {
  operation: string;
  status: number;
  ms: number;
  ok: boolean;
}

interface PoolFigures {
  total: number;
  idle: number;
  waiting: number;
}

const samples: Sample[] = [];

/** One timed request; status 0 means no HTTP answer (network error or timeout). */
async function call(operation: string, expected: number, method: string, path: string, init: { account?: Account; body?: unknown } = {}) {
  const headers: Record<string, string> = { ...init.account?.headers };
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const started = performance.now();
  let status = 0;
  let data: unknown;
  try {
    const response = await fetch(`${BASE_URL}${path}`, {
      method,
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const text = await response.text();
    status = response.status;
    data = text && response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : undefined;
  } catch {
    status = 0;
  }
  samples.push({ operation, status, ms: performance.now() - started, ok: status === expected });
  return { status, data };
}

function tasksPath(account: Account, suffix = ''): string {
  return `/api/${account.userId}/tasks${suffix}`;
}

async function createTask(account: Account, operation: string, n: number): Promise<string | undefined> {
  const { status, data } = await call(operation, 201, 'POST', tasksPath(account), {
    account,
    body: { title: `load test task ${n}`, description: 'made by npm run loadtest' },
  });
  return status === 201 ? (data as { id: string }).id : undefined;
}

/** One simulated user: reads and edits its own task, and creates and deletes another. */
async function mixedUser(account: Account, own: string | undefined, worker: number): Promise<void> {
  for (let round = 0; round < ROUNDS; round++) {
    await call('list', 200, 'GET', tasksPath(account, '?limit=20'), { account });
    if (own) {
      await call('get', 200, 'GET', tasksPath(account, `/${own}`), { account });
      await call('update (PUT)', 200, 'PUT', tasksPath(account, `/${own}`), { account, body: { title: `renamed ${worker}.${round}` } });
      await call('update (PATCH)', 200, 'PATCH', tasksPath(account, `/${own}`), { account, body: { description: `round ${round}` } });
      await call('toggle', 200, 'PATCH', tasksPath(account, `/${own}/complete`), { account });
    }
    const extra = await createTask(account, 'create (mixed)', worker * 1000 + round);
    if (extra) await call('delete', 204, 'DELETE', tasksPath(account, `/${extra}`), { account });
  }
}

/** Reads /api/health every ~100 ms until `stop` resolves. */
async function samplePool(stop: Promise<void>): Promise<PoolFigures[]> {
  const figures: PoolFigures[] = [];
  let done = false;
  void stop.then(() => (done = true));
  while (!done) {
    const { data } = await call('health', 200, 'GET', '/api/health');
    const pool = (data as { pool?: PoolFigures } | undefined)?.pool;
    if (pool) figures.push(pool);
    await Promise.race([stop, new Promise((resolve) => setTimeout(resolve, 100))]);
  }
  return figures;
}

function report(elapsedMs: number, pool: PoolFigures[]): boolean {
  const operations = [...new Set(samples.map((s) => s.operation))];
  let passed = true;
  const rows = operations.map((operation) => {
    const mine = samples.filter((s) => s.operation === operation);
    const latencies = mine.map((s) => s.ms);
    const errors = new Map<number, number>();
    for (const s of mine) if (!s.ok) errors.set(s.status, (errors.get(s.status) ?? 0) + 1);
    const p95 = percentile(latencies, 95);
    const slow = p95 >= P95_LIMIT_MS;
    if (errors.size > 0 || slow) passed = false;
    const errorText = errors.size ? [...errors].map(([status, n]) => `${status || 'no answer'}×${n}`).join(', ') : '0';
    return [operation, String(mine.length), errorText, ms(percentile(latencies, 50)), `${ms(p95)}${slow ? ' ✗' : ''}`, ms(percentile(latencies, 99)), ms(Math.max(...latencies))];
  });
  console.log(markdownTable(['operation', 'requests', 'errors', 'p50', 'p95', 'p99', 'max'], rows));
  const perSecond = (samples.length / elapsedMs) * 1000;
  console.log(`\n${samples.length} requests in ${(elapsedMs / 1000).toFixed(1)} s (${Math.round(perSecond)} req/s) against ${BASE_URL}`);
  if (pool.length) {
    const range = (key: keyof PoolFigures) => `${Math.min(...pool.map((p) => p[key]))}–${Math.max(...pool.map((p) => p[key]))}`;
    console.log(`pool (${pool.length} samples of /api/health): total ${range('total')}, idle ${range('idle')}, waiting ${range('waiting')}`);
  } else {
    console.log('pool: /api/health reported no pool figures (PGlite has none)');
  }
  console.log(passed ? `PASS: no failed request, every p95 < ${P95_LIMIT_MS} ms` : `FAIL: a request failed or a p95 reached ${P95_LIMIT_MS} ms`);
  return passed;
}

async function main(): Promise<number> {
  const account = await createAccount(BASE_URL, 'loadtest');
  console.log(`user ${account.email}: ${CONCURRENCY} concurrent creates, then ${CONCURRENCY} users × ${ROUNDS} rounds of mixed traffic\n`);
  let finish!: () => void;
  const stop = new Promise<void>((resolve) => (finish = resolve));
  const sampling = samplePool(stop);
  const started = performance.now();
  try {
    const own = await Promise.all(Array.from({ length: CONCURRENCY }, (_, i) => createTask(account, 'create (50 at once)', i)));
    await Promise.all(own.map((id, worker) => mixedUser(account, id, worker)));
  } finally {
    finish();
  }
  const elapsed = performance.now() - started;
  return report(elapsed, await sampling) ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  },
);
