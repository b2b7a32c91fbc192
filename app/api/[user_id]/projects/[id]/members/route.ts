import { methodsNotAllowed } from '@/lib/http/handler';
import { json } from '@/lib/http/problem';
import { parseWith } from '@/lib/http/validation';
import { listMembers } from '@/lib/projects/members';
import { toMemberJson } from '@/lib/projects/responses';
import { ProjectPathParams } from '@/lib/projects/schemas';
import { userRoute } from '@/lib/scope/route';

type Path = { user_id: string; id: string };

const ALLOW = ['GET', 'HEAD', 'OPTIONS'];

export const GET = userRoute(async (scope, _request, path: Path) => {
  const { id } = parseWith(ProjectPathParams, path);
  return json((await listMembers(scope, id)).map(toMemberJson));
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed(ALLOW);
