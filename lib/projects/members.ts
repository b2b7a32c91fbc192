import 'server-only';
import { and, asc, eq, ne, sql } from 'drizzle-orm';
import type { Executor } from '@/lib/db';
import { sqlState } from '@/lib/db/errors';
import { projectMembers, projects, users } from '@/lib/db/schema';
import { HeirHasProjectName, MemberNotFound, NotProjectOwner, OwnerMustHandOver, ProjectNotFound } from '@/lib/projects/errors';
import { projectRole } from '@/lib/projects/queries';
import type { Role } from '@/lib/projects/schemas';
import { callerHasRole, liveSession, ownedByCaller, scopedStatement, type Scope } from '@/lib/scope/scope';

// A project's members: who they are, their roles, hand-over, removal and leaving. Who may do
// what is in each statement's own `where` (the caller's role, beside their live session); when a
// statement changes nothing, a follow-up read of the caller's role says why, in the contract's
// order: not a member 404, a member without the right 403, then the member named.

export interface MemberRow {
  userId: string;
  email: string;
  name: string | null;
  role: Role;
  joinedAt: Date;
}

const placeholder = sql.placeholder;
const PROJECT = sql`${placeholder('id')}::uuid`;
const UNIQUE_VIOLATION = '23505';

const memberColumns = { userId: projectMembers.userId, email: users.email, name: users.name, role: projectMembers.role, joinedAt: projectMembers.joinedAt };

const membersStatement = scopedStatement('get_project_members', (db, shape: { one: boolean }, name) =>
  db
    .select(memberColumns)
    .from(projectMembers)
    .innerJoin(users, eq(users.id, projectMembers.userId))
    .where(
      and(
        eq(projectMembers.projectId, placeholder('id')),
        shape.one ? eq(projectMembers.userId, placeholder('member')) : undefined,
        callerHasRole(PROJECT),
        liveSession(),
      ),
    )
    .orderBy(asc(projectMembers.joinedAt), asc(projectMembers.userId))
    .prepare(name),
);

/** The members of a project the caller is a member of, longest-standing first. */
export async function listMembers(scope: Scope, id: string): Promise<MemberRow[]> {
  const members = await scope.run(membersStatement, { one: false }, { id });
  // A member always sees themself: none means the caller is not one.
  if (members.length === 0) throw new ProjectNotFound();
  return members;
}

async function getMember(scope: Scope, id: string, member: string, executor?: Executor): Promise<MemberRow> {
  const [row] = await scope.run(membersStatement, { one: true }, { id, member }, executor);
  if (!row) throw new MemberNotFound();
  return row;
}

/** Why the owner-only change `what` was refused: not a member 404, not the owner 403, else the member named is not one. */
async function refusedByRole(scope: Scope, id: string, what: string, executor?: Executor): Promise<never> {
  const role = await projectRole(scope, id, executor);
  if (!role) throw new ProjectNotFound();
  if (role !== 'owner') throw new NotProjectOwner(what);
  throw new MemberNotFound();
}

const setRoleStatement = scopedStatement('set_member_role', (db, _shape: Record<never, never>, name) =>
  db
    .update(projectMembers)
    .set({ role: sql`${placeholder('role')}` })
    .where(
      and(
        eq(projectMembers.projectId, placeholder('id')),
        eq(projectMembers.userId, placeholder('member')),
        ne(projectMembers.userId, placeholder('userId')),
        callerHasRole(PROJECT, ['owner']),
        liveSession(),
      ),
    )
    .returning({ userId: projectMembers.userId })
    .prepare(name),
);

// The hand-over, in one transaction holding the project row: the caller (its owner) becomes an
// editor, the member its owner, and the project theirs.
const lockOwnedProject = scopedStatement('lock_owned_project', (db, _shape: Record<never, never>, name) =>
  db.select({ id: projects.id }).from(projects).where(and(eq(projects.id, placeholder('id')), ownedByCaller(projects.ownerId))).for('update').prepare(name),
);

