'use client';

import { useEffect, useState } from 'react';
import { SW_URL } from '@/lib/client/push';

/**
 * Installs the service worker that keeps the app working offline (app/sw.ts), and says when a
 * new version of the app is ready: it takes over only when the person chooses to reload, never
 * in the middle of an edit.
 */
export function AppUpdates() {
  const [waiting, setWaiting] = useState<ServiceWorker | null>(null);

  useEffect(() => {
    if (!('serviceWorker' in navigator)) return;
    let stopped = false;
    // A worker that installed while an older one controls this page waits for the person.
    const watch = (registration: ServiceWorkerRegistration) => {
      if (registration.waiting && navigator.serviceWorker.controller) setWaiting(registration.waiting);
      registration.addEventListener('updatefound', () => {
        const installing = registration.installing;
        installing?.addEventListener('statechange', () => {
          if (!stopped && installing.state === 'installed' && navigator.serviceWorker.controller) setWaiting(installing);
        });
      });
    };
    navigator.serviceWorker
      .register(SW_URL, { scope: '/', type: 'module' })
      .then(watch)
      // Without it the app still works online.
      .catch(() => {});
    return () => {
      stopped = true;
    };
  }, []);

  if (!waiting) return null;
  return (
    <div role="status" className="alert-info mb-4 flex flex-wrap items-center justify-between gap-2 text-sm">
      <p>A new version of the app is ready.</p>
      <button
        type="button"
        className="btn btn-secondary py-1"
        onClick={() => {
          navigator.serviceWorker.addEventListener('controllerchange', () => window.location.reload(), { once: true });
          waiting.postMessage({ type: 'SKIP_WAITING' });
        }}
      >
        Reload to update
      </button>
    </div>
  );
}
