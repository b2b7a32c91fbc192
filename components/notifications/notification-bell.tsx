'use client';

import Link from 'next/link';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { ApiError, countUnreadNotifications, fetchNotifications, markNotificationsRead, type Notification } from '@/lib/client/api';
import { afterList } from '@/lib/client/list-shown';
import { pushSupported, reconcilePush } from '@/lib/client/push';
import { watchChanges } from '@/lib/client/sync';
import { taskHref, viewHref } from '@/lib/client/views';

const SHOWN = 20;

/** Where a notification leads: its task, opened in its list; an invitation, to the sidebar that answers it (any view). */
function hrefOf(notification: Notification): string {
  if (notification.task_id) return taskHref(notification.project_id, notification.task_id);
  return viewHref({ kind: 'inbox' });
}

const timeFormat = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });

/**
 * The bell in the header: the number of unread notifications, kept live by the event stream
 * (`event: notification`, shared by the browser's tabs), and a panel with the newest ones.
 * Opening the panel marks what it shows read.
 */
export function NotificationBell({ userId }: { userId: string }) {
  const id = useId();
  const [unread, setUnread] = useState(0);
  const [open, setOpen] = useState(false);
  const [items, setItems] = useState<Notification[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const openRef = useRef(open);
  const unreadRef = useRef(unread);
  useEffect(() => {
    openRef.current = open;
    unreadRef.current = unread;
  });

  const refresh = useCallback(async () => {
    try {
      const count = await countUnreadNotifications(userId);
      if (count > unreadRef.current) {
        // Cleared first, so that the same words are read again.
        setAnnouncement('');
        requestAnimationFrame(() => setAnnouncement(count === 1 ? 'You have a new notification.' : `You have ${count} unread notifications.`));
      }
      setUnread(count);
      if (openRef.current) setItems(await fetchNotifications(userId, SHOWN));
    } catch {
      // Offline or signed out: the next signal tries again.
    }
  }, [userId]);

  // Once per tab: this browser's push subscription belongs to whoever is signed in now (an
  // earlier account's, kept by the server past its session's expiry, moves here).
  useEffect(() => {
    if (!pushSupported() || Notification.permission !== 'granted' || sessionStorage.getItem(`todo-push-checked:${userId}`)) return;
    sessionStorage.setItem(`todo-push-checked:${userId}`, '1');
    reconcilePush(userId).catch(() => {});
  }, [userId]);

  // The count is asked for when the stream connects (and after each notification): once per
  // page load, after the stream, and only once the page's list has shown.
  useEffect(() => {
    let stopWatching = () => {};
    const cancel = afterList(() => {
      stopWatching = watchChanges(userId, {
        onSignal: () => {},
        onNotification: () => void refresh(),
        onConnection: (connected) => {
          if (connected) void refresh();
        },
      });
    });
    return () => {
      cancel();
      stopWatching();
    };
  }, [userId, refresh]);

  async function toggle() {
    if (open) {
      setOpen(false);
      return;
    }
    setOpen(true);
    setProblem(null);
    try {
      const shown = await fetchNotifications(userId, SHOWN);
      setItems(shown);
      const unreadIds = shown.filter((n) => n.read_at === null).map((n) => n.id);
      if (unreadIds.length > 0) {
        await markNotificationsRead(userId, { ids: unreadIds });
        setUnread(await countUnreadNotifications(userId));
      }
    } catch (err) {
      setProblem(err instanceof ApiError ? err.message : 'Could not load the notifications. Try again.');
    }
  }

  async function markAllRead() {
    try {
      await markNotificationsRead(userId, { all: true });
      setUnread(0);
      setAnnouncement('All notifications marked read.');
    } catch (err) {
      setProblem(err instanceof ApiError ? err.message : 'Something went wrong. Try again.');
    }
  }

  // Escape or a click elsewhere closes the panel; Escape gives the focus back to the bell.
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    const onPointer = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!panel.current?.contains(target) && !button.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);

  const label = unread === 0 ? 'Notifications' : `Notifications, ${unread} unread`;
  return (
    <div className="relative">
      <button
        ref={button}
        type="button"
        className="btn btn-ghost relative px-2 py-1.5"
        aria-label={label}
        aria-expanded={open}
        aria-controls={open ? `${id}-panel` : undefined}
        onClick={() => void toggle()}
        data-testid="notification-bell"
      >
        <svg viewBox="0 0 20 20" fill="currentColor" aria-hidden="true" className="size-5">
          <path d="M10 2a6 6 0 0 0-6 6v3.59l-1.7 1.7A1 1 0 0 0 3 15h14a1 1 0 0 0 .7-1.7L16 11.58V8a6 6 0 0 0-6-6Zm0 16a3 3 0 0 1-2.83-2h5.66A3 3 0 0 1 10 18Z" />
        </svg>
        {unread > 0 && (
          <span
            data-testid="notification-count"
            aria-hidden="true"
            className="absolute -top-0.5 -right-0.5 min-w-5 rounded-full bg-red-700 px-1 text-center text-xs leading-5 font-semibold text-white tabular-nums dark:bg-red-400 dark:text-zinc-950"
          >
            {unread > 99 ? '99+' : unread}
          </span>
        )}
      </button>
      <p role="status" className="sr-only">
        {announcement}
      </p>
      {open && (
        <div
          ref={panel}
          id={`${id}-panel`}
          role="region"
          aria-labelledby={`${id}-heading`}
          className="absolute right-0 z-20 mt-2 w-[min(22rem,calc(100vw-2rem))] rounded-lg border border-zinc-200 bg-white p-3 shadow-lg dark:border-zinc-700 dark:bg-zinc-900"
        >
          <div className="mb-2 flex items-center justify-between gap-2">
            <h2 id={`${id}-heading`} className="text-sm font-semibold">
              Notifications
            </h2>
            <button type="button" className="btn btn-ghost px-2 py-1 text-sm" onClick={() => void markAllRead()} disabled={unread === 0}>
              Mark all read
            </button>
          </div>
          {problem && (
            <p role="alert" className="alert-error wrap-anywhere">
              {problem}
            </p>
          )}
          {items === null ? (
            <p className="text-sm text-zinc-600 dark:text-zinc-400">Loading…</p>
          ) : items.length === 0 ? (
            <p className="text-sm text-zinc-600 dark:text-zinc-400">Nothing yet. Reminders, invitations and tasks assigned to you appear here.</p>
          ) : (
            <ul className="max-h-96 space-y-1 overflow-y-auto" data-testid="notifications">
              {items.map((notification) => (
                <li key={notification.id}>
                  <Link
                    href={hrefOf(notification)}
                    onClick={() => setOpen(false)}
                    className="block rounded-md px-2 py-1.5 text-sm hover:bg-zinc-100 focus-visible:bg-zinc-100 dark:hover:bg-zinc-800 dark:focus-visible:bg-zinc-800"
                  >
                    <span className="flex items-center gap-2">
                      {notification.read_at === null && <span aria-hidden="true" className="size-2 shrink-0 rounded-full bg-blue-600 dark:bg-blue-400" />}
                      <span className="font-medium wrap-anywhere">{notification.title}</span>
                      {notification.read_at === null && <span className="sr-only">(new)</span>}
                    </span>
                    {notification.body && <span className="block text-zinc-600 wrap-anywhere dark:text-zinc-400">{notification.body}</span>}
                    <span className="block text-xs text-zinc-600 dark:text-zinc-400">
                      <time dateTime={notification.created_at}>{timeFormat.format(new Date(notification.created_at))}</time>
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
