import { type APIResponse } from '@playwright/test';
import { expect, test } from './fixtures';

// The headers of real responses from `next start`, not just the rules in next.config.ts.

function expectCommonHeaders(response: APIResponse) {
  const headers = response.headers();
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(headers['access-control-allow-origin']).toBeUndefined();
}

test('pages send nosniff, Referrer-Policy and a CSP that forbids framing', async ({ request }) => {
  for (const path of ['/', '/login']) {
    const response = await request.get(path, { headers: { Origin: 'https://evil.example' } });
    expect(response.status(), path).toBe(200);
    expectCommonHeaders(response);
    const csp = response.headers()['content-security-policy'] ?? '';
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("default-src 'self'");
  }
});

test('API answers send nosniff and Referrer-Policy, and allow no other origin', async ({ request }) => {
  const origin = { Origin: 'https://evil.example' };
  const health = await request.get('/api/health', { headers: origin });
  expect(health.status()).toBe(200);
  expectCommonHeaders(health);

  const openapi = await request.get('/api/openapi.json', { headers: origin });
  expect(openapi.status()).toBe(200);
  expectCommonHeaders(openapi);

  const notAllowed = await request.delete('/api/auth/token', { headers: origin });
  expect(notAllowed.status()).toBe(405);
  expect(notAllowed.headers()['content-type']).toBe('application/problem+json');
  expectCommonHeaders(notAllowed);

  const preflight = await request.fetch('/api/auth/token', {
    method: 'OPTIONS',
    headers: { ...origin, 'Access-Control-Request-Method': 'POST' },
  });
  expectCommonHeaders(preflight);
});

test('a page runs scripts only by its own nonce, never inline; /docs only from this origin', async ({ request }) => {
  const nonces = new Set<string>();
  for (const path of ['/', '/login', '/signup', '/no-such-page']) {
    const response = await request.get(path);
    const csp = response.headers()['content-security-policy'] ?? '';
    const scriptSrc = /script-src ([^;]+)/.exec(csp)?.[1] ?? '';
    expect(scriptSrc, path).toMatch(/^'nonce-[A-Za-z0-9+/=]{16,}' 'strict-dynamic'$/);
    const nonce = /'nonce-([^']+)'/.exec(scriptSrc)![1]!;
    nonces.add(nonce);
    // Every script Next rendered carries it.
    const scripts = (await response.text()).match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length, path).toBeGreaterThan(0);
    for (const script of scripts) expect(script, path).toContain(`nonce="${nonce}"`);
  }
  expect(nonces.size).toBe(4);
  const docs = (await request.get('/docs')).headers()['content-security-policy'] ?? '';
  expect(docs).toContain("script-src 'self';");
  expect(/script-src [^;]*unsafe-inline/.test(docs)).toBe(false);
});

test('a form posted to a page from another origin is refused with 403, not a 500', async ({ request }) => {
  const response = await request.post('/login', {
    headers: { Origin: 'https://evil.example', 'Next-Action': '00ab', 'Content-Type': 'text/plain;charset=UTF-8' },
    data: '[]',
  });
  expect(response.status()).toBe(403);
  expect(response.headers()['content-type']).toBe('application/problem+json');
});
