import net from 'node:net';
import { afterEach, describe, expect, inject, it } from 'vitest';
import * as healthRoute from '@/app/api/health/route';
import { openDatabase, QUERY_TIMEOUT_MS, replaceDatabase, type DatabaseHandle } from '@/lib/db';
import { createTestUser } from '@/tests/helpers/auth';
import { withTestDatabase } from '@/tests/helpers/db';
import { callHandler, callRoute, problemOf, tasksApi } from '@/tests/helpers/requests';

const database = withTestDatabase();
const kind = inject('testDatabase').kind;
const { GET } = healthRoute;

describe('GET /api/health', () => {
  it('answers 200 with the driver, and pool figures for a pool driver, never cached', async () => {
    const response = await callHandler(GET, new Request('http://localhost/api/health'), undefined);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = await response.json();
    if (kind === 'postgres') {
      expect(body).toEqual({
        status: 'ok',
        database: 'ok',
        driver: 'pg',
        pool: { total: expect.any(Number), idle: expect.any(Number), waiting: 0 },
      });
      expect(body.pool.total).toBeGreaterThanOrEqual(1);
      expect(body.pool.idle).toBeLessThanOrEqual(body.pool.total);
    } else {
      expect(body).toEqual({ status: 'ok', database: 'ok', driver: 'pglite' });
    }
  });
});

describe('GET /api/health when the database does not answer', () => {
  const opened: { handle: DatabaseHandle; server: net.Server; sockets: net.Socket[] }[] = [];

  afterEach(async () => {
    replaceDatabase(database.current);
    for (const { handle, server, sockets } of opened.splice(0)) {
      // Hanging up lets the pool's stuck connection attempt fail now instead of at its timeout.
      for (const socket of sockets) socket.destroy();
      await handle.close();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  /** A PostgreSQL port that accepts connections and never says a word: a hung server. */
  function silentDatabase(): Promise<DatabaseHandle> {
    return fakeDatabase(() => {});
  }

  /**
   * A server that lets the client in (AuthenticationOk, ReadyForQuery) and then never answers a
   * query: what a server stuck on a lock or a network gone quiet looks like to the pool.
   */
  function hungAfterLoginDatabase(): Promise<DatabaseHandle> {
    return fakeDatabase((socket) => {
      socket.once('data', () => {
        const authenticationOk = Buffer.from([0x52, 0, 0, 0, 8, 0, 0, 0, 0]);
        const readyForQuery = Buffer.from([0x5a, 0, 0, 0, 5, 0x49]);
        socket.write(Buffer.concat([authenticationOk, readyForQuery]));
      });
    });
  }

  async function fakeDatabase(onConnection: (socket: net.Socket) => void): Promise<DatabaseHandle> {
    const sockets: net.Socket[] = [];
    const server = net.createServer((socket) => {
      sockets.push(socket);
      onConnection(socket);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as net.AddressInfo;
    // As the app opens its own (getDatabase()): with the query timeout.
    const url = `postgres://todo@127.0.0.1:${port}/todo`;
    const handle = await openDatabase({ driver: 'pg', url, poolMax: 2, queryTimeoutMs: QUERY_TIMEOUT_MS });
    opened.push({ handle, server, sockets });
    return handle;
  }

  it('answers 503 within about 2 s, saying only that the database is unreachable', async () => {
    replaceDatabase(await silentDatabase());
    const started = performance.now();
    const response = await callHandler(GET, new Request('http://localhost/api/health'), undefined);
    const elapsed = performance.now() - started;
    expect(response.status).toBe(503);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('retry-after')).toBe('5');
    expect(await response.json()).toEqual({ status: 'unavailable', database: 'unreachable', driver: 'pg' });
    // The contract's bound (monitors give up soon after); generous for a loaded CI machine.
    expect(elapsed).toBeLessThan(2_500 + 500);
  });

  it('answers 503 when nothing listens on the database port', async () => {
    const free = net.createServer();
    await new Promise<void>((resolve) => free.listen(0, '127.0.0.1', resolve));
    const { port } = free.address() as net.AddressInfo;
    await new Promise((resolve) => free.close(resolve));
    const handle = await openDatabase({ driver: 'pg', url: `postgres://todo@127.0.0.1:${port}/todo`, poolMax: 2 });
    replaceDatabase(handle);
    try {
      const response = await callHandler(GET, new Request('http://localhost/api/health'), undefined);
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ status: 'unavailable', database: 'unreachable', driver: 'pg' });
    } finally {
      await handle.close();
    }
  });

  it('answers 503 when a server is up but opening the database fails', async () => {
    // A PGlite folder below a file cannot be created: the open itself rejects.
    const failedOpen = openDatabase({ driver: 'pglite', dataDir: '/dev/null/pglite' });
    replaceDatabase(failedOpen);
    const response = await callHandler(GET, new Request('http://localhost/api/health'), undefined);
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('5');
    expect(await response.json()).toEqual({ status: 'unavailable', database: 'unreachable', driver: 'pglite' });
  });

  // Without a query timeout the second server held the request forever: the test's own
  // timeout is what fails then, not a measured duration.
  it.each([
    ['accepts connections and never says a word', silentDatabase],
    ['lets the client log in, then never answers a query', hungAfterLoginDatabase],
  ])('a task request answers 503 when the database server %s', { timeout: 15_000 }, async (_name, fake) => {
    const user = await createTestUser();
    replaceDatabase(await fake());
    const response = await tasksApi(user).list();
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('5');
    expect((await problemOf(response)).detail).toBe('The database is unavailable; try again shortly');
  });
});

describe('other methods on /api/health', () => {
  it.each(['POST', 'PUT', 'PATCH', 'DELETE'] as const)('%s answers 405 with Allow, as a problem document', async (method) => {
    const response = await callRoute(healthRoute, method, '/api/health', {});
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
    expect(await problemOf(response)).toMatchObject({ status: 405, title: 'Method Not Allowed' });
  });

  it('OPTIONS lists only the methods it serves', async () => {
    const response = await callRoute(healthRoute, 'OPTIONS', '/api/health', {});
    expect(response.status).toBe(204);
    expect(response.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
  });
});
