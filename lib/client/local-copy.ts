import { deleteDB, openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction } from 'idb';
import type { components } from './openapi';
import { isListWrite, listItemOf, listsWith, madeBefore, renamedList, taskEffectOf, underListWrites, type ListWrite, type Lists } from './lists';
import { effectOf, isTemporary, renamed, showsChanges, showsCompletion, TEMP_PREFIX, type Effect, type ListEntry, type OutboxEntry, type OutboxWrite, type TaskChanges, type TaskEntry } from './outbox';
import { PAGE_CACHE } from './page-cache';
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
 * - the feed never overwrites a task that has writes waiting (the server's answer to the last
 *   of them does), nor a newer version with an older one;
 * - an edit that meets a newer version is kept as a conflict until the person applies or
 *   dismisses it.
 * Tabs tell each other of changes through a BroadcastChannel. Nothing here knows of React.
 */

type Project = components['schemas']['Project'];
type Label = components['schemas']['Label'];

/** Any write the outbox holds: a task's, or a project's or label's. */
export type AnyWrite = OutboxWrite | ListWrite;

/** An edit that met a newer version saved elsewhere: the person applies it to that version, or lets it go. */
export interface Conflict {
  newer: Task;
  changes: TaskChanges;
}

interface Schema extends DBSchema {
  tasks: { key: string; value: Task };
  outbox: { key: number; value: OutboxEntry };
  meta: { key: string; value: unknown };
}

type Stores = 'tasks' | 'outbox' | 'meta';

export const DB_NAME = 'todo';
const STORES: Stores[] = ['tasks', 'outbox', 'meta'];

type Refusal = { ok: false; status: number; message: string };
/** What the server said to a write: the saved task (null for a delete), or the refusal's status and message. */
export type Sent = { ok: true; task: Task | null } | Refusal;
/** What the server said to a project's or label's write: the saved one (null for a delete and a move), or the refusal. */
export type ListSent = { ok: true; item: Project | Label | null } | Refusal;

/** The server, as the copy needs it (lib/client/api.ts's `serverFor` in the browser, a test's fake in Vitest). */
export interface Server {
  changes: FetchChanges;
  send(write: OutboxWrite): Promise<Sent>;
  sendList(write: ListWrite): Promise<ListSent>;
  /** The task as the server has it now, or null when the person no longer sees it; throws when unreachable. */
  task(id: string): Promise<Task | null>;
  /** The person's projects and labels; throws when unreachable. */
  lists(): Promise<Lists>;
}

export type OutboxEvent =
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
const LIST_VERBS: Record<ListWrite['kind'], string> = {
  'project-create': 'add the project',
  'project-update': 'change the project',
  'project-move': 'move the project',
  'project-delete': 'delete the project',
  'label-create': 'add the label',
  'label-update': 'change the label',
  'label-delete': 'delete the label',
};

/**
 * Temporary ids kept with the saved ids they became (meta `renames`), and versions with the
 * version this device's saved write made of them (meta `successors`).
 */
const RENAMES_KEPT = 200;
const SUCCESSORS_KEPT = 200;

const TEMP_IDS = new RegExp(`${TEMP_PREFIX}[\\w-]+`, 'g');

