import { readJsonBody } from '@/lib/http/body';
import { methodsNotAllowed } from '@/lib/http/handler';
import { json } from '@/lib/http/problem';
import { parseWith } from '@/lib/http/validation';
import { userRoute } from '@/lib/scope/route';
import { CreateWebhookBody } from '@/lib/webhooks/schemas';
import { createWebhook, listWebhooks } from '@/lib/webhooks/webhooks';

const ALLOW = ['GET', 'HEAD', 'POST', 'OPTIONS'];

export const GET = userRoute(async (scope) => json(await listWebhooks(scope)));

export const POST = userRoute(async (scope, request) => {
  const webhook = await createWebhook(scope, parseWith(CreateWebhookBody, await readJsonBody(request)));
  return json(webhook, { status: 201, headers: { Location: `/api/${scope.userId}/webhooks/${webhook.id}` } });
});

export const { PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed(ALLOW);
