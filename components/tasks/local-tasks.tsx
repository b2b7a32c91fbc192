'use client';

import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { endRefusedSession } from '@/lib/auth/actions';
import { serverFor } from '@/lib/client/api';
import type { Lists } from '@/lib/client/lists';
import { forgetLocalData, LocalCopy, type AnyWrite, type Conflict, type OutboxEvent } from '@/lib/client/local-copy';
import { listShown } from '@/lib/client/list-shown';
import { FeedUnavailable, watchChanges } from '@/lib/client/sync';
import type { Task } from '@/lib/client/task';

/**
 * The signed-in app's tasks, from the device's copy (lib/client/local-copy.ts): every view reads
 * them here, and every write of the app goes through `queue`. The copy follows the changes feed
 * whenever the event stream (shared by the browser's tabs) signals, after a reconnection, when
 * the network comes back and when the tab is shown again; the outbox is sent after each write,
 * at those same moments, and again after a growing pause while the server cannot be reached.
 */

export interface LocalTasks {
  tasks: ReadonlyMap<string, Task>;
  /** The copy holds a full sync (else the views say they are loading). */
  ready: boolean;
  /** The copy has been read (or cannot be: no IndexedDB): what the page fetches can wait for it. */
  opened: boolean;
  /** This browser does not let the app keep the copy (IndexedDB refused): the views cannot show. */
  unavailable: boolean;
  /** Writes made on this device that the server has not confirmed yet. */
  waiting: number;
  /** Whether the event stream is connected: null until first known. */
  connected: boolean | null;
  /** A write of a task, a project or a label: shown at once, sent when the server can be reached. */
  queue(write: AnyWrite): Promise<void>;
  /** Refusals and saves of the outbox's writes. */
  onEvent(listener: (event: OutboxEvent) => void): () => void;
  /** Edits that met a newer version saved elsewhere, until the person applies or dismisses them. */
  conflicts: readonly Conflict[];
  resolveConflict(taskId: string, apply: boolean): void;
  /** The person's projects and labels as the server last gave them, with this device's waiting writes applied; null before the first fetch. */
  lists: Lists | null;
  /** Fetches the lists from the server into the copy (an answer a save overtook is dropped). */
  refreshLists(fetch: () => Promise<Lists>): Promise<void>;
  /** The React key of a task's row: the same before and after a task made here is saved (LocalCopy.rowKey). */
  rowKey(id: string): string;
  /** The saved id of a project (or task) made on this device, once the server has it. */
  savedId(tempId: string): string | undefined;
}

const NO_TASKS: ReadonlyMap<string, Task> = new Map();

/** What a person is told when this device's storage could not keep a change. */
export const KEEP_FAILED = 'Could not keep that change on this device. Reload the page and try again.';
const RETRY_MS = [1_000, 2_000, 5_000, 10_000, 30_000];

const LocalTasksContext = createContext<LocalTasks | null>(null);

export function useLocalTasks(): LocalTasks {
  const local = useContext(LocalTasksContext);
  if (!local) throw new Error('useLocalTasks is used outside LocalTasksProvider');
  return local;
}

interface Props {
  userId: string;
  /** The feed says the person's projects changed, or a write was saved (labels may be new): the sidebar asks again. */
  onChanged: () => void;
  onInvitation: () => void;
  children: ReactNode;
}

