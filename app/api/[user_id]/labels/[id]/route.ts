import { requireCaller } from '@/lib/auth/caller';
import { readJsonBody } from '@/lib/http/body';
import { handler, methodsNotAllowed } from '@/lib/http/handler';
import { json } from '@/lib/http/problem';
import { parseAll, parseWith } from '@/lib/http/validation';
import { deleteLabel, updateLabel } from '@/lib/labels/queries';
import { toLabelJson } from '@/lib/labels/responses';
import { LabelPathParams, PatchLabelBody } from '@/lib/labels/schemas';

type Context = { params: Promise<{ user_id: string; id: string }> };

const ALLOW = ['PATCH', 'DELETE', 'OPTIONS'];

export const PATCH = handler(async (request: Request, { params }: Context) => {
  const path = await params;
  const caller = await requireCaller(request, path.user_id);
  const body = await readJsonBody(request);
  const { path: { id }, body: changes } = parseAll({ path: LabelPathParams, body: PatchLabelBody }, { path, body });
  return json(toLabelJson(await updateLabel(caller, id, changes)));
});

export const DELETE = handler(async (request: Request, { params }: Context) => {
  const path = await params;
  const caller = await requireCaller(request, path.user_id);
  const { id } = parseWith(LabelPathParams, path);
  await deleteLabel(caller, id);
  return new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
});

export const { GET, HEAD, POST, PUT, OPTIONS } = methodsNotAllowed(ALLOW);
