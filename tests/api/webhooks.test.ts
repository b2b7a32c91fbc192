import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq, sql } from 'drizzle-orm';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import * as deliveriesRoute from '@/app/api/[user_id]/webhooks/[id]/deliveries/route';
import * as webhookRoute from '@/app/api/[user_id]/webhooks/[id]/route';
import * as testRoute from '@/app/api/[user_id]/webhooks/[id]/test/route';
import * as webhooksRoute from '@/app/api/[user_id]/webhooks/route';
import { webhookDeliveries, webhooks } from '@/lib/db/schema';
import { WEBHOOKS_PER_USER_MAX } from '@/lib/limits';
import { deliverDueWebhooks } from '@/lib/webhooks/sender';
import { createTestUser, type TestUser } from '@/tests/helpers/auth';
import { withTestDatabase } from '@/tests/helpers/db';
import { callRoute, createProjectVia, createTaskVia, problemOf, projectsApi, shareVia, tasksApi } from '@/tests/helpers/requests';

// Webhooks (API.md, "Webhooks"): managed through the routes, queued by the database in the
// transaction of each change, sent by lib/webhooks/sender.ts to a receiver on 127.0.0.1 that
// verifies every signature with the standardwebhooks library, as a real receiver would.
// Loopback needs WEBHOOK_ALLOW_PRIVATE_URLS=1; webhooks-urls.test.ts checks the refusals without it.

vi.stubEnv('WEBHOOK_ALLOW_PRIVATE_URLS', '1');

const database = withTestDatabase();

interface Received {
  id: string;
  timestamp: string;
  type: string;
  body: { type: string; timestamp: string; data: Record<string, Record<string, unknown>> };
  raw: string;
  path: string;
}

let receiver: http.Server;
let base: string;
/** What the receiver got, by path (one path per webhook), verified. */
const received = new Map<string, Received[]>();
/** How the receiver answers, by path: a status, or a status per attempt. */
const answers = new Map<string, number[]>();
const secrets = new Map<string, string>();