const handOverStatement = scopedStatement('hand_over_project', (db, _shape: Record<never, never>, name) =>
  db
    .update(projectMembers)
    .set({ role: sql`case when ${projectMembers.userId} = ${placeholder('userId')}::uuid then 'editor' else 'owner' end` })
    .where(
      and(
        eq(projectMembers.projectId, placeholder('id')),
        sql`${projectMembers.userId} in (${placeholder('userId')}::uuid, ${placeholder('member')}::uuid)`,
        sql`exists (select 1 from ${projectMembers} "heir" where "heir"."project_id" = ${PROJECT} and "heir"."user_id" = ${placeholder('member')}::uuid)`,
        liveSession(),
      ),
    )
    .returning({ userId: projectMembers.userId })
    .prepare(name),
);

const newOwnerStatement = scopedStatement('set_project_owner', (db, _shape: Record<never, never>, name) =>
  db
    .update(projects)
    .set({ ownerId: sql`${placeholder('member')}::uuid` })
    .where(and(eq(projects.id, placeholder('id')), ownedByCaller(projects.ownerId)))
    .returning({ id: projects.id })
    .prepare(name),
);

/**
 * Changes a member's role (the owner only). `owner` hands the project over: the member becomes
 * its owner and the caller an editor. The owner's own role changes only by a hand-over.
 */
export async function setMemberRole(scope: Scope, id: string, member: string, role: Role): Promise<MemberRow> {
  const memberId = member.toLowerCase();
  if (memberId === scope.userId) {
    const current = await projectRole(scope, id);
    if (!current) throw new ProjectNotFound();
    if (current !== 'owner') throw new NotProjectOwner('change roles');
    if (role !== 'owner') throw new OwnerMustHandOver('give up the role');
    return getMember(scope, id, memberId);
  }
  if (role !== 'owner') {
    const [changed] = await scope.run(setRoleStatement, {}, { id, member: memberId, role });
    if (!changed) return refusedByRole(scope, id, 'change roles');
    return getMember(scope, id, memberId);
  }
  try {
    return await scope.transaction(async (tx) => {
      const [owned] = await scope.run(lockOwnedProject, {}, { id }, tx);
      if (!owned) return refusedByRole(scope, id, 'hand it over', tx);
      const changed = await scope.run(handOverStatement, {}, { id, member: memberId }, tx);
      if (changed.length !== 2) throw new MemberNotFound();
      await scope.run(newOwnerStatement, {}, { id, member: memberId }, tx);
      return getMember(scope, id, memberId, tx);
    });
  } catch (err) {
    // projects_owner_name_idx: the heir owns a project of that name.
    if (sqlState(err) === UNIQUE_VIOLATION) throw new HeirHasProjectName();
    throw err;
  }
}

const removeStatement = scopedStatement('remove_member', (db, _shape: Record<never, never>, name) =>
  db
    .delete(projectMembers)
    .where(
      and(
        eq(projectMembers.projectId, placeholder('id')),
        eq(projectMembers.userId, placeholder('member')),
        ne(projectMembers.role, 'owner'),
        sql`(${projectMembers.userId} = ${placeholder('userId')}::uuid or ${callerHasRole(PROJECT, ['owner'])})`,
        liveSession(),
      ),
    )
    .returning({ userId: projectMembers.userId })
    .prepare(name),
);

/**
 * Removes a member (the owner removes anyone else) or the caller themself (leaving). They lose
 * the project and its tasks on their next request, and are unassigned from its tasks (drizzle/0012).
 */
export async function removeMember(scope: Scope, id: string, member: string): Promise<void> {
  const memberId = member.toLowerCase();
  const [removed] = await scope.run(removeStatement, {}, { id, member: memberId });
  if (removed) return;
  const role = await projectRole(scope, id);
  if (!role) throw new ProjectNotFound();
  if (memberId === scope.userId) throw new OwnerMustHandOver('leave');
  if (role !== 'owner') throw new NotProjectOwner('remove other members');
  throw new MemberNotFound();
}
