import { readJsonBody } from '@/lib/http/body';
import { methodsNotAllowed } from '@/lib/http/handler';
import { parseWith } from '@/lib/http/validation';
import { markNotificationsRead } from '@/lib/notifications/queries';
import { MarkReadBody } from '@/lib/notifications/schemas';
import { userRoute } from '@/lib/scope/route';

const ALLOW = ['POST', 'OPTIONS'];

// Marks some or all of the caller's notifications read: `{ ids }` or `{ all: true }`.
export const POST = userRoute(async (scope, request) => {
  await markNotificationsRead(scope, parseWith(MarkReadBody, await readJsonBody(request)));
  return new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
});

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed(ALLOW);
