import { readJsonBody } from '@/lib/http/body';
import { methodsNotAllowed } from '@/lib/http/handler';
import { json } from '@/lib/http/problem';
import { parseWith } from '@/lib/http/validation';
import { createProject, listProjects } from '@/lib/projects/queries';
import { toProjectJson } from '@/lib/projects/responses';
import { CreateProjectBody } from '@/lib/projects/schemas';
import { userRoute } from '@/lib/scope/route';

const ALLOW = ['GET', 'HEAD', 'POST', 'OPTIONS'];

export const GET = userRoute(async (scope) => json((await listProjects(scope)).map(toProjectJson)));

export const POST = userRoute(async (scope, request) => {
  const input = parseWith(CreateProjectBody, await readJsonBody(request));
  const project = toProjectJson(await createProject(scope, input));
  return json(project, { status: 201, headers: { Location: `/api/${scope.userId}/projects/${project.id}` } });
});

export const { PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed(ALLOW);
