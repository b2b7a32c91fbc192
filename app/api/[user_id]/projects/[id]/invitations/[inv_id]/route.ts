import { methodsNotAllowed } from '@/lib/http/handler';
import { parseWith } from '@/lib/http/validation';
import { cancelInvitation } from '@/lib/projects/invitations';
import { ProjectInvitationPathParams } from '@/lib/projects/schemas';
import { userRoute } from '@/lib/scope/route';

type Path = { user_id: string; id: string; inv_id: string };

const ALLOW = ['DELETE', 'OPTIONS'];

/** Cancels a pending invitation (the owner only). */
export const DELETE = userRoute(async (scope, _request, path: Path) => {
  const { id, inv_id } = parseWith(ProjectInvitationPathParams, path);
  await cancelInvitation(scope, id, inv_id);
  return new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
});

export const { GET, POST, PUT, PATCH, OPTIONS } = methodsNotAllowed(ALLOW);
