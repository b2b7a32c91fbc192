import { existsSync, readdirSync, readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { createAccount, type Account } from './api';
import { median, ms } from './stats';

// What bench.ts, streams.ts and compare.ts measure a workload with: autocannon against one URL,
// and the server's CPU time over the same run, from /proc.

export const CONNECTIONS = 50;

export interface Round {
  perSecond: number;
  p50: number;
  p99: number;
  failures: number;
  /** CPU time the server process spent per request: unlike req/s, other load on the machine barely moves it. */
  cpuMsPerRequest: number;
}

/** The ids of a process's children, from every thread's list (Linux /proc; none elsewhere). */
function childrenOf(pid: number): number[] {
  const tasks = `/proc/${pid}/task`;
  if (!existsSync(tasks)) return [];
  const ids = new Set<number>();
  for (const task of readdirSync(tasks)) {
    try {
      for (const child of readFileSync(`${tasks}/${task}/children`, 'utf8').split(' ').filter(Boolean)) ids.add(Number(child));
    } catch {
      // the thread ended meanwhile
    }
  }
  return [...ids];
}

/** User + system CPU seconds so far of a process and its children (Linux /proc; NaN elsewhere). */
export function cpuSeconds(pid: number): number {
  const file = `/proc/${pid}/stat`;
  if (!existsSync(file)) return Number.NaN;
  const fields = readFileSync(file, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100 + childrenOf(pid).reduce((sum, child) => sum + cpuSeconds(child), 0);
}

/** Resident memory in bytes of a process and its children (VmRSS; Linux /proc, NaN elsewhere). */
export function rssBytes(pid: number): number {
  const file = `/proc/${pid}/status`;
  if (!existsSync(file)) return Number.NaN;
  const kb = Number(/^VmRSS:\s+(\d+) kB/m.exec(readFileSync(file, 'utf8'))?.[1] ?? 0);
  return kb * 1024 + childrenOf(pid).reduce((sum, child) => sum + rssBytes(child), 0);
}

export async function load(
  url: string,
  options: { method?: 'GET' | 'POST'; account: Account; body?: unknown; seconds: number; pid: number; connections?: number },
): Promise<Round> {
  const cpuBefore = cpuSeconds(options.pid);
  const result = await autocannon({
    url,
    connections: options.connections ?? CONNECTIONS,
    duration: options.seconds,
    method: options.method ?? 'GET',
    headers: { ...options.account.headers, ...(options.body !== undefined && { 'content-type': 'application/json' }) },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  return {
    perSecond: result.requests.total / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    failures: result.non2xx + result.errors,
    cpuMsPerRequest: ((cpuSeconds(options.pid) - cpuBefore) * 1000) / result.requests.total,
  };
}

/**
 * Creates (`POST /api/{user_id}/tasks` at 50 connections) for `seconds` against `serverUrl`
 * (`signupUrl`'s app by default), from a new account signed up on `signupUrl`: at ~1,000
 * creates a second one account would pass the contract's 50,000 tasks within a minute, and
 * every create after that answers 422. The app must allow the harness's signups
 * (`SIGNUP_LIMIT_PER_HOUR=0`).
 */
export async function loadCreates(options: { signupUrl: string; serverUrl?: string; seconds: number; pid: number }): Promise<Round> {
  const account = await createAccount(options.signupUrl, 'bench-create');
  return load(`${options.serverUrl ?? options.signupUrl}/api/${account.userId}/tasks`, {
    method: 'POST',
    account,
    body: { title: 'Benchmark task', description: null },
    seconds: options.seconds,
    pid: options.pid,
  });
}

export const ROUND_HEADER = ['req/s', 'p50', 'p99', 'server CPU per request', 'req/s per round', 'failed'] as const;

/** A table row: the rounds' medians, each round's req/s, and every failure. */
export function roundCells(rounds: readonly Round[]): string[] {
  const failures = rounds.reduce((n, r) => n + r.failures, 0);
  return [
    Math.round(median(rounds.map((r) => r.perSecond))).toLocaleString('en-US'),
    ms(median(rounds.map((r) => r.p50))),
    ms(median(rounds.map((r) => r.p99))),
    `${median(rounds.map((r) => r.cpuMsPerRequest)).toFixed(2)} ms`,
    rounds.map((r) => Math.round(r.perSecond)).join(' / '),
    String(failures),
  ];
}

export const medianPerSecond = (rounds: readonly Round[]) => median(rounds.map((r) => r.perSecond));
