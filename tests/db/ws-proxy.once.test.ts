import { once } from 'node:events';
import WebSocket from 'ws';
import { describe, expect, it } from 'vitest';
import { parseTarget, startWsProxy } from '@/scripts/ws-proxy';

// No database involved: runs once. tests/db/neon.pg.test.ts drives the Neon driver through it.
describe('the WebSocket proxy', () => {
  it('reads host:port targets and allows only localhost', () => {
    expect(parseTarget('127.0.0.1:5432')).toEqual({ host: '127.0.0.1', port: 5432 });
    expect(parseTarget('localhost:5432')).toEqual({ host: 'localhost', port: 5432 });
    expect(parseTarget('[::1]:5432')).toEqual({ host: '::1', port: 5432 });
    expect(parseTarget('example.com:5432')).toBeUndefined();
    expect(parseTarget('10.0.0.1:5432')).toBeUndefined();
    expect(parseTarget('127.0.0.1:99999')).toBeUndefined();
    expect(parseTarget(null)).toBeUndefined();
  });

  it('closes a WebSocket that asks for another host, with a policy-violation code', async () => {
    const proxy = await startWsProxy();
    try {
      const socket = new WebSocket(`ws://${proxy.url}/v1?address=example.com:5432`);
      const [code] = (await once(socket, 'close')) as [number];
      expect(code).toBe(1008);
    } finally {
      await proxy.close();
    }
  });
});
