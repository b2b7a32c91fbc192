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
