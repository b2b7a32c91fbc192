import { readJsonBody } from '@/lib/http/body';
import { methodsNotAllowed } from '@/lib/http/handler';
import { json } from '@/lib/http/problem';
import { parseAll, parseWith } from '@/lib/http/validation';
import { removeMember, setMemberRole } from '@/lib/projects/members';
import { toMemberJson } from '@/lib/projects/responses';
import { MemberPathParams, PatchMemberBody } from '@/lib/projects/schemas';
import { userRoute } from '@/lib/scope/route';

type Path = { user_id: string; id: string; member_id: string };

const ALLOW = ['PATCH', 'DELETE', 'OPTIONS'];

/** A member's role (the owner only); `owner` hands the project over. */
export const PATCH = userRoute(async (scope, request, path: Path) => {
  const body = await readJsonBody(request);
  const { path: { id, member_id }, body: { role } } = parseAll({ path: MemberPathParams, body: PatchMemberBody }, { path, body });
  return json(toMemberJson(await setMemberRole(scope, id, member_id, role)));
});

/** The owner removes a member; a member removes themself (leaves). */
export const DELETE = userRoute(async (scope, _request, path: Path) => {
  const { id, member_id } = parseWith(MemberPathParams, path);
  await removeMember(scope, id, member_id);
  return new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
});

export const { GET, POST, PUT, OPTIONS } = methodsNotAllowed(ALLOW);
