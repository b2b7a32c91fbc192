import 'server-only';
import { PROJECTS_PER_USER_MAX } from '@/lib/limits';
import { errors, JSON_TYPE, jsonBody, NO_STORE, problem, ref, type Json } from '@/lib/openapi/shared';
import { PROJECT_MEMBERS_MAX, INVITATION_DAYS } from '@/lib/limits';
import {
  CreateInvitationBody,
  CreateProjectBody,
  InvitationIdParam,
  InvitationSchema,
  MemberIdParam,
  MemberSchema,
  MoveProjectBody,
  PatchMemberBody,
  PatchProjectBody,
  ProjectIdParam,
  ProjectSchema,
} from '@/lib/projects/schemas';

// The project routes in the OpenAPI document: their paths, and the zod schemas that become
// components (lib/openapi/document.ts converts them with the rest).

const project = (description: string, headers: Json = {}) => ({
  description,
  headers: { ...NO_STORE, ...headers },
  content: { [JSON_TYPE]: { schema: ref('schemas', 'Project') } },
});

const PROJECT_NOT_FOUND = problem('The caller is not a member of this project. Another user\'s project answers the same: `detail: "Project not found"`.');
const NAME_TAKEN = problem("The project's owner already has a project of this name (case-insensitively).");

/** Request-side (`io: 'input'`) and response-side component schemas. */
export const projectRequestSchemas = {
  ProjectId: ProjectIdParam,
  CreateProjectBody,
  PatchProjectBody,
  MoveProjectBody,
  MemberId: MemberIdParam,
  PatchMemberBody,
  InvitationId: InvitationIdParam,
  CreateInvitationBody,
};
export const projectResponseSchemas = { Project: ProjectSchema, Member: MemberSchema, Invitation: InvitationSchema };

const member = (description: string) => ({ description, headers: NO_STORE, content: { [JSON_TYPE]: { schema: ref('schemas', 'Member') } } });
const invitationList = (description: string) => ({
  description,
  headers: NO_STORE,
  content: { [JSON_TYPE]: { schema: { type: 'array', items: ref('schemas', 'Invitation') } } },
});
const NO_CONTENT = { description: 'Done. Empty body.', headers: NO_STORE };
const NOT_OWNER = problem("`{user_id}` is not the caller, or the caller is a member but not the project's owner.");
const INVITATION_NOT_FOUND = problem('No pending invitation with this id is addressed to the caller (another user\'s, an expired or a used one): `detail: "Invitation not found"`.');

const projectPath = [ref('parameters', 'UserId'), { name: 'id', in: 'path', required: true, schema: ref('schemas', 'ProjectId') }];
const memberPath = [...projectPath, { name: 'member_id', in: 'path', required: true, schema: ref('schemas', 'MemberId') }];
const projectInvitationPath = [...projectPath, { name: 'inv_id', in: 'path', required: true, schema: ref('schemas', 'InvitationId') }];
const invitationPath = [ref('parameters', 'UserId'), { name: 'inv_id', in: 'path', required: true, schema: ref('schemas', 'InvitationId') }];
const READ_ERRORS = ['Unauthorized', 'Forbidden', 'ValidationFailed', 'ContentTooLarge', 'InternalError', 'ServiceUnavailable'] as const;
const WRITE_ERRORS = ['BadRequest', 'Unauthorized', 'ContentTooLarge', 'UnsupportedMediaType', 'InternalError', 'ServiceUnavailable'] as const;

