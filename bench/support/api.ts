import { randomUUID } from 'node:crypto';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Load is only ever aimed at this machine: a typo must not flood someone else's server. */
export function loopbackBaseUrl(raw: string): string {
  const url = new URL(raw);
  if (!LOOPBACK.has(url.hostname) && !url.hostname.startsWith('127.')) {
    throw new Error(`refusing to send load to ${url.host}: only loopback targets (localhost, 127.x.x.x, [::1])`);
  }
  return url.origin;
}

export interface Account {
  userId: string;
  email: string;
  token: string;
  headers: Record<string, string>;
}

async function expectJson(response: Response, status: number, what: string): Promise<Record<string, unknown>> {
  const text = await response.text();
  if (response.status !== status) throw new Error(`${what}: expected ${status}, got ${response.status}: ${text.slice(0, 300)}`);
  return JSON.parse(text) as Record<string, unknown>;
}

/** Signs up a new user with a unique email and gets an access token, through the public API. */
export async function createAccount(baseUrl: string, label: string): Promise<Account> {
  const email = `${label}-${randomUUID()}@example.com`;
  const password = `pw-${randomUUID()}`;
  const body = JSON.stringify({ email, password, name: label });
  const jsonHeaders = { 'content-type': 'application/json' };
  await expectJson(await fetch(`${baseUrl}/api/auth/signup`, { method: 'POST', headers: jsonHeaders, body }), 201, 'sign-up');
  const token = await expectJson(
    await fetch(`${baseUrl}/api/auth/token`, { method: 'POST', headers: jsonHeaders, body: JSON.stringify({ email, password }) }),
    200,
    'token',
  );
  const accessToken = String(token.access_token);
  const userId = String((token.user as { id: string }).id);
  return { userId, email, token: accessToken, headers: { authorization: `Bearer ${accessToken}` } };
}