/** More tasks than this to put right after a refusal: a full sync does it instead. */
const REFETCH_AT_MOST = 20;

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
  /** Edits that met a newer version, by task id, until the person decides. */
  conflicts: readonly Conflict[] = [];
  /** The person's projects and labels as this device shows them (its waiting writes applied); null before the first fetch. */
  lists: Lists | null = null;

  private readonly listeners = new Set<() => void>();
  private readonly eventListeners = new Set<(event: OutboxEvent) => void>();
  private readonly channel: BroadcastChannel | undefined;
  private catching: Promise<boolean> | undefined;
  private catchAgain = false;
  /** Moves on with every change this tab shows: a reload that read before one reads again. */
  private generation = 0;
  /** The projects and labels as the server last gave them, and the writes to them waiting. */
  private serverLists: Lists | null = null;
  private waitingLists: ListWrite[] = [];
  /** The temporary id each task saved from this device had, by its saved id (see `rowKey`). */
  private readonly firstIds = new Map<string, string>();
  /**
   * The other way: the saved id of each temporary one, and the version its create made (when
   * this tab saved it), for a write made from a page (a dialog) opened before the save.
   */
  private readonly savedIds = new Map<string, { id: string; etag: string }>();

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
      // Signing out in another tab deletes the database: this page lets go of it and loads
      // again, which (signed out) leads to sign-in. The tab signing out goes on its way.
      blocking() {
        db.close();
        if (!forgetting && typeof location !== 'undefined') location.reload();
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

  /** How many writes wait on this device (none: no copy here), without opening it for a person. */
  static async waitingOnDevice(): Promise<number> {
    if (typeof indexedDB === 'undefined' || !(await indexedDB.databases?.())?.some((db) => db.name === DB_NAME)) return 0;
    const db = await openDB<Schema>(DB_NAME);
    try {
      return db.objectStoreNames.contains('outbox') ? await db.count('outbox') : 0;
    } finally {
      db.close();
    }
  }

  /** Calls `listener` whenever the copy, the outbox or the conflicts changed, here or in another tab. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Refusals, saves and an ended session, from whichever tab sent the write. */
  onEvent(listener: (event: OutboxEvent) => void): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  close(): void {
    this.channel?.close();
    this.db.close();
  }

  /**
   * A key for the task's row (or a project's board) that stays the same when a task made on this
   * device is saved and its temporary id becomes the server's: its row is not drawn anew (an open
   * dialog of it, or the line adding a subtask under it, stays open).
   */
  rowKey(id: string): string {
    return this.firstIds.get(id) ?? id;
  }

  /** The saved id of a task, project or label made on this device, once the server has given it. */
  savedId(tempId: string): string | undefined {
    return this.savedIds.get(tempId)?.id;
  }

  /**
   * Asks the server for the person's projects and labels (`fetch`) and keeps its answer, for a
   * page opened offline too, unless a project or label write was saved or refused meanwhile, in
   * any tab (meta `listsVersion`, moved on in that write's own transaction): the answer may not
   * have it, and the next fetch will.
   */
  async refreshLists(fetch: () => Promise<Lists>): Promise<void> {
    const version = await this.db.get('meta', 'listsVersion');
    const lists = await fetch();
    const tx = this.db.transaction('meta', 'readwrite');
    if ((await tx.store.get('listsVersion')) !== version) return;
    await Promise.all([tx.store.put(lists.projects, 'projects'), tx.store.put(lists.labels, 'labels'), tx.done]);
    this.serverLists = lists;
    this.showLists();
    for (const listener of this.listeners) listener();
  }

  private showLists(): void {
    const server = this.serverLists ?? (this.waitingLists.length ? { projects: [], labels: [] } : null);
    this.lists = server && listsWith(server, this.waitingLists, new Date().toISOString());
  }

  /**
   * Applies `write` to the copy and queues it, in one transaction; sending is `flush`'s. The
   * page shows it at once, before it is stored. A write naming a task another tab has since
   * saved (its temporary id renamed) is queued under the saved id.
   */
  async queue(made: AnyWrite): Promise<void> {
    let write = made;
    for (const tempId of new Set(JSON.stringify(made).match(TEMP_IDS) ?? [])) {
      const saved = this.savedIds.get(tempId);
      if (!saved) continue;
      write = renamedWrite(write, tempId, saved.id);
      // Made on the version the create saved: sent with If-Match like any edit (when this tab knows it).
      if ('task' in made && made.task === tempId && 'ifMatch' in write && write.ifMatch === '') write = { ...write, ifMatch: saved.etag };
    }
    const effect = this.effectFor(write);
    this.applyEffect(effect);
    if (isListWrite(write)) {
      this.waitingLists = [...this.waitingLists, write];
      this.showLists();
    }
    this.waiting += 1;
    this.generation += 1;
    for (const listener of this.listeners) listener();
    let stale = false;
    let queued = write;
    try {
      const tx = this.db.transaction(STORES, 'readwrite');
      const meta = tx.objectStore('meta');
      let touched = [...effect.put.map((t) => t.id), ...effect.remove];
      if (JSON.stringify(write).includes(TEMP_PREFIX)) {
        const renames = ((await meta.get('renames')) ?? {}) as Record<string, string>;
        for (const [tempId, id] of Object.entries(renames)) queued = renamedWrite(queued, tempId, id);
        stale = JSON.stringify(queued) !== JSON.stringify(write);
        touched = touched.map((id) => renames[id] ?? id);
      }
      // Made from a page drawn before a save of this device's (in this tab or another) was
      // shown: made on the version that save made. Read here, after any save stored before.
      if ('ifMatch' in queued && queued.ifMatch) {
        const successors = ((await meta.get('successors')) ?? {}) as Record<string, string>;
        let ifMatch = queued.ifMatch;
        for (let hops = 0; successors[ifMatch] && hops < SUCCESSORS_KEPT; hops++) ifMatch = successors[ifMatch]!;
        queued = { ...queued, ifMatch };
      }
      await Promise.all([tx.objectStore('outbox').add({ ...queued, touched } as OutboxEntry), ...(stale ? [] : this.writeEffect(tx.objectStore('tasks'), effect)), tx.done]);
    } catch (err) {
      await this.reload();
      throw err;
    }
    if (!stale) {
      this.channel?.postMessage({ kind: 'changed' } satisfies Message);
      return;
    }
    // The task was saved (here or in another tab) while this write was shown on its temporary
    // id: read the copy again, and show the write on the saved task.
    await this.reload();
    const since = this.generation;
    await this.commit(this.db.transaction(STORES, 'readwrite'), this.effectFor(queued), since);
  }

  private effectFor(write: AnyWrite): Effect {
    return isListWrite(write) ? taskEffectOf(this.tasks, write) : effectOf(this.tasks, write, this.userId, new Date().toISOString());
  }

  /**
   * Everything the feed has since the stored cursor (a full sync the first time), one tab at a
   * time; calls made meanwhile fold into one more. Resolves to whether the person's projects
   * changed (the sidebar asks for them again).
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
    const since = this.generation;
    const tx = this.db.transaction(STORES, 'readwrite');
    const tasks = tx.objectStore('tasks');
    const outbox = await tx.objectStore('outbox').getAll();
    const waiting = new Set(outbox.flatMap((entry) => ('task' in entry ? [entry.task] : [])));
    const held = new Map((update.full || update.changed.length > 200 ? await tasks.getAll() : await Promise.all(update.changed.map((t) => tasks.get(t.id)))).filter((t) => t !== undefined).map((t) => [t.id, t]));
    const changedIds = new Set(update.changed.map((t) => t.id));
    // A feed read that began before this device's own write may answer after it: an older
    // version never replaces a newer one (updated_at moves strictly forward with every change).
    const newer = (task: Task) => {
      const shown = held.get(task.id);
      return !shown || Date.parse(task.updated_at) >= Date.parse(shown.updated_at);
    };
    const gone = update.full ? [...held.keys()].filter((id) => !changedIds.has(id) && !isTemporary(id)) : [];
    const shown = underListWrites(
      update.changed.filter((t) => !waiting.has(t.id) && newer(t)),
      outbox.filter(isListWrite),
    );
    const effect = { put: shown.put, remove: [...gone, ...update.deleted].filter((id) => !waiting.has(id)).concat(shown.remove) };
    await Promise.all([...this.writeEffect(tasks, effect), tx.objectStore('meta').put(update.cursor, 'cursor'), tx.done]);
    this.synced = true;
    await this.show(effect, since);
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
        if (isListWrite(entry)) {
          const ended = await this.sendList(entry);
          if (ended) return ended;
          continue;
        }
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

  /** Applies a conflict's edit to the newer version (queued like any edit), or lets it go. */
  async resolveConflict(taskId: string, apply: boolean): Promise<void> {
    const conflict = this.conflicts.find((c) => c.newer.id === taskId);
    if (!conflict) return;
    await this.db.put('meta', this.conflicts.filter((c) => c !== conflict), 'conflicts');
    if (apply) await this.queue({ kind: 'update', task: taskId, changes: conflict.changes, ifMatch: conflict.newer.etag });
    await this.reload();
    this.changed();
  }

  /** Reads the copy, the outbox and the conflicts again (another tab changed them). */
  async reload(): Promise<void> {
    for (;;) {
      const generation = this.generation;
      const tx = this.db.transaction(STORES, 'readonly');
      const [tasks, outbox, cursor, conflicts, renames, projects, labels] = await Promise.all([
        tx.objectStore('tasks').getAll(),
        tx.objectStore('outbox').getAll(),
        tx.objectStore('meta').get('cursor'),
        tx.objectStore('meta').get('conflicts'),
        tx.objectStore('meta').get('renames'),
        tx.objectStore('meta').get('projects') as Promise<Project[] | undefined>,
        tx.objectStore('meta').get('labels') as Promise<Label[] | undefined>,
      ]);
      // A write shown meanwhile is not in what was read: read again.
      if (generation !== this.generation) continue;
      // Saved by another tab: rows this tab drew under the temporary id keep their keys (only
      // those: a board or row drawn under the saved id is not drawn again under the old one).
      const drawn = (id: string) => this.tasks.has(id) || Boolean(this.lists?.projects.some((p) => p.id === id) || this.lists?.labels.some((l) => l.id === id));
      for (const [tempId, id] of Object.entries((renames ?? {}) as Record<string, string>)) {
        if (this.savedIds.has(tempId)) continue;
        this.savedIds.set(tempId, { id, etag: '' });
        if (drawn(tempId)) this.firstIds.set(id, tempId);
      }
      this.tasks = new Map(tasks.map((task) => [task.id, task]));
      this.waiting = outbox.length;
      this.synced = cursor !== undefined;
      this.conflicts = (conflicts as Conflict[] | undefined) ?? [];
      this.serverLists = projects && labels ? { projects, labels } : null;
      this.waitingLists = outbox.filter(isListWrite);
      this.showLists();
      for (const listener of this.listeners) listener();
      return;
    }
  }

  /**
   * The server saved `entry` as `saved`: drop it, and show the saved task with the writes still
   * waiting for it applied. `answered`: `saved` is the server's answer to this write (not a
   * version read after a `412`, which may be another device's).
   */
  private async settle(entry: TaskEntry, saved: Task | null, answered = true): Promise<void> {
    const since = this.generation;
    const tx = this.db.transaction(STORES, 'readwrite');
    const outbox = tx.objectStore('outbox');
    await outbox.delete(entry.seq);
    const working = new Map(this.tasks);
    const touched = new Set<string>();
    const set = (task: Task) => {
      working.set(task.id, task);
      touched.add(task.id);
    };
    if (saved) {
      const renaming = entry.kind === 'create';
      const meta = tx.objectStore('meta');
      const writes: Promise<unknown>[] = [];
      if (answered && 'ifMatch' in entry && entry.ifMatch && entry.ifMatch !== saved.etag) {
        writes.push(keepLatest(meta, 'successors', entry.ifMatch, saved.etag, SUCCESSORS_KEPT));
      }
      for (const next of await outbox.getAll()) {
        let rewritten = renaming ? renamedWrite(next, entry.task, saved.id) : next;
        // A write made on top of this one's version is made on top of the saved one.
        if ('task' in rewritten && rewritten.task === saved.id && 'ifMatch' in rewritten && rewritten.ifMatch === ('ifMatch' in entry ? entry.ifMatch : '')) rewritten = { ...rewritten, ifMatch: saved.etag };
        if (rewritten !== next) writes.push(outbox.put(rewritten));
      }
      if (renaming) {
        // For a write made on the temporary id after this (another tab's, or one from a dialog
        // opened before the save): the latest RENAMES_KEPT, as a page may stay open for long.
        writes.push(keepLatest(meta, 'renames', entry.task, saved.id, RENAMES_KEPT));
        this.firstIds.set(saved.id, entry.task);
        working.delete(entry.task);
        touched.add(entry.task);
        for (const task of working.values()) if (task.parent_id === entry.task) set({ ...task, parent_id: saved.id });
      }
      set(saved);
      await Promise.all(writes);
      // This device's writes still waiting for the task stay shown over the server's version.
      const now = new Date().toISOString();
      for (const next of await outbox.getAll()) {
        if (!('task' in next) || next.task !== saved.id) continue;
        const { put, remove } = effectOf(working, next, this.userId, now);
        for (const task of put) set(task);
        for (const id of remove) {
          working.delete(id);
          touched.add(id);
        }
      }
    }
    await this.commit(tx, this.effectIn(working, touched), since);
    // Only now that the saved task is shown: a write renamed earlier would find nothing to show on.
    if (saved && entry.kind === 'create') this.savedIds.set(entry.task, { id: saved.id, etag: saved.etag });
    this.tell({ kind: 'saved', write: entry, task: saved });
  }

  /**
   * A `412`: the task changed since the write was made. A write whose earlier attempt did reach
   * the server is done; a completion or a move is still meant, and is sent again on the newer
   * version; another edit becomes a conflict for the person (with the edits queued after it
   * on that task).
   */
  private async resolveStale(entry: TaskEntry & { kind: 'update' | 'toggle' | 'move' }): Promise<'resolved' | 'unreachable'> {
    let newer: Task | null;
    try {
      newer = await this.server.task(entry.task);
    } catch {
      return 'unreachable';
    }
    if (!newer) {
      await this.refuse(entry, 'This task no longer exists. It may have been deleted elsewhere.', null);
      return 'resolved';
    }
    if (entry.kind === 'update' ? showsChanges(newer, entry.changes) : entry.kind === 'toggle' && showsCompletion(newer, entry)) {
      await this.settle(entry, newer, false);
      return 'resolved';
    }
    if (entry.kind !== 'update') {
      await this.db.put('outbox', { ...entry, ifMatch: newer.etag });
      return 'resolved';
    }
    const since = this.generation;
    const tx = this.db.transaction(STORES, 'readwrite');
    const outbox = tx.objectStore('outbox');
    let changes = entry.changes;
    const writes: Promise<unknown>[] = [outbox.delete(entry.seq)];
    for (const next of await outbox.getAll()) {
      if (!('task' in next) || next.task !== entry.task || next.seq === entry.seq) continue;
      if (next.kind === 'update') {
        changes = { ...changes, ...next.changes };
        writes.push(outbox.delete(next.seq));
      } else if (next.kind === 'toggle' && showsCompletion(newer, next)) writes.push(outbox.delete(next.seq));
      else if ('ifMatch' in next) writes.push(outbox.put({ ...next, ifMatch: newer.etag }));
    }
    const meta = tx.objectStore('meta');
    const conflicts = ((await meta.get('conflicts')) ?? []) as Conflict[];
    const earlier = conflicts.find((c) => c.newer.id === newer.id);
    writes.push(meta.put([...conflicts.filter((c) => c !== earlier), { newer, changes: { ...earlier?.changes, ...changes } }], 'conflicts'));
    await Promise.all(writes);
    await this.commit(tx, { put: [newer], remove: [] }, since);
    return 'resolved';
  }

  /**
   * A write the server refused for good: drop it (a refused create, with everything queued on
   * its task), put the tasks it touched back as the server has them, and say why. `current`:
   * the task as the server has it, when already known.
   */
  private async refuse(entry: TaskEntry, reason: string, current?: Task | null): Promise<void> {
    const title = entry.kind === 'create' ? entry.body.title : (this.tasks.get(entry.task)?.title ?? 'the task');
    const verb = entry.kind === 'toggle' && !entry.completed ? 'reopen' : VERBS[entry.kind];
    const known = new Map<string, Task | null>(current === undefined ? [] : [[entry.task, current]]);
    const refetch = entry.touched.filter((id) => !isTemporary(id) && !known.has(id));
    let fullSync = refetch.length > REFETCH_AT_MOST;
    if (!fullSync) {
      try {
        for (const id of refetch) known.set(id, await this.server.task(id));
      } catch {
        // Unreachable: a full sync at the next catch-up puts the copy right.
        fullSync = true;
      }
    }
    const since = this.generation;
    const tx = this.db.transaction(STORES, 'readwrite');
    const outbox = tx.objectStore('outbox');
    const gone = entry.kind === 'create' || known.get(entry.task) === null;
    const writes: Promise<unknown>[] = [outbox.delete(entry.seq)];
    if (gone) for (const next of await outbox.getAll()) if ('task' in next && next.task === entry.task) writes.push(outbox.delete(next.seq));
    if (fullSync) writes.push(tx.objectStore('meta').delete('cursor'));
    const effect: Effect = { put: [], remove: entry.kind === 'create' ? [entry.task] : [] };
    for (const [id, task] of known) {
      if (task) effect.put.push(task);
      else effect.remove.push(id);
    }
    await Promise.all(writes);
    await this.commit(tx, effect, since);
    this.tell({ kind: 'refused', message: `Could not ${verb} “${title}”. ${reason}` });
  }

  /**
   * Sends a project's or label's write. A create whose first answer was lost meets its own name
   * on the retry (`409`: names are unique per person) and is done when the one of that name has
   * its colour too; on a first attempt, a `409` is a name taken elsewhere (refused). A delete of
   * one already gone is done.
   * Resolves to how the send ended when it cannot go on, else undefined.
   */
  private async sendList(entry: ListEntry): Promise<FlushResult | undefined> {
    const creates = entry.kind === 'project-create' || entry.kind === 'label-create';
    // Only a create sent before may have been made by that attempt, its answer lost.
    const sentBefore = creates && entry.attempted === true;
    if (creates && !sentBefore) await this.db.put('outbox', { ...entry, attempted: true });
    const sent = await this.server.sendList(entry);
    if (sent.ok) return void (await this.settleList(entry, sent.item));
    if (sent.status === 401) {
      this.tell({ kind: 'signedOut' });
      return 'signedOut';
    }
    if (sent.status === 0 || sent.status === 429 || sent.status >= 500) return 'waiting';
    if (sent.status === 404 && (entry.kind === 'project-delete' || entry.kind === 'label-delete')) return void (await this.settleList(entry, null));
    if (sent.status === 409 && sentBefore && (entry.kind === 'project-create' || entry.kind === 'label-create')) {
      let lists: Lists;
      try {
        lists = await this.server.lists();
      } catch {
        return 'waiting';
      }
      const made = entry.kind === 'project-create' ? madeBefore(lists.projects.filter((p) => p.role === 'owner'), entry.body) : madeBefore(lists.labels, entry.body);
      if (made) return void (await this.settleList(entry, made));
    }
    await this.refuseList(entry, sent.message);
  }

  /**
   * The server saved a project's or label's write: the lists show its answer. A project or label
   * made here takes its saved id in the writes waiting and on the tasks in it.
   */
  private async settleList(entry: ListEntry, saved: Project | Label | null): Promise<void> {
    const since = this.generation;
    const tx = this.db.transaction(STORES, 'readwrite');
    const [outbox, meta] = [tx.objectStore('outbox'), tx.objectStore('meta')];
    const writes: Promise<unknown>[] = [outbox.delete(entry.seq)];
    const tempId = listItemOf(entry);
    let lists: Lists = { projects: ((await meta.get('projects')) ?? []) as Project[], labels: ((await meta.get('labels')) ?? []) as Label[] };
    const effect: Effect = { put: [], remove: [] };
    if (saved && (entry.kind === 'project-create' || entry.kind === 'label-create')) {
      lists =
        entry.kind === 'project-create'
          ? { ...lists, projects: [...lists.projects.filter((p) => p.id !== saved.id), saved as Project] }
          : { ...lists, labels: [...lists.labels.filter((l) => l.id !== saved.id), saved as Label] };
      for (const next of await outbox.getAll()) {
        const rewritten = next.seq === entry.seq ? next : renamedWrite(next, tempId, saved.id);
        if (rewritten !== next && JSON.stringify(rewritten) !== JSON.stringify(next)) writes.push(outbox.put(rewritten));
      }
      writes.push(keepLatest(meta, 'renames', tempId, saved.id, RENAMES_KEPT));
      if (entry.kind === 'project-create') for (const task of await tx.objectStore('tasks').getAll()) if (task.project_id === tempId) effect.put.push({ ...task, project_id: saved.id });
    } else {
      lists = listsWith(lists, [entry], new Date().toISOString());
      if (saved) lists = { projects: lists.projects.map((p) => (p.id === saved.id ? (saved as Project) : p)), labels: lists.labels.map((l) => (l.id === saved.id ? (saved as Label) : l)) };
    }
    writes.push(meta.put(lists.projects, 'projects'), meta.put(lists.labels, 'labels'));
    const [waitingLists] = await Promise.all([this.waitingListsIn(outbox), this.nextListsVersion(meta), ...writes]);
    // Known before the lists without the temporary id show: a view of it follows it to the saved id.
    if (saved && entry.kind.endsWith('-create')) {
      this.savedIds.set(tempId, { id: saved.id, etag: '' });
      this.firstIds.set(saved.id, tempId);
    }
    if (this.generation === since) {
      this.serverLists = lists;
      this.waitingLists = waitingLists;
      this.showLists();
    }
    await this.commit(tx, effect, since);
  }

  /**
   * A project's or label's write the server refused for good: drop it, show the lists as the
   * server has them, and say why. A refused project's waiting writes go with it, and the tasks
   * added to it go to the Inbox. Tasks it changed on the device are put right by a full sync.
   */
  private async refuseList(entry: ListEntry, reason: string): Promise<void> {
    const since = this.generation;
    const tx = this.db.transaction(STORES, 'readwrite');
    const [outbox, meta] = [tx.objectStore('outbox'), tx.objectStore('meta')];
    const writes: Promise<unknown>[] = [outbox.delete(entry.seq)];
    const effect: Effect = { put: [], remove: [] };
    const item = listItemOf(entry);
    let movedBack = false;
    if (entry.kind === 'project-create' || entry.kind === 'label-create') {
      const waiting = await outbox.getAll();
      // Deleted on this device too: the tasks added to it go with it, rather than to the Inbox.
      const deleted = waiting.some((next) => next.kind === 'project-delete' && next.project === item);
      const dropped = new Set<string>();
      for (const next of waiting) {
        if (isListWrite(next)) {
          if (listItemOf(next) === item) writes.push(outbox.delete(next.seq));
        } else if (next.kind === 'create' && next.body.project_id === item) {
          if (deleted) dropped.add(next.task);
          writes.push(deleted ? outbox.delete(next.seq) : outbox.put({ ...next, body: { ...next.body, project_id: null } }));
        } else if (dropped.has(next.task) || (next.kind === 'create' && next.body.parent_id && dropped.has(next.body.parent_id))) {
          if (next.kind === 'create') dropped.add(next.task);
          writes.push(outbox.delete(next.seq));
        } else if (next.kind === 'update' && next.changes.project_id === item) {
          // A task moved into it stays where it was: the move goes, the rest of the edit stays.
          const { project_id: _moved, ...rest } = next.changes;
          writes.push(Object.keys(rest).length ? outbox.put({ ...next, changes: rest }) : outbox.delete(next.seq));
          movedBack = true;
        }
      }
      // Tasks added to it stay, in the Inbox; one moved into it is put back by a full sync.
      if (entry.kind === 'project-create') for (const task of await tx.objectStore('tasks').getAll()) if (task.project_id === item && isTemporary(task.id)) effect.put.push({ ...task, project_id: null });
    }
    if (entry.touched.length || movedBack) writes.push(meta.delete('cursor'));
    const [waitingLists] = await Promise.all([this.waitingListsIn(outbox), this.nextListsVersion(meta), ...writes]);
    if (this.generation === since) {
      this.waitingLists = waitingLists;
      this.showLists();
    }
    await this.commit(tx, effect, since);
    // The tasks it changed on the device: as the server has them (a full sync).
    if (entry.touched.length || movedBack) void this.catchUp().catch(() => {});
    const name = 'body' in entry ? entry.body.name : 'was' in entry ? entry.was : (this.lists?.projects.find((p) => p.id === item)?.name ?? 'the project');
    this.tell({ kind: 'refused', message: `Could not ${LIST_VERBS[entry.kind]} “${name}”. ${reason}` });
  }

  /** A lists fetch begun before this transaction is outdated (`refreshLists`). */
  private async nextListsVersion(meta: { get(key: string): Promise<unknown>; put(value: unknown, key: string): Promise<unknown> }): Promise<void> {
    await meta.put(Number((await meta.get('listsVersion')) ?? 0) + 1, 'listsVersion');
  }

  /** The project and label writes waiting in `outbox` (read after the transaction's own changes to it). */
  private async waitingListsIn(outbox: { getAll(): Promise<OutboxEntry[]> }): Promise<ListWrite[]> {
    return (await outbox.getAll()).filter(isListWrite);
  }

  /** The put/remove that makes the stored copy match `working` for `ids`. */
  private effectIn(working: ReadonlyMap<string, Task>, ids: Iterable<string>): Effect {
    const effect: Effect = { put: [], remove: [] };
    for (const id of ids) {
      const task = working.get(id);
      if (task) effect.put.push(task);
      else effect.remove.push(id);
    }
    return effect;
  }

  /**
   * Writes `effect` and ends the transaction, then shows the result here and in the other tabs.
   * `since`: the generation when the transaction began (see `show`).
   */
  private async commit(tx: IDBPTransaction<Schema, Stores[], 'readwrite'>, effect: Effect, since: number): Promise<void> {
    const [waiting, conflicts] = await Promise.all([tx.objectStore('outbox').count(), tx.objectStore('meta').get('conflicts'), ...this.writeEffect(tx.objectStore('tasks'), effect)]);
    await tx.done;
    if (this.generation === since) {
      this.waiting = waiting;
      this.conflicts = (conflicts as Conflict[] | undefined) ?? [];
    }
    await this.show(effect, since);
    this.changed();
  }

  /**
   * Shows an effect just stored by a transaction that began at generation `since`. A write shown
   * meanwhile (a click while the feed's or the outbox's transaction ran) is stored by a
   * transaction queued after this one, which did not see it: applying the effect over it would
   * hide it, so the stored copy, which has both, is read again instead.
   */
  private async show(effect: Effect, since: number): Promise<void> {
    if (this.generation === since) this.applyEffect(effect);
    else await this.reload();
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
    this.generation += 1;
    for (const listener of this.listeners) listener();
    this.channel?.postMessage({ kind: 'changed' } satisfies Message);
  }

  private tell(event: OutboxEvent): void {
    for (const listener of this.eventListeners) listener(event);
    this.channel?.postMessage({ kind: 'event', event } satisfies Message);
  }
}

/** Puts `key → value` into the meta map `name`, keeping its latest `kept` entries. */
async function keepLatest(meta: { get(key: string): Promise<unknown>; put(value: unknown, key: string): Promise<unknown> }, name: string, key: string, value: string, kept: number): Promise<void> {
  const entries = Object.entries(((await meta.get(name)) ?? {}) as Record<string, string>);
  await meta.put(Object.fromEntries([...entries.slice(-(kept - 1)), [key, value]]), name);
}

function renamedWrite<W extends AnyWrite>(write: W, tempId: string, id: string): W {
  return (isListWrite(write) ? renamedList(write, tempId, id) : renamed(write as OutboxWrite, tempId, id)) as W;
}

/** This tab is clearing the device (signing out): its own copy closes without loading the page again. */
let forgetting = false;

/** Clears this browser's copy, outbox and cached pages: signing out leaves none of the person's data. */
export async function forgetLocalData(): Promise<void> {
  forgetting = true;
  await Promise.all([
    deleteDB(DB_NAME).catch(() => {}),
    typeof caches === 'undefined' ? undefined : caches.delete(PAGE_CACHE),
  ]);
}
