import 'server-only';
import { and, asc, desc, eq, getTableColumns, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '@/lib/db';
import { driverError, sqlState } from '@/lib/db/errors';
import { BOTTOM_POSITION, projectMembers, projects, TOP_POSITION, type Project } from '@/lib/db/schema';
import { positionBetween, type ManualOrderMove } from '@/lib/manual-order';
import { NotProjectOwner, ProjectLimitReached, ProjectNameTaken, ProjectNotFound, ProjectReadOnly } from '@/lib/projects/errors';
import type { CreateProjectInput, ProjectChanges, Role } from '@/lib/projects/schemas';
import { MoveAnchorIsProject, MoveAnchorNotFound } from '@/lib/projects/errors';
import { callerAsOwner, liveSession, ownedByCaller, scopedStatement, type Scope } from '@/lib/scope/scope';

// Projects as such: the caller's sidebar, create, rename, delete, and each member's own order.
// Their tasks are tasks (lib/tasks), whose statements see a project's through its membership rows.

/** A project as one member sees it: their role and sidebar place, whether it is shared, its open tasks. */
export type ProjectRow = Project & { role: Role; position: string; shared: boolean; openCount: number };

const placeholder = sql.placeholder;

const UNIQUE_VIOLATION = '23505';
const CHECK_VIOLATION = '23514';

function asProjectError(err: unknown, on: 'create' | 'rename'): never {
  if (sqlState(err) === UNIQUE_VIOLATION) throw new ProjectNameTaken(on);
  const constraint = (driverError(err) as { constraint?: string } | undefined)?.constraint;
  if (sqlState(err) === CHECK_VIOLATION && constraint === 'projects_per_user_limit') throw new ProjectLimitReached();
  throw err;
}

// Qualified by hand: drizzle writes a one-table statement's columns bare, which inside these
// subqueries would name their own tables' columns.
const shared = sql<boolean>`exists (select 1 from "project_members" "other" where "other"."project_id" = "projects"."id" and "other"."user_id" <> "projects"."owner_id")`;
const openCount = sql<number>`(select count(*) from "tasks" where "tasks"."list_id" = "projects"."id" and not "tasks"."completed")`.mapWith(Number);

const projectColumns = { ...getTableColumns(projects), role: projectMembers.role, position: projectMembers.position, shared, openCount };

const viewStatement = scopedStatement('get_projects', (db, shape: { one: boolean }, name) =>
  db
    .select(projectColumns)
    .from(projectMembers)
    .innerJoin(projects, eq(projects.id, projectMembers.projectId))
    .where(and(ownedByCaller(projectMembers.userId), shape.one ? eq(projectMembers.projectId, placeholder('id')) : undefined))
    .orderBy(projectMembers.position)
    .prepare(name),
);

/** Every project the caller is a member of, in their sidebar order. */
export async function listProjects(scope: Scope): Promise<ProjectRow[]> {
  return scope.run(viewStatement, { one: false });
}

/** One of the caller's projects; `ProjectNotFound` for one they are not a member of. */
export async function getProject(scope: Scope, id: string, executor?: Executor): Promise<ProjectRow> {
  const [project] = await scope.run(viewStatement, { one: true }, { id }, executor);
  if (!project) throw new ProjectNotFound();
  return project;
}

/** Written after snapshot `lo` (not visible in it) and by `hi`: the changes feed's window (lib/sync/feed.ts). */
const inWindow = (xid: SQL) =>
  sql`(${xid} >= pg_snapshot_xmin(${placeholder('lo')}::pg_snapshot) and not pg_visible_in_snapshot(${xid}, ${placeholder('lo')}::pg_snapshot)
    and pg_visible_in_snapshot(${xid}, ${placeholder('hi')}::pg_snapshot))`;

const changedStatement = scopedStatement('changed_projects', (db, _shape: Record<never, never>, name) =>
  db
    .select(projectColumns)
    .from(projectMembers)
    .innerJoin(projects, eq(projects.id, projectMembers.projectId))
    .where(and(ownedByCaller(projectMembers.userId), or(inWindow(sql`${projects.changeXid}`), inWindow(sql`${projectMembers.changeXid}`))))
    .orderBy(projectMembers.position)
    .prepare(name),
);

/**
 * The caller's projects that changed between two snapshots (pg_snapshot text), or that they
 * joined or reordered: every project without `lo`.
 */
export async function projectsChangedIn(scope: Scope, lo: string | undefined, hi: string): Promise<ProjectRow[]> {
  if (lo === undefined) return listProjects(scope);
  return scope.run(changedStatement, {}, { lo, hi });
}

const roleStatement = scopedStatement('get_project_role', (db, _shape: Record<never, never>, name) =>
  db
    .select({ role: projectMembers.role })
    .from(projectMembers)
    .where(and(eq(projectMembers.projectId, placeholder('id')), ownedByCaller(projectMembers.userId)))
    .prepare(name),
);

/** The caller's role in project `id`: undefined when they are not a member. */
export async function projectRole(scope: Scope, id: string, executor?: Executor): Promise<Role | undefined> {
  const [member] = await scope.run(roleStatement, {}, { id }, executor);
  return member?.role;
}

/**
 * Why the caller may not write to project `id`, in the contract's order: not a member (`404`, as
 * if it did not exist), or a viewer (`403`).
 */
export async function refusedProjectWrite(scope: Scope, id: string, executor?: Executor): Promise<never> {
  throw (await projectRole(scope, id, executor)) ? new ProjectReadOnly() : new ProjectNotFound();
}

const insertProject = scopedStatement('create_project', (db, _shape: Record<never, never>, name) =>
  db
    .insert(projects)
    .values({ ownerId: callerAsOwner(), name: placeholder('name'), color: placeholder('color') })
    .returning({ id: projects.id })
    .prepare(name),
);

const insertOwner = scopedStatement('add_project_owner', (db, _shape: Record<never, never>, name) =>
  db
    .insert(projectMembers)
    .values({ projectId: placeholder('id'), userId: callerAsOwner(), role: 'owner' })
    .returning({ projectId: projectMembers.projectId })
    .prepare(name),
);

/** A project owned by the caller, at the end of their sidebar: the project and its owner's membership, together. */
export async function createProject(scope: Scope, input: CreateProjectInput): Promise<ProjectRow> {
  try {
    return await scope.transaction(async (tx) => {
      const [project] = await scope.run(insertProject, {}, { name: input.name, color: input.color ?? 'grey' }, tx);
      await scope.run(insertOwner, {}, { id: project!.id }, tx);
      return getProject(scope, project!.id, tx);
    });
  } catch (err) {
    return asProjectError(err, 'create');
  }
}

const updateStatement = scopedStatement('update_project', (db, shape: { fields: readonly ('name' | 'color')[] }, name) =>
  db
    .update(projects)
    .set(Object.fromEntries(shape.fields.map((field) => [field, placeholder(field)])))
    .where(
      and(
        eq(projects.id, placeholder('id')),
        sql`exists (select 1 from ${projectMembers} where ${projectMembers.projectId} = ${placeholder('id')}
          and ${projectMembers.userId} = ${placeholder('userId')} and ${projectMembers.role} in ('owner', 'editor'))`,
        liveSession(),
      ),
    )
    .returning({ id: projects.id })
    .prepare(name),
);

/** Renames or recolours a project: its owner or an editor. */
export async function updateProject(scope: Scope, id: string, changes: ProjectChanges): Promise<ProjectRow> {
  const fields = (['name', 'color'] as const).filter((field) => changes[field] !== undefined);
  try {
    return await scope.transaction(async (tx) => {
      const [updated] = await scope.run(updateStatement, { fields }, { id, ...changes }, tx);
      if (!updated) return refusedProjectWrite(scope, id, tx);
      return getProject(scope, id, tx);
    });
  } catch (err) {
    return asProjectError(err, 'rename');
  }
}

const deleteStatement = scopedStatement('delete_project', (db, _shape: Record<never, never>, name) =>
  db
    .delete(projects)
    .where(and(eq(projects.id, placeholder('id')), ownedByCaller(projects.ownerId)))
    .returning({ id: projects.id })
    .prepare(name),
);

/**
 * Deletes a project and every task in it, in one statement (the foreign keys cascade): its owner
 * only. Each task leaves a tombstone, and each member a project tombstone (drizzle/0011).
 */
export async function deleteProject(scope: Scope, id: string): Promise<void> {
  const [deleted] = await scope.run(deleteStatement, {}, { id });
  if (deleted) return;
  throw (await projectRole(scope, id)) ? new NotProjectOwner('delete it') : new ProjectNotFound();
}

// ---- Each member's sidebar order (lib/manual-order.ts) ----

const lockSidebar = scopedStatement('lock_sidebar', (db, _shape: Record<never, never>, name) =>
  db
    .select({ locked: sql<string>`pg_advisory_xact_lock(hashtextextended('sidebar:' || ${placeholder('userId')}::text, 0))::text` })
    .from(projectMembers)
    .where(and(eq(projectMembers.projectId, placeholder('anchor')), ownedByCaller(projectMembers.userId)))
    .prepare(name),
);

const selectAnchor = scopedStatement('get_sidebar_anchor', (db, _shape: Record<never, never>, name) =>
  db
    .select({ position: projectMembers.position })
    .from(projectMembers)
    .where(and(eq(projectMembers.projectId, placeholder('anchor')), ownedByCaller(projectMembers.userId)))
    .prepare(name),
);

const selectNeighbour = scopedStatement('get_sidebar_neighbour', (db, shape: { side: 'before' | 'after' }, name) => {
  const before = shape.side === 'before';
  return db
    .select({ position: projectMembers.position })
    .from(projectMembers)
    .where(
      and(
        ownedByCaller(projectMembers.userId),
        sql`${projectMembers.position} ${sql.raw(before ? '<' : '>')} ${placeholder('anchorPosition')}`,
        sql`${projectMembers.projectId} <> ${placeholder('id')}`,
      ),
    )
    .orderBy(before ? desc(projectMembers.position) : asc(projectMembers.position))
    .limit(1)
    .prepare(name);
});

const moveStatement = scopedStatement('move_project', (db, shape: { to: 'top' | 'bottom' | 'between' }, name) => {
  const position = shape.to === 'top' ? TOP_POSITION : shape.to === 'bottom' ? BOTTOM_POSITION : sql`${placeholder('position')}`;
  return db
    .update(projectMembers)
    .set({ position })
    .where(and(eq(projectMembers.projectId, placeholder('id')), ownedByCaller(projectMembers.userId)))
    .returning({ projectId: projectMembers.projectId })
    .prepare(name);
});

/**
 * Moves a project in the caller's own sidebar, as tasks move in a list: next to an anchor, moves
 * take turns per member (an advisory lock); the top and the bottom need no turn.
 */
export async function moveProject(scope: Scope, id: string, move: ManualOrderMove): Promise<ProjectRow> {
  const anchorId = move.before ?? move.after;
  if (anchorId !== undefined && anchorId.toLowerCase() === id.toLowerCase()) throw new MoveAnchorIsProject(move.before ? 'before' : 'after');
  return scope.transaction(async (tx) => {
    let to: 'top' | 'bottom' | 'between' = move.to ?? 'between';
    let position: string | undefined;
    if (anchorId !== undefined) {
      const [locked] = await scope.run(lockSidebar, {}, { anchor: anchorId }, tx);
      const [anchor] = locked ? await scope.run(selectAnchor, {}, { anchor: anchorId }, tx) : [];
      if (!anchor) {
        await getProject(scope, id, tx);
        throw new MoveAnchorNotFound();
      }
      const side = move.before ? 'before' : 'after';
      const [neighbour] = await scope.run(selectNeighbour, { side }, { id, anchorPosition: anchor.position }, tx);
      if (!neighbour) to = side === 'before' ? 'top' : 'bottom';
      else position = side === 'before' ? positionBetween(neighbour.position, anchor.position) : positionBetween(anchor.position, neighbour.position);
    }
    const [moved] = await scope.run(moveStatement, { to }, { id, position }, tx);
    if (!moved) throw new ProjectNotFound();
    return getProject(scope, id, tx);
  });
}
