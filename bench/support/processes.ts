import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = process.cwd();
const NEXT_BIN = path.join(ROOT, 'node_modules', 'next', 'dist', 'bin', 'next');

// What a production build is made from; a build newer than all of it can be reused.
const BUILD_INPUTS = ['app', 'lib', 'public', 'instrumentation.ts', 'proxy.ts', 'middleware.ts', 'next.config.ts', 'package-lock.json', 'tsconfig.json'];

function newestMtime(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(entry).map((name) => newestMtime(path.join(entry, name))));
}

/** True when `distDir` holds a production build newer than every file it was built from. */
export function buildIsFresh(distDir: string): boolean {
  const buildId = path.join(ROOT, distDir, 'BUILD_ID');
  if (!existsSync(buildId)) return false;
  return statSync(buildId).mtimeMs > Math.max(...BUILD_INPUTS.map((e) => newestMtime(path.join(ROOT, e))));
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

export function startChild(command: string, args: string[], options: { env?: NodeJS.ProcessEnv; label: string; echo?: boolean }): Child {
  const child = spawn(command, args, { cwd: ROOT, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
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
 */
export async function buildApp(distDir: string, options: { force?: boolean } = {}): Promise<'built' | 'reused'> {
  if (!options.force && buildIsFresh(distDir)) return 'reused';
  const nextEnvFile = path.join(ROOT, 'next-env.d.ts');
  const nextEnv = existsSync(nextEnvFile) ? readFileSync(nextEnvFile, 'utf8') : undefined;
  rmSync(path.join(ROOT, distDir), { recursive: true, force: true });
  const build = startChild(process.execPath, [NEXT_BIN, 'build'], {
    label: 'build',
    env: { ...process.env, NODE_ENV: 'production', NEXT_DIST_DIR: distDir, NEXT_TSCONFIG_PATH: 'bench/tsconfig.next.json', NEXT_TELEMETRY_DISABLED: '1' },
  });
  const { code } = await build.exited;
  if (nextEnv === undefined) rmSync(nextEnvFile, { force: true });
  else if (readFileSync(nextEnvFile, 'utf8') !== nextEnv) writeFileSync(nextEnvFile, nextEnv);
  if (code !== 0) throw new Error(`next build failed (exit ${code}):\n${build.output().slice(-4000)}`);
  return 'built';
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
}): Promise<AppServer> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: '1',
    NEXT_DIST_DIR: options.distDir,
    AUTH_TRUST_HOST: 'true',
    ...options.env,
    ...(options.workers && { WEB_CONCURRENCY: String(options.workers) }),
    NODE_ENV: 'production',
  };
  const entry = options.workers ? path.join(ROOT, 'scripts', 'start.mjs') : NEXT_BIN;
  const args = [...(options.workers ? [] : ['start']), '-p', String(options.port), '-H', '127.0.0.1'];
  const child = startChild(process.execPath, [...(options.nodeArgs ?? []), entry, ...args], {
    env,
    label: `app:${options.port}`,
    echo: options.echo,
  });
  const url = `http://127.0.0.1:${options.port}`;
  await waitForHttp(`${url}/api/health`, child);
  return { ...child, url };
}
