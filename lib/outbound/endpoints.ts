import 'server-only';
import { lookup } from 'node:dns/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import ipaddr from 'ipaddr.js';
import http from 'node:http';
import https from 'node:https';

/*
 * Where the server may send a request a user named: a browser's push service (lib/push) or a
 * webhook's URL (lib/webhooks). Such a URL could name any host, so only `https://` to a public
 * address, checked after resolving the name; the request then goes to that checked address (no
 * second lookup to be rebound) without following redirects, within a deadline for the whole
 * exchange. `allowPrivate` (PUSH_ALLOW_PRIVATE_ENDPOINTS, WEBHOOK_ALLOW_PRIVATE_URLS: tests and
 * development) also allows http:// and loopback or private addresses.
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
export async function resolveEndpoint(endpoint: string, { allowPrivate = false }: { allowPrivate?: boolean } = {}): Promise<ResolvedEndpoint> {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw new EndpointRefused('is not a URL');
  }
  const loose = allowPrivate;
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

/**
 * `resolveEndpoint` for one batch of sends: each URL is looked up once however many sends go
 * to it, and one that may no longer be sent to answers null (a sender treats it as gone).
 */
export function batchResolver({ allowPrivate }: { allowPrivate: boolean }): (url: string) => Promise<ResolvedEndpoint | null> {
  const targets = new Map<string, Promise<ResolvedEndpoint | null>>();
  return (url) => {
    let target = targets.get(url);
    if (!target) {
      target = resolveEndpoint(url, { allowPrivate }).catch((err: unknown) => {
        if (err instanceof EndpointRefused) return null;
        throw err;
      });
      targets.set(url, target);
    }
    return target;
  };
}

/**
 * Sends one request to the address `target` was checked at, following no redirect, and answers
 * the response's status, or null when none came within `deadlineMs` (the whole exchange, not
 * only an idle socket: `timeout` alone lets a trickle go on forever) or the connection failed.
 */
export function sendTo(target: ResolvedEndpoint, { method, headers, body }: { method: string; headers: http.OutgoingHttpHeaders; body?: string | Buffer }, deadlineMs: number): Promise<number | null> {
  const request = target.url.protocol === 'https:' ? https.request : http.request;
  return new Promise<number | null>((resolve) => {
    const deadline = setTimeout(() => req.destroy(new Error('deadline')), deadlineMs);
    const settle = (status: number | null) => {
      clearTimeout(deadline);
      resolve(status);
    };
    const req = request(
      {
        host: target.host,
        port: target.url.port || undefined,
        path: `${target.url.pathname}${target.url.search}`,
        method,
        headers,
        timeout: deadlineMs,
        // The address checked, not a second lookup.
        lookup: (_hostname, options, callback) => {
          if ((options as { all?: boolean }).all) (callback as (e: null, a: { address: string; family: number }[]) => void)(null, [{ address: target.address, family: target.family }]);
          else callback(null, target.address, target.family);
        },
      },
      (response) => {
        // The status is all that is wanted: a body that trickles on must not hold the socket.
        settle(response.statusCode ?? null);
        response.destroy();
      },
    );
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.on('error', () => settle(null));
    req.end(body);
  });
}

/** Runs `work` over `items`, at most `limit` at a time. */
export async function inParallel<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await work(items[next++]!);
  });
  await Promise.all(lanes);
}
