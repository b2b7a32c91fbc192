// A WebSocket-to-TCP proxy, so the Neon driver (which speaks PostgreSQL over WebSockets) can
// reach a plain local PostgreSQL in development and tests. lib/db points the driver at
// `ws://<this>/v1?address=host:port` when NEON_WS_PROXY is set.
//
//   WS_PROXY_PORT=5488 tsx scripts/ws-proxy.ts
//   NEON_WS_PROXY=127.0.0.1:5488 DATABASE_DRIVER=neon DATABASE_URL=postgres://… npm run dev
import net from 'node:net';
import { pathToFileURL } from 'node:url';
import { WebSocketServer, type RawData } from 'ws';

// An open relay to any host would let anyone who reaches the port tunnel out of the machine.
const ALLOWED_HOSTS = new Set(['localhost', '127.0.0.1', '::1']);

export interface WsProxy {
  /** `host:port`, the form NEON_WS_PROXY and `openDatabase({ neonWsProxy })` take */
  url: string;
  close: () => Promise<void>;
}

/** Parses `host:port` (or `[v6]:port`) from the `address` query parameter. */
export function parseTarget(address: string | null): { host: string; port: number } | undefined {
  const match = address?.match(/^(?:\[([^\]]+)\]|([^:]+)):(\d{1,5})$/);
  if (!match) return undefined;
  const host = match[1] ?? match[2]!;
  const port = Number(match[3]);
  if (!ALLOWED_HOSTS.has(host) || port < 1 || port > 65_535) return undefined;
  return { host, port };
}

export async function startWsProxy({ port = 0, host = '127.0.0.1' }: { port?: number; host?: string } = {}): Promise<WsProxy> {
  const server = new WebSocketServer({ port, host });

  server.on('connection', (socket, request) => {
    const target = parseTarget(new URL(request.url ?? '/', 'http://proxy').searchParams.get('address'));
    if (!target) {
      socket.close(1008, 'address must be a localhost host:port');
      return;
    }
    const tcp = net.connect(target.port, target.host);
    // The driver sends its startup message as soon as the WebSocket opens, before TCP may be up.
    const early: Buffer[] = [];
    const toBuffer = (data: RawData) => (Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer));
    socket.on('message', (data) => (tcp.connecting ? early.push(toBuffer(data)) : tcp.write(toBuffer(data))));
    tcp.on('connect', () => {
      for (const chunk of early.splice(0)) tcp.write(chunk);
    });
    tcp.on('data', (chunk) => socket.send(chunk));
    tcp.on('close', () => socket.close());
    tcp.on('error', () => socket.terminate());
    socket.on('close', () => tcp.destroy());
    socket.on('error', () => tcp.destroy());
  });

  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const address = server.address();
  const boundPort = typeof address === 'object' && address ? address.port : port;
  return {
    url: `${host}:${boundPort}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const client of server.clients) client.terminate();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const proxy = await startWsProxy({ port: Number(process.env.WS_PROXY_PORT ?? 5488) });
  console.log(`WebSocket proxy for the Neon driver on ws://${proxy.url} (set NEON_WS_PROXY=${proxy.url})`);
  const stop = () => void proxy.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
