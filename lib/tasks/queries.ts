import 'server-only';
import { and, eq, sql, type Column, type SQL } from 'drizzle-orm';
import type { Executor } from '@/lib/db';
import { sqlState } from '@/lib/db/errors';
import { TOP_POSITION, tasks } from '@/lib/db/schema';
import { ProjectNotFound } from '@/lib/projects/errors';
import { refusedProjectWrite } from '@/lib/projects/queries';
import { callerAsOwner, callerMayWrite, callerMayWriteTo, scopedStatement, visibleLists, writableTask, type Scope } from '@/lib/scope/scope';
import { TaskNotFound } from '@/lib/tasks/errors';
import {
  asInvalidFields,
  isParentRefused,
  isProjectGone,
  refusedParent,
  refusedWrite,
  taskColumns,
  taskValues,
  visibleTaskById,
  writeTask,
  writeWhere,
  type TaskRow,
  type TaskValues,
  type Versions,
} from '@/lib/tasks/rows';
import type { CreateTaskInput, TaskChangesInput } from '@/lib/tasks/schemas';

// One task at a time: create, read, update, complete, delete. Each statement is a
// scopedStatement (lib/scope/scope.ts): the lists the caller sees, or may write to, and the
// caller's live session are checked in its own `where`, so isolation and revocation hold per
// statement. The other writers of the tasks table: the manual order (manual-order.ts), imports
// (lib/transfer/import.ts), the seed.

export type { NewTaskInput, TaskRow, Versions } from '@/lib/tasks/rows';

const placeholder = sql.placeholder;

// An insert whose owner is null: the session has ended, or the caller may not write to the list.
const NOT_NULL_VIOLATION = '23502';

type CreateShape = { labels: boolean; reminders: boolean; project: boolean; parent: boolean };

const insertTask = scopedStatement('create_task', (db, shape: CreateShape, name) => {
  // The list: the body's project; with a parent alone, the parent's (as the caller sees it: a
  // parent they cannot see leaves the Inbox, which the parent's foreign key then refuses).
  const projectId = shape.project
    ? sql`${placeholder('projectId')}::uuid`
    : shape.parent
      ? sql`(select "parent"."project_id" from ${tasks} "parent" where "parent"."id" = ${placeholder('parentId')}::uuid and "parent"."list_id" in ${visibleLists()})`
      : undefined;
  return db
    .insert(tasks)
    .values({
      userId: projectId ? sql`case when ${callerMayWriteTo(projectId)} then ${callerAsOwner()} end` : callerAsOwner(),
      projectId: projectId ?? null,
      parentId: shape.parent ? placeholder('parentId') : null,
      assigneeId: placeholder('assigneeId'),
      assignedBy: sql`case when ${placeholder('assigneeId')}::uuid is not null then ${placeholder('userId')}::uuid end`,
      title: placeholder('title'),
      description: placeholder('description'),
      completed: placeholder('completed'),
      dueDate: placeholder('dueDate'),
      dueTime: placeholder('dueTime'),
      priority: placeholder('priority'),
      repeatEvery: placeholder('repeatEvery'),
      repeatInterval: placeholder('repeatInterval'),
    })
    .returning(taskColumns(shape))
    .prepare(name);
});

/**
 * Creates a task at the top of its list's manual order, with its labels (created as needed) in
 * the same statement: in the caller's Inbox, the body's project, or its parent's list.
 * `executor` is a transaction when the create is idempotent.
 */
export async function createTask(scope: Scope, input: CreateTaskInput, executor?: Executor): Promise<TaskRow> {
  const values = taskValues(input);
  const shape = {
    labels: Boolean(values.labels?.length),
    reminders: Boolean(values.reminders?.length),
    project: Boolean(values.projectId),
    parent: Boolean(values.parentId),
  };
  try {
    const [task] = await scope.run(insertTask, shape, {
      title: values.title,
      description: values.description ?? null,
      completed: values.completed ?? false,
      dueDate: values.dueDate ?? null,
      dueTime: values.dueTime ?? null,
      priority: values.priority ?? 0,
      repeatEvery: values.repeatEvery ?? null,
      repeatInterval: values.repeatInterval ?? null,
      labels: values.labels ?? null,
      reminders: values.reminders ? JSON.stringify(values.reminders) : null,
      projectId: values.projectId ?? null,
      parentId: values.parentId ?? null,
      assigneeId: values.assigneeId ?? null,
    }, executor);
    return task!;
  } catch (err) {
    return refusedCreate(scope, err, values, executor);
  }
}

