import { buildCustomRoute } from 'next/dist/lib/build-custom-route';
import { beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '@/lib/server/csp';
import nextConfig from '@/next.config';
import { createTestUser } from '@/tests/helpers/auth';
import { withTestDatabase } from '@/tests/helpers/db';
import { createTaskVia, tasksApi, type TasksApi } from '@/tests/helpers/requests';

// The contract's "Security headers": nosniff and Referrer-Policy on every response, a CSP with
// frame-ancestors 'none' on pages, never `Access-Control-Allow-Origin: *`. Next adds most from
// next.config.ts; the header rules are matched here with Next's own route compiler.

withTestDatabase();

async function configuredHeaders(pathname: string): Promise<Map<string, string>> {
  const rules = (await nextConfig.headers?.()) ?? [];
  const headers = new Map<string, string>();
  for (const rule of rules) {
    if (new RegExp(buildCustomRoute('header', rule).regex).test(pathname)) {
      for (const { key, value } of rule.headers) headers.set(key.toLowerCase(), value);
    }
  }
  return headers;
}

const API_PATHS = [
  '/api/5f0c8a53-2c1e-4a8e-9c57-0d3f2b9e4a11/tasks',
  '/api/5f0c8a53-2c1e-4a8e-9c57-0d3f2b9e4a11/tasks/0b6f3c1e-8d4a-4f0e-a7f2-3c9d5e1b2a47',
  '/api/5f0c8a53-2c1e-4a8e-9c57-0d3f2b9e4a11/tasks/0b6f3c1e-8d4a-4f0e-a7f2-3c9d5e1b2a47/complete',
  '/api/health',
  '/api/openapi.json',
  '/api/auth/token',
];
const PAGE_PATHS = ['/', '/login', '/signup', '/tasks', '/docs', '/no-such-page'];

describe('security headers from next.config.ts', () => {
  it.each([...API_PATHS, ...PAGE_PATHS])('%s sends nosniff and a Referrer-Policy, and no wildcard CORS', async (path) => {
    const headers = await configuredHeaders(path);
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(headers.get('referrer-policy')).toMatch(/^(no-referrer|same-origin|strict-origin|strict-origin-when-cross-origin)$/);
    expect(headers.get('access-control-allow-origin')).toBeUndefined();
  });

  it.each(PAGE_PATHS)("page %s may not be framed: X-Frame-Options DENY, and a Content-Security-Policy with frame-ancestors 'none'", async (path) => {
    const headers = await configuredHeaders(path);
    expect(headers.get('x-frame-options')).toBe('DENY');
    // /docs has its policy from next.config.ts; the other pages theirs, with a nonce, from the
    // server guard (tests/unit/server-guard.once.test.ts, and on real responses the e2e suite).
    const policy = path === '/docs' ? headers.get('content-security-policy') : contentSecurityPolicy({ nonce: 'n0nce', dev: false });
    expect(policy).toMatch(/frame-ancestors 'none'/);
  });
});

describe('the task routes themselves', () => {
  let api: TasksApi;
  let id: string;

  beforeAll(async () => {
    api = tasksApi(await createTestUser());
    id = (await createTaskVia(api)).id;
  });

  it('never answer a cross-origin request with Access-Control-Allow-Origin', async () => {
    const origin = { headers: { origin: 'https://evil.example' } };
    const responses = [
      await api.list(undefined, origin),
      await api.create({ title: 't' }, origin),
      await api.get(id, origin),
      await api.patch(id, { title: 'u' }, origin),
      await api.put(id, { title: 'v' }, origin),
      await api.toggle(id, origin),
      await api.get('not-a-uuid', origin),
      await api.remove(id, origin),
    ];
    for (const response of responses) {
      expect(response.status).toBeLessThan(500);
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
      expect(response.headers.get('cache-control')).toBe('no-store');
    }
  });
});
