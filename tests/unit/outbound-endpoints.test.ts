import { describe, expect, it } from 'vitest';
import { EndpointRefused, resolveEndpoint } from '@/lib/outbound/endpoints';

// Where the server may send a push or a webhook (lib/outbound/endpoints.ts), as production runs it: without
// allowPrivate (the test flags). Names are resolved first, so a name that points at a private
// address is refused like the address itself ("localhost" here: the machine's hosts file).

describe('outbound endpoints (push services and webhooks)', () => {
  it.each([
    ['http://8.8.8.8/push', 'must be an https:// URL'],
    ['https://user:secret@8.8.8.8/push', 'must not carry a user name or password'],
    ['https://127.0.0.1/push', 'loopback'],
    ['https://localhost/push', 'loopback'],
    ['https://10.1.2.3/push', 'private'],
    ['https://172.16.0.1/push', 'private'],
    ['https://192.168.1.1/push', 'private'],
    ['https://169.254.169.254/latest/meta-data', 'linkLocal'],
    ['https://100.64.0.1/push', 'carrierGradeNat'],
    ['https://0.0.0.0/push', 'unspecified'],
    ['https://[::1]/push', 'loopback'],
    ['https://[::ffff:127.0.0.1]/push', 'loopback'],
    ['https://[::ffff:a9fe:a9fe]/push', 'linkLocal'],
    ['https://[fe80::1]/push', 'linkLocal'],
    // IPv4-compatible IPv6 (::/96): judged as the IPv4 address inside.
    ['https://[::7f00:1]/push', 'loopback'],
    ['https://[::a00:1]/push', 'private'],
    ['https://[64:ff9b::a00:1]/push', 'rfc6052'],
    ['https://[2002:a00:1::]/push', '6to4'],
    ['https://[fd00::1]/push', 'uniqueLocal'],
    ['https://does-not-exist.invalid/push', 'does not resolve'],
    ['not a url', 'is not a URL'],
  ])('refuses %s', async (endpoint, reason) => {
    const refused = await resolveEndpoint(endpoint).catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(EndpointRefused);
    expect((refused as Error).message).toContain(reason);
  });

  it('takes https to a public address, and names the address it will connect to', async () => {
    expect(await resolveEndpoint('https://8.8.8.8/fcm/send/abc')).toMatchObject({ address: '8.8.8.8', family: 4 });
    expect(await resolveEndpoint('https://[2001:4860:4860::8888]/push')).toMatchObject({ address: '2001:4860:4860::8888', family: 6 });
  });
});
