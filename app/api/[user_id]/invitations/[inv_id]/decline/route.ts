import { methodsNotAllowed } from '@/lib/http/handler';
import { parseWith } from '@/lib/http/validation';
import { declineInvitation } from '@/lib/projects/invitations';
import { InvitationPathParams } from '@/lib/projects/schemas';
import { userRoute } from '@/lib/scope/route';

type Path = { user_id: string; inv_id: string };

const ALLOW = ['POST', 'OPTIONS'];

/** Declines an invitation addressed to the caller. */
export const POST = userRoute(async (scope, _request, path: Path) => {
  const { inv_id } = parseWith(InvitationPathParams, path);
  await declineInvitation(scope, inv_id);
  return new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed(ALLOW);
