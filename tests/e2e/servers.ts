import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { randomUUID } from 'node:crypto';
import pg from 'pg';

// Servers of a test's own, for the cases that need to control them (stop, restart, several
// processes on one database): the production build Playwright made (.next-e2e), started the way
// `npm start` starts it.

export const SERVER_SECRET = 'e2e-only-secret-0123456789abcdefghijklmnopqrstuvwxyz';

export interface Server {
  readonly url: string;
  /** What the server printed, for a test's assertions and for failure messages. */
  output(): string;
  /** SIGTERM, and how the process ended. */
  stop(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

async function healthy(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}:\n${log()}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no healthy server at ${url} within 60 s:\n${log()}`);
}

/** `npm start` (one process) on `port`, with the given database settings. */
export async function startServer(port: number, env: Record<string, string>): Promise<Server> {
  const child = spawn(process.execPath, ['scripts/start.mjs', '-p', String(port), '-H', '127.0.0.1'], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      NEXT_DIST_DIR: '.next-e2e',
      NEXT_TSCONFIG_PATH: 'bench/tsconfig.next.json',
      AUTH_SECRET: SERVER_SECRET,
      AUTH_TRUST_HOST: 'true',
      WEB_CONCURRENCY: '1',
      SIGNUP_LIMIT_PER_HOUR: '0',
      FAILED_SIGNIN_LIMIT_PER_15_MIN: '0',
      NEXT_TELEMETRY_DISABLED: '1',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout!.on('data', (chunk) => (log += chunk));
  child.stderr!.on('data', (chunk) => (log += chunk));
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  try {
    await healthy(url, child, () => log);
  } catch (err) {
    child.kill('SIGKILL');
    throw err;
  }
  return {
    url,
    output: () => log,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

/** A migrated PostgreSQL database of the test's own on TEST_DATABASE_URL's server, dropped by `drop()`. */
export async function scratchDatabase(serverUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `todo_e2e_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const admin = async (text: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(text);
    } finally {
      await client.end();
    }
  };
  await admin(`create database "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  // As a deployment does before it starts servers (a server migrates only the embedded database).
  execFileSync('npm', ['run', '--silent', 'db:migrate'], { env: { ...process.env, DATABASE_URL: url.toString() }, stdio: 'pipe' });
  return { url: url.toString(), drop: () => admin(`drop database if exists "${name}" with (force)`) };
}

/** Signs up on `server` through the API, and returns the user's id and an access token. */
export async function apiUser(server: Server): Promise<{ id: string; token: string }> {
  const email = `sync-${randomUUID().slice(0, 12)}@example.com`;
  const password = 'correct horse battery staple';
  const signup = await fetch(`${server.url}/api/auth/signup`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  if (signup.status !== 201) throw new Error(`signup answered ${signup.status}: ${await signup.text()}`);
  const { id } = (await signup.json()) as { id: string };
  const token = await fetch(`${server.url}/api/auth/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  if (token.status !== 200) throw new Error(`token answered ${token.status}`);
  return { id, token: ((await token.json()) as { access_token: string }).access_token };
}

/** An open event stream, with everything received so far. */
export async function openEvents(server: Server, user: { id: string; token: string }) {
  const abort = new AbortController();
  const response = await fetch(`${server.url}/api/${user.id}/events`, { headers: { authorization: `Bearer ${user.token}` }, signal: abort.signal });
  const stream = { status: response.status, text: '', ended: false, close: () => abort.abort() };
  if (response.body) {
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    void (async () => {
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          stream.text += decoder.decode(value, { stream: true });
        }
      } catch {
        // aborted
      }
      stream.ended = true;
    })();
  }
  return stream;
}

export interface Proxy {
  /** The proxy's origin: a page opened there reaches the server only while the proxy is up. */
  readonly url: string;
  /** Cuts the network: refuses new connections and drops open ones (event streams, requests on their way). */
  cut(): Promise<void>;
  /** The network is back, on the same address. */
  restore(): Promise<void>;
  close(): Promise<void>;
}

/**
 * A TCP proxy in front of `target`, for a browser whose network is really cut: the page and its
 * service worker see refused connections, which `context.setOffline` does not simulate for a worker.
 */
export async function startProxy(target: string): Promise<Proxy> {
  const { hostname, port } = new URL(target);
  const sockets = new Set<net.Socket>();
  const listen = (server: net.Server, at: number) => new Promise<number>((resolve) => server.listen(at, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port)));
  const serve = () =>
    net.createServer((client) => {
      const upstream = net.connect(Number(port), hostname);
      for (const socket of [client, upstream]) {
        sockets.add(socket);
        socket.on('close', () => sockets.delete(socket));
        socket.on('error', () => {});
      }
      client.pipe(upstream).pipe(client);
    });
  let server = serve();
  const at = await listen(server, 0);
  const cut = async () => {
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      for (const socket of sockets) socket.destroy();
    });
  };
  return {
    url: `http://127.0.0.1:${at}`,
    cut,
    restore: async () => {
      server = serve();
      await listen(server, at);
    },
    close: cut,
  };
}
