import { requireCaller } from '@/lib/auth/caller';
import { SessionPathParams } from '@/lib/auth/schemas';
import { endSession } from '@/lib/auth/sessions';
import { handler, methodsNotAllowed } from '@/lib/http/handler';
import { parseWith } from '@/lib/http/validation';

type Context = { params: Promise<{ user_id: string; id: string }> };

const ALLOW = ['DELETE', 'OPTIONS'];

export const DELETE = handler(async (request: Request, { params }: Context) => {
  const path = await params;
  const caller = await requireCaller(request, path.user_id);
  const { id } = parseWith(SessionPathParams, path);
  await endSession(caller, id);
  return new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
});

export const { GET, HEAD, POST, PUT, PATCH, OPTIONS } = methodsNotAllowed(ALLOW);
