import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allowFor, guardNodeServers } from '@/lib/server/guard';
import { sendRaw } from '@/tests/helpers/raw-http';

// The guard on a plain Node server standing in for Next's (tests/e2e/odd-methods.spec.ts sends
// the same requests to `npm start`).
describe('guardNodeServers', () => {
  let server: http.Server;
  let base: string;
  const USER = '5f0c8a53-2c1e-4a8e-9c57-0d3f2b9e4a11';

  beforeAll(async () => {
    guardNodeServers();
    server = http.createServer((request, response) =>
      response.end(request.url === '/echo-policy' ? String(request.headers['content-security-policy']) : `routed ${request.method}`),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('answers TRACE, CONNECT and PROPFIND with a 405 problem document and the path’s Allow', async () => {
    for (const method of ['TRACE', 'CONNECT', 'PROPFIND']) {
      const response = await sendRaw(base, `${method} /api/${USER}/tasks HTTP/1.1`);
      expect(response.status, method).toBe(405);
      expect(response.headers.allow, method).toBe('GET, HEAD, POST, OPTIONS');
      expect(response.headers['content-type']).toBe('application/problem+json');
      expect(JSON.parse(response.body)).toMatchObject({ type: 'about:blank', status: 405, detail: `This server does not support the ${method} method` });
    }
  });

  it('passes the methods Next routes to the server', async () => {
    for (const method of ['GET', 'POST', 'OPTIONS', 'DELETE']) {
      const response = await sendRaw(base, `${method} /api/${USER}/tasks HTTP/1.1`);
      expect(response.status, method).toBe(200);
      expect(response.body, method).toBe(`routed ${method}`);
    }
  });

  it('answers 400 to a path whose percent-encoding does not decode, and passes a good one', async () => {
    for (const path of ['/api/%E0%A4%A/tasks', `/api/${USER}/tasks/%ZZ`, '/api/%/tasks']) {
      const response = await sendRaw(base, `GET ${path} HTTP/1.1`);
      expect(response.status, path).toBe(400);
      expect(JSON.parse(response.body)).toMatchObject({ status: 400, detail: 'The path is not valid percent-encoding' });
    }
    expect((await sendRaw(base, 'GET /api/%E2%9C%93/tasks?q=%ZZ HTTP/1.1')).status).toBe(200);
  });

  it('answers 403 to a POST to a page from another origin (a server action Next would answer 500), and passes this origin and no origin', async () => {
    const host = new URL(base).host;
    for (const origin of ['https://evil.example', `http://${host}.evil.example`, 'null', 'not a url']) {
      const response = await sendRaw(base, `POST /settings HTTP/1.1\r\nOrigin: ${origin}\r\nNext-Action: 0123\r\nContent-Length: 0`);
      expect(response.status, origin).toBe(403);
      expect(JSON.parse(response.body)).toMatchObject({ status: 403, detail: 'A form of this site can only be sent from this site' });
    }
    expect((await sendRaw(base, `POST /settings HTTP/1.1\r\nOrigin: ${base}\r\nContent-Length: 0`)).status).toBe(200);
    expect((await sendRaw(base, 'POST /settings HTTP/1.1\r\nContent-Length: 0')).status).toBe(200);
    // Behind a proxy that names the public host, as Next compares it.
    expect((await sendRaw(base, 'POST /settings HTTP/1.1\r\nOrigin: https://todo.example\r\nX-Forwarded-Host: todo.example\r\nContent-Length: 0')).status).toBe(200);
    // The API answers other origins itself (CORS is not allowed anywhere; bearer tokens are not cookies).
    expect((await sendRaw(base, `POST /api/${USER}/tasks HTTP/1.1\r\nOrigin: https://evil.example\r\nContent-Length: 0`)).status).toBe(200);
  });

  it('gives a page a policy whose scripts need a fresh nonce, on the request (for Next) and the response; the API none', async () => {
    const first = await sendRaw(base, 'GET /echo-policy HTTP/1.1');
    const second = await sendRaw(base, 'GET /echo-policy HTTP/1.1');
    for (const response of [first, second]) {
      expect(response.headers['content-security-policy']).toMatch(/script-src 'nonce-[A-Za-z0-9+/=]{24}' 'strict-dynamic';/);
      expect(response.body).toBe(response.headers['content-security-policy']);
    }
    expect(first.body).not.toBe(second.body);
    const action = await sendRaw(base, `POST /settings HTTP/1.1\r\nOrigin: ${base}\r\nContent-Length: 0`);
    expect(action.headers['content-security-policy']).toContain("script-src 'self';");
    for (const path of [`/api/${USER}/tasks`, '/_next/static/chunks/a.js', '/docs']) {
      expect((await sendRaw(base, `GET ${path} HTTP/1.1`)).headers['content-security-policy'], path).toBeUndefined();
    }
  });

  it('takes Allow from the document, and gives pages GET and HEAD', () => {
    expect(allowFor(`/api/${USER}/tasks/x/complete?y=1`)).toBe('PATCH, OPTIONS');
    expect(allowFor('/api/health')).toBe('GET, HEAD, OPTIONS');
    expect(allowFor('/api/auth/providers')).toBe('GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE');
    expect(allowFor('/tasks')).toBe('GET, HEAD');
  });
});
