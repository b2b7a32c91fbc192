import { requireCaller } from '@/lib/auth/caller';
import { endAllSessions, listSessions } from '@/lib/auth/sessions';
import { handler, methodsNotAllowed } from '@/lib/http/handler';
import { json } from '@/lib/http/problem';
import { toSessionJson } from '@/lib/auth/responses';

type Context = { params: Promise<{ user_id: string }> };

const ALLOW = ['GET', 'HEAD', 'DELETE', 'OPTIONS'];

export const GET = handler(async (request: Request, { params }: Context) => {
  const caller = await requireCaller(request, (await params).user_id);
  return json((await listSessions(caller)).map(toSessionJson));
});

export const DELETE = handler(async (request: Request, { params }: Context) => {
  const caller = await requireCaller(request, (await params).user_id);
  await endAllSessions(caller);
  return new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
});

export const { POST, PUT, PATCH, OPTIONS } = methodsNotAllowed(ALLOW);