/** Why a create stored nothing, in the contract's order: the session, the project, the parent, then the fields. */
async function refusedCreate(scope: Scope, err: unknown, values: TaskValues, executor?: Executor): Promise<never> {
  if (isProjectGone(err)) throw new ProjectNotFound();
  if (sqlState(err) === NOT_NULL_VIOLATION && (values.projectId || values.parentId)) {
    await scope.confirm();
    if (values.projectId) return refusedProjectWrite(scope, values.projectId, executor);
    // The parent's list is one the caller may only read.
    return refusedWrite(scope, values.parentId!, undefined, executor);
  }
  if (values.parentId && isParentRefused(err)) return refusedParent(scope, values.parentId, executor);
  return asInvalidFields(err, values);
}

const selectTask = scopedStatement('get_task', (db, _shape: Record<never, never>, name) =>
  db.select(taskColumns()).from(tasks).where(visibleTaskById()).limit(1).prepare(name),
);

/** A task in a list the caller sees. */
export async function getTask(scope: Scope, id: string, executor?: Executor): Promise<TaskRow> {
  const [task] = await scope.run(selectTask, {}, { id }, executor);
  if (!task) throw new TaskNotFound();
  return task;
}

const CHANGEABLE = ['title', 'description', 'completed', 'dueDate', 'dueTime', 'priority', 'repeatEvery', 'repeatInterval', 'parentId', 'assigneeId'] as const;
type Changeable = (typeof CHANGEABLE)[number];

/**
 * The next occurrence of a repeating task, counted from `due` alone. PostgreSQL's date plus
 * months clamps a month end (Jan 31 + 1 month = Feb 28/29); weekday skips Saturday and Sunday.
 */
function nextOccurrence(due: SQL, every: SQL, interval: SQL): SQL {
  return sql`case ${every}
    when 'day' then ${due} + ${interval}::integer
    when 'week' then ${due} + 7 * ${interval}::integer
    when 'month' then (${due} + make_interval(months => ${interval}::integer))::date
    when 'year' then (${due} + make_interval(years => ${interval}::integer))::date
    when 'weekday' then ${due} + case extract(isodow from ${due}) when 5 then 3 when 6 then 2 else 1 end
  end`;
}

/**
 * The subtasks (at any depth) a completion carries with it, as a data-modifying CTE of the
 * write that completes the task: in the same statement, so no one sees the task done and its
 * subtasks open. `completes`, over the task as stored (`root`): true when the write completes a
 * task that does not repeat (its open subtasks are completed), false when it completes one that
 * repeats (its done subtasks reopen: the next occurrence starts afresh), null when it does neither.
 */
function completingSubtasks(db: Executor, completes: SQL, ifMatch: boolean) {
  const root = db.select({ id: tasks.id, completes: sql<boolean | null>`${completes}`.as('completes') }).from(tasks).where(writeWhere(ifMatch));
  // A join with the descendants, not `id in (select task_descendants(…))`: that form made
  // PostgreSQL scan the whole table and call the function once per row (60 ms for 13,000 tasks).
  return db.$with('subtasks', { id: sql<string>`id` }).as(
    sql`update ${tasks} set "completed" = "root"."completes"
      from (${root}) "root" cross join lateral task_descendants("root"."id") as "below"("id")
      where "root"."completes" is not null and ${tasks.id} = "below"."id" and ${tasks.completed} <> "root"."completes"
      returning ${tasks.id}`,
  );
}

// `personal`: a write of the caller's own labels or reminders alone, which any member who sees the task may make (a viewer too).
type UpdateShape = { fields: readonly Changeable[]; labels: boolean; reminders: boolean; ifMatch: boolean; personal?: boolean };

