import 'server-only';
import { aliasedTable, and, asc, eq, gt, sql } from 'drizzle-orm';
import { driverError, sqlState } from '@/lib/db/errors';
import { invitations, projectMembers, projects, users } from '@/lib/db/schema';
import { AlreadyInvited, InvitationNotFound, MemberLimitReached, NotProjectOwner, ProjectNotFound } from '@/lib/projects/errors';
import { getProject, projectRole, type ProjectRow } from '@/lib/projects/queries';
import type { CreateInvitationInput } from '@/lib/projects/schemas';
import { callerAsOwner, callerHasRole, liveSession, scopedStatement, type Scope } from '@/lib/scope/scope';

// Invitations to a project: the owner invites an email, whoever has (or later signs up with)
// that email accepts or declines. Inviting answers the same whether the email has an account or
// not. Accepting or declining uses the invitation up (its row goes), as does the owner's
// cancelling it; an expired one is as good as gone (`expires_at` in every `where`).

export interface InvitationRow {
  id: string;
  projectId: string;
  projectName: string;
  email: string;
  role: 'editor' | 'viewer';
  inviterName: string | null;
  inviterEmail: string;
  createdAt: Date;
  expiresAt: Date;
}

const placeholder = sql.placeholder;
const PROJECT = sql`${placeholder('id')}::uuid`;
const UNIQUE_VIOLATION = '23505';
const FOREIGN_KEY_VIOLATION = '23503';
const CHECK_VIOLATION = '23514';
// An insert the caller may not make: its inviter or member is null.
const NOT_NULL_VIOLATION = '23502';

const inviter = aliasedTable(users, 'inviter');
const pending = gt(invitations.expiresAt, sql`now()`);
/** The caller's own email, as a subquery (the invitations addressed to them). */
const callerEmail = sql`(select "caller"."email" from ${users} "caller" where "caller"."id" = ${placeholder('userId')}::uuid)`;

const invitationColumns = {
  id: invitations.id,
  projectId: invitations.projectId,
  projectName: projects.name,
  email: invitations.email,
  role: invitations.role,
  inviterName: inviter.name,
  inviterEmail: inviter.email,
  createdAt: invitations.createdAt,
  expiresAt: invitations.expiresAt,
};

const listStatement = scopedStatement('get_invitations', (db, shape: { of: 'project' | 'caller' | 'one' }, name) =>
  db
    .select(invitationColumns)
    .from(invitations)
    .innerJoin(projects, eq(projects.id, invitations.projectId))
    .innerJoin(inviter, eq(inviter.id, invitations.invitedBy))
    .where(
      and(
        pending,
        shape.of === 'caller' ? sql`${invitations.email} = ${callerEmail}` : and(eq(invitations.projectId, placeholder('id')), callerHasRole(PROJECT, ['owner'])),
        shape.of === 'one' ? eq(invitations.id, placeholder('invitation')) : undefined,
        liveSession(),
      ),
    )
    .orderBy(asc(invitations.createdAt), asc(invitations.id))
    .prepare(name),
);

/** Why an owner-only invitation route was refused: not a member 404, not the owner 403. */
async function refusedInvitations(scope: Scope, id: string, what: string): Promise<never> {
  throw (await projectRole(scope, id)) ? new NotProjectOwner(what) : new ProjectNotFound();
}

/** The pending invitations of a project (the owner only). */
export async function listProjectInvitations(scope: Scope, id: string): Promise<InvitationRow[]> {
  const rows = await scope.run(listStatement, { of: 'project' }, { id });
  if (rows.length === 0 && (await projectRole(scope, id)) !== 'owner') return refusedInvitations(scope, id, 'see its invitations');
  return rows;
}

/** The pending invitations addressed to the caller's email. */
export async function listMyInvitations(scope: Scope): Promise<InvitationRow[]> {
  return scope.run(listStatement, { of: 'caller' }, {});
}

// An expired invitation to the same email is cleared first, so that it can be invited again.
const clearExpiredStatement = scopedStatement('clear_expired_invitation', (db, _shape: Record<never, never>, name) =>
  db
    .delete(invitations)
    .where(and(eq(invitations.projectId, placeholder('id')), eq(invitations.email, placeholder('email')), sql`${invitations.expiresAt} <= now()`, callerHasRole(PROJECT, ['owner']), liveSession()))
    .returning({ id: invitations.id })
    .prepare(name),
);

// The inviter is the caller while they own the project and the email is no member's: else null,
// which the NOT NULL column refuses (and a follow-up read says why).
const insertStatement = scopedStatement('create_invitation', (db, _shape: Record<never, never>, name) =>
  db
    .insert(invitations)
    .values({
      projectId: placeholder('id'),
      email: placeholder('email'),
      role: placeholder('role'),
      invitedBy: sql`case when ${callerHasRole(PROJECT, ['owner'])} and not exists (select 1 from ${projectMembers} "member"
        join ${users} "account" on "account"."id" = "member"."user_id" where "member"."project_id" = ${PROJECT} and "account"."email" = ${placeholder('email')}::text)
        then ${callerAsOwner()} end`,
    })
    .returning({ id: invitations.id })
    .prepare(name),
);

