import { requireCaller } from '@/lib/auth/caller';
import { readJsonBody } from '@/lib/http/body';
import { handler, methodsNotAllowed } from '@/lib/http/handler';
import { json } from '@/lib/http/problem';
import { parseWith } from '@/lib/http/validation';
import { createLabel, listLabelsForUser } from '@/lib/labels/queries';
import { toLabelJson } from '@/lib/labels/responses';
import { CreateLabelBody } from '@/lib/labels/schemas';

type Context = { params: Promise<{ user_id: string }> };

const ALLOW = ['GET', 'HEAD', 'POST', 'OPTIONS'];

export const GET = handler(async (request: Request, { params }: Context) => {
  const caller = await requireCaller(request, (await params).user_id);
  return json((await listLabelsForUser(caller)).map(toLabelJson));
});

export const POST = handler(async (request: Request, { params }: Context) => {
  const caller = await requireCaller(request, (await params).user_id);
  const input = parseWith(CreateLabelBody, await readJsonBody(request));
  const label = toLabelJson(await createLabel(caller, input));
  return json(label, { status: 201, headers: { Location: `/api/${caller.userId}/labels/${label.id}` } });
});

export const { PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed(ALLOW);
