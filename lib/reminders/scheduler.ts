import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb, type Executor } from '@/lib/db';
import { describeDatabaseError } from '@/lib/db/errors';
import { deliverDuePushes } from '@/lib/push/sender';

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
 * Each tick then pushes the notifications due to be pushed (lib/push/sender.ts): those it just
 * wrote, and the invitations and assignments written since the last tick.
 */

export const TICK_MS = 10_000;
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
const holder = globalThis as typeof globalThis & { __todoReminders?: { timer: NodeJS.Timeout } };

/** Runs the scheduler in this process every TICK_MS, from now on; a second call does nothing. */
export function startReminderScheduler(): void {
  if (holder.__todoReminders) return;
  let running = false;
  let failing = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await fireDueReminders();
      await deliverDuePushes();
      if (failing) console.log('[reminders] the database answers again');
      failing = false;
    } catch (err) {
      // Once per outage: the reminders stay due and the next tick that works fires them.
      if (!failing) console.error(`[reminders] firing or pushing due reminders failed: ${describeDatabaseError(err)}`);
      failing = true;
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), TICK_MS);
  // It never keeps a stopping process alive.
  timer.unref();
  holder.__todoReminders = { timer };
  void tick();
}

/** Stops this process's scheduler (shutdown). */
export function stopReminderScheduler(): void {
  if (!holder.__todoReminders) return;
  clearInterval(holder.__todoReminders.timer);
  holder.__todoReminders = undefined;
}
