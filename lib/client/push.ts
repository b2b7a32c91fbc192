// Web Push in the browser: the service worker's address, the server's key, and this browser's
// subscription as the server knows it (components/settings/push-notifications.tsx, the bell).

export const SW_URL = '/serwist/sw.js';

// The server's id of this browser's subscription, to drop it when turned off.
export const storedId = (userId: string) => `todo-push-subscription:${userId}`;

export const pushSupported = () => typeof window !== 'undefined' && 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window;

export async function currentSubscription(): Promise<PushSubscription | null> {
  const registration = await navigator.serviceWorker.getRegistration('/');
  return (await registration?.pushManager.getSubscription()) ?? null;
}

export async function serverKey(): Promise<string | null> {
  const response = await fetch('/api/push/key');
  return response.ok ? ((await response.json()) as { public_key: string }).public_key : null;
}

const base64url = (key: ArrayBuffer | null | undefined) => (key ? btoa(String.fromCharCode(...new Uint8Array(key))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '') : null);

/** Sends the browser's subscription to the server for this session (again: a sign-in since moves it here). */
export async function saveSubscription(userId: string, subscription: PushSubscription): Promise<void> {
  const saved = await fetch(`/api/${userId}/push-subscriptions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(subscription.toJSON()),
  });
  if (!saved.ok) throw new Error(`the server answered ${saved.status}`);
  localStorage.setItem(storedId(userId), ((await saved.json()) as { id: string }).id);
}

/**
 * What this browser's subscription is, told the server again: the one a sign-out dropped on the
 * server, or another account's on a shared browser, now belongs to this session. One made for
 * another server key is of no use: dropped.
 */
export async function reconcilePush(userId: string): Promise<'on' | 'off'> {
  const subscription = await currentSubscription();
  if (!subscription) return 'off';
  const key = await serverKey();
  if (!key || base64url(subscription.options.applicationServerKey) !== key) {
    await subscription.unsubscribe();
    return 'off';
  }
  await saveSubscription(userId, subscription);
  return 'on';
}

