import { methodsNotAllowed } from '@/lib/http/handler';
import { json } from '@/lib/http/problem';
import { parseWith } from '@/lib/http/validation';
import { userRoute } from '@/lib/scope/route';
import { WebhookPathParams } from '@/lib/webhooks/schemas';
import { listDeliveries } from '@/lib/webhooks/webhooks';

const ALLOW = ['GET', 'HEAD', 'OPTIONS'];

export const GET = userRoute(async (scope, _request, path: { user_id: string; id: string }) => json(await listDeliveries(scope, parseWith(WebhookPathParams, path).id)));

export const { POST, PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed(ALLOW);