export const projectPaths: Record<string, Json> = {
  '/api/{user_id}/projects': {
    parameters: [ref('parameters', 'UserId')],
    get: {
      operationId: 'listProjects',
      tags: ['Projects'],
      summary: 'List projects',
      description: "Every project the caller owns or is a member of, in the caller's sidebar order (`position`). The Inbox is not a project: it is the tasks with `project_id: null`.",
      responses: {
        '200': { description: 'The projects.', headers: NO_STORE, content: { [JSON_TYPE]: { schema: { type: 'array', items: ref('schemas', 'Project') } } } },
        ...errors('Unauthorized', 'Forbidden', 'ContentTooLarge', 'InternalError', 'ServiceUnavailable'),
      },
    },
    post: {
      operationId: 'createProject',
      tags: ['Projects'],
      summary: 'Create a project',
      description: 'The caller is its owner; it goes to the end of their sidebar.',
      requestBody: jsonBody('CreateProjectBody'),
      responses: {
        '201': project('The new project.', { Location: ref('headers', 'Location') }),
        ...errors('Unauthorized', 'Forbidden', 'BadRequest', 'ContentTooLarge', 'UnsupportedMediaType', 'InternalError', 'ServiceUnavailable'),
        '409': NAME_TAKEN,
        '422': problem(`A body value is invalid (\`errors\` lists each bad field), or the caller already owns ${PROJECTS_PER_USER_MAX} projects.`),
      },
    },
  },
  '/api/{user_id}/projects/{id}': {
    parameters: projectPath,
    get: {
      operationId: 'getProject',
      tags: ['Projects'],
      summary: 'Get a project',
      responses: {
        '200': project('The project, as the caller sees it.'),
        ...errors('Unauthorized', 'Forbidden', 'ValidationFailed', 'ContentTooLarge', 'InternalError', 'ServiceUnavailable'),
        '404': PROJECT_NOT_FOUND,
      },
    },
    patch: {
      operationId: 'updateProject',
      tags: ['Projects'],
      summary: 'Rename or recolour a project',
      description: 'Its owner or an editor.',
      requestBody: jsonBody('PatchProjectBody'),
      responses: {
        '200': project('The updated project.'),
        ...errors('BadRequest', 'Unauthorized', 'ContentTooLarge', 'UnsupportedMediaType', 'ValidationFailed', 'InternalError', 'ServiceUnavailable'),
        '403': problem('`{user_id}` is not the caller, or the caller may only read this project (a viewer).'),
        '404': PROJECT_NOT_FOUND,
        '409': NAME_TAKEN,
      },
    },
    delete: {
      operationId: 'deleteProject',
      tags: ['Projects'],
      summary: 'Delete a project and its tasks',
      description: 'Its owner only. The project and every task in it go in one transaction; the changes feed reports them deleted.',
      responses: {
        '204': { description: 'Deleted. Empty body.', headers: NO_STORE },
        ...errors('Unauthorized', 'ValidationFailed', 'ContentTooLarge', 'InternalError', 'ServiceUnavailable'),
        '403': problem("`{user_id}` is not the caller, or the caller is a member but not the project's owner."),
        '404': PROJECT_NOT_FOUND,
      },
    },
  },
  '/api/{user_id}/projects/{id}/move': {
    parameters: projectPath,
    post: {
      operationId: 'moveProject',
      tags: ['Projects'],
      summary: "Move a project in the caller's sidebar",
      description:
        "Puts the project just above (`before`) or below (`after`) another of the caller's projects, or at the top or bottom (`to`) of the caller's own sidebar; each member orders theirs. Concurrent moves always leave every project once, with distinct positions.",
      requestBody: jsonBody('MoveProjectBody'),
      responses: {
        '200': project('The moved project, with its new `position`.'),
        ...errors('BadRequest', 'Unauthorized', 'Forbidden', 'ContentTooLarge', 'UnsupportedMediaType', 'InternalError', 'ServiceUnavailable'),
        '404': problem('The caller is not a member of this project, or of the anchor (`before`/`after`).'),
        '422': problem('Not exactly one of before, after, to; an id that is not a UUID; or the project itself as its anchor.'),
      },
    },
  },
  '/api/{user_id}/projects/{id}/members': {
    parameters: projectPath,
    get: {
      operationId: 'listMembers',
      tags: ['Sharing'],
      summary: "List a project's members",
      description: 'Any member sees every member, longest-standing first. `{member_id}` in the routes below is a member\'s `user_id`.',
      responses: {
        '200': { description: 'The members.', headers: NO_STORE, content: { [JSON_TYPE]: { schema: { type: 'array', items: ref('schemas', 'Member') } } } },
        ...errors(...READ_ERRORS),
        '404': PROJECT_NOT_FOUND,
      },
    },
  },
  '/api/{user_id}/projects/{id}/members/{member_id}': {
    parameters: memberPath,
    patch: {
      operationId: 'updateMember',
      tags: ['Sharing'],
      summary: "Change a member's role, or hand the project over",
      description:
        'The owner only. `role: "owner"` hands the project over: the member becomes its owner and the caller an editor. The owner\'s own role changes only by a hand-over (`422`).',
      requestBody: jsonBody('PatchMemberBody'),
      responses: {
        '200': member('The member, with their new role.'),
        ...errors(...WRITE_ERRORS, 'ValidationFailed'),
        '403': NOT_OWNER,
        '404': problem('The caller is not a member of this project (`"Project not found"`), or `{member_id}` is not one (`"Member not found"`).'),
        '409': problem('A hand-over to a member who already owns a project of this name.'),
      },
    },
    delete: {
      operationId: 'removeMember',
      tags: ['Sharing'],
      summary: 'Remove a member, or leave',
      description:
        "The owner removes any other member; any member removes themself (leaves). They lose the project and its tasks on their next request, and are unassigned from its tasks. The owner cannot leave (`422`): they hand the project over first.",
      responses: {
        '204': NO_CONTENT,
        ...errors('Unauthorized', 'ContentTooLarge', 'InternalError', 'ServiceUnavailable'),
        '403': problem('`{user_id}` is not the caller, or a member other than the owner tries to remove someone else.'),
        '404': problem('The caller is not a member of this project, or `{member_id}` is not one.'),
        '422': problem('A path id that is not a UUID, or the owner trying to leave.'),
      },
    },
  },
  '/api/{user_id}/projects/{id}/invitations': {
    parameters: projectPath,
    get: {
      operationId: 'listProjectInvitations',
      tags: ['Sharing'],
      summary: "List a project's pending invitations",
      description: 'The owner only; expired invitations are not listed.',
      responses: {
        '200': invitationList('The pending invitations, oldest first.'),
        ...errors('Unauthorized', 'ValidationFailed', 'ContentTooLarge', 'InternalError', 'ServiceUnavailable'),
        '403': NOT_OWNER,
        '404': PROJECT_NOT_FOUND,
      },
    },
    post: {
      operationId: 'createInvitation',
      tags: ['Sharing'],
      summary: 'Invite someone by email',
      description: `The owner only. The answer is the same whether or not the email has an account: an invitation waits for its email to sign up, for ${INVITATION_DAYS} days. Where the server has SMTP, the invitee gets an email; they accept or decline in the app or by API.`,
      requestBody: jsonBody('CreateInvitationBody'),
      responses: {
        '201': { description: 'The invitation.', headers: NO_STORE, content: { [JSON_TYPE]: { schema: ref('schemas', 'Invitation') } } },
        ...errors(...WRITE_ERRORS),
        '403': NOT_OWNER,
        '404': PROJECT_NOT_FOUND,
        '409': problem('The email belongs to a member already, or has a pending invitation to this project.'),
        '422': problem(`A body value is invalid (\`errors\` lists each bad field), or the project has ${PROJECT_MEMBERS_MAX} members and pending invitations.`),
      },
    },
  },
  '/api/{user_id}/projects/{id}/invitations/{inv_id}': {
    parameters: projectInvitationPath,
    delete: {
      operationId: 'cancelInvitation',
      tags: ['Sharing'],
      summary: 'Cancel a pending invitation',
      description: 'The owner only.',
      responses: {
        '204': NO_CONTENT,
        ...errors('Unauthorized', 'ValidationFailed', 'ContentTooLarge', 'InternalError', 'ServiceUnavailable'),
        '403': NOT_OWNER,
        '404': problem('The caller is not a member of this project, or it has no pending invitation with this id.'),
      },
    },
  },
  '/api/{user_id}/invitations': {
    parameters: [ref('parameters', 'UserId')],
    get: {
      operationId: 'listMyInvitations',
      tags: ['Sharing'],
      summary: 'List the invitations addressed to the caller',
      description: "The pending invitations to the caller's email, oldest first. A new one also arrives on the event stream as `event: invitation`.",
      responses: {
        '200': invitationList('The pending invitations.'),
        ...errors('Unauthorized', 'Forbidden', 'ContentTooLarge', 'InternalError', 'ServiceUnavailable'),
      },
    },
  },
  '/api/{user_id}/invitations/{inv_id}/accept': {
    parameters: invitationPath,
    post: {
      operationId: 'acceptInvitation',
      tags: ['Sharing'],
      summary: 'Accept an invitation',
      description: "The caller becomes a member with the invitation's role; the project goes to the end of their sidebar, and its tasks arrive in their changes feed.",
      responses: {
        '200': project('The project, as the new member sees it.'),
        ...errors(...READ_ERRORS),
        '404': INVITATION_NOT_FOUND,
      },
    },
  },
  '/api/{user_id}/invitations/{inv_id}/decline': {
    parameters: invitationPath,
    post: {
      operationId: 'declineInvitation',
      tags: ['Sharing'],
      summary: 'Decline an invitation',
      responses: {
        '204': NO_CONTENT,
        ...errors(...READ_ERRORS),
        '404': INVITATION_NOT_FOUND,
      },
    },
  },
};
