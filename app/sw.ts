/// <reference lib="webworker" />
import { CacheableResponsePlugin, NetworkFirst, Serwist, type PrecacheEntry } from 'serwist';
import { PAGE_CACHE } from '@/lib/client/page-cache';

// The service worker (built by app/serwist/[path]/route.ts):
// - the app shell offline: the build's scripts and styles are precached, and the signed-in pages
//   are kept as last fetched (network first; one copy per page, whatever its query, since the
//   view is read from the URL in the browser), so a reload without a network shows the app,
//   which renders from the device's copy of the tasks (lib/client/local-copy.ts);
// - a new version waits until the person chooses to reload (components/app-updates.tsx): never
//   mid-edit;
// - it shows what the server pushes (lib/push/sender.ts sends `{ id, title, body, url, task_id }`)
//   and opens the app there when the notification is clicked: the tab already showing the app if
//   there is one.

declare const self: ServiceWorkerGlobalScope & { __SW_MANIFEST: (PrecacheEntry | string)[] | undefined };

interface Pushed {
  id: string;
  title: string;
  body: string | null;
  url: string;
}

/** The pages that work offline. */
const APP_PAGES = new Set(['/tasks', '/labels']);

const serwist = new Serwist({
  precacheEntries: self.__SW_MANIFEST,
  skipWaiting: false,
  clientsClaim: false,
  runtimeCaching: [
    {
      matcher: ({ request, url }) => request.mode === 'navigate' && url.origin === self.location.origin && APP_PAGES.has(url.pathname),
      handler: new NetworkFirst({
        // The cache only when the network fails, never for a slow answer: the page is the person's.
        cacheName: PAGE_CACHE,
        plugins: [
          // Only the page itself: never a redirect to sign in, nor an error page.
          new CacheableResponsePlugin({ statuses: [200] }),
          { cacheKeyWillBeUsed: async ({ request }) => new URL(request.url).pathname },
        ],
      }),
    },
  ],
});

self.addEventListener('message', (event) => {
  if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});

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
