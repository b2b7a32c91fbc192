import { requireCronSecret } from '@/lib/cron';
import { handler, methodsNotAllowed } from '@/lib/http/handler';
import { json } from '@/lib/http/problem';
import { deliverDuePushes } from '@/lib/push/sender';
import { fireDueReminders } from '@/lib/reminders/scheduler';

const ALLOW = ['GET', 'OPTIONS'];

// Vercel Cron calls it every minute (vercel.json) with `Authorization: Bearer $CRON_SECRET`, where
// no process runs the scheduler between requests; `npm start` runs it in-process as well, and the
// two never fire a reminder twice (lib/reminders/scheduler.ts). Then it pushes what is due.
export const GET = handler(async (request: Request) => {
  requireCronSecret(request);
  const reminders = await fireDueReminders();
  return json({ reminders, pushes: await deliverDuePushes() });
});

export const { HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed(ALLOW);
