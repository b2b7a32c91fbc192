import { toSessionJson } from '@/lib/account/responses';
import { endAllSessions, listSessions } from '@/lib/account/sessions';
import { methodsNotAllowed } from '@/lib/http/handler';
import { json } from '@/lib/http/problem';
import { userRoute } from '@/lib/scope/route';

const ALLOW = ['GET', 'HEAD', 'DELETE', 'OPTIONS'];

export const GET = userRoute(async (scope) => json((await listSessions(scope)).map(toSessionJson)));

export const DELETE = userRoute(async (scope) => {
  await endAllSessions(scope);
  return new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
});

export const { POST, PUT, PATCH, OPTIONS } = methodsNotAllowed(ALLOW);
