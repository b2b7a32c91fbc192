import { refuseDeclaredBody } from '@/lib/http/body';
import { methodsNotAllowed } from '@/lib/http/handler';
import { parseWith } from '@/lib/http/validation';
import { userRoute } from '@/lib/scope/route';
import { WebhookPathParams } from '@/lib/webhooks/schemas';
import { sendTestEvent } from '@/lib/webhooks/webhooks';

const ALLOW = ['POST', 'OPTIONS'];

// "Send a test event": queues a webhook.test delivery, sent like any other (its log shows it).
export const POST = userRoute(async (scope, request, path: { user_id: string; id: string }) => {
  refuseDeclaredBody(request);
  await sendTestEvent(scope, parseWith(WebhookPathParams, path).id);
  return new Response(null, { status: 202, headers: { 'Cache-Control': 'no-store' } });
});

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed(ALLOW);
