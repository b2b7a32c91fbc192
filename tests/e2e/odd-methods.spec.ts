import { expect, test } from '@playwright/test';
import { sendRaw as send } from '../helpers/raw-http';

// Requests no browser sends, written byte for byte to the real server (`npm start`): fetch and
// Playwright's request client refuse to send TRACE or CONNECT, or fix up a bad URL.

const USER = '5f0c8a53-2c1e-4a8e-9c57-0d3f2b9e4a11';
const TASK = '0b6f3c1e-8d4a-4f0e-a7f2-3c9d5e1b2a47';

test('TRACE, CONNECT and other methods no route serves answer 405 with the path’s Allow, never a 5xx', async ({ baseURL }) => {
  const cases: [string, string, string][] = [
    ['TRACE', `/api/${USER}/tasks`, 'GET, HEAD, POST, OPTIONS'],
    ['TRACE', `/api/${USER}/tasks/${TASK}`, 'GET, HEAD, PUT, PATCH, DELETE, OPTIONS'],
    ['CONNECT', `/api/${USER}/tasks/${TASK}/complete`, 'PATCH, OPTIONS'],
    ['PROPFIND', '/api/health', 'GET, HEAD, OPTIONS'],
    ['PURGE', '/api/openapi.json', 'GET, HEAD, OPTIONS'],
    ['TRACE', '/api/auth/providers', 'GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE'],
    ['TRACE', '/', 'GET, HEAD'],
  ];
  for (const [method, path, allow] of cases) {
    const response = await send(baseURL!, `${method} ${path} HTTP/1.1`);
    expect(response.status, `${method} ${path}`).toBe(405);
    expect(response.headers.allow, `${method} ${path}`).toBe(allow);
    expect(response.headers['content-type']).toBe('application/problem+json');
    expect(JSON.parse(response.body)).toMatchObject({ status: 405, title: 'Method Not Allowed' });
  }
});

test('a method the HTTP parser does not know is a 400 from Node, before the app', async ({ baseURL }) => {
  const response = await send(baseURL!, `FOO /api/${USER}/tasks HTTP/1.1`);
  expect(response.status).toBe(400);
});

test('malformed percent-encoding in an API path answers 400 or 404, not 500 (Next alone answers 500)', async ({ baseURL }) => {
  for (const path of ['/api/%E0%A4%A/tasks', `/api/${USER}/tasks/%E0%A4%A`, `/api/${USER}/tasks/%ZZ/complete`, '/api/%/tasks']) {
    for (const method of ['GET', 'PATCH', 'DELETE']) {
      const response = await send(baseURL!, `${method} ${path} HTTP/1.1`);
      expect([400, 404], `${method} ${path}: ${response.status}`).toContain(response.status);
    }
  }
});
