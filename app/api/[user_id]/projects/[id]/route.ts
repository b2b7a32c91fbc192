import { readJsonBody } from '@/lib/http/body';
import { methodsNotAllowed } from '@/lib/http/handler';
import { json } from '@/lib/http/problem';
import { parseAll, parseWith } from '@/lib/http/validation';
import { deleteProject, getProject, updateProject } from '@/lib/projects/queries';
import { toProjectJson } from '@/lib/projects/responses';
import { PatchProjectBody, ProjectPathParams } from '@/lib/projects/schemas';
import { userRoute } from '@/lib/scope/route';

type Path = { user_id: string; id: string };

const ALLOW = ['GET', 'HEAD', 'PATCH', 'DELETE', 'OPTIONS'];

export const GET = userRoute(async (scope, _request, path: Path) => {
  const { id } = parseWith(ProjectPathParams, path);
  return json(toProjectJson(await getProject(scope, id)));
});

export const PATCH = userRoute(async (scope, request, path: Path) => {
  const body = await readJsonBody(request);
  const { path: { id }, body: changes } = parseAll({ path: ProjectPathParams, body: PatchProjectBody }, { path, body });
  return json(toProjectJson(await updateProject(scope, id, changes)));
});

/** The project and every task in it, in one transaction: its owner only. */
export const DELETE = userRoute(async (scope, _request, path: Path) => {
  const { id } = parseWith(ProjectPathParams, path);
  await deleteProject(scope, id);
  return new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
});

export const { POST, PUT, OPTIONS } = methodsNotAllowed(ALLOW);
