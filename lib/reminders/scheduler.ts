import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb, type Executor } from '@/lib/db';
import { describeDatabaseError } from '@/lib/db/errors';
import { deliverDuePushes } from '@/lib/push/sender';
import { deliverDueWebhooks } from '@/lib/webhooks/sender';

/*
 * The reminder scheduler: background work across all users, so no caller and no scope.
 *
 * A due reminder is claimed and its notification written in one statement: the claim locks the
 * reminder rows with FOR UPDATE SKIP LOCKED (another scheduler skips them, and one that waited
 * re-reads them and finds them fired), clears `fire_at`, and inserts the notification. So each
 * reminder gives exactly one notification however many processes run this, and a process that
 * dies mid-statement leaves its reminders due for the next run. `npm start` and `npm run dev`
 * run it in-process every TICK_MS (instrumentation.ts); on Vercel, Cron calls
 * `GET /api/cron/reminders` every minute.
 *
 * A reminder more than 24 hours late (the app was down) is claimed and dropped, without a
 * notification. One whose task is done, or that its user no longer sees, is dropped too.
 *
 * A loop of its own pushes the notifications due to be pushed (lib/push/sender.ts): those the
 * firing wrote, and the invitations and assignments written since its last tick.
 */

export const TICK_MS = 10_000;
const WEBHOOK_TICK_MS = 1_000;
const BATCH = 1_000;
// One run's bound: 50,000 reminders; a run that hits it leaves the rest to the next.
const MAX_BATCHES = 50;

export interface FiredReminders {
  /** Reminders claimed: each fired once, or was dropped. */
  claimed: number;
  /** Notifications written. */
  notified: number;
}

function claimStatement(now: Date | undefined, batch: number) {
  const at = now ? sql`${now.toISOString()}::timestamptz` : sql`now()`;
  // The body says when the task is due as its user reads it: in their time zone for a timed one.
  return sql`
    with "due" as (
      select "id", "fire_at" from "reminders" where "fire_at" <= ${at}
      order by "fire_at" limit ${batch} for update skip locked
    ), "fired" as (
      update "reminders" "r" set "fire_at" = null, "fired_at" = "due"."fire_at" from "due" where "r"."id" = "due"."id"
      returning "r"."task_id", "r"."user_id", "due"."fire_at" as "due_at"
    ), "told" as (
      insert into "notifications" ("user_id", "kind", "task_id", "project_id", "title", "body")
      select "f"."user_id", 'reminder', "t"."id", "t"."project_id", "t"."title",
        case when "t"."due_date" is null then null
          else 'Due ' || to_char("t"."due_date", 'FMDy FMDD FMMon') || coalesce(' at ' || to_char("t"."due_time", 'HH24:MI'), '') end
      from "fired" "f" join "tasks" "t" on "t"."id" = "f"."task_id"
      where "f"."due_at" > ${at} - interval '24 hours' and not "t"."completed"
        and ("t"."list_id" = "f"."user_id" or exists (
          select 1 from "project_members" "m" where "m"."project_id" = "t"."project_id" and "m"."user_id" = "f"."user_id"))
      returning 1
    )
    select (select count(*) from "fired")::int as "claimed", (select count(*) from "told")::int as "notified"`;
}

/**
 * Fires every reminder due at `now` (the database's clock if left out; tests pass their own), in
 * batches, each its own statement. `executor`: run inside a transaction of the caller's.
 */
export async function fireDueReminders({ now, batch = BATCH, executor }: { now?: Date; batch?: number; executor?: Executor } = {}): Promise<FiredReminders> {
  const db = executor ?? (await getDb());
  const total: FiredReminders = { claimed: 0, notified: 0 };
  for (let i = 0; i < MAX_BATCHES; i++) {
    const { rows } = await db.execute(claimStatement(now, batch));
    const { claimed, notified } = rows[0] as unknown as FiredReminders;
    total.claimed += claimed;
    total.notified += notified;
    if (claimed < batch) break;
  }
  return total;
}

// One scheduler per process, kept across hot reloads in development.
const holder = globalThis as typeof globalThis & { __todoReminders?: { timers: NodeJS.Timeout[] } };

/**
 * Runs `work` every TICK_MS and whenever kicked, never twice at once (a kick during a run makes
 * one more run after it), logging a failure once per outage.
 */
function every(label: string, work: () => Promise<unknown>, intervalMs = TICK_MS): { timer: NodeJS.Timeout; kick: () => void } {
  let running = false;
  let again = false;
  let failing = false;
  const tick = async (): Promise<void> => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      await work();
      if (failing) console.log(`[${label}] the database answers again`);
      failing = false;
    } catch (err) {
      // The work stays due, and the next tick that works does it.
      if (!failing) console.error(`[${label}] failed: ${describeDatabaseError(err)}`);
      failing = true;
    } finally {
      running = false;
    }
    if (again) {
      again = false;
      await tick();
    }
  };
  const timer = setInterval(() => void tick(), intervalMs);
  // It never keeps a stopping process alive.
  timer.unref();
  void tick();
  return { timer, kick: () => void tick() };
}

/**
 * Runs the scheduler in this process every TICK_MS, from now on; a second call does nothing.
 * Firing and pushing are separate loops: slow push services never hold up a reminder.
 */
export function startReminderScheduler(): void {
  if (holder.__todoReminders) return;
  const push = every('push', () => deliverDuePushes());
  // What the firing wrote is pushed at once, not at the push loop's next tick.
  const fire = every('reminders', async () => {
    if ((await fireDueReminders()).notified > 0) push.kick();
  });
  // Webhook deliveries are queued by every change: looked for every second (an index probe when none are due).
  const hooks = every('webhooks', () => deliverDueWebhooks(), WEBHOOK_TICK_MS);
  holder.__todoReminders = { timers: [fire.timer, push.timer, hooks.timer] };
}

/** Stops this process's scheduler (shutdown). */
export function stopReminderScheduler(): void {
  if (!holder.__todoReminders) return;
  for (const timer of holder.__todoReminders.timers) clearInterval(timer);
  holder.__todoReminders = undefined;
}
