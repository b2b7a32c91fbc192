import 'server-only';
import { sql } from 'drizzle-orm';
import { Webhook } from 'standardwebhooks';
import { getDb } from '@/lib/db';
import { batchResolver, inParallel, sendTo, type ResolvedEndpoint } from '@/lib/outbound/endpoints';
import { allowPrivateUrls } from '@/lib/webhooks/webhooks';

/*
 * The webhook sender: background work across users (no caller, no scope), run every second by
 * `npm start`/`npm run dev` (lib/reminders/scheduler.ts) and every minute by Vercel Cron
 * (/api/cron/webhooks).
 *
 * The database's triggers queue a delivery per webhook in the transaction of each change
 * (drizzle/0019). A run claims due ones with FOR UPDATE SKIP LOCKED, counting the attempt and
 * moving next_attempt_at a lease ahead, so no other run takes them while this one sends; a run
 * that dies mid-send leaves them due again when the lease ends (delivered at least once, never
 * lost, the same webhook-id and body every time). Each is signed per the Standard Webhooks
 * specification and POSTed to the address its URL was checked at (https, public, no redirects),
 * within 10 s. A 2xx is delivered; anything else is tried again after growing delays until the
 * delivery is a day old, then it is failed. A webhook whose attempts have all failed for 3 days
 * (with no day between two failures) is disabled. A paused webhook's queued deliveries wait for
 * it to resume, for a day at most: then they are failed without an attempt.
 */

const BATCH = 100;
const MAX_BATCHES = 100;
const LEASE = '2 minutes';
const SEND_MS = 10_000;
const CONCURRENCY = 50;
/** Seconds to wait after the 1st, 2nd, … failed attempt (the last repeats), as Standard Webhooks suggests. */
const RETRY_DELAYS = [5, 5 * 60, 30 * 60, 2 * 3600, 5 * 3600, 10 * 3600];
const GIVE_UP = '24 hours';
const DISABLE_AFTER = '3 days';

export interface WebhookRun {
  delivered: number;
  /** Attempts that failed and will be tried again. */
  retrying: number;
  /** Deliveries given up after a day of failures. */
  failed: number;
}

interface Due {
  id: string;
  webhook_id: string;
  event_id: string;
  body: string;
  attempts: number;
  url: string;
  secret: string;
  expired: boolean;
}

const retryDelaySeconds = (attempts: number) => RETRY_DELAYS[Math.min(attempts, RETRY_DELAYS.length) - 1]!;

async function attempt(due: Due, target: ResolvedEndpoint | null): Promise<number | null> {
  if (!target) return null;
  const sentAt = new Date();
  const signature = new Webhook(due.secret).sign(due.event_id, sentAt, due.body);
  return sendTo(
    target,
    {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'todo-webhooks/1',
        'webhook-id': due.event_id,
        'webhook-timestamp': String(Math.floor(sentAt.getTime() / 1000)),
        'webhook-signature': signature,
      },
      body: due.body,
    },
    SEND_MS,
  );
}