const memberByEmailStatement = scopedStatement('is_member_by_email', (db, _shape: Record<never, never>, name) =>
  db
    .select({ member: sql<number>`1` })
    .from(projectMembers)
    .innerJoin(users, eq(users.id, projectMembers.userId))
    .where(and(eq(projectMembers.projectId, placeholder('id')), eq(users.email, placeholder('email')), callerHasRole(PROJECT), liveSession()))
    .prepare(name),
);

/** Invites an email to a project (the owner only); the answer does not say whether the email has an account. */
export async function createInvitation(scope: Scope, id: string, input: CreateInvitationInput): Promise<InvitationRow> {
  try {
    return await scope.transaction(async (tx) => {
      await scope.run(clearExpiredStatement, {}, { id, email: input.email }, tx);
      const [created] = await scope.run(insertStatement, {}, { id, email: input.email, role: input.role }, tx);
      const [row] = await scope.run(listStatement, { of: 'one' }, { id, invitation: created!.id }, tx);
      return row!;
    });
  } catch (err) {
    if (sqlState(err) === NOT_NULL_VIOLATION) {
      const role = await projectRole(scope, id);
      if (role !== 'owner') throw role ? new NotProjectOwner('invite people') : new ProjectNotFound();
      if ((await scope.run(memberByEmailStatement, {}, { id, email: input.email })).length) throw new AlreadyInvited(true);
    }
    if (sqlState(err) === UNIQUE_VIOLATION) throw new AlreadyInvited(false);
    // The project was deleted while the invitation was being written.
    if (sqlState(err) === FOREIGN_KEY_VIOLATION) throw new ProjectNotFound();
    if (sqlState(err) === CHECK_VIOLATION && (driverError(err) as { constraint?: string } | undefined)?.constraint === 'project_members_limit') {
      throw new MemberLimitReached();
    }
    throw err;
  }
}

const cancelStatement = scopedStatement('cancel_invitation', (db, _shape: Record<never, never>, name) =>
  db
    .delete(invitations)
    .where(and(eq(invitations.id, placeholder('invitation')), eq(invitations.projectId, placeholder('id')), pending, callerHasRole(PROJECT, ['owner']), liveSession()))
    .returning({ id: invitations.id })
    .prepare(name),
);

/** Cancels a pending invitation (the owner only). */
export async function cancelInvitation(scope: Scope, id: string, invitation: string): Promise<void> {
  const [cancelled] = await scope.run(cancelStatement, {}, { id, invitation });
  if (cancelled) return;
  if ((await projectRole(scope, id)) !== 'owner') return refusedInvitations(scope, id, 'cancel invitations');
  throw new InvitationNotFound();
}

// Using an invitation up: the caller's own (by their email), pending.
const useStatement = scopedStatement('use_invitation', (db, _shape: Record<never, never>, name) =>
  db
    .delete(invitations)
    .where(and(eq(invitations.id, placeholder('invitation')), sql`${invitations.email} = ${callerEmail}`, pending, liveSession()))
    .returning({ projectId: invitations.projectId, role: invitations.role })
    .prepare(name),
);

const joinStatement = scopedStatement('join_project', (db, _shape: Record<never, never>, name) =>
  db
    .insert(projectMembers)
    .values({ projectId: placeholder('id'), userId: callerAsOwner(), role: placeholder('role') })
    .onConflictDoNothing()
    .returning({ projectId: projectMembers.projectId })
    .prepare(name),
);

/** Accepts an invitation addressed to the caller: they become a member, at the end of their sidebar. */
export async function acceptInvitation(scope: Scope, invitation: string): Promise<ProjectRow> {
  try {
    return await scope.transaction(async (tx) => {
      const [used] = await scope.run(useStatement, {}, { invitation }, tx);
      if (!used) throw new InvitationNotFound();
      await scope.run(joinStatement, {}, { id: used.projectId, role: used.role }, tx);
      return getProject(scope, used.projectId, tx);
    });
  } catch (err) {
    // The project was deleted while the invitation was being accepted: it is as good as gone.
    if (sqlState(err) === FOREIGN_KEY_VIOLATION) throw new InvitationNotFound();
    throw err;
  }
}

/** Declines an invitation addressed to the caller. */
export async function declineInvitation(scope: Scope, invitation: string): Promise<void> {
  const [used] = await scope.run(useStatement, {}, { invitation });
  if (!used) throw new InvitationNotFound();
}
