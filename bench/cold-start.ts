// npm run bench:cold-start: how long a newcomer's `npm run dev` takes to
// answer its first request on the embedded database. Each run starts `next dev` on
// 127.0.0.1:3301 with no DATABASE_URL (PGlite), sends GET /api/health as soon as Next prints
// "Ready", and stops the server with SIGINT, as Ctrl-C would. Two cases:
//   - an existing data folder (migrated by an earlier run): what a developer sees every morning;
//   - a new folder (PGlite's initdb, then every migration): the very first `npm run dev`.
// The dev server builds into .next-cold (NEXT_DIST_DIR), away from a developer's own .next. A
// first start, on an empty one, fills Turbopack's file-system cache there, as any earlier
// `npm run dev` would have; it is reported on its own line and not counted in the others.
//   BENCH_COLD_RUNS=5
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { keepingNextEnv, sleep, startChild } from './support/processes';
import { markdownTable, median, ms } from './support/stats';
import { runAsCommand } from '../scripts/command';

const RUNS = Number(process.env.BENCH_COLD_RUNS ?? 5);
const PORT = 3301;
const DIST_DIR = '.next-cold';
const NEXT_BIN = path.join('node_modules', 'next', 'dist', 'bin', 'next');

interface Start {
  /** From spawning `next dev` to its "Ready" line. */
  ready: number;
  /** From "Ready" (when the request is sent) to the answer. */
  answer: number;
}

/** Bytes under `dir`, 0 when it does not exist. */
function directoryBytes(dir: string): number {
  if (!existsSync(dir)) return 0;
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    // A file may go between the listing and its stat: Turbopack compacts as it writes.
    .reduce((sum, entry) => sum + (statSync(path.join(entry.parentPath, entry.name), { throwIfNoEntry: false })?.size ?? 0), 0);
}

/**
 * Turbopack writes its cache once it has been idle a while (by default only after the session
 * has lasted some time), not at exit, and a stop in the middle of writing throws it away. A first
 * start therefore waits until the cache is there and has stopped growing, as a developer's
 * session would have left it; otherwise every later start would compile from scratch.
 */
async function cacheWritten(): Promise<void> {
  const cache = path.join(DIST_DIR, 'dev', 'cache');
  const deadline = Date.now() + 180_000;
  let size = directoryBytes(cache);
  let stableSince = Date.now();
  while (size < 1024 * 1024 || Date.now() - stableSince < 3_000) {
    if (Date.now() > deadline) throw new Error(`Turbopack wrote no cache into ${cache} within 180 s`);
    await sleep(250);
    const now = directoryBytes(cache);
    if (now !== size) [size, stableSince] = [now, Date.now()];
  }
}

async function start(dataDir: string, options: { fillCache?: boolean } = {}): Promise<Start> {
  // The embedded database, as a newcomer has it.
  const { DATABASE_URL: _url, ...inherited } = process.env;
  const env: NodeJS.ProcessEnv = {
    ...inherited,
    NODE_ENV: 'development',
    PGLITE_DATA_DIR: dataDir,
    NEXT_DIST_DIR: DIST_DIR,
    // Otherwise `next dev` adds .next-cold's types to the shared tsconfig.json.
    NEXT_TSCONFIG_PATH: 'bench/tsconfig.next.json',
    NEXT_TELEMETRY_DISABLED: '1',
    // Turbopack's own knobs: write the cache after 1 s idle, however short the session so far.
    ...(options.fillCache && { TURBO_ENGINE_SNAPSHOT_IDLE_TIMEOUT_MILLIS: '1000', TURBO_ENGINE_SNAPSHOT_MIN_ACTIVE_TIME_MILLIS: '0' }),
  };
  const spawned = performance.now();
  const dev = startChild(process.execPath, [NEXT_BIN, 'dev', '-p', String(PORT), '-H', '127.0.0.1'], { env, label: 'dev' });
  try {
    while (!/Ready in/.test(dev.output())) {
      if (dev.process.exitCode !== null) throw new Error(`next dev exited before it was ready:\n${dev.output()}`);
      await sleep(5);
    }
    const ready = performance.now();
    const response = await fetch(`http://127.0.0.1:${PORT}/api/health`);
    const body = await response.text();
    const answered = performance.now();
    if (response.status !== 200) throw new Error(`GET /api/health answered ${response.status}: ${body}\n${dev.output()}`);
    if (options.fillCache) await cacheWritten();
    return { ready: ready - spawned, answer: answered - ready };
  } finally {
    await dev.stop('SIGINT');
  }
}

function row(name: string, starts: Start[]): string[] {
  return [name, String(starts.length), ms(median(starts.map((s) => s.ready))), ms(median(starts.map((s) => s.answer))), ms(Math.max(...starts.map((s) => s.answer))), ms(median(starts.map((s) => s.ready + s.answer)))];
}

async function main(): Promise<number> {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'todo-cold-'));
  rmSync(DIST_DIR, { recursive: true, force: true });
  try {
    const existing = path.join(scratch, 'existing');
    const first = await start(existing, { fillCache: true });
    const runs = { existing: [] as Start[], fresh: [] as Start[] };
    // Alternating, so that whatever else the machine does falls on both alike.
    for (let i = 0; i < RUNS; i++) {
      runs.existing.push(await start(existing));
      runs.fresh.push(await start(path.join(scratch, `new-${i}`)));
    }
    console.log(`\n${os.availableParallelism()} cores, Node ${process.versions.node}; next dev (Turbopack) on PGlite.\n`);
    console.log(
      markdownTable(
        ['first GET /api/health after `next dev`', 'runs', 'spawn → Ready', 'Ready → answer (median)', 'max', 'spawn → answer'],
        [row('existing data folder', runs.existing), row('new data folder', runs.fresh), row('first start (new folder, Turbopack cache empty)', [first])],
      ),
    );
    return 0;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

runAsCommand(() => keepingNextEnv(process.cwd(), main));
