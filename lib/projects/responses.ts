import 'server-only';
import type { InvitationRow } from '@/lib/projects/invitations';
import type { MemberRow } from '@/lib/projects/members';
import type { ProjectRow } from '@/lib/projects/queries';
import type { InvitationJson, MemberJson, ProjectJson } from '@/lib/projects/schemas';
import type { LabelColorName } from '@/lib/labels/schemas';

// How a project goes over HTTP: as the caller sees it.

export function toProjectJson(project: ProjectRow): ProjectJson {
  return {
    id: project.id,
    name: project.name,
    color: project.color as LabelColorName,
    role: project.role,
    shared: project.shared,
    open_count: project.openCount,
    position: project.position,
    created_at: project.createdAt.toISOString(),
    updated_at: project.updatedAt.toISOString(),
  };
}

export function toMemberJson(member: MemberRow): MemberJson {
  return { user_id: member.userId, email: member.email, name: member.name, role: member.role, joined_at: member.joinedAt.toISOString() };
}

export function toInvitationJson(invitation: InvitationRow): InvitationJson {
  return {
    id: invitation.id,
    project: { id: invitation.projectId, name: invitation.projectName },
    email: invitation.email,
    role: invitation.role,
    invited_by: { name: invitation.inviterName, email: invitation.inviterEmail },
    created_at: invitation.createdAt.toISOString(),
    expires_at: invitation.expiresAt.toISOString(),
  };
}
