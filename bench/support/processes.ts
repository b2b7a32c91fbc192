import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

// The checkout the bench runs from; `cwd` options point at another one (bench/compare.ts).
const ROOT = process.cwd();
const nextBin = (cwd: string) => path.join(cwd, 'node_modules', 'next', 'dist', 'bin', 'next');

// What a production build is made from; a build newer than all of it can be reused.
const BUILD_INPUTS = ['app', 'lib', 'public', 'instrumentation.ts', 'proxy.ts', 'middleware.ts', 'next.config.ts', 'package-lock.json', 'tsconfig.json'];

function newestMtime(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(entry).map((name) => newestMtime(path.join(entry, name))));
}

/** True when `distDir` holds a production build newer than every file it was built from. */
export function buildIsFresh(distDir: string, cwd = ROOT): boolean {
  const buildId = path.join(cwd, distDir, 'BUILD_ID');
  if (!existsSync(buildId)) return false;
  return statSync(buildId).mtimeMs > Math.max(...BUILD_INPUTS.map((e) => newestMtime(path.join(cwd, e))));
}

/** A child process whose output is kept (the last 256 KiB) for assertions and post-mortems. */
export interface Child {
  process: ChildProcess;
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Sends `signal` and waits for the exit; SIGKILL after `timeoutMs`. */
  stop(signal?: NodeJS.Signals, timeoutMs?: number): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const running = new Set<ChildProcess>();
// A script that dies (an exception, Ctrl-C) must not leave servers behind on the shared machine.
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

export function startChild(
  command: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; label: string; echo?: boolean; cwd?: string },
): Child {
  const child = spawn(command, args, { cwd: options.cwd ?? ROOT, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  let output = '';
  const keep = (chunk: Buffer) => {
    const text = chunk.toString();
    output = (output + text).slice(-256 * 1024);
    if (options.echo) for (const line of text.split('\n').filter(Boolean)) console.log(`  [${options.label}] ${line}`);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => {
      running.delete(child);
      resolve({ code, signal });
    });
  });
  return {
    process: child,
    output: () => output,
    exited,
    async stop(signal = 'SIGTERM', timeoutMs = 15_000) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      try {
        return await exited;
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

/**
 * `next build` into `distDir`, unless a fresh build is there already. The build type-checks
 * with bench/tsconfig.next.json and puts next-env.d.ts back as it was, so that the shared
 * tsconfig.json and the dev server's route types are left alone.
 *   cwd: the checkout to build (its own node_modules), this one by default.
 *   skipTypecheck: for an older checkout whose types no longer check; `next build
 *     --experimental-build-mode=compile` then `=generate`, Next's two halves of a build without
 *     the type check, so that nothing in that checkout is edited.
 */
export async function buildApp(
  distDir: string,
  options: { force?: boolean; cwd?: string; skipTypecheck?: boolean; echo?: boolean } = {},
): Promise<'built' | 'reused'> {
  const cwd = options.cwd ?? ROOT;
  if (!options.force && buildIsFresh(distDir, cwd)) return 'reused';
  rmSync(path.join(cwd, distDir), { recursive: true, force: true });
  // A checkout from before bench/tsconfig.next.json type-checks with its tsconfig.json.
  const tsconfig = existsSync(path.join(cwd, 'bench', 'tsconfig.next.json')) ? { NEXT_TSCONFIG_PATH: 'bench/tsconfig.next.json' } : {};
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production', NEXT_DIST_DIR: distDir, ...tsconfig, NEXT_TELEMETRY_DISABLED: '1' };
  const steps = options.skipTypecheck ? [['--experimental-build-mode=compile'], ['--experimental-build-mode=generate']] : [[]];
  await keepingNextEnv(cwd, async () => {
    for (const step of steps) {
      const build = startChild(process.execPath, [nextBin(cwd), 'build', ...step], { label: 'build', env, cwd, echo: options.echo });
      const { code } = await build.exited;
      if (code !== 0) throw new Error(`next build ${step.join(' ')} in ${cwd} failed (exit ${code}):\n${build.output().slice(-4000)}`);
    }
  });
  return 'built';
}

/**
 * Runs `work` (a `next build` or `next dev` into another distDir), then puts next-env.d.ts back
 * as it was: Next points it at that folder's route types, which the shared tsconfig.json and the
 * developer's own dev server do not use.
 */
export async function keepingNextEnv<T>(cwd: string, work: () => Promise<T>): Promise<T> {
  const nextEnvFile = path.join(cwd, 'next-env.d.ts');
  const nextEnv = existsSync(nextEnvFile) ? readFileSync(nextEnvFile, 'utf8') : undefined;
  try {
    return await work();
  } finally {
    if (nextEnv === undefined) rmSync(nextEnvFile, { force: true });
    else if (readFileSync(nextEnvFile, 'utf8') !== nextEnv) writeFileSync(nextEnvFile, nextEnv);
  }
}

export async function sleep(ms: number): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls `url` until it answers with any HTTP status; fails if `child` exits first. */
export async function waitForHttp(url: string, child: Child, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  void child.exited.then(() => (exited = true));
  while (Date.now() < deadline) {
    if (exited) throw new Error(`server exited before answering:\n${child.output().slice(-4000)}`);
    try {
      await fetch(url, { signal: AbortSignal.timeout(2_000) });
      return;
    } catch {
      await sleep(100);
    }
  }
  throw new Error(`no answer from ${url} within ${timeoutMs} ms:\n${child.output().slice(-4000)}`);
}

export interface AppServer extends Child {
  url: string;
}

/** `next start` on 127.0.0.1:`port` from the build in `distDir`, ready to serve. */
export async function startApp(options: {
  distDir: string;
  port: number;
  env: Record<string, string>;
  echo?: boolean;
  nodeArgs?: string[];
  /** Run `npm start`'s cluster of this many `next start` processes instead of one `next start`. */
  workers?: number;
  /** The checkout to run (its build in `distDir`, its node_modules), this one by default. */
  cwd?: string;
}): Promise<AppServer> {
  const cwd = options.cwd ?? ROOT;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: '1',
    NEXT_DIST_DIR: options.distDir,
    AUTH_TRUST_HOST: 'true',
    ...options.env,
    ...(options.workers && { WEB_CONCURRENCY: String(options.workers) }),
    NODE_ENV: 'production',
  };
  const entry = options.workers ? path.join(cwd, 'scripts', 'start.mjs') : nextBin(cwd);
  const args = [...(options.workers ? [] : ['start']), '-p', String(options.port), '-H', '127.0.0.1'];
  const child = startChild(process.execPath, [...(options.nodeArgs ?? []), entry, ...args], {
    env,
    label: `app:${options.port}`,
    echo: options.echo,
    cwd,
  });
  const url = `http://127.0.0.1:${options.port}`;
  await waitForHttp(`${url}/api/health`, child);
  return { ...child, url };
}

/** The lines of a server's output that mention an error, a warning or a failure. */
export function serverComplaints(app: AppServer): string[] {
  return app
    .output()
    .split('\n')
    .filter((line) => /error|warn|exception|fail/i.test(line));
}
