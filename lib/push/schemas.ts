import 'server-only';
import { z } from 'zod';

// What the push routes take and answer (docs/api.md, "v3: Web Push").

const Base64Url = (what: string, max: number) =>
  z
    .string()
    .regex(/^[A-Za-z0-9_-]+={0,2}$/, `must be the browser's base64url ${what}`)
    .max(max)
    .meta({ description: `The subscription's ${what}, base64url, as PushSubscription.toJSON() gives it.` });

export const PushSubscriptionBody = z
  .object({
    endpoint: z.string().max(2048).meta({ description: 'The push service URL: https:// to a public address (checked after resolving its name).' }),
    keys: z.object({ p256dh: Base64Url('p256dh key', 200), auth: Base64Url('auth secret', 100) }),
  })
  .meta({
    id: 'PushSubscriptionBody',
    description: "A browser's `PushSubscription.toJSON()`; other fields (`expirationTime`) are ignored.",
    examples: [
      {
        endpoint: 'https://fcm.googleapis.com/fcm/send/dxQ3n…',
        keys: { p256dh: 'BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM', auth: 'tBHItJI5svbpez7KI4CCXg' },
      },
    ],
  });

export type PushSubscriptionInput = z.output<typeof PushSubscriptionBody>;

export const PushSubscriptionSchema = z
  .object({
    id: z.uuid(),
    endpoint_host: z.string().meta({ description: 'The push service it goes through (the endpoint itself is a secret of the browser).' }),
    created_at: z.iso.datetime(),
    session_id: z.uuid().meta({ description: 'The session that made it: signing it out or revoking it drops the subscription.' }),
  })
  .meta({ id: 'PushSubscription', description: "One of the caller's browsers that notifications are pushed to." });

export type PushSubscriptionJson = z.output<typeof PushSubscriptionSchema>;

export const PushKeySchema = z
  .object({ public_key: z.string().meta({ description: "The server's VAPID public key: the `applicationServerKey` of `pushManager.subscribe()`." }) })
  .meta({ id: 'PushKey', description: "The server's key for Web Push." });

export const PushSubscriptionPathParams = z.object({ id: z.uuid('must be a UUID') });
