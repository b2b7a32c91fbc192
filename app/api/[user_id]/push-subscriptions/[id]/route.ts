import { methodsNotAllowed } from '@/lib/http/handler';
import { parseWith } from '@/lib/http/validation';
import { PushSubscriptionPathParams } from '@/lib/push/schemas';
import { unsubscribe } from '@/lib/push/subscriptions';
import { userRoute } from '@/lib/scope/route';

const ALLOW = ['DELETE', 'OPTIONS'];

export const DELETE = userRoute<{ user_id: string; id: string }>(async (scope, _request, path) => {
  await unsubscribe(scope, parseWith(PushSubscriptionPathParams, { id: path.id }).id);
  return new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
});

export const { GET, HEAD, POST, PUT, PATCH, OPTIONS } = methodsNotAllowed(ALLOW);
