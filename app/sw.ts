/// <reference lib="webworker" />
import { Serwist, type PrecacheEntry } from 'serwist';

// The service worker (built by app/serwist/[path]/route.ts). It shows what the server pushes
// (lib/push/sender.ts sends `{ id, title, body, url, task_id }`) and opens the app there when
// the notification is clicked: the tab already showing the app if there is one.

declare const self: ServiceWorkerGlobalScope & { __SW_MANIFEST: (PrecacheEntry | string)[] | undefined };

interface Pushed {
  id: string;
  title: string;
  body: string | null;
  url: string;
}

const serwist = new Serwist({ precacheEntries: self.__SW_MANIFEST, skipWaiting: false, clientsClaim: false });

self.addEventListener('push', (event) => {
  let pushed: Pushed | undefined;
  try {
    pushed = event.data?.json() as Pushed | undefined;
  } catch {
    // Not ours to read: still show something, as a push must be seen.
  }
  if (!pushed?.title) pushed = { id: 'todo', title: 'Todo', body: 'You have a new notification.', url: '/tasks' };
  event.waitUntil(
    self.registration.showNotification(pushed.title, {
      body: pushed.body ?? undefined,
      // One notification per notification: a push that comes twice replaces, not repeats.
      tag: pushed.id,
      data: { url: pushed.url },
    }),
  );
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const url = new URL((event.notification.data as { url?: string } | null)?.url ?? '/tasks', self.location.origin).href;
  event.waitUntil(
    (async () => {
      const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
      const open = windows.find((client) => new URL(client.url).origin === self.location.origin);
      if (open) {
        await open.focus();
        // navigate() refuses a tab this worker does not control (one open since before it was
        // registered): a new tab then.
        const navigated = await open.navigate(url).catch(() => null);
        if (navigated) return;
      }
      await self.clients.openWindow(url);
    })(),
  );
});

serwist.addEventListeners();
