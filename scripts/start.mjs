// `npm start`: the production server, one `next start` per core on one port (Node's cluster
// module shares the listening socket among them). A Next server runs on one thread, and its own
// request pipeline costs more CPU than our handlers (README, Performance): one process would
// leave every other core idle.
//   WEB_CONCURRENCY=n   processes (default: the cores this process may use)
//   npm start -- -p 8080 -H 0.0.0.0   arguments go to each `next start`
// Each worker is a plain `next start`, with its own database pool (DB_POOL_MAX connections) and
// its own graceful shutdown (lib/server/shutdown.ts). SIGTERM or SIGINT here is passed on to every
// worker; this process exits when they all have.
import cluster from 'node:cluster';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import nextEnv from '@next/env';

// The .env files as `next start` reads them, to know the database before the workers do.
nextEnv.loadEnvConfig(process.cwd());

function processCount() {
  const requested = process.env.WEB_CONCURRENCY;
  const count = requested ? Number(requested) : availableParallelism();
  if (!Number.isInteger(count) || count < 1) {
    console.error(`WEB_CONCURRENCY must be a whole number of at least 1 (got "${requested}")`);
    process.exit(1);
  }
  // The embedded database lives in one process: two would write the same folder unlocked.
  const pglite = process.env.DATABASE_DRIVER === 'pglite' || (!process.env.DATABASE_DRIVER && !process.env.DATABASE_URL?.trim());
  if (pglite && count > 1) {
    if (requested) console.warn(`[start] the embedded database (no DATABASE_URL) serves one process, not ${count}`);
    return 1;
  }
  return count;
}

const workers = processCount();
cluster.setupPrimary({
  exec: createRequire(import.meta.url).resolve('next/dist/bin/next'),
  args: ['start', ...process.argv.slice(2)],
  // The client's address comes from the socket, not from a header the client wrote: this preload
  // patches http.createServer in each worker (scripts/client-address.mjs).
  execArgv: [...process.execArgv, '--import', fileURLToPath(new URL('./client-address.mjs', import.meta.url))],
});

// Until the first workers have run this long, a worker that dies is failing to start (a bad
// environment, the port taken; lib/server/start.ts checks the environment once Next listens),
// and so would any other: stop them all. After that, a death is a crash: start another.
const STARTUP_MS = 10_000;
const RESTART_DELAY_MS = 1_000;
const live = new Set();
let startedUp = false;
let stopping = false;
let exitCode = 0;

function fork() {
  live.add(cluster.fork());
}

function stopAll(signal) {
  stopping = true;
  for (const worker of live) worker.process.kill(signal);
}

// A worker answers SIGTERM or SIGINT as `next start` does, with 143 or 130: not a failure.
const SIGNAL_EXIT_CODES = new Set([130, 143]);

cluster.on('exit', (worker, code, signal) => {
  live.delete(worker);
  if (!stopping && startedUp) {
    console.error(`[start] worker ${worker.process.pid} exited (${signal ?? code}); starting another`);
    setTimeout(() => {
      if (!stopping) fork();
    }, RESTART_DELAY_MS);
    return;
  }
  if (!stopping) {
    exitCode ||= code || 1;
    stopAll('SIGTERM');
  } else if (code && !SIGNAL_EXIT_CODES.has(code)) {
    exitCode ||= code;
  }
  if (live.size === 0) process.exit(exitCode);
});

for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => {
    if (!stopping) stopAll(signal);
  });
}

// Which Node runs matters (engines says 24.x; README, Node): say it before Next's own banner.
console.log(`[start] Node ${process.version}, ${workers} ${workers === 1 ? 'process' : 'processes'} (${process.execPath})`);
for (let i = 0; i < workers; i++) fork();
setTimeout(() => (startedUp = true), STARTUP_MS).unref();
