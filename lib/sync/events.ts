import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import type { Caller } from '@/lib/scope/scope';
import { getDb } from '@/lib/db';
import { describeDatabaseError } from '@/lib/db/errors';
import { encodeFeedCursor } from '@/lib/sync/cursor';
import { ShuttingDown } from '@/lib/sync/errors';

/*
 * Server-sent events: `event: changed` on a stream of the caller's whenever the tasks of a list they
 * see, their projects or their labels change, whichever server instance wrote them; `event:
 * invitation` when someone invites their email to a project; `event: notification` when they get
 * a notification (a reminder fired, an invitation, an assignment).
 *
 * How a change is seen. One watcher per process, running only while a stream is open, looks at
 * the database every LOOK_INTERVAL_MS with one statement: which of the users with an open stream
 * here have a task (in any list they see), project, membership, label or deleted id written after the previous look's snapshot (the changes
 * feed's rule, lib/sync/feed.ts, so a transaction that commits late is still seen), and which of
 * the streams' sessions have ended. Polling, not LISTEN/NOTIFY: it works the same on a pool, on
 * Neon's serverless driver (which has no LISTEN over HTTP), on PGlite in this process, and across
 * any number of instances, and it costs one indexed statement per process per look, however many
 * streams are open. An idle stream costs a listener entry and its socket.
 *
 * Streams end after STREAM_MAX_MS (Vercel's functions stop at 300 s) and on shutdown; the
 * client reconnects and catches up through the feed.
 */

export const LOOK_INTERVAL_MS = 500;
export const KEEPALIVE_MS = 20_000;
export const STREAM_MAX_MS = 270_000;

interface Listener {
  readonly caller: Caller;
  readonly endsAt: number;
  send(chunk: string): void;
  end(): void;
}

type Snapshot = { s: string; t: number };

const encoder = new TextEncoder();

class Watcher {
  private readonly listeners = new Set<Listener>();
  private last: Snapshot | undefined;
  private timer: NodeJS.Timeout | undefined;
  private lastKeepalive = Date.now();
  private looking: Promise<void> | undefined;
  private waiting: (() => void)[] = [];
  private failing = false;
  private baselining: Promise<void> | undefined;
  refusing = false;

  get size(): number {
    return this.listeners.size;
  }

  add(listener: Listener): void {
    this.listeners.add(listener);
    this.timer ??= setInterval(() => void this.look(), LOOK_INTERVAL_MS);
  }

  remove(listener: Listener): void {
    this.listeners.delete(listener);
    if (this.listeners.size === 0 && this.timer) {
      clearInterval(this.timer);
      this.timer = undefined;
      // `last` stays: a stream that opens later is told of anything since (at worst once too often).
      this.settleWaiting();
    }
  }

  private settleWaiting(): void {
    const waiting = this.waiting;
    this.waiting = [];
    for (const resolve of waiting) resolve();
  }

  /**
   * The snapshot the next look compares with, taken before the first stream of the process
   * opens: a change that commits after a stream has opened is always after it. (One that commits
   * before, the client reads from the feed when the stream opens.)
   */
  async baseline(): Promise<void> {
    while (!this.last) {
      this.baselining ??= changedSince(undefined, [], [])
        .then(({ hi }) => {
          this.last ??= hi;
        })
        .finally(() => {
          this.baselining = undefined;
        });
      await this.baselining;
    }
  }

  endAll(): void {
    for (const listener of [...this.listeners]) listener.end();
  }

