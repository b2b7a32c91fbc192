import { readJsonBody } from '@/lib/http/body';
import { methodsNotAllowed } from '@/lib/http/handler';
import { json } from '@/lib/http/problem';
import { parseAll } from '@/lib/http/validation';
import { moveProject } from '@/lib/projects/queries';
import { toProjectJson } from '@/lib/projects/responses';
import { MoveProjectBody, ProjectPathParams } from '@/lib/projects/schemas';
import { userRoute } from '@/lib/scope/route';

const ALLOW = ['POST', 'OPTIONS'];

/** Puts the project before or after another, or at the top or bottom of the caller's own sidebar. */
export const POST = userRoute(async (scope, request, path: { user_id: string; id: string }) => {
  const body = await readJsonBody(request);
  const { path: { id }, body: move } = parseAll({ path: ProjectPathParams, body: MoveProjectBody }, { path, body });
  return json(toProjectJson(await moveProject(scope, id, move)));
});

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed(ALLOW);