beforeAll(async () => {
  receiver = http.createServer((request, response) => {
    let raw = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (raw += chunk));
    request.on('end', () => {
      const path = request.url!;
      const headers = { 'webhook-id': String(request.headers['webhook-id']), 'webhook-timestamp': String(request.headers['webhook-timestamp']), 'webhook-signature': String(request.headers['webhook-signature']) };
      // Throws on a bad signature or a stale timestamp: the receiver then answers 401.
      let body: Received['body'];
      try {
        body = new Webhook(secrets.get(path)!).verify(raw, headers) as Received['body'];
      } catch {
        response.writeHead(401).end();
        return;
      }
      received.set(path, [...(received.get(path) ?? []), { id: headers['webhook-id'], timestamp: headers['webhook-timestamp'], type: body.type, body, raw, path }]);
      const plan = answers.get(path) ?? [];
      const status = plan.length > 1 ? plan.shift()! : (plan[0] ?? 204);
      response.writeHead(status, status === 302 ? { location: '/elsewhere' } : {}).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
});

beforeEach(async () => {
  received.clear();
  answers.clear();
  // Each test's sender runs see only its own deliveries: what earlier ones left due is settled.
  await database.current.db.update(webhookDeliveries).set({ nextAttemptAt: null }).where(sql`${webhookDeliveries.nextAttemptAt} is not null`);
});

let paths = 0;

function webhooksApi(user: TestUser) {
  const root = `/api/${user.id}/webhooks`;
  const params = (id: string) => ({ user_id: user.id, id });
  return {
    create: (body: unknown) => callRoute(webhooksRoute, 'POST', root, { user_id: user.id }, { headers: user.headers, body }),
    list: () => callRoute(webhooksRoute, 'GET', root, { user_id: user.id }, { headers: user.headers }),
    get: (id: string) => callRoute(webhookRoute, 'GET', `${root}/${id}`, params(id), { headers: user.headers }),
    patch: (id: string, body: unknown) => callRoute(webhookRoute, 'PATCH', `${root}/${id}`, params(id), { headers: user.headers, body }),
    remove: (id: string) => callRoute(webhookRoute, 'DELETE', `${root}/${id}`, params(id), { headers: user.headers }),
    deliveries: (id: string) => callRoute(deliveriesRoute, 'GET', `${root}/${id}/deliveries`, params(id), { headers: user.headers }),
    test: (id: string) => callRoute(testRoute, 'POST', `${root}/${id}/test`, params(id), { headers: user.headers }),
  };
}

/** A webhook of `user`'s at its own path of the receiver. */
async function addWebhook(user: TestUser, events: string[] = ['*']): Promise<{ id: string; path: string; secret: string }> {
  const path = `/hook-${++paths}`;
  const response = await webhooksApi(user).create({ url: `${base}${path}`, events });
  expect(response.status).toBe(201);
  const webhook = (await response.json()) as { id: string; secret: string };
  secrets.set(path, webhook.secret);
  return { id: webhook.id, path, secret: webhook.secret };
}

type Delivery = { event_id: string; type: string; status: string; attempts: number; response_status: number | null; delivered_at: string | null };
const deliveriesOf = async (user: TestUser, id: string) => (await (await webhooksApi(user).deliveries(id)).json()) as Delivery[];

/** The database's clock, moved on by `seconds`: a sender run "later". */
async function later(seconds: number): Promise<Date> {
  const { rows } = await database.current.db.execute(sql`select now() + make_interval(secs => ${seconds}) as at`);
  return new Date((rows[0] as { at: string }).at);
}

describe('managing webhooks', () => {
  it('shows the secret once, lists without it, changes, pauses and deletes; refuses bad input with 422', async () => {
    const user = await createTestUser();
    const api = webhooksApi(user);
    const created = await api.create({ url: `${base}/x`, events: ['task.created', 'task.created'] });
    expect(created.status).toBe(201);
    const webhook = (await created.json()) as { id: string; secret: string };
    expect(webhook).toMatchObject({ url: `${base}/x`, events: ['task.created'], enabled: true, secret: expect.stringMatching(/^whsec_[A-Za-z0-9+/]{43}=$/) });
    expect(await (await api.list()).json()).toEqual([{ id: webhook.id, url: `${base}/x`, events: ['task.created'], enabled: true, created_at: expect.any(String) }]);
    expect((await (await api.patch(webhook.id, { events: ['task.deleted', '*'], enabled: false })).json()) as object).toMatchObject({ events: ['*'], enabled: false });
    expect(((await (await api.get(webhook.id)).json()) as { enabled: boolean }).enabled).toBe(false);

    for (const [body, path] of [
      [{ url: 'ftp://example.com/x', events: ['*'] }, 'url'],
      [{ url: 'not a url', events: ['*'] }, 'url'],
      [{ url: `${base}/x`, events: [] }, 'events'],
      [{ url: `${base}/x`, events: ['task.exploded'] }, 'events.0'],
      [{ events: ['*'] }, 'url'],
    ] as const) {
      const refused = await api.create(body);
      expect(refused.status, JSON.stringify(body)).toBe(422);
      expect((await problemOf(refused)).errors?.[0]?.path).toBe(path);
    }
    expect((await api.patch(webhook.id, {})).status).toBe(422);

    const stranger = await createTestUser();
    expect((await webhooksApi(stranger).get(webhook.id)).status).toBe(404);
    expect((await webhooksApi(stranger).remove(webhook.id)).status).toBe(404);
    expect((await api.remove(webhook.id)).status).toBe(204);
    expect((await api.get(webhook.id)).status).toBe(404);
  });

  it(`allows ${WEBHOOKS_PER_USER_MAX} per account, then 409`, async () => {
    const user = await createTestUser();
    for (let i = 0; i < WEBHOOKS_PER_USER_MAX; i++) expect((await webhooksApi(user).create({ url: `${base}/n${i}`, events: ['*'] })).status).toBe(201);
    const over = await webhooksApi(user).create({ url: `${base}/over`, events: ['*'] });
    expect(over.status).toBe(409);
  });
});

describe('deliveries', () => {
  it('sends each change the owner can see, signed, as the event types asked for, and logs it', async () => {
    const user = await createTestUser();
    const all = await addWebhook(user);
    const completions = await addWebhook(user, ['task.completed']);
    const api = tasksApi(user);
    const task = await createTaskVia(api, { title: 'Water the plants', due_date: '2026-12-24', due_time: '09:30', priority: 'high' });
    expect((await api.patch(task.id, { title: 'Water the roses' })).status).toBe(200);
    expect((await api.toggle(task.id)).status).toBe(200);
    expect((await api.remove(task.id)).status).toBe(204);

    expect(await deliverDueWebhooks()).toEqual({ delivered: 5, retrying: 0, failed: 0 });
    // Sent at once, so in any order: each event's body says what it is.
    const got = received.get(all.path)!;
    const ofType = (type: string) => got.find((r) => r.type === type)!;
    expect(got.map((r) => r.type).sort()).toEqual(['task.completed', 'task.created', 'task.deleted', 'task.updated']);
    expect(ofType('task.created').body.data.task).toMatchObject({ id: task.id, title: 'Water the plants', due_date: '2026-12-24', due_time: '09:30', priority: 'high', completed: false, project_id: null });
    expect(ofType('task.completed').body.data.task).toMatchObject({ title: 'Water the roses', completed: true });
    expect(new Set(got.map((r) => r.id)).size).toBe(4);
    expect(received.get(completions.path)!.map((r) => r.type)).toEqual(['task.completed']);

    const log = await deliveriesOf(user, all.id);
    expect(log).toHaveLength(4);
    expect(log.every((d) => d.status === 'delivered' && d.attempts === 1 && d.response_status === 204 && d.delivered_at)).toBe(true);
    expect(log.map((d) => d.event_id).sort()).toEqual(got.map((r) => r.id).sort());
    // Nothing is due any more.
    expect(await deliverDueWebhooks()).toEqual({ delivered: 0, retrying: 0, failed: 0 });
  });

  it('tells every member of a shared project, and stops telling one who was removed; a project’s changes too', async () => {
    const owner = await createTestUser();
    const member = await createTestUser();
    const project = await createProjectVia(projectsApi(owner), { name: 'Garden' });
    await shareVia(owner, project.id, member, 'editor');
    const hook = await addWebhook(member);
    await createTaskVia(tasksApi(owner), { title: 'Dig', project_id: project.id });
    expect((await projectsApi(owner).patch(project.id, { name: 'Back garden' })).status).toBe(200);
    await deliverDueWebhooks();
    expect(received.get(hook.path)!.map((r) => [r.type, r.body.data.task?.title ?? r.body.data.project?.name]).sort()).toEqual([
      ['project.updated', 'Back garden'],
      ['task.created', 'Dig'],
    ]);

    await database.current.db.execute(sql`delete from project_members where project_id = ${project.id} and user_id = ${member.id}`);
    received.clear();
    await createTaskVia(tasksApi(owner), { title: 'Plant', project_id: project.id });
    expect((await projectsApi(owner).remove(project.id)).status).toBe(204);
    await deliverDueWebhooks();
    expect(received.get(hook.path)).toBeUndefined();

    // The owner's own webhook hears of the deletion once, not once per task in it.
    const ownerHook = await addWebhook(owner);
    const other = await createProjectVia(projectsApi(owner), { name: 'Shed' });
    await createTaskVia(tasksApi(owner), { title: 'Paint', project_id: other.id });
    expect((await projectsApi(owner).remove(other.id)).status).toBe(204);
    await deliverDueWebhooks();
    expect(received.get(ownerHook.path)!.map((r) => r.type).sort()).toEqual(['project.deleted', 'task.created']);
  });

  it('retries a failed attempt later with the same id and body, and follows no redirect', async () => {
    const user = await createTestUser();
    const hook = await addWebhook(user);
    answers.set(hook.path, [500, 302, 200]);
    await createTaskVia(tasksApi(user), { title: 'Once' });
    // One clock for the whole test: runs "later" are at fixed offsets from it.
    const t0 = await later(0);
    const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

    expect(await deliverDueWebhooks({ now: t0 })).toEqual({ delivered: 0, retrying: 1, failed: 0 });
    expect(await deliveriesOf(user, hook.id)).toMatchObject([{ status: 'retrying', attempts: 1, response_status: 500, delivered_at: null }]);
    // Not due again before its delay (5 s after the first failure).
    expect(await deliverDueWebhooks({ now: at(4) })).toEqual({ delivered: 0, retrying: 0, failed: 0 });
    expect(await deliverDueWebhooks({ now: at(6) })).toEqual({ delivered: 0, retrying: 1, failed: 0 });
    expect(await deliveriesOf(user, hook.id)).toMatchObject([{ attempts: 2, response_status: 302 }]);
    // The second delay is 5 minutes.
    expect(await deliverDueWebhooks({ now: at(60) })).toEqual({ delivered: 0, retrying: 0, failed: 0 });
    expect(await deliverDueWebhooks({ now: at(6 + 301) })).toEqual({ delivered: 1, retrying: 0, failed: 0 });

    const got = received.get(hook.path)!;
    expect(got).toHaveLength(3);
    expect(new Set(got.map((r) => r.id)).size).toBe(1);
    expect(new Set(got.map((r) => r.raw)).size).toBe(1);
    expect(await deliveriesOf(user, hook.id)).toMatchObject([{ status: 'delivered', attempts: 3, response_status: 200 }]);
  });

  it('loses nothing to a sender that died after claiming, and sends nothing twice when senders race', async () => {
    const user = await createTestUser();
    const hook = await addWebhook(user);
    for (let i = 0; i < 30; i++) await createTaskVia(tasksApi(user), { title: `task ${i}` });
    // A sender claimed ten and died: they carry its attempt and lease, and are not lost.
    await database.current.db.execute(sql`
      update webhook_deliveries set attempts = 1, next_attempt_at = now() + interval '2 minutes'
      where id in (select id from webhook_deliveries where webhook_id = ${hook.id} order by created_at limit 10)`);
    const runs = await Promise.all([deliverDueWebhooks({ batch: 7 }), deliverDueWebhooks({ batch: 7 }), deliverDueWebhooks({ batch: 7 })]);
    expect(runs.reduce((sum, run) => sum + run.delivered, 0)).toBe(20);
    expect(await deliverDueWebhooks({ now: await later(121) })).toMatchObject({ delivered: 10 });
    const got = received.get(hook.path)!;
    expect(got).toHaveLength(30);
    expect(new Set(got.map((r) => r.body.data.task!.title)).size).toBe(30);
    const [row] = (await database.current.db.execute(sql`select count(*)::int as n, count(distinct event_id)::int as ids from webhook_deliveries where webhook_id = ${hook.id} and status = 'delivered'`)).rows as { n: number; ids: number }[];
    expect(row).toEqual({ n: 30, ids: 30 });
  });

  it('gives up on a delivery after 24 hours, and disables a webhook failing for 3 days', async () => {
    const user = await createTestUser();
    const hook = await addWebhook(user);
    answers.set(hook.path, [503]);
    await createTaskVia(tasksApi(user), { title: 'Doomed' });
    expect(await deliverDueWebhooks()).toMatchObject({ retrying: 1 });
    expect(await deliverDueWebhooks({ now: await later(25 * 3600) })).toEqual({ delivered: 0, retrying: 0, failed: 1 });
    // Given up unsent: the count and the status are those of its last real attempt.
    expect(await deliveriesOf(user, hook.id)).toMatchObject([{ status: 'failed', attempts: 1, response_status: 503 }]);
    expect((await database.current.db.select().from(webhooks).where(eq(webhooks.id, hook.id)))[0]!.enabled).toBe(true);

    // A gap of more than a day between failures starts the streak again: not disabled.
    await database.current.db.update(webhooks).set({ failingSince: sql`now() - interval '4 days'`, lastFailedAt: sql`now() - interval '2 days'` }).where(eq(webhooks.id, hook.id));
    await createTaskVia(tasksApi(user), { title: 'After a quiet spell' });
    await deliverDueWebhooks();
    const [restarted] = await database.current.db.select().from(webhooks).where(eq(webhooks.id, hook.id));
    expect(restarted!.enabled).toBe(true);
    expect(Date.now() - restarted!.failingSince!.getTime()).toBeLessThan(60_000);
    // Failing without a break for 3 days: disabled.
    await database.current.db.update(webhooks).set({ failingSince: sql`now() - interval '3 days 1 minute'`, lastFailedAt: sql`now() - interval '1 hour'` }).where(eq(webhooks.id, hook.id));
    await createTaskVia(tasksApi(user), { title: 'The last straw' });
    await deliverDueWebhooks();
    const [disabled] = await database.current.db.select().from(webhooks).where(eq(webhooks.id, hook.id));
    expect(disabled!.enabled).toBe(false);
    // Paused (or disabled): changes queue nothing for it.
    await createTaskVia(tasksApi(user), { title: 'Unheard' });
    expect((await database.current.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.webhookId, hook.id))).length).toBe(3);
    // Resuming starts the count of failing days again.
    expect((await webhooksApi(user).patch(hook.id, { enabled: true })).status).toBe(200);
    expect((await database.current.db.select().from(webhooks).where(eq(webhooks.id, hook.id)))[0]!.failingSince).toBeNull();
  });

  it('tells who no longer sees a task that it left their list; a move in the order alone is no event', async () => {
    const owner = await createTestUser();
    const member = await createTestUser();
    const project = await createProjectVia(projectsApi(owner), { name: 'Shared' });
    await shareVia(owner, project.id, member, 'editor');
    const task = await createTaskVia(tasksApi(owner), { title: 'Leaving', project_id: project.id });
    await createTaskVia(tasksApi(owner), { title: 'Staying', project_id: project.id });
    const memberHook = await addWebhook(member);
    const ownerHook = await addWebhook(owner);
    expect((await tasksApi(owner).move(task.id, { to: 'bottom' })).status).toBe(200);
    expect(await deliverDueWebhooks()).toEqual({ delivered: 0, retrying: 0, failed: 0 });
    // To the owner's Inbox: gone for the member, an update for the owner.
    expect((await tasksApi(owner).patch(task.id, { project_id: null })).status).toBe(200);
    await deliverDueWebhooks();
    expect(received.get(memberHook.path)!.map((r) => [r.type, r.body.data.task!.id])).toEqual([['task.deleted', task.id]]);
    expect(received.get(ownerHook.path)!.map((r) => [r.type, r.body.data.task!.project_id])).toEqual([['task.updated', null]]);
  });

  it('fails a paused webhook’s queued deliveries unsent once they are a day old', async () => {
    const user = await createTestUser();
    const hook = await addWebhook(user);
    await createTaskVia(tasksApi(user), { title: 'Queued' });
    expect((await webhooksApi(user).patch(hook.id, { enabled: false })).status).toBe(200);
    expect(await deliverDueWebhooks()).toEqual({ delivered: 0, retrying: 0, failed: 0 });
    expect(await deliverDueWebhooks({ now: await later(25 * 3600) })).toEqual({ delivered: 0, retrying: 0, failed: 1 });
    expect(await deliveriesOf(user, hook.id)).toMatchObject([{ status: 'failed', attempts: 0, response_status: null }]);
    expect(received.get(hook.path)).toBeUndefined();
  });

  it('sends a test event on request, even to a paused webhook', async () => {
    const user = await createTestUser();
    const hook = await addWebhook(user);
    expect((await webhooksApi(user).patch(hook.id, { enabled: false })).status).toBe(200);
    expect((await webhooksApi(user).test(hook.id)).status).toBe(202);
    expect(await deliverDueWebhooks()).toMatchObject({ delivered: 1 });
    expect(received.get(hook.path)!.map((r) => r.body)).toEqual([{ type: 'webhook.test', timestamp: expect.any(String), data: { webhook: { id: hook.id, url: `${base}${hook.path}` } } }]);
    expect(await deliveriesOf(user, hook.id)).toMatchObject([{ type: 'webhook.test', status: 'delivered' }]);
    expect((await webhooksApi(await createTestUser()).test(hook.id)).status).toBe(404);
  });
});