  /** Resolves after the next look has finished (tests use it instead of waiting a while). */
  nextLook(): Promise<void> {
    // An idle watcher does not look: nothing to wait for.
    if (!this.timer) return Promise.resolve();
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private async look(): Promise<void> {
    if (this.looking) return;
    this.looking = this.lookOnce().finally(() => {
      this.looking = undefined;
      this.settleWaiting();
    });
    await this.looking;
  }

  private async lookOnce(): Promise<void> {
    const now = Date.now();
    for (const listener of this.listeners) if (now >= listener.endsAt) listener.end();
    if (this.listeners.size === 0) return;

    const users = [...new Set([...this.listeners].map((l) => l.caller.userId))];
    const sessions = [...new Set([...this.listeners].map((l) => l.caller.sessionId))];
    let result: Awaited<ReturnType<typeof changedSince>>;
    try {
      result = await changedSince(this.last, users, sessions);
      if (this.failing) console.log('[events] the database answers again');
      this.failing = false;
    } catch (err) {
      // Once per outage; streams stay open, and the next look that works catches up.
      if (!this.failing) console.error(`[events] looking for changes failed: ${describeDatabaseError(err)}`);
      this.failing = true;
      return;
    }
    this.last = result.hi;

    const keepalive = now - this.lastKeepalive >= KEEPALIVE_MS;
    if (keepalive) this.lastKeepalive = now;
    for (const listener of this.listeners) {
      if (result.ended.has(listener.caller.sessionId)) {
        listener.end();
        continue;
      }
      const invited = result.invited.has(listener.caller.userId);
      if (invited) listener.send('event: invitation\ndata: {}\n\n');
      const notified = result.notified.has(listener.caller.userId);
      if (notified) listener.send('event: notification\ndata: {}\n\n');
      if (result.changed.has(listener.caller.userId)) {
        const cursor = encodeFeedCursor(listener.caller, { lo: result.hi });
        listener.send(`event: changed\ndata: ${JSON.stringify({ cursor })}\n\n`);
      } else if (keepalive && !invited && !notified) listener.send(': keepalive\n\n');
    }
  }
}

/**
 * One statement: the snapshot now, the users among `users` with a task, label or deleted id
 * written after `since` (none on the first look: it only takes the snapshot), and the sessions
 * among `sessions` that ended.
 */
async function changedSince(since: Snapshot | undefined, users: string[], sessions: string[]) {
  const db = await getDb();
  // One array parameter each (drizzle would spread a JS array into a list); uuids need no quoting.
  const userIds = `{${users.join(',')}}`;
  const sessionIds = `{${sessions.join(',')}}`;
  const since_ = since?.s ?? null;
  const writtenAfter = (column: SQL) =>
    sql`${column} >= pg_snapshot_xmin(${since_}::pg_snapshot) and not pg_visible_in_snapshot(${column}, ${since_}::pg_snapshot)`;
  const ofUsers = (table: string) => sql`select user_id from ${sql.identifier(table)} where user_id = any(${userIds}::uuid[]) and ${writtenAfter(sql`change_xid`)}`;
  // A user's lists: their Inbox (named by their id) and the projects they are a member of.
  const lists = sql`select u as user_id, u as list_id from unnest(${userIds}::uuid[]) as u
    union all select user_id, project_id from project_members where user_id = any(${userIds}::uuid[])`;
  const changed = since
    ? sql`array(select distinct user_id::text from (
        select lists.user_id from (${lists}) as lists
          where exists (select 1 from tasks where tasks.list_id = lists.list_id and ${writtenAfter(sql`tasks.change_xid`)})
            or exists (select 1 from projects where projects.id = lists.list_id and ${writtenAfter(sql`projects.change_xid`)})
        union all ${ofUsers('project_members')} union all ${ofUsers('labels')} union all ${ofUsers('tombstones')}) as changed)`
    : sql`'{}'::text[]`;
  // New invitations addressed to a user's email.
  const invited = since
    ? sql`array(select distinct u.id::text from users u join invitations i on i.email = u.email
        where u.id = any(${userIds}::uuid[]) and ${writtenAfter(sql`i.change_xid`)})`
    : sql`'{}'::text[]`;
  // New notifications of a user.
  const notified = since ? sql`array(select distinct user_id::text from (${ofUsers('notifications')}) as notified)` : sql`'{}'::text[]`;
  const { rows } = await db.execute(sql`
    select pg_current_snapshot()::text as hi,
      floor(extract(epoch from clock_timestamp()) * 1000)::float8 as t,
      ${changed} as changed,
      ${invited} as invited,
      ${notified} as notified,
      array(select s::text from unnest(${sessionIds}::uuid[]) as s
        where not exists (select 1 from sessions where id = s and expires_at > now())) as ended`);
  const row = rows[0] as { hi: string; t: number | string; changed: string[]; invited: string[]; notified: string[]; ended: string[] };
  return {
    hi: { s: row.hi, t: Number(row.t) },
    changed: new Set(row.changed),
    invited: new Set(row.invited),
    notified: new Set(row.notified),
    ended: new Set(row.ended),
  };
}

// One watcher per process, kept across hot reloads in development.
const holder = globalThis as typeof globalThis & { __todoEventsWatcher?: Watcher };
const watcher = (holder.__todoEventsWatcher ??= new Watcher());

/** The `text/event-stream` body for a caller whose credentials and session were checked. */
export async function eventStream(caller: Caller, signal: AbortSignal): Promise<ReadableStream<Uint8Array>> {
  if (watcher.refusing) throw new ShuttingDown();
  await watcher.baseline();
  let listener: Listener;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      let open = true;
      listener = {
        caller,
        endsAt: Date.now() + STREAM_MAX_MS,
        send(chunk) {
          if (!open) return;
          try {
            controller.enqueue(encoder.encode(chunk));
          } catch {
            this.end();
          }
        },
        end() {
          if (!open) return;
          open = false;
          watcher.remove(listener);
          try {
            controller.close();
          } catch {
            // already closed by the client going away
          }
        },
      };
      // `retry`: how long EventSource waits before reconnecting after the server ends a stream.
      controller.enqueue(encoder.encode('retry: 2000\n: connected\n\n'));
      watcher.add(listener);
      signal.addEventListener('abort', () => listener.end(), { once: true });
    },
    cancel() {
      listener.end();
    },
  });
}

/** Ends every open stream and refuses new ones (`503`): the server is stopping. */
export function endEventStreams(): void {
  watcher.refusing = true;
  watcher.endAll();
}

/** How many streams this process holds. */
export function openEventStreams(): number {
  return watcher.size;
}

/** Resolves once the watcher has looked again: tests wait on it instead of sleeping. */
export function nextLook(): Promise<void> {
  return watcher.nextLook();
}
