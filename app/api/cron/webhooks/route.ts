import { requireCronSecret } from '@/lib/cron';
import { handler, methodsNotAllowed } from '@/lib/http/handler';
import { json } from '@/lib/http/problem';
import { deliverDueWebhooks } from '@/lib/webhooks/sender';

const ALLOW = ['GET', 'OPTIONS'];

// Vercel Cron calls it every minute (vercel.json) with `Authorization: Bearer $CRON_SECRET`, where
// no process sends between requests; `npm start` sends every second in-process, and the two never
// send a delivery at once (lib/webhooks/sender.ts claims with SKIP LOCKED).
export const GET = handler(async (request: Request) => {
  requireCronSecret(request);
  return json(await deliverDueWebhooks());
});

export const { HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed(ALLOW);