const updateTaskStatement = scopedStatement('update_task', (db, shape: UpdateShape, name) => {
  // The value a column will have after this write: the body's, else the stored one.
  const after = (field: Changeable, column: Column) => (shape.fields.includes(field) ? sql`${placeholder(field)}` : sql`${column}`);
  const set: Record<string, SQL> = Object.fromEntries(shape.fields.map((field) => [field, sql`${placeholder(field)}`]));
  let subtasks: ReturnType<typeof completingSubtasks> | undefined;
  if (shape.fields.includes('completed')) {
    // Completing a repeating task moves it to its next occurrence instead.
    const repeats = sql`(${placeholder('completed')}::boolean and ${after('repeatEvery', tasks.repeatEvery)}::text is not null)`;
    const due = sql`${after('dueDate', tasks.dueDate)}::date`;
    set.completed = sql`case when ${repeats} then false else ${placeholder('completed')}::boolean end`;
    set.dueDate = sql`case when ${repeats} then ${nextOccurrence(due, sql`${after('repeatEvery', tasks.repeatEvery)}::text`, sql`${after('repeatInterval', tasks.repeatInterval)}`)} else ${due} end`;
    subtasks = completingSubtasks(db, sql`case when ${placeholder('completed')}::boolean then ${after('repeatEvery', tasks.repeatEvery)}::text is null end`, shape.ifMatch);
  }
  // Who assigns it: assigning someone else notifies them (drizzle/0015).
  if (shape.fields.includes('assigneeId')) set.assignedBy = sql`${placeholder('userId')}::uuid`;
  // Labels or reminders alone still change the task: its updated_at (and so its ETag) moves on.
  if (Object.keys(set).length === 0) set.updatedAt = sql`now()`;
  const where = shape.personal
    ? and(visibleTaskById(), shape.ifMatch ? sql`${tasks.updatedAt} = any(${placeholder('versions')}::timestamptz[])` : undefined)
    : writeWhere(shape.ifMatch);
  return (subtasks ? db.with(subtasks) : db).update(tasks).set(set).where(where).returning(taskColumns(shape)).prepare(name);
});

const lockTaskStatement = scopedStatement('lock_task', (db, _shape: Record<never, never>, name) =>
  db
    .select({ id: tasks.id, projectId: tasks.projectId, updatedAt: tasks.updatedAt, writable: callerMayWrite() })
    .from(tasks)
    .where(visibleTaskById())
    .for('update', { of: tasks })
    .prepare(name),
);

// Moves a task, with its subtasks, to the top of another list, in their order; the task leaves
// its parent for the body's parent_id (or none). The parents' foreign key checks the new list's
// parent at the end of the statement, when the whole subtree has moved.
const moveToListStatement = scopedStatement('move_task_to_list', (db, _shape: Record<never, never>, name) => {
  const subtree = sql`(select ${placeholder('id')}::uuid union all select task_descendants(${placeholder('id')}::uuid))`;
  // Top positions, the highest to the one that was highest: nextval in that order (top = later).
  const positions = db
    .select({ taskId: sql<string>`"subtree"."id"`.as('task_id'), position: sql<string>`${TOP_POSITION}`.as('new_position') })
    .from(sql`(select ${tasks.id}, ${tasks.position} from ${tasks} where ${tasks.id} in ${subtree} order by ${tasks.position} desc) as "subtree"`)
    .as('moved');
  // The rule does not see a `where` after `from`.
  // eslint-disable-next-line drizzle/enforce-update-with-where
  return db
    .update(tasks)
    .set({
      projectId: sql`${placeholder('projectId')}::uuid`,
      position: sql`${positions.position}`,
      parentId: sql`case when ${tasks.id} = ${placeholder('id')}::uuid then ${placeholder('parentId')}::uuid else ${tasks.parentId} end`,
    })
    .from(positions)
    .where(and(eq(tasks.id, positions.taskId), writableTask(), callerMayWriteTo(sql`${placeholder('projectId')}::uuid`)))
    .returning({ id: tasks.id })
    .prepare(name);
});

/**
 * PUT and PATCH: sets the given fields and labels in one statement (`updated_at` moves forward
 * by the database trigger); what the stored task would then break (a time without a date) is a
 * 422. A new `project_id` first moves the task and its subtasks to the top of that list, in one
 * transaction with the rest.
 */
