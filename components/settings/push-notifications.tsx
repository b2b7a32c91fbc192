'use client';

import { useEffect, useState } from 'react';
import { currentSubscription, pushSupported, reconcilePush, saveSubscription, serverKey, storedId, SW_URL } from '@/lib/client/push';

// "Turn on notifications": the browser is asked for permission only when the person clicks.
// Then the service worker (app/sw.ts) is registered, the browser subscribed with the server's
// key, and the subscription sent to the server, which pushes every notification to it.

type Status = 'checking' | 'unsupported' | 'blocked' | 'off' | 'on' | 'unavailable';

export function PushNotifications({ userId }: { userId: string }) {
  const [status, setStatus] = useState<Status>('checking');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!pushSupported()) {
      queueMicrotask(() => setStatus('unsupported'));
      return;
    }
    if (Notification.permission === 'denied') {
      queueMicrotask(() => setStatus('blocked'));
      return;
    }
    reconcilePush(userId).then(setStatus, () => setStatus('off'));
  }, [userId]);

  async function turnOn() {
    setBusy(true);
    setMessage(null);
    try {
      const permission = await Notification.requestPermission();
      if (permission !== 'granted') {
        setStatus(permission === 'denied' ? 'blocked' : 'off');
        return;
      }
      const applicationServerKey = await serverKey();
      if (!applicationServerKey) {
        setStatus('unavailable');
        return;
      }
      const registration = await navigator.serviceWorker.register(SW_URL, { scope: '/', type: 'module' });
      await navigator.serviceWorker.ready;
      const subscription = (await registration.pushManager.getSubscription()) ?? (await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey }));
      await saveSubscription(userId, subscription);
      setStatus('on');
      setMessage({ ok: true, text: 'Notifications are on for this browser.' });
    } catch {
      setMessage({ ok: false, text: 'This browser could not be subscribed: its push service did not answer, or the server refused. Check your connection and try again.' });
    } finally {
      setBusy(false);
    }
  }

  async function turnOff() {
    setBusy(true);
    setMessage(null);
    try {
      const id = localStorage.getItem(storedId(userId));
      // Already gone on the server (404) is as good: this browser's is no longer there.
      if (id) await fetch(`/api/${userId}/push-subscriptions/${id}`, { method: 'DELETE' });
      localStorage.removeItem(storedId(userId));
      await (await currentSubscription())?.unsubscribe();
      setStatus('off');
      setMessage({ ok: true, text: 'Notifications are off for this browser.' });
    } catch {
      setMessage({ ok: false, text: 'That did not work. Try again.' });
    } finally {
      setBusy(false);
    }
  }

  const words: Record<Status, string> = {
    checking: 'Checking…',
    unsupported: 'This browser cannot show notifications from the app.',
    blocked: 'Blocked in this browser’s site settings: allow notifications there, then turn them on here.',
    off: 'Off for this browser.',
    on: 'On for this browser.',
    unavailable: 'This server does not send notifications (Web Push is off).',
  };

  return (
    <div className="space-y-3" data-testid="push-notifications">
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Get reminders, invitations and tasks assigned to you as notifications on this device, even when the app is closed. Signing out of this browser turns them off.
      </p>
      <p className="text-sm" role="status">
        <span data-testid="push-status">{words[status]}</span>
      </p>
      {status === 'on' ? (
        <button type="button" className="btn btn-secondary" onClick={() => void turnOff()} disabled={busy}>
          Turn off notifications
        </button>
      ) : (
        <button type="button" className="btn btn-primary" onClick={() => void turnOn()} disabled={busy || status === 'unsupported' || status === 'checking'}>
          Turn on notifications
        </button>
      )}
      {message && (
        <p role={message.ok ? 'status' : 'alert'} className={message.ok ? 'text-sm text-green-800 dark:text-green-300' : 'alert-error'}>
          {message.text}
        </p>
      )}
    </div>
  );
}
