import { methodsNotAllowed } from '@/lib/http/handler';
import { json } from '@/lib/http/problem';
import { parseWith } from '@/lib/http/validation';
import { acceptInvitation } from '@/lib/projects/invitations';
import { toProjectJson } from '@/lib/projects/responses';
import { InvitationPathParams } from '@/lib/projects/schemas';
import { userRoute } from '@/lib/scope/route';

type Path = { user_id: string; inv_id: string };

const ALLOW = ['POST', 'OPTIONS'];

/** Accepts an invitation addressed to the caller: the project, now theirs to see. */
export const POST = userRoute(async (scope, _request, path: Path) => {
  const { inv_id } = parseWith(InvitationPathParams, path);
  return json(toProjectJson(await acceptInvitation(scope, inv_id)));
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed(ALLOW);
