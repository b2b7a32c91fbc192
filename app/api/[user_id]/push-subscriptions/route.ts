import { readJsonBody } from '@/lib/http/body';
import { methodsNotAllowed } from '@/lib/http/handler';
import { json } from '@/lib/http/problem';
import { parseWith } from '@/lib/http/validation';
import { PushSubscriptionBody } from '@/lib/push/schemas';
import { listSubscriptions, subscribe, toPushSubscriptionJson } from '@/lib/push/subscriptions';
import { userRoute } from '@/lib/scope/route';

const ALLOW = ['GET', 'HEAD', 'POST', 'OPTIONS'];

// The caller's browsers that notifications are pushed to.
export const GET = userRoute(async (scope) => json((await listSubscriptions(scope)).map(toPushSubscriptionJson)));

// Subscribes the browser (its PushSubscription.toJSON()) for the session making the request.
export const POST = userRoute(async (scope, request) => {
  const row = await subscribe(scope, parseWith(PushSubscriptionBody, await readJsonBody(request)));
  return json(toPushSubscriptionJson(row), { status: 201 });
});

export const { PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed(ALLOW);
