import { SessionPathParams } from '@/lib/account/schemas';
import { endSession } from '@/lib/account/sessions';
import { methodsNotAllowed } from '@/lib/http/handler';
import { parseWith } from '@/lib/http/validation';
import { userRoute } from '@/lib/scope/route';

const ALLOW = ['DELETE', 'OPTIONS'];

export const DELETE = userRoute(async (scope, _request, path: { user_id: string; id: string }) => {
  const { id } = parseWith(SessionPathParams, path);
  await endSession(scope, id);
  return new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
});

export const { GET, HEAD, POST, PUT, PATCH, OPTIONS } = methodsNotAllowed(ALLOW);
