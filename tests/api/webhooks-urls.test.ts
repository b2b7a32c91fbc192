import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as webhooksRoute from '@/app/api/[user_id]/webhooks/route';
import { webhooks } from '@/lib/db/schema';
import { deliverDueWebhooks } from '@/lib/webhooks/sender';
import { createTestUser } from '@/tests/helpers/auth';
import { withTestDatabase } from '@/tests/helpers/db';
import { callRoute, createTaskVia, problemOf, tasksApi } from '@/tests/helpers/requests';

// Where webhooks may not go, as production runs (no WEBHOOK_ALLOW_PRIVATE_URLS): refused when
// added, and never sent to if a stored URL comes to name such an address. Every form of a
// private address is in tests/unit/outbound-endpoints.test.ts (the same check as push's).

const database = withTestDatabase();

let receiver: http.Server;
let port: number;
let requests = 0;

beforeAll(async () => {
  receiver = http.createServer((_request, response) => {
    requests++;
    response.writeHead(200).end();
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  port = (receiver.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
});

describe('webhook URLs', () => {
  it.each([
    ['http://8.8.8.8/hook', 'must be an https:// URL'],
    ['https://127.0.0.1/hook', 'loopback'],
    ['https://localhost/hook', 'loopback'],
    ['https://10.0.0.8/hook', 'private'],
    ['https://169.254.169.254/latest/meta-data', 'linkLocal'],
    ['https://[::ffff:127.0.0.1]/hook', 'loopback'],
    ['https://[fd00::1]/hook', 'uniqueLocal'],
    ['https://does-not-exist.invalid/hook', 'does not resolve'],
  ])('refuses %s with 422 naming url', async (url, reason) => {
    const user = await createTestUser();
    const response = await callRoute(webhooksRoute, 'POST', `/api/${user.id}/webhooks`, { user_id: user.id }, { headers: user.headers, body: { url, events: ['*'] } });
    expect(response.status).toBe(422);
    const problem = await problemOf(response);
    expect(problem.errors).toEqual([{ path: 'url', message: expect.stringContaining(reason) }]);
  });

  it('never sends to a stored URL that names a loopback address', async () => {
    const user = await createTestUser();
    // As if it had been added while the flag was on, or its name now resolved there.
    await database.current.db.insert(webhooks).values({ userId: user.id, url: `http://127.0.0.1:${port}/hook`, events: ['*'], secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' });
    await createTaskVia(tasksApi(user), { title: 'Not for loopback' });
    expect(await deliverDueWebhooks()).toEqual({ delivered: 0, retrying: 1, failed: 0 });
    expect(requests).toBe(0);
  });
});
