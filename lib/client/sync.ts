import type { components } from './openapi';
import type { Task } from './task';

/*
 * Live updates in the browser, in two parts that know nothing of React:
 * - `FeedFollower` reads the changes feed from a cursor (none: a full sync), page by page; a `410`
 *   starts over with a full sync (lib/client/local-copy.ts keeps what it reads);
 * - `watchChanges` tells when to follow it: after each `changed` event of the server's stream,
 *   after a (re)connection, and when the network comes back. Tabs of one browser share one
 *   stream: the tab holding a Web Lock opens the EventSource and passes the signal on through a
 *   BroadcastChannel; when it closes, another tab takes the lock and the stream over.
 */

type Changes = components['schemas']['Changes'];

/** What one catch-up changed: tasks to put in place, ids to take out (`full`: replace everything). */
export interface FeedUpdate {
  full: boolean;
  /** Where the next catch-up starts. */
  cursor: string;
  changed: Task[];
  deleted: string[];
  /** The person's projects changed: one was added, renamed, shared, left or deleted. */
  projectsChanged?: boolean;
}

export type FetchChanges = (since: string | undefined) => Promise<{ status: number; body?: Changes }>;

export class FeedUnavailable extends Error {
  constructor(readonly status: number) {
    super(`the changes feed answered ${status}`);
    this.name = 'FeedUnavailable';
  }
}

/** Reads the changes feed from a cursor (none: a full sync), following its pages while `more` is true. */
export class FeedFollower {
  /** `cursor`: where an earlier catch-up stopped (none: a full sync first). */
  constructor(
    private readonly fetchChanges: FetchChanges,
    private cursor?: string,
  ) {}

  /** Everything since the cursor, and the cursor to go on from. */
  async catchUp(): Promise<FeedUpdate> {
    const update: FeedUpdate = { full: this.cursor === undefined, cursor: '', changed: [], deleted: [] };
    await this.follow(update);
    return update;
  }

  private async follow(update: FeedUpdate): Promise<void> {
    for (;;) {
      const { status, body } = await this.fetchChanges(this.cursor);
      if (status === 410) {
        // Too old to follow: start over, and the caller replaces what it holds.
        this.cursor = undefined;
        Object.assign(update, { full: true, changed: [], deleted: [] });
        continue;
      }
      if (status !== 200 || !body) throw new FeedUnavailable(status);
      const changedIds = new Set(body.changes.map((t) => t.id));
      update.changed = [...update.changed.filter((t) => !changedIds.has(t.id) && !body.deleted.includes(t.id)), ...body.changes];
      update.deleted = [...update.deleted.filter((id) => !changedIds.has(id)), ...body.deleted];
      if (body.projects.length || body.deleted_projects.length) update.projectsChanged = true;
      this.cursor = update.cursor = body.cursor;
      if (!body.more) return;
    }
  }
}

export interface WatchOptions {
  /** Called when there may be changes to catch up on. */
  onSignal(): void;
  /** Whether the stream is connected (shown as "offline" / "live" by the app). */
  onConnection?(connected: boolean): void;
  /** Someone invited the person to a project. */
  onInvitation?(): void;
  /** The person has a new notification (a reminder, an invitation, an assignment). */
  onNotification?(): void;
}

/** `ask`: a watcher that starts late (another of the tab's, or another tab) asks the stream's holder how it is. */
type StreamMessage = { kind: 'changed' | 'connection' | 'invitation' | 'notification' | 'ask'; connected?: boolean };

const RETRY_MS = [1_000, 2_000, 4_000, 8_000, 10_000];

/**
 * Watches the user's event stream, shared by the browser's tabs where Web Locks and
 * BroadcastChannel exist (every current browser), else one stream per tab. Returns a stop function.
 */
export function watchChanges(userId: string, options: WatchOptions): () => void {
  const channelName = `todo-changes:${userId}`;
  const channel = typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel(channelName);
  const stop = new AbortController();
  // The holder's stream state, for watchers that start after it opened.
  let holding = false;
  let connected: boolean | undefined;
  const hear = (message: StreamMessage) => {
    if (message.kind === 'ask') {
      if (holding && connected !== undefined) channel?.postMessage({ kind: 'connection', connected } satisfies StreamMessage);
    } else if (message.kind === 'changed') options.onSignal();
    else if (message.kind === 'invitation') options.onInvitation?.();
    else if (message.kind === 'notification') options.onNotification?.();
    else options.onConnection?.(Boolean(message.connected));
  };
  channel?.addEventListener('message', (event: MessageEvent<StreamMessage>) => hear(event.data));
  const tell = (message: StreamMessage) => {
    if (message.kind === 'connection') connected = message.connected;
    hear(message);
    channel?.postMessage(message);
  };

  const lead = () => {
    holding = true;
    return holdStream(userId, stop.signal, tell);
  };
  channel?.postMessage({ kind: 'ask' } satisfies StreamMessage);
  if (typeof navigator !== 'undefined' && navigator.locks && channel) {
    // The lock is held until `stop`; a tab waiting for it takes over when the holder goes.
    navigator.locks.request(channelName, { signal: stop.signal }, lead).catch(() => {});
  } else void lead();

  const online = () => options.onSignal();
  window.addEventListener('online', online);
  return () => {
    stop.abort();
    channel?.close();
    window.removeEventListener('online', online);
  };
}

/** Keeps one EventSource open until `signal` aborts, reconnecting after refusals with backoff. */
function holdStream(userId: string, signal: AbortSignal, tell: (message: StreamMessage) => void): Promise<void> {
  return new Promise<void>((resolve) => {
    let source: EventSource | undefined;
    let attempt = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const connect = () => {
      source = new EventSource(`/api/${userId}/events`);
      source.addEventListener('open', () => {
        attempt = 0;
        tell({ kind: 'connection', connected: true });
        // Whatever happened while not connected: catch up through the feed.
        tell({ kind: 'changed' });
      });
      source.addEventListener('changed', () => tell({ kind: 'changed' }));
      source.addEventListener('invitation', () => tell({ kind: 'invitation' }));
      source.addEventListener('notification', () => tell({ kind: 'notification' }));
      source.addEventListener('error', () => {
        tell({ kind: 'connection', connected: false });
        // EventSource retries by itself after a dropped stream; after a refused one (a 503, a
        // 401) it gives up (CLOSED), and this retries, waiting longer each time.
        if (source?.readyState !== EventSource.CLOSED) return;
        timer = setTimeout(connect, RETRY_MS[Math.min(attempt++, RETRY_MS.length - 1)]);
      });
    };
    connect();
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        source?.close();
        resolve();
      },
      { once: true },
    );
  });
}