export async function updateTask(scope: Scope, id: string, changes: TaskChangesInput, versions?: Versions): Promise<TaskRow> {
  const values = taskValues(changes);
  try {
    if (values.projectId !== undefined) return await updateTaskAcrossLists(scope, id, values, versions);
    return await updateInPlace(scope, id, values, versions);
  } catch (err) {
    if (isProjectGone(err)) throw new ProjectNotFound();
    if (values.parentId && isParentRefused(err)) return refusedParent(scope, values.parentId);
    return asInvalidFields(err, values);
  }
}

async function updateInPlace(scope: Scope, id: string, values: TaskValues, versions: Versions, executor?: Executor): Promise<TaskRow> {
  const fields = CHANGEABLE.filter((field) => values[field] !== undefined);
  const personal = fields.length === 0 && (values.labels !== undefined || values.reminders !== undefined);
  const shape = { fields, labels: values.labels !== undefined, reminders: values.reminders !== undefined, ifMatch: Boolean(versions), personal };
  const params = { ...values, reminders: values.reminders && JSON.stringify(values.reminders) };
  if (!personal) return writeTask(scope, updateTaskStatement, shape, id, versions, params, executor);
  const [row] = await scope.run(updateTaskStatement, shape, { ...params, id, versions: versions?.map((version) => version.toISOString()) }, executor);
  // A viewer may set their labels and reminders: only a task they cannot see, or a stale If-Match, refuses it.
  return row ?? refusedWrite(scope, id, versions, executor, new TaskNotFound(), { readOnlyIsFine: true });
}

async function updateTaskAcrossLists(scope: Scope, id: string, values: TaskValues, versions: Versions): Promise<TaskRow> {
  return scope.transaction(async (tx) => {
    const [task] = await scope.run(lockTaskStatement, {}, { id }, tx);
    if (!task || !task.writable || (versions && !versions.some((v) => v.getTime() === task.updatedAt.getTime()))) {
      return refusedWrite(scope, id, versions, tx);
    }
    const { projectId, ...rest } = values;
    if (projectId === task.projectId) return updateInPlace(scope, id, rest, undefined, tx);
    const [moved] = await scope.run(moveToListStatement, {}, { id, projectId, parentId: values.parentId ?? null }, tx);
    if (!moved) return refusedProjectWrite(scope, projectId!, tx);
    const { parentId: _, ...others } = rest;
    return updateInPlace(scope, id, others, undefined, tx);
  });
}

const toggleTaskStatement = scopedStatement('toggle_task', (db, shape: { ifMatch: boolean }, name) => {
  const repeats = sql`(${tasks.repeatEvery} is not null and not ${tasks.completed})`;
  const subtasks = completingSubtasks(db, sql`case when not ${tasks.completed} then ${tasks.repeatEvery} is null end`, shape.ifMatch);
  return db
    .with(subtasks)
    .update(tasks)
    .set({
      completed: sql`case when ${repeats} then false else not ${tasks.completed} end`,
      dueDate: sql`case when ${repeats} then ${nextOccurrence(sql`${tasks.dueDate}`, sql`${tasks.repeatEvery}`, sql`${tasks.repeatInterval}`)} else ${tasks.dueDate} end`,
    })
    .where(writeWhere(shape.ifMatch))
    .returning(taskColumns())
    .prepare(name);
});

/**
 * Flips `completed` in one statement: concurrent toggles never lose an update. Completing a task
 * completes its open subtasks; a repeating task is not completed: it moves to its next
 * occurrence, and its subtasks reopen.
 */
export async function toggleTaskCompletion(scope: Scope, id: string, versions?: Versions): Promise<TaskRow> {
  try {
    return await writeTask(scope, toggleTaskStatement, { ifMatch: Boolean(versions) }, id, versions, {});
  } catch (err) {
    return asInvalidFields(err, {});
  }
}

const deleteTaskStatement = scopedStatement('delete_task', (db, shape: { ifMatch: boolean }, name) =>
  db.delete(tasks).where(writeWhere(shape.ifMatch)).returning({ id: tasks.id }).prepare(name),
);

/** Deletes a task and, through the parents' foreign key, its subtasks. */
export async function deleteTask(scope: Scope, id: string, versions?: Versions): Promise<void> {
  const [deleted] = await scope.run(deleteTaskStatement, { ifMatch: Boolean(versions) }, { id, versions: versions?.map((version) => version.toISOString()) });
  if (!deleted) await refusedWrite(scope, id, versions);
}
