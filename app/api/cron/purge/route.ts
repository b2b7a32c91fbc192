import { handler, methodsNotAllowed } from '@/lib/http/handler';
import { json } from '@/lib/http/problem';
import { purgeExpired, requireCronSecret } from '@/lib/cron';

const ALLOW = ['GET', 'OPTIONS'];

// Vercel Cron calls it daily (vercel.json) with `Authorization: Bearer $CRON_SECRET`; any
// scheduler can. Removes what the limits and Idempotency-Key keep past its time.
export const GET = handler(async (request: Request) => {
  requireCronSecret(request);
  return json({ purged: await purgeExpired() });
});

export const { HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed(ALLOW);
