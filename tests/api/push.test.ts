import { createECDH, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import ece from 'http_ece';
import { decodeJwt } from 'jose';
import webpush from 'web-push';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import * as keyRoute from '@/app/api/push/key/route';
import * as subscriptionRoute from '@/app/api/[user_id]/push-subscriptions/[id]/route';
import * as subscriptionsRoute from '@/app/api/[user_id]/push-subscriptions/route';
import type { PushSubscriptionJson } from '@/lib/push/schemas';
import { deliverDuePushes } from '@/lib/push/sender';
import { fireDueReminders } from '@/lib/reminders/scheduler';
import { createTestUser, newAccessToken, type TestUser } from '@/tests/helpers/auth';
import { withTestDatabase } from '@/tests/helpers/db';
import { callRoute, createTaskVia, problemOf, tasksApi } from '@/tests/helpers/requests';

// Web Push (docs/api.md, "v3: reminders and notifications"), against a push service of our own
// on 127.0.0.1 that does what a browser's does: it decrypts the payload with the subscription's
// private key (RFC 8291, http_ece) and checks the VAPID signature's claims. Endpoints on
// loopback need PUSH_ALLOW_PRIVATE_ENDPOINTS=1; tests/unit/outbound-endpoints.test.ts checks the
// refusals without it.

const vapid = webpush.generateVAPIDKeys();
vi.stubEnv('VAPID_PUBLIC_KEY', vapid.publicKey);
vi.stubEnv('VAPID_PRIVATE_KEY', vapid.privateKey);
vi.stubEnv('VAPID_SUBJECT', 'mailto:ops@example.com');
vi.stubEnv('PUSH_ALLOW_PRIVATE_ENDPOINTS', '1');

const database = withTestDatabase();

interface Received {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** The push service: answers each path with the status set for it (201 by default). */
const received: Received[] = [];
const statusFor = new Map<string, number>();
let service: http.Server;
let origin: string;

beforeAll(async () => {
  service = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ path: request.url!, headers: request.headers, body: Buffer.concat(chunks) });
      const status = statusFor.get(request.url!) ?? 201;
      // 0: a service that keeps the connection and never answers.
      if (status === 0) return;
      response.writeHead(status, status === 301 ? { location: `${origin}/elsewhere` } : {});
      response.end();
    });
  });
  await new Promise<void>((resolve) => service.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(service.address() as AddressInfo).port}`;
});

afterAll(async () => {
  service.closeAllConnections();
  await new Promise((resolve) => service.close(resolve));
});

beforeEach(async () => {
  received.length = 0;
  // Each test pushes only its own notifications.
  await database.current.db.execute(sql`update notifications set push_at = null where push_at is not null`);
});

/** A browser's subscription: its key pair and auth secret, as pushManager.subscribe() makes them. */
function browserSubscription(path: string) {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  const auth = randomBytes(16);
  return {
    ecdh,
    auth,
    json: { endpoint: `${origin}${path}`, expirationTime: null, keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth: auth.toString('base64url') } },
  };
}

function decrypt(push: Received, browser: ReturnType<typeof browserSubscription>): unknown {
  const plain = ece.decrypt(push.body, { version: 'aes128gcm', privateKey: browser.ecdh, authSecret: browser.auth.toString('base64url') });
  return JSON.parse(plain.toString('utf8'));
}

async function subscribe(user: TestUser, body: unknown, headers = user.headers): Promise<Response> {
  return callRoute(subscriptionsRoute, 'POST', `/api/${user.id}/push-subscriptions`, { user_id: user.id }, { headers, body });
}

async function subscriptionsOf(user: TestUser): Promise<PushSubscriptionJson[]> {
  const response = await callRoute(subscriptionsRoute, 'GET', `/api/${user.id}/push-subscriptions`, { user_id: user.id }, { headers: user.headers });
  expect(response.status).toBe(200);
  return (await response.json()) as PushSubscriptionJson[];
}

/** A reminder of `user`'s that fires now, and the push run after it. */
async function remindAndPush(user: TestUser, title: string) {
  const at = new Date(Date.now() + 3_600_000);
  await createTaskVia(tasksApi(user), { title, reminders: [{ at: at.toISOString() }] });
  expect(await fireDueReminders({ now: at })).toMatchObject({ notified: 1 });
  return deliverDuePushes();
}

describe('GET /api/push/key', () => {
  it("answers the server's VAPID public key without credentials", async () => {
    const response = await callRoute(keyRoute, 'GET', '/api/push/key', {});
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ public_key: vapid.publicKey });
  });
});

describe('push subscriptions', () => {
  it('are made, listed and dropped by their user; another user cannot see or drop them', async () => {
    const ann = await createTestUser();
    const bob = await createTestUser();
    const browser = browserSubscription('/ann-laptop');
    const created = await subscribe(ann, browser.json);
    expect(created.status).toBe(201);
    const subscription = (await created.json()) as PushSubscriptionJson;
    expect(subscription).toEqual({ id: expect.any(String), endpoint_host: new URL(origin).host, created_at: expect.any(String), session_id: ann.sessionId });
    expect(await subscriptionsOf(ann)).toEqual([subscription]);
    expect(await subscriptionsOf(bob)).toEqual([]);

    const bobDeletes = await callRoute(subscriptionRoute, 'DELETE', `/api/${bob.id}/push-subscriptions/${subscription.id}`, { user_id: bob.id, id: subscription.id }, { headers: bob.headers });
    expect(bobDeletes.status).toBe(404);
    const annDeletes = await callRoute(subscriptionRoute, 'DELETE', `/api/${ann.id}/push-subscriptions/${subscription.id}`, { user_id: ann.id, id: subscription.id }, { headers: ann.headers });
    expect(annDeletes.status).toBe(204);
    expect(await subscriptionsOf(ann)).toEqual([]);
  });

  it('refuses what is not a subscription with 422', async () => {
    const ann = await createTestUser();
    const good = browserSubscription('/x').json;
    for (const body of [{}, { endpoint: good.endpoint }, { ...good, keys: { p256dh: 'not base64!', auth: good.keys.auth } }, { ...good, endpoint: 'not a url' }, { ...good, endpoint: 'ftp://127.0.0.1/x' }]) {
      const response = await subscribe(ann, body);
      expect(response.status, JSON.stringify(body)).toBe(422);
    }
    expect((await problemOf(await subscribe(ann, { ...good, endpoint: 'ftp://127.0.0.1/x' }))).errors).toEqual([{ path: 'endpoint', message: 'must be an https:// URL' }]);
  });

  it("belong to the session that made them: gone when it is signed out, kept when another one is; the same endpoint again moves it", async () => {
    const ann = await createTestUser();
    const laptop = await newAccessToken(ann.id);
    const browser = browserSubscription('/ann-phone');
    expect((await subscribe(ann, browser.json, { authorization: `Bearer ${laptop.token}` })).status).toBe(201);
    expect((await subscriptionsOf(ann)).map((s) => s.session_id)).toEqual([laptop.sessionId]);
    // Subscribing the same browser from another session moves it there (one row per endpoint).
    expect((await subscribe(ann, browser.json)).status).toBe(201);
    expect((await subscriptionsOf(ann)).map((s) => s.session_id)).toEqual([ann.sessionId]);
    await database.current.db.execute(sql`delete from sessions where id = ${laptop.sessionId}`);
    expect(await subscriptionsOf(ann)).toHaveLength(1);
    // An expired session keeps it (its row stays); a deleted one takes it.
    await database.current.db.execute(sql`update sessions set expires_at = now() - interval '1 second' where id = ${ann.sessionId}`);
    const { rows } = await database.current.db.execute(sql`select count(*)::int as n from push_subscriptions where user_id = ${ann.id}`);
    expect(rows[0]).toEqual({ n: 1 });
    await database.current.db.execute(sql`delete from sessions where id = ${ann.sessionId}`);
    const after = await database.current.db.execute(sql`select count(*)::int as n from push_subscriptions where user_id = ${ann.id}`);
    expect(after.rows[0]).toEqual({ n: 0 });
  });
});

describe('pushing a notification', () => {
  it('sends it encrypted and signed to each browser of the user, once', async () => {
    const ann = await createTestUser();
    const phone = browserSubscription('/ann/phone');
    const laptop = browserSubscription('/ann/laptop');
    await subscribe(ann, phone.json);
    await subscribe(ann, laptop.json);
    const other = await createTestUser();
    await subscribe(other, browserSubscription('/other').json);

    expect(await remindAndPush(ann, 'Water the plants')).toEqual({ sent: 2, dropped: 0, rejected: 0, failed: 0 });
    expect(received.map((r) => r.path).sort()).toEqual(['/ann/laptop', '/ann/phone']);
    for (const [push, browser] of [[received.find((r) => r.path === '/ann/phone')!, phone], [received.find((r) => r.path === '/ann/laptop')!, laptop]] as const) {
      expect(push.headers['content-encoding']).toBe('aes128gcm');
      expect(Number(push.headers.ttl)).toBeGreaterThan(0);
      const pushed = decrypt(push, browser) as { task_id: string };
      // Its link opens the task in the Inbox.
      expect(pushed).toEqual({ id: expect.any(String), title: 'Water the plants', body: null, url: `/tasks?task=${pushed.task_id}`, task_id: expect.any(String) });
      // VAPID: the server's key, and a token for this push service's origin.
      const [, token, key] = /^vapid t=([^,]+), k=(.+)$/.exec(push.headers.authorization!)!;
      expect(key).toBe(vapid.publicKey);
      expect(decodeJwt(token!)).toMatchObject({ aud: origin, sub: 'mailto:ops@example.com' });
    }
    // Sent: not again.
    expect(await deliverDuePushes()).toEqual({ sent: 0, dropped: 0, rejected: 0, failed: 0 });
  });

  it('drops a subscription whose endpoint answers 403, 404 or 410, gives up on another 4xx, and tries again after a 5xx', async () => {
    const ann = await createTestUser();
    statusFor.set('/gone', 410).set('/missing', 404).set('/other-key', 403).set('/down', 503).set('/too-big', 413);
    await subscribe(ann, browserSubscription('/gone').json);
    await subscribe(ann, browserSubscription('/missing').json);
    await subscribe(ann, browserSubscription('/other-key').json);
    expect(await remindAndPush(ann, 'One')).toEqual({ sent: 0, dropped: 3, rejected: 0, failed: 0 });
    expect(await subscriptionsOf(ann)).toEqual([]);

    // Refused for good: not sent again, the subscription kept.
    await subscribe(ann, browserSubscription('/too-big').json);
    expect(await remindAndPush(ann, 'Refused')).toEqual({ sent: 0, dropped: 0, rejected: 1, failed: 0 });
    expect(await deliverDuePushes({ now: new Date(Date.now() + 601_000) })).toEqual({ sent: 0, dropped: 0, rejected: 0, failed: 0 });
    expect(await subscriptionsOf(ann)).toHaveLength(1);
    await callRoute(subscriptionRoute, 'DELETE', `/api/${ann.id}/push-subscriptions/${(await subscriptionsOf(ann))[0]!.id}`, { user_id: ann.id, id: (await subscriptionsOf(ann))[0]!.id }, { headers: ann.headers });

    const down = browserSubscription('/down');
    await subscribe(ann, down.json);
    expect(await remindAndPush(ann, 'Two')).toEqual({ sent: 0, dropped: 0, rejected: 0, failed: 1 });
    // Leased for ten minutes: not sooner.
    expect(await deliverDuePushes()).toEqual({ sent: 0, dropped: 0, rejected: 0, failed: 0 });
    statusFor.delete('/down');
    expect(await deliverDuePushes({ now: new Date(Date.now() + 601_000) })).toEqual({ sent: 1, dropped: 0, rejected: 0, failed: 0 });
    expect(decrypt(received.at(-1)!, down)).toMatchObject({ title: 'Two' });
  });

  it('gives up on an endpoint that trickles its answer, at the deadline', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const ann = await createTestUser();
      statusFor.set('/slow', 0);
      await subscribe(ann, browserSubscription('/slow').json);
      const at = new Date(Date.now() + 3_600_000);
      await createTaskVia(tasksApi(ann), { title: 'Slow', reminders: [{ at: at.toISOString() }] });
      await fireDueReminders({ now: at });
      const run = deliverDuePushes();
      // The push service has the request and never answers; the sender's deadline ends it.
      await vi.waitFor(() => expect(received.map((r) => r.path)).toContain('/slow'));
      await vi.advanceTimersByTimeAsync(10_000);
      expect(await run).toEqual({ sent: 0, dropped: 0, rejected: 0, failed: 1 });
    } finally {
      vi.useRealTimers();
    }
  });

  it('follows no redirect', async () => {
    const ann = await createTestUser();
    statusFor.set('/moved', 301);
    await subscribe(ann, browserSubscription('/moved').json);
    expect(await remindAndPush(ann, 'Redirected')).toEqual({ sent: 0, dropped: 0, rejected: 0, failed: 1 });
    expect(received.map((r) => r.path)).toEqual(['/moved']);
  });

  it('survives a sender that stopped after claiming: the push goes once its lease ends', async () => {
    const ann = await createTestUser();
    const browser = browserSubscription('/ann/tablet');
    await subscribe(ann, browser.json);
    const at = new Date(Date.now() + 3_600_000);
    await createTaskVia(tasksApi(ann), { title: 'Claimed, then lost', reminders: [{ at: at.toISOString() }] });
    await fireDueReminders({ now: at });
    // What a sender's claim does; it then dies before sending.
    await database.current.db.execute(sql`update notifications set push_at = now() + interval '10 minutes' where user_id = ${ann.id}`);
    expect(await deliverDuePushes()).toEqual({ sent: 0, dropped: 0, rejected: 0, failed: 0 });
    expect(await deliverDuePushes({ now: new Date(Date.now() + 601_000) })).toEqual({ sent: 1, dropped: 0, rejected: 0, failed: 0 });
    expect(received).toHaveLength(1);
  });

  it('pushes an invitation and an assignment too, and nothing for a user with no subscription', async () => {
    const ann = await createTestUser();
    const { rows } = await database.current.db.execute(sql`insert into notifications (user_id, kind, title) values (${ann.id}, 'invitation', 'Garden') returning push_at`);
    expect(rows[0]).toEqual({ push_at: null });
    const browser = browserSubscription('/ann/desk');
    await subscribe(ann, browser.json);
    await database.current.db.execute(sql`insert into notifications (user_id, kind, title, body) values (${ann.id}, 'invitation', 'Kitchen', 'Olga invited you')`);
    expect(await deliverDuePushes()).toEqual({ sent: 1, dropped: 0, rejected: 0, failed: 0 });
    expect(decrypt(received[0]!, browser)).toMatchObject({ title: 'Kitchen', body: 'Olga invited you' });
  });
});
