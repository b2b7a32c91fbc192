import 'server-only';
import type http from 'node:http';
import { sql } from 'drizzle-orm';
import webpush from 'web-push';
import { getDb } from '@/lib/db';
import { batchResolver, inParallel, sendTo, type ResolvedEndpoint } from '@/lib/outbound/endpoints';
import { allowPrivateEndpoints } from '@/lib/push/subscriptions';
import { vapidKeys } from '@/lib/push/vapid';

/*
 * The Web Push sender: background work across users (no caller, no scope), run after each
 * scheduler tick (lib/reminders/scheduler.ts) and by the cron route.
 *
 * A notification of a user with a subscription is due to be pushed from when it is written
 * (drizzle/0016 sets push_at). A run claims due ones with FOR UPDATE SKIP LOCKED and moves their
 * push_at a lease ahead, so no other run takes them while this one sends; it clears push_at once
 * they are sent. A run that dies mid-send leaves them due again when the lease ends: a browser
 * may then get one twice, never none. Each is encrypted (RFC 8291, aes128gcm) and signed (VAPID)
 * by the web-push library and sent to every subscription of its user; an endpoint that answers
 * 404, 410 or 403 (the subscription belongs to another key) is gone, and its subscription with
 * it; another 4xx is final too (the push is not sent again); a timeout, 408, 429 or 5xx is tried
 * again after the lease. One a day old is no longer sent.
 *
 * Every send has a deadline (an endpoint that trickles its answer cannot hold a run), and each
 * endpoint's name is looked up once per batch, so a batch takes at most about
 * ceil(jobs / CONCURRENCY) × SEND_MS plus the lookups: the lease is far longer.
 */

const BATCH = 100;
const MAX_BATCHES = 100;
const LEASE = '10 minutes';
const SEND_MS = 10_000;
// Sends in flight at once, across a batch.
const CONCURRENCY = 50;
const TTL_SECONDS = 24 * 60 * 60;

export interface PushRun {
  /** Pushes a push service accepted. */
  sent: number;
  /** Subscriptions dropped: their endpoint answered 404 or 410 (or may no longer be sent to). */
  dropped: number;
  /** Pushes a push service refused for good (a 4xx other than 403, 404, 408, 410 and 429): not sent again. */
  rejected: number;
  /** Pushes that failed and will be tried again (a timeout, a 5xx, a 408 or 429). */
  failed: number;
}

interface Due {
  id: string;
  user_id: string;
  kind: 'reminder' | 'invitation' | 'assigned';
  task_id: string | null;
  project_id: string | null;
  title: string;
  body: string | null;
  stale: boolean;
}

interface Subscription {
  id: string;
  user_id: string;
  endpoint: string;
  p256dh: string;
  auth: string;
}

/** What the service worker shows, and where a click on it goes. */
function payloadOf(notification: Due): string {
  // The task opened in its list (the app's `?task=`); an invitation is answered in the sidebar,
  // on any view (its project is not the invitee's yet).
  const list = notification.project_id && notification.kind !== 'invitation' ? `/tasks?project=${notification.project_id}` : '/tasks';
  const url = notification.task_id ? `${list}${list.includes('?') ? '&' : '?'}task=${notification.task_id}` : list;
  return JSON.stringify({ id: notification.id, title: notification.title, body: notification.body, url, task_id: notification.task_id });
}

type Outcome = 'sent' | 'gone' | 'rejected' | 'failed';

function outcomeOf(status: number): Outcome {
  if (status >= 200 && status < 300) return 'sent';
  if (status === 404 || status === 410 || status === 403) return 'gone';
  if (status >= 400 && status < 500 && status !== 408 && status !== 429) return 'rejected';
  return 'failed';
}

/**
 * Sends one encrypted push to the address its endpoint was checked at (null: the name now
 * resolves somewhere it may not go, so it is dropped as a push service would have), following no
 * redirect.
 */
async function send(subscription: Subscription, target: ResolvedEndpoint | null, payload: string): Promise<Outcome> {
  if (!target) return 'gone';
  const keys = vapidKeys()!;
  const details = webpush.generateRequestDetails({ endpoint: subscription.endpoint, keys: { p256dh: subscription.p256dh, auth: subscription.auth } }, payload, {
    vapidDetails: { subject: keys.subject, publicKey: keys.publicKey, privateKey: keys.privateKey },
    TTL: TTL_SECONDS,
    contentEncoding: 'aes128gcm',
  });
  const status = await sendTo(target, { method: details.method, headers: details.headers as http.OutgoingHttpHeaders, body: details.body ?? undefined }, SEND_MS);
  return status === null ? 'failed' : outcomeOf(status);
}

/** Pushes every notification due at `now` (the database's clock if left out). */
export async function deliverDuePushes({ now, batch = BATCH }: { now?: Date; batch?: number } = {}): Promise<PushRun> {
  const run: PushRun = { sent: 0, dropped: 0, rejected: 0, failed: 0 };
  if (!vapidKeys()) return run;
  const db = await getDb();
  const at = now ? sql`${now.toISOString()}::timestamptz` : sql`now()`;
  for (let i = 0; i < MAX_BATCHES; i++) {
    const { rows } = await db.execute(sql`
      update notifications n set push_at = ${at} + interval '${sql.raw(LEASE)}'
      from (select id from notifications where push_at <= ${at} order by push_at limit ${batch} for update skip locked) due
      where n.id = due.id
      returning n.id, n.user_id, n.kind, n.task_id, n.project_id, n.title, n.body, n.created_at < ${at} - interval '1 day' as stale`);
    const due = rows as unknown as Due[];
    if (due.length === 0) break;
    const users = `{${[...new Set(due.map((n) => n.user_id))].join(',')}}`;
    const { rows: subscriptionRows } = await db.execute(sql`select id, user_id, endpoint, p256dh, auth from push_subscriptions where user_id = any(${users}::uuid[])`);
    const subscriptions = subscriptionRows as unknown as Subscription[];
    const done: string[] = [];
    const gone = new Set<string>();
    const jobs: { notification: Due; subscription: Subscription; outcome?: Outcome }[] = [];
    for (const notification of due) {
      const mine = subscriptions.filter((s) => s.user_id === notification.user_id);
      if (notification.stale || mine.length === 0) done.push(notification.id);
      else for (const subscription of mine) jobs.push({ notification, subscription });
    }
    // Each endpoint is checked once per batch, however many notifications go to it.
    const targetOf = batchResolver({ allowPrivate: allowPrivateEndpoints() });
    await inParallel(jobs, CONCURRENCY, async (job) => {
      job.outcome = await targetOf(job.subscription.endpoint)
        .then((target) => send(job.subscription, target, payloadOf(job.notification)))
        .catch((): Outcome => 'failed');
    });
    // Done once no browser is left to try again: sent to some, or every failure was final.
    const byNotification = Map.groupBy(jobs, (job) => job.notification.id);
    for (const [id, sends] of byNotification) {
      for (const job of sends) {
        if (job.outcome === 'sent') run.sent++;
        else if (job.outcome === 'gone') gone.add(job.subscription.id);
        else if (job.outcome === 'rejected') run.rejected++;
        else run.failed++;
      }
      if (sends.some((job) => job.outcome !== 'failed')) done.push(id);
    }
    if (gone.size > 0) {
      await db.execute(sql`delete from push_subscriptions where id = any(${`{${[...gone].join(',')}}`}::uuid[])`);
      run.dropped += gone.size;
    }
    if (done.length > 0) await db.execute(sql`update notifications set push_at = null where id = any(${`{${done.join(',')}}`}::uuid[])`);
    if (due.length < batch) break;
  }
  return run;
}
