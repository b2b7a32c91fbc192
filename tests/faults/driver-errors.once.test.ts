// What the pg driver throws when the server is down, restarting or unreachable must answer
// 503 (with Retry-After, nothing internal), and a query that is merely wrong must not. Fake
// servers stand in for PostgreSQL here, so each failure is produced exactly; tests/faults/run.ts
// shows the same against a real server being stopped.
import net from 'node:net';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from '@/lib/db/errors';
import { errorResponse } from '@/lib/http/errors';

const servers: net.Server[] = [];
const sockets = new Set<net.Socket>();

async function fakeServer(onConnection: (socket: net.Socket) => void): Promise<number> {
  const server = net.createServer((socket) => {
    sockets.add(socket);
    onConnection(socket);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as net.AddressInfo).port;
}

afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
});

/** A PostgreSQL ErrorResponse message, as a server sends it instead of accepting the login. */
function errorMessage(code: string, message: string): Buffer {
  const fields = Buffer.from(`SFATAL\0VFATAL\0C${code}\0M${message}\0\0`);
  const header = Buffer.alloc(5);
  header.write('E', 0);
  header.writeInt32BE(fields.length + 4, 1);
  return Buffer.concat([header, fields]);
}

/** A server that accepts the login (AuthenticationOk, ReadyForQuery), then never answers. */
function hungServer(socket: net.Socket): void {
  socket.once('data', () => {
    const authenticationOk = Buffer.from([0x52, 0, 0, 0, 8, 0, 0, 0, 0]);
    const readyForQuery = Buffer.from([0x5a, 0, 0, 0, 5, 0x49]);
    socket.write(Buffer.concat([authenticationOk, readyForQuery]));
  });
}

/** Runs one query the way the app does (Drizzle over a pg pool) and returns what it threw. */
async function failedQuery(port: number): Promise<unknown> {
  const pool = new pg.Pool({ connectionString: `postgres://app@127.0.0.1:${port}/app`, connectionTimeoutMillis: 300, query_timeout: 300 });
  pool.on('error', () => {});
  try {
    await drizzle({ client: pool }).execute(sql`select 1`);
  } catch (err) {
    return err;
  } finally {
    await pool.end();
  }
  throw new Error('the query succeeded');
}

async function closedPort(): Promise<number> {
  const port = await fakeServer(() => {});
  await new Promise((resolve) => servers.pop()!.close(resolve));
  return port;
}

describe('errors of an unreachable database', () => {
  const cases: [string, () => Promise<number>][] = [
    ['server stopped (ECONNREFUSED)', closedPort],
    ['connect timeout (server accepts, never answers)', () => fakeServer(() => {})],
    ['connection closed by the server (Connection terminated unexpectedly)', () => fakeServer((s) => s.destroy())],
    ['server shutting down (57P01 admin shutdown)', () => fakeServer((s) => s.end(errorMessage('57P01', 'terminating connection due to administrator command')))],
    ['server starting up (57P03)', () => fakeServer((s) => s.end(errorMessage('57P03', 'the database system is starting up')))],
    ['too many connections (53300)', () => fakeServer((s) => s.end(errorMessage('53300', 'sorry, too many clients already')))],
    ['server logged in, then never answers the query (query_timeout)', () => fakeServer(hungServer)],
  ];

  it.each(cases)('%s answers 503 with Retry-After and no driver details', async (_, server) => {
    const err = await failedQuery(await server());
    expect(isDatabaseUnavailable(err)).toBe(true);
    const response = await errorResponse(err, new Request('http://localhost/api/x/tasks', { method: 'POST' }));
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBeTruthy();
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    const body = await response.text();
    expect(body).not.toMatch(/ECONN|terminat|timeout|127\.0\.0\.1|select|57P0|53300/i);
  });

  it('a query the server rejects (say, an unknown user) is not "unavailable": 500', async () => {
    const port = await fakeServer((s) => s.end(errorMessage('28000', 'role "app" does not exist')));
    const err = await failedQuery(port);
    expect(isDatabaseUnavailable(err)).toBe(false);
    expect((await errorResponse(err, new Request('http://localhost/api/x/tasks'))).status).toBe(500);
  });
});
