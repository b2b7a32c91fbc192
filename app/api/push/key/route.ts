import { handler, methodsNotAllowed } from '@/lib/http/handler';
import { json } from '@/lib/http/problem';
import { PushOff } from '@/lib/push/errors';
import { vapidKeys } from '@/lib/push/vapid';

const ALLOW = ['GET', 'HEAD', 'OPTIONS'];

// The VAPID public key a browser subscribes with (no authentication: it is public); 404 while
// push is off on this server.
export const GET = handler(async () => {
  const keys = vapidKeys();
  if (!keys) throw new PushOff();
  return json({ public_key: keys.publicKey });
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed(ALLOW);
