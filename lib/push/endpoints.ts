import 'server-only';
import { lookup } from 'node:dns/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import ipaddr from 'ipaddr.js';
import { env } from '@/lib/env';

/*
 * Where the server may send a push: a push service is a URL the browser hands over, so it could
 * name any host. Only `https://` to a public address, checked after resolving the name, and the
 * request then goes to that checked address (no second lookup to be rebound) without following
 * redirects. PUSH_ALLOW_PRIVATE_ENDPOINTS=1 (tests, development) also allows http:// and
 * loopback or private addresses.
 */

/** Why an endpoint may not be sent to, in words for a 422. */
export class EndpointRefused extends Error {}

export interface ResolvedEndpoint {
  url: URL;
  /** The URL's host name, without an IPv6 literal's brackets. */
  host: string;
  address: string;
  family: 4 | 6;
}

const allowPrivate = () => env().PUSH_ALLOW_PRIVATE_ENDPOINTS === '1';

// A resolver that does not answer is a name that does not resolve.
const LOOKUP_MS = 5_000;

/**
 * The address's range as ipaddr.js names it; an IPv4-compatible IPv6 address (`::a.b.c.d`, the
 * deprecated ::/96 form, which some hosts still route) is judged as the IPv4 address inside it.
 */
function rangeOf(address: string): string {
  const parsed = ipaddr.process(address);
  if (parsed.kind() === 'ipv6') {
    const parts = (parsed as ipaddr.IPv6).parts;
    if (parts.slice(0, 6).every((part) => part === 0) && (parts[6] !== 0 || parts[7]! > 1)) {
      return ipaddr.fromByteArray([parts[6]! >> 8, parts[6]! & 0xff, parts[7]! >> 8, parts[7]! & 0xff]).range();
    }
  }
  return parsed.range();
}

/** The endpoint and the one address it will be sent to; `EndpointRefused` if it may not be. */
export async function resolveEndpoint(endpoint: string): Promise<ResolvedEndpoint> {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw new EndpointRefused('is not a URL');
  }
  const loose = allowPrivate();
  if (url.protocol !== 'https:' && !(loose && url.protocol === 'http:')) throw new EndpointRefused('must be an https:// URL');
  if (url.username || url.password) throw new EndpointRefused('must not carry a user name or password');
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: { address: string; family: number }[];
  if (ipaddr.isValid(host)) addresses = [{ address: host, family: ipaddr.parse(host).kind() === 'ipv6' ? 6 : 4 }];
  else {
    try {
      const timedOut = sleep(LOOKUP_MS, 'timeout' as const, { ref: false });
      const answer = await Promise.race([lookup(host, { all: true }), timedOut]);
      if (answer === 'timeout') throw new Error('timeout');
      addresses = answer;
    } catch {
      throw new EndpointRefused('names a host that does not resolve');
    }
  }
  if (addresses.length === 0) throw new EndpointRefused('names a host that does not resolve');
  for (const { address } of addresses) {
    // process(): an IPv4-mapped IPv6 address (::ffff:10.0.0.1) is judged as the IPv4 address it is.
    const range = rangeOf(address);
    if (range !== 'unicast' && !loose) throw new EndpointRefused(`must be a public address (it resolves to a ${range} one)`);
  }
  const { address, family } = addresses[0]!;
  return { url, host, address, family: family === 6 ? 6 : 4 };
}
