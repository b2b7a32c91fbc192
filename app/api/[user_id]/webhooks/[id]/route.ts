import { readJsonBody } from '@/lib/http/body';
import { methodsNotAllowed } from '@/lib/http/handler';
import { json } from '@/lib/http/problem';
import { parseAll, parseWith } from '@/lib/http/validation';
import { userRoute } from '@/lib/scope/route';
import { PatchWebhookBody, WebhookPathParams } from '@/lib/webhooks/schemas';
import { deleteWebhook, getWebhook, updateWebhook } from '@/lib/webhooks/webhooks';

type Path = { user_id: string; id: string };

const ALLOW = ['GET', 'HEAD', 'PATCH', 'DELETE', 'OPTIONS'];

export const GET = userRoute(async (scope, _request, path: Path) => json(await getWebhook(scope, parseWith(WebhookPathParams, path).id)));

export const PATCH = userRoute(async (scope, request, path: Path) => {
  const body = await readJsonBody(request);
  const { path: { id }, body: changes } = parseAll({ path: WebhookPathParams, body: PatchWebhookBody }, { path, body });
  return json(await updateWebhook(scope, id, changes));
});

// Deletes it with its queued and logged deliveries.
export const DELETE = userRoute(async (scope, _request, path: Path) => {
  await deleteWebhook(scope, parseWith(WebhookPathParams, path).id);
  return new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
});

export const { POST, PUT, OPTIONS } = methodsNotAllowed(ALLOW);
