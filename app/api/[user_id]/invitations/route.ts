import { methodsNotAllowed } from '@/lib/http/handler';
import { json } from '@/lib/http/problem';
import { listMyInvitations } from '@/lib/projects/invitations';
import { toInvitationJson } from '@/lib/projects/responses';
import { userRoute } from '@/lib/scope/route';

const ALLOW = ['GET', 'HEAD', 'OPTIONS'];

/** The pending invitations addressed to the caller's email. */
export const GET = userRoute(async (scope) => json((await listMyInvitations(scope)).map(toInvitationJson)));

export const { POST, PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed(ALLOW);
