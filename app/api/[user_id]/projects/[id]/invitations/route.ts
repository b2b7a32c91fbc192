import { readJsonBody } from '@/lib/http/body';
import { methodsNotAllowed } from '@/lib/http/handler';
import { json } from '@/lib/http/problem';
import { parseAll, parseWith } from '@/lib/http/validation';
import { createInvitation, listProjectInvitations } from '@/lib/projects/invitations';
import { sendInvitationEmail } from '@/lib/projects/invitation-email';
import { toInvitationJson } from '@/lib/projects/responses';
import { CreateInvitationBody, ProjectPathParams } from '@/lib/projects/schemas';
import { userRoute } from '@/lib/scope/route';

type Path = { user_id: string; id: string };

const ALLOW = ['GET', 'HEAD', 'POST', 'OPTIONS'];

export const GET = userRoute(async (scope, _request, path: Path) => {
  const { id } = parseWith(ProjectPathParams, path);
  return json((await listProjectInvitations(scope, id)).map(toInvitationJson));
});

/** Invites an email (the owner only); the same answer whether or not the email has an account. */
export const POST = userRoute(async (scope, request, path: Path) => {
  const body = await readJsonBody(request);
  const { path: { id }, body: input } = parseAll({ path: ProjectPathParams, body: CreateInvitationBody }, { path, body });
  const invitation = toInvitationJson(await createInvitation(scope, id, input));
  await sendInvitationEmail(invitation);
  return json(invitation, { status: 201 });
});

export const { PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed(ALLOW);
