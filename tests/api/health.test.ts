import net from 'node:net';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { GET } from '@/app/api/health/route';
import { openDatabase, replaceDatabase, type DatabaseHandle } from '@/lib/db';
import { withTestDatabase } from '@/tests/helpers/db';

const database = withTestDatabase();
const kind = inject('testDatabase').kind;

describe('GET /api/health', () => {
  it('answers 200 with the driver, and pool figures for a pool driver, never cached', async () => {
    const response = await GET();
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
  async function silentDatabase(): Promise<DatabaseHandle> {
    const sockets: net.Socket[] = [];
    const server = net.createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as net.AddressInfo;
    const handle = await openDatabase({ driver: 'pg', url: `postgres://todo@127.0.0.1:${port}/todo`, poolMax: 2 });
    opened.push({ handle, server, sockets });
    return handle;
  }

  it('answers 503 within about 2 s, saying only that the database is unreachable', async () => {
    replaceDatabase(await silentDatabase());
    const started = performance.now();
    const response = await GET();
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
      const response = await GET();
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ status: 'unavailable', database: 'unreachable', driver: 'pg' });
    } finally {
      await handle.close();
    }
  });
});
