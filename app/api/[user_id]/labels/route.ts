import { readJsonBody } from '@/lib/http/body';
import { methodsNotAllowed } from '@/lib/http/handler';
import { json } from '@/lib/http/problem';
import { parseWith } from '@/lib/http/validation';
import { createLabel, listLabelsForUser } from '@/lib/labels/queries';
import { toLabelJson } from '@/lib/labels/responses';
import { CreateLabelBody } from '@/lib/labels/schemas';
import { userRoute } from '@/lib/scope/route';

const ALLOW = ['GET', 'HEAD', 'POST', 'OPTIONS'];

export const GET = userRoute(async (scope) => json((await listLabelsForUser(scope)).map(toLabelJson)));

export const POST = userRoute(async (scope, request) => {
  const input = parseWith(CreateLabelBody, await readJsonBody(request));
  const label = toLabelJson(await createLabel(scope, input));
  return json(label, { status: 201, headers: { Location: `/api/${scope.userId}/labels/${label.id}` } });
});

export const { PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed(ALLOW);
