import { readJsonBody } from '@/lib/http/body';
import { methodsNotAllowed } from '@/lib/http/handler';
import { json } from '@/lib/http/problem';
import { parseAll, parseWith } from '@/lib/http/validation';
import { deleteLabel, updateLabel } from '@/lib/labels/queries';
import { toLabelJson } from '@/lib/labels/responses';
import { LabelPathParams, PatchLabelBody } from '@/lib/labels/schemas';
import { userRoute } from '@/lib/scope/route';

type Path = { user_id: string; id: string };

const ALLOW = ['PATCH', 'DELETE', 'OPTIONS'];

export const PATCH = userRoute(async (scope, request, path: Path) => {
  const body = await readJsonBody(request);
  const { path: { id }, body: changes } = parseAll({ path: LabelPathParams, body: PatchLabelBody }, { path, body });
  return json(toLabelJson(await updateLabel(scope, id, changes)));
});

export const DELETE = userRoute(async (scope, _request, path: Path) => {
  const { id } = parseWith(LabelPathParams, path);
  await deleteLabel(scope, id);
  return new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
});

export const { GET, HEAD, POST, PUT, OPTIONS } = methodsNotAllowed(ALLOW);
