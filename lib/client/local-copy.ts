import { deleteDB, openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { components } from './openapi';
import { effectOf, isTemporary, renamed, showsChanges, type Effect, type OutboxEntry, type OutboxWrite, type TaskChanges } from './outbox';
import { FeedFollower, type FetchChanges, type FeedUpdate } from './sync';
import type { Task } from './task';

/**
 * The device's copy of every task the person sees, and the outbox of the writes they made that
 * the server has not confirmed yet, both in IndexedDB so that they outlive a reload, a closed
 * tab and a lost network (docs/offline.md):
 * - the copy is filled once by a full sync through the changes feed, then follows the feed from
 *   its stored cursor: a page load asks only for what changed since the last one;
 * - a write is applied to the copy and queued in one transaction, then sent in order by one
 *   tab at a time (a Web Lock), creates with their `Idempotency-Key` and edits with `If-Match`;
 * - the feed never overwrites a task that has writes waiting: the server's answer to the last
 *   of them does.
 * Tabs tell each other of changes through a BroadcastChannel. Nothing here knows of React.
 */

type Project = components['schemas']['Project'];
type Label = components['schemas']['Label'];

interface Schema extends DBSchema {
  tasks: { key: string; value: Task };
  outbox: { key: number; value: OutboxEntry };
  meta: { key: string; value: unknown };
}

export const DB_NAME = 'todo';
const STORES = ['tasks', 'outbox', 'meta'] as const;

/** What the server said to a write: the saved task (null for a delete), or the refusal's status and message. */
export type Sent = { ok: true; task: Task | null } | { ok: false; status: number; message: string };

/** The server, as the copy needs it (lib/client/api.ts's `serverFor` in the browser, a test's fake in Vitest). */
export interface Server {
  changes: FetchChanges;
  send(write: OutboxWrite): Promise<Sent>;
  /** The task as the server has it now, or null when the person no longer sees it; throws when unreachable. */
  task(id: string): Promise<Task | null>;
}

export type OutboxEvent =
  /** An edit met a newer version saved elsewhere: the person sees it and may apply their edit to it. */
  | { kind: 'conflict'; newer: Task; changes: TaskChanges }
  /** The server refused a write that cannot succeed: it is dropped and the copy shows the server's version. */
  | { kind: 'refused'; message: string }
  /** The session is no longer accepted. */
  | { kind: 'signedOut' }
  /** The server saved a write (null: a delete). */
  | { kind: 'saved'; write: OutboxWrite; task: Task | null };

/** How a send ended: everything sent, or stopped (offline, or the server busy) with writes still waiting. */
export type FlushResult = 'sent' | 'waiting' | 'signedOut';

type Message = { kind: 'changed' } | { kind: 'event'; event: OutboxEvent };

const VERBS: Record<OutboxWrite['kind'], string> = { create: 'add', update: 'save', toggle: 'complete', move: 'move', delete: 'delete' };

/** A lock shared by the browser's tabs (Web Locks), or by the callers in this process where there are none (Vitest). */
const localLocks = new Map<string, Promise<unknown>>();
function withLock<T>(name: string, run: () => Promise<T>): Promise<T> {
  if (typeof navigator !== 'undefined' && navigator.locks) return navigator.locks.request(name, run) as Promise<T>;
  const previous = localLocks.get(name) ?? Promise.resolve();
  const next = previous.then(run, run);
  localLocks.set(name, next.catch(() => {}));
  return next;
}

export class LocalCopy {
  /** Every task the person sees, as this device shows it (its own waiting writes applied). */
  tasks: ReadonlyMap<string, Task> = new Map();
  /** How many writes wait to be sent. */
  waiting = 0;
  /** Whether the copy has been filled by a full sync at least once (else a view shows "loading"). */
  synced = false;

  private readonly listeners = new Set<() => void>();
  private readonly eventListeners = new Set<(event: OutboxEvent) => void>();
  private readonly channel: BroadcastChannel | undefined;
  private catching: Promise<boolean> | undefined;
  private catchAgain = false;

  private constructor(
    private readonly db: IDBPDatabase<Schema>,
    private readonly userId: string,
    private readonly server: Server,
  ) {
    this.channel = typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel(`todo-local:${userId}`);
    this.channel?.addEventListener('message', (event: MessageEvent<Message>) => {
      if (event.data.kind === 'changed') void this.reload();
      else for (const listener of this.eventListeners) listener(event.data.event);
    });
  }

  /** Opens the copy of `userId` on this device; another person's copy left here is cleared first. */
  static async open(userId: string, server: Server): Promise<LocalCopy> {
    const db = await openDB<Schema>(DB_NAME, 1, {
      upgrade(database) {
        database.createObjectStore('tasks', { keyPath: 'id' });
        database.createObjectStore('outbox', { keyPath: 'seq', autoIncrement: true });
        database.createObjectStore('meta');
      },
      // Signing out in another tab deletes the database: this tab lets go of it.
      blocking() {
        db.close();
      },
    });
    const tx = db.transaction(STORES, 'readwrite');
    if ((await tx.objectStore('meta').get('user')) !== userId) {
      await Promise.all(STORES.map((store) => tx.objectStore(store).clear()));
      await tx.objectStore('meta').put(userId, 'user');
    }
    await tx.done;
    const copy = new LocalCopy(db, userId, server);
    await copy.reload();
    return copy;
  }

  /** Calls `listener` whenever the copy or the outbox changed, here or in another tab. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Conflicts, refusals and an ended session, from whichever tab sent the write. */
  onEvent(listener: (event: OutboxEvent) => void): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  close(): void {
    this.channel?.close();
    this.db.close();
  }

  /** The person's projects and labels as last fetched, for a page opened offline. */
  async remembered<K extends 'projects' | 'labels'>(key: K): Promise<(K extends 'projects' ? Project[] : Label[]) | undefined> {
    return (await this.db.get('meta', key)) as (K extends 'projects' ? Project[] : Label[]) | undefined;
  }

  async remember(key: 'projects', value: Project[]): Promise<void>;
  async remember(key: 'labels', value: Label[]): Promise<void>;
  async remember(key: string, value: unknown): Promise<void> {
    await this.db.put('meta', value, key);
  }

  /** Applies `write` to the copy and queues it, in one transaction; sending is `flush`'s. */
  async queue(write: OutboxWrite): Promise<void> {
    const effect = effectOf(this.tasks, write, this.userId, new Date().toISOString());
    const tx = this.db.transaction(['tasks', 'outbox'], 'readwrite');
    const outbox = tx.objectStore('outbox');
    const stored = Promise.all([outbox.add(write as OutboxEntry), ...this.writeEffect(tx.objectStore('tasks'), effect), tx.done]);
    // Shown before it is stored: the page answers the click in the same frame.
    this.applyEffect(effect);
    this.waiting += 1;
    for (const listener of this.listeners) listener();
    try {
      await stored;
    } catch (err) {
      await this.reload();
      throw err;
    }
    this.channel?.postMessage({ kind: 'changed' } satisfies Message);
  }

  /**
   * Everything the feed has since the stored cursor (a full sync the first time), one tab at a
   * time; calls made meanwhile fold into one more. Tasks with writes waiting keep this device's
   * version. Resolves to whether the person's projects changed (the sidebar asks for them again).
   */
  catchUp(): Promise<boolean> {
    if (this.catching) {
      this.catchAgain = true;
      return this.catching;
    }
    this.catching = (async () => {
      let projectsChanged = false;
      do {
        this.catchAgain = false;
        const update = await withLock(`todo-feed:${this.userId}`, () => this.catchUpOnce());
        projectsChanged ||= Boolean(update.projectsChanged);
      } while (this.catchAgain);
      return projectsChanged;
    })().finally(() => {
      this.catching = undefined;
    });
    return this.catching;
  }

  private async catchUpOnce(): Promise<FeedUpdate> {
    const cursor = (await this.db.get('meta', 'cursor')) as string | undefined;
    const update = await new FeedFollower(this.server.changes, cursor).catchUp();
    const tx = this.db.transaction(STORES, 'readwrite');
    const tasks = tx.objectStore('tasks');
    const outbox = tx.objectStore('outbox');
    const meta = tx.objectStore('meta');
    const waiting = new Set((await outbox.getAll()).map((entry) => entry.task));
    const held = update.full ? await tasks.getAllKeys() : [];
    const changedIds = new Set(update.changed.map((t) => t.id));
    const remove = [...held.filter((id) => !changedIds.has(id) && !isTemporary(id)), ...update.deleted].filter((id) => !waiting.has(id));
    // A feed read that began before this device's own write may answer after it: an older
    // version never replaces a newer one (updated_at moves strictly forward with every change).
    const newer = (task: Task) => {
      const shown = this.tasks.get(task.id);
      return !shown || Date.parse(task.updated_at) >= Date.parse(shown.updated_at);
    };
    const effect = { put: update.changed.filter((t) => !waiting.has(t.id) && newer(t)), remove };
    await Promise.all([...this.writeEffect(tasks, effect), meta.put(update.cursor, 'cursor')]);
    await tx.done;
    this.applyEffect(effect);
    this.synced = true;
    this.changed();
    return update;
  }

  /**
   * Sends the waiting writes in order, one tab at a time, until the outbox is empty or the
   * server cannot take the next one yet (unreachable, busy: the write waits for the next try).
   */
  flush(): Promise<FlushResult> {
    return withLock(`todo-outbox:${this.userId}`, async () => {
      for (;;) {
        const entry = (await this.db.getAll('outbox', undefined, 1))[0];
        if (!entry) return 'sent';
        const sent = await this.server.send(entry);
        if (sent.ok) await this.settle(entry, sent.task);
        else if (sent.status === 401) {
          this.tell({ kind: 'signedOut' });
          return 'signedOut';
        } else if (sent.status === 0 || sent.status === 429 || sent.status >= 500 || (sent.status === 409 && entry.kind === 'create')) {
          // Not the write's fault (a 409 on a create is its first attempt still running): later.
          return 'waiting';
        } else if (sent.status === 404 && entry.kind === 'delete') await this.settle(entry, null);
        else if (sent.status === 412 && entry.kind !== 'create' && entry.kind !== 'delete') {
          if ((await this.resolveStale(entry)) === 'unreachable') return 'waiting';
        } else await this.refuse(entry, sent.message);
      }
    });
  }

  /** Reads the copy and the outbox again (another tab changed them). */
  async reload(): Promise<void> {
    const [tasks, waiting, cursor] = await Promise.all([this.db.getAll('tasks'), this.db.count('outbox'), this.db.get('meta', 'cursor')]);
    this.tasks = new Map(tasks.map((task) => [task.id, task]));
    this.waiting = waiting;
    this.synced = cursor !== undefined;
    for (const listener of this.listeners) listener();
  }

  /** The server saved `entry` as `saved`: drop it, and show the saved task with the writes still waiting for it applied. */
  private async settle(entry: OutboxEntry, saved: Task | null): Promise<void> {
    const tx = this.db.transaction(['tasks', 'outbox'], 'readwrite');
    const tasks = tx.objectStore('tasks');
    const outbox = tx.objectStore('outbox');
    await outbox.delete(entry.seq);
    const later = await outbox.getAll();
    const working = new Map(this.tasks);
    const effect: Effect = { put: [], remove: [] };
    if (saved) {
      const rewrites: Promise<unknown>[] = [];
      for (const next of later) {
        let rewritten = entry.kind === 'create' ? renamed(next, entry.task, saved.id) : next;
        // A write made on top of this one's version is made on top of the saved one.
        if (rewritten.task === saved.id && 'ifMatch' in rewritten && rewritten.ifMatch === ('ifMatch' in entry ? entry.ifMatch : '')) rewritten = { ...rewritten, ifMatch: saved.etag };
        if (rewritten !== next) rewrites.push(outbox.put(rewritten));
      }
      if (entry.kind === 'create') {
        working.delete(entry.task);
        effect.remove.push(entry.task);
        for (const task of working.values()) {
          if (task.parent_id !== entry.task) continue;
          const moved = { ...task, parent_id: saved.id };
          working.set(moved.id, moved);
          effect.put.push(moved);
        }
      }
      working.set(saved.id, saved);
      effect.put.push(saved);
      // This device's writes still waiting for the task stay shown over the server's version.
      const now = new Date().toISOString();
      for (const next of await outbox.getAll()) {
        if (next.task !== saved.id) continue;
        const { put, remove } = effectOf(working, next, this.userId, now);
        for (const task of put) working.set(task.id, task);
        for (const id of remove) working.delete(id);
        effect.put.push(...put);
        effect.remove.push(...remove);
      }
      await Promise.all(rewrites);
    }
    await Promise.all(this.writeEffect(tasks, effect));
    await tx.done;
    this.applyEffect(effect);
    this.waiting = later.length;
    this.changed();
    this.tell({ kind: 'saved', write: entry, task: saved });
  }

  /**
   * A `412`: the task changed since the write was made. An edit whose earlier attempt did reach
   * the server is done; another edit becomes a conflict for the person (with the edits queued
   * after it on that task); a completion or a move is still meant, and is sent again on the newer version.
   */
  private async resolveStale(entry: OutboxEntry & { kind: 'update' | 'toggle' | 'move' }): Promise<'resolved' | 'unreachable'> {
    let newer: Task | null;
    try {
      newer = await this.server.task(entry.task);
    } catch {
      return 'unreachable';
    }
    if (!newer) {
      await this.refuse(entry, 'This task no longer exists. It may have been deleted elsewhere.');
      return 'resolved';
    }
    if (entry.kind === 'update' ? showsChanges(newer, entry.changes) : entry.kind === 'toggle' && newer.completed === entry.completed) {
      await this.settle(entry, newer);
      return 'resolved';
    }
    if (entry.kind !== 'update') {
      await this.db.put('outbox', { ...entry, ifMatch: newer.etag });
      return 'resolved';
    }
    const tx = this.db.transaction(['tasks', 'outbox'], 'readwrite');
    const outbox = tx.objectStore('outbox');
    let changes = entry.changes;
    const drops: Promise<unknown>[] = [outbox.delete(entry.seq)];
    for (const next of await outbox.getAll()) {
      if (next.task !== entry.task || next.seq === entry.seq) continue;
      if (next.kind === 'update') {
        changes = { ...changes, ...next.changes };
        drops.push(outbox.delete(next.seq));
      } else if ('ifMatch' in next) drops.push(outbox.put({ ...next, ifMatch: newer.etag }));
    }
    await Promise.all([...drops, tx.objectStore('tasks').put(newer)]);
    await tx.done;
    this.applyEffect({ put: [newer], remove: [] });
    this.waiting = await this.db.count('outbox');
    this.changed();
    this.tell({ kind: 'conflict', newer, changes });
    return 'resolved';
  }

  /** A write the server refused for good: drop it (a refused create, with everything queued on its task) and show the server's version. */
  private async refuse(entry: OutboxEntry, reason: string): Promise<void> {
    const title = entry.kind === 'create' ? entry.body.title : (this.tasks.get(entry.task)?.title ?? 'the task');
    const verb = entry.kind === 'toggle' && !entry.completed ? 'reopen' : VERBS[entry.kind];
    let current: Task | null | undefined;
    if (entry.kind !== 'create') current = await this.server.task(entry.task).catch(() => undefined);
    const tx = this.db.transaction(['tasks', 'outbox'], 'readwrite');
    const outbox = tx.objectStore('outbox');
    const gone = entry.kind === 'create' || current === null;
    const drops: Promise<unknown>[] = [outbox.delete(entry.seq)];
    if (gone) for (const next of await outbox.getAll()) if (next.task === entry.task) drops.push(outbox.delete(next.seq));
    const effect: Effect = gone ? { put: [], remove: [entry.task] } : { put: current ? [current] : [], remove: [] };
    await Promise.all([...drops, ...this.writeEffect(tx.objectStore('tasks'), effect)]);
    await tx.done;
    this.applyEffect(effect);
    this.waiting = await this.db.count('outbox');
    this.changed();
    this.tell({ kind: 'refused', message: `Could not ${verb} “${title}”. ${reason}` });
  }

  private writeEffect(tasks: { put(task: Task): Promise<unknown>; delete(id: string): Promise<unknown> }, effect: Effect): Promise<unknown>[] {
    return [...effect.remove.map((id) => tasks.delete(id)), ...effect.put.map((task) => tasks.put(task))];
  }

  private applyEffect(effect: Effect): void {
    const next = new Map(this.tasks);
    for (const id of effect.remove) next.delete(id);
    for (const task of effect.put) next.set(task.id, task);
    this.tasks = next;
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
    this.channel?.postMessage({ kind: 'changed' } satisfies Message);
  }

  private tell(event: OutboxEvent): void {
    for (const listener of this.eventListeners) listener(event);
    this.channel?.postMessage({ kind: 'event', event } satisfies Message);
  }
}

/** Clears this browser's copy, outbox and cached pages: signing out leaves none of the person's data. */
export async function forgetLocalData(): Promise<void> {
  await Promise.all([
    deleteDB(DB_NAME).catch(() => {}),
    typeof caches === 'undefined' ? undefined : caches.keys().then((names) => Promise.all(names.filter((name) => name.startsWith(PAGE_CACHE_PREFIX)).map((name) => caches.delete(name)))),
  ]);
}

/** The service worker's caches of signed-in pages (app/sw.ts), which hold the person's name and id. */
export const PAGE_CACHE_PREFIX = 'todo-pages';
