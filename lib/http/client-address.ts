import 'server-only';

/**
 * The client's address: the first `X-Forwarded-For` hop. That header is only trusted because
 * whatever runs the app sets it: Vercel overwrites it with the client's address, and `npm start`
 * (scripts/client-address.mjs) replaces it with the socket's, unless TRUST_PROXY says a proxy
 * of the deployment's own sets it. `next dev` and the tests use whatever they are given.
 */
export function clientAddress(headers: Headers): string {
  const first = headers.get('x-forwarded-for')?.split(',')[0]?.trim();
  // An IPv4 client on a dual-stack socket: one address, one limit.
  return first ? first.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '') : 'unknown';
}