export function LocalTasksProvider({ userId, onChanged, onInvitation, children }: Props) {
  const [copy, setCopy] = useState<LocalCopy | null>(null);
  const [shown, setShown] = useState<Pick<LocalTasks, 'tasks' | 'ready' | 'waiting' | 'conflicts' | 'unavailable' | 'lists'>>({
    tasks: NO_TASKS,
    ready: false,
    waiting: 0,
    conflicts: [],
    unavailable: false,
    lists: null,
  });
  const [connected, setConnected] = useState<boolean | null>(null);
  const openedRef = useRef<LocalCopy | null>(null);
  // The copy being opened: a write made in the first moments of the page (typed before IndexedDB
  // answered) waits for it rather than failing. Null when it cannot be opened.
  const opening = useRef<Promise<LocalCopy | null>>(Promise.resolve(null));
  const latest = useRef({ onChanged, onInvitation });
  const flushNow = useRef(() => {});
  useEffect(() => {
    latest.current = { onChanged, onInvitation };
  });

  useEffect(() => {
    let stopped = false;
    let stopWatching = () => {};
    let retry: ReturnType<typeof setTimeout> | undefined;
    let attempt = 0;
    let opened: LocalCopy | undefined;

    // One send at a time in this tab (a call meanwhile makes one more), and one retry timer.
    let flushing = false;
    let flushAgain = false;
    const flush = () => {
      if (!opened || stopped) return;
      if (flushing) {
        flushAgain = true;
        return;
      }
      flushing = true;
      clearTimeout(retry);
      opened
        .flush()
        .then((result) => {
          if (result !== 'waiting') attempt = 0;
          else if (!flushAgain) retry = setTimeout(flush, RETRY_MS[Math.min(attempt++, RETRY_MS.length - 1)]);
        })
        // IndexedDB itself failed: the next signal tries again.
        .catch(() => {})
        .finally(() => {
          flushing = false;
          if (flushAgain) {
            flushAgain = false;
            flush();
          }
        });
    };
    flushNow.current = flush;
    const catchUp = () => {
      if (!opened || stopped) return;
      opened
        .catchUp()
        .then((projectsChanged) => {
          if (projectsChanged) latest.current.onChanged();
        })
        .catch((err: unknown) => {
          if (err instanceof FeedUnavailable && err.status === 401) leave();
          // Offline or refused: the next signal (reconnection, online, visible) tries again.
        });
      flush();
    };
    // The session was refused (revoked, expired, signed out elsewhere): sign in again. The copy
    // stays only while it holds writes of the person's not sent yet (the same person signing in
    // again sends them; anyone else's sign-in clears them).
    const leave = () => {
      if (stopped) return;
      stopped = true;
      const keep = (opened?.waiting ?? 0) > 0;
      opened?.close();
      void (keep ? Promise.resolve() : forgetLocalData()).finally(() => endRefusedSession());
    };
    const visible = () => {
      if (document.visibilityState === 'visible') catchUp();
    };

    const open = LocalCopy.open(userId, serverFor(userId));
    opening.current = open.catch(() => null);
    open
      .then((local) => {
        if (stopped) return local.close();
        opened = local;
        const show = () => setShown({ tasks: local.tasks, ready: local.synced, waiting: local.waiting, conflicts: local.conflicts, unavailable: false, lists: local.lists });
        local.subscribe(show);
        local.onEvent((event) => {
          if (event.kind === 'signedOut') leave();
          // A saved label may be a new one: the sidebar's labels are fetched again.
          else if (event.kind === 'saved' && (event.write.kind === 'create' ? event.write.body.labels?.length : event.write.kind === 'update' && event.write.changes.labels)) latest.current.onChanged();
        });
        show();
        setCopy(local);
        openedRef.current = local;
        // The list shows from the copy first; the network after that frame.
        requestAnimationFrame(() =>
          setTimeout(() => {
            if (stopped) return;
            listShown();
            catchUp();
            stopWatching = watchChanges(userId, { onSignal: catchUp, onConnection: setConnected, onInvitation: () => latest.current.onInvitation() });
            document.addEventListener('visibilitychange', visible);
          }, 0),
        );
      })
      .catch(() => {
        // No IndexedDB (refused by the browser's settings, some private windows): the board says so.
        if (!stopped) setShown((current) => ({ ...current, ready: true, unavailable: true }));
        listShown();
      });

    return () => {
      stopped = true;
      clearTimeout(retry);
      stopWatching();
      document.removeEventListener('visibilitychange', visible);
      opened?.close();
      openedRef.current = null;
      opening.current = Promise.resolve(null);
      setCopy(null);
    };
  }, [userId]);

  const queue = useCallback(async (write: AnyWrite) => {
    const local = openedRef.current ?? (await opening.current);
    if (!local) throw new Error('The tasks on this device cannot be kept in this browser.');
    await local.queue(write);
    flushNow.current();
  }, []);
  const refreshLists = useCallback(async (fetch: () => Promise<Lists>) => {
    await openedRef.current?.refreshLists(fetch);
  }, []);
  const resolveConflict = useCallback(
    (taskId: string, apply: boolean) => {
      copy
        ?.resolveConflict(taskId, apply)
        .then(() => flushNow.current())
        .catch(() => {});
    },
    [copy],
  );
  const onEvent = useCallback((listener: (event: OutboxEvent) => void) => copy?.onEvent(listener) ?? (() => {}), [copy]);
  const rowKey = useCallback((id: string) => copy?.rowKey(id) ?? id, [copy]);
  const savedId = useCallback((tempId: string) => copy?.savedId(tempId), [copy]);

  return (
    <LocalTasksContext.Provider value={{ ...shown, opened: copy !== null || shown.ready, connected, queue, onEvent, resolveConflict, refreshLists, rowKey, savedId }}>{children}</LocalTasksContext.Provider>
  );
}