/** Delivers every webhook delivery due at `now` (the database's clock if left out). */
export async function deliverDueWebhooks({ now, batch = BATCH }: { now?: Date; batch?: number } = {}): Promise<WebhookRun> {
  const run: WebhookRun = { delivered: 0, retrying: 0, failed: 0 };
  const db = await getDb();
  const at = now ? sql`${now.toISOString()}::timestamptz` : sql`now()`;
  for (let i = 0; i < MAX_BATCHES; i++) {
    const { rows } = await db.execute(sql`
      with due as (
        select d.id from webhook_deliveries d join webhooks w on w.id = d.webhook_id
        where d.next_attempt_at <= ${at}
          -- A paused webhook's wait until it resumes, or until they are a day old: then they are failed, unsent.
          and (w.enabled or d.type = 'webhook.test' or d.created_at < ${at} - interval '${sql.raw(GIVE_UP)}')
        order by d.next_attempt_at limit ${batch} for update of d skip locked)
      update webhook_deliveries d set next_attempt_at = ${at} + interval '${sql.raw(LEASE)}',
        attempts = d.attempts + case when d.created_at < ${at} - interval '${sql.raw(GIVE_UP)}' then 0 else 1 end
      from due, webhooks w
      where d.id = due.id and w.id = d.webhook_id
      returning d.id, d.webhook_id, d.event_id, d.body, d.attempts, w.url, w.secret, d.created_at < ${at} - interval '${sql.raw(GIVE_UP)}' as expired`);
    const due = rows as unknown as Due[];
    if (due.length === 0) break;
    // Each URL is checked once per batch, however many deliveries go to it.
    const targetOf = batchResolver({ allowPrivate: allowPrivateUrls() });
    const outcomes: { id: string; webhook_id: string; status: number | null; next: number | null; attempted: boolean }[] = [];
    await inParallel(due, CONCURRENCY, async (delivery) => {
      const status = delivery.expired ? null : await targetOf(delivery.url).then((target) => attempt(delivery, target)).catch(() => null);
      const ok = status !== null && status >= 200 && status < 300;
      outcomes.push({ id: delivery.id, webhook_id: delivery.webhook_id, status, next: ok || delivery.expired ? null : retryDelaySeconds(delivery.attempts), attempted: !delivery.expired });
    });
    const values = (pick: (o: (typeof outcomes)[number]) => unknown) => `{${outcomes.map((o) => pick(o) ?? 'NULL').join(',')}}`;
    const { rows: settled } = await db.execute(sql`
      with outcome as (
        select * from unnest(${values((o) => o.id)}::uuid[], ${values((o) => o.status)}::int[], ${values((o) => o.next)}::int[], ${values((o) => o.attempted)}::boolean[]) as o(id, status, next, attempted))
      update webhook_deliveries d set
        -- The last attempt's: one given up unsent keeps its previous attempt's.
        response_status = case when outcome.attempted then outcome.status else d.response_status end,
        status = case when outcome.status between 200 and 299 then 'delivered'
          when outcome.next is null or d.created_at + interval '${sql.raw(GIVE_UP)}' < ${at} + make_interval(secs => outcome.next) then 'failed' else 'retrying' end,
        delivered_at = case when outcome.status between 200 and 299 then ${at} end,
        next_attempt_at = case when outcome.status between 200 and 299 or outcome.next is null
          or d.created_at + interval '${sql.raw(GIVE_UP)}' < ${at} + make_interval(secs => outcome.next) then null
          else ${at} + make_interval(secs => outcome.next) end
      from outcome where d.id = outcome.id
      returning d.webhook_id, d.status, outcome.attempted`);
    const results = settled as { webhook_id: string; status: string; attempted: boolean }[];
    const byWebhook = Map.groupBy(results.filter((row) => row.attempted), (row) => row.webhook_id);
    const healthy = [...byWebhook].filter(([, attempts]) => attempts.some((row) => row.status === 'delivered')).map(([id]) => id);
    const failing = [...byWebhook].filter(([, attempts]) => attempts.every((row) => row.status !== 'delivered')).map(([id]) => id);
    for (const row of results) run[row.status as keyof WebhookRun]++;
    if (healthy.length) await db.execute(sql`update webhooks set failing_since = null, last_failed_at = null where id = any(${`{${healthy.join(',')}}`}::uuid[]) and failing_since is not null`);
    if (failing.length) {
      await db.execute(sql`
        update webhooks set
          -- A streak: failed attempts with no delivery between them and no day without one.
          failing_since = case when failing_since is null or last_failed_at < ${at} - interval '1 day' then ${at} else failing_since end,
          last_failed_at = ${at},
          enabled = enabled and not coalesce(failing_since <= ${at} - interval '${sql.raw(DISABLE_AFTER)}' and last_failed_at >= ${at} - interval '1 day', false)
        where id = any(${`{${failing.join(',')}}`}::uuid[])`);
    }
    if (due.length < batch) break;
  }
  return run;
}
