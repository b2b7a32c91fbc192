import 'server-only';
import { and, eq, getTableColumns, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '@/lib/db';
import { driverError, sqlState } from '@/lib/db/errors';
import type { Shape } from '@/lib/db/prepared';
import { labels, reminders, taskLabels, tasks, type Task } from '@/lib/db/schema';
import { LABELS_PER_USER_MAX, TASK_LEVELS_MAX, TASKS_PER_USER_MAX } from '@/lib/limits';
import { ProjectReadOnly } from '@/lib/projects/errors';
import { callerMayWrite, scopedStatement, visibleTask, writableTask, type Scope, type ScopedStatement } from '@/lib/scope/scope';
import { InvalidTaskFields, ParentInOtherList, ParentNotFound, TaskLimitReached, TaskNotFound, VersionConflict } from '@/lib/tasks/errors';
import { taskETag } from '@/lib/tasks/etag';
import type { CreateTaskInput, PriorityName, ReminderInputs, TaskChangesInput } from '@/lib/tasks/schemas';

// What the task statements share (lib/tasks/queries.ts, manual-order.ts, list.ts, and the changes
// feed and export): the row they return with its labels, the caller's task in a `where`, the
// columns a write body sets, and the conditional write with its 404 or 412.

const CHECK_VIOLATION = '23514';
const FOREIGN_KEY_VIOLATION = '23503';

/** Whether `err` is the parent's foreign key refusing a write: its `parent_id` is not a task of the same list. */
export function isParentRefused(err: unknown): boolean {
  return sqlState(err) === FOREIGN_KEY_VIOLATION && (driverError(err) as { constraint?: string } | undefined)?.constraint === 'tasks_parent_fk';
}

/**
 * Whether `err` is the project's foreign key refusing a write: the project was deleted between
 * the statement's check of the caller's membership and its end (it answers as a gone project does).
 */
export function isProjectGone(err: unknown): boolean {
  return sqlState(err) === FOREIGN_KEY_VIOLATION && (driverError(err) as { constraint?: string } | undefined)?.constraint === 'tasks_project_id_projects_id_fk';
}

export type NewTaskInput = CreateTaskInput;

/** One of the caller's reminders as a statement reads it (`at_ms`: milliseconds since the epoch). */
export type ReminderRow = { id: string; minutes_before: number | null; at_ms: number | null };

/** A task row with the caller's label names and reminders, as every statement here returns it. */
export type TaskRow = Task & { labels: string[]; reminders: ReminderRow[] };

/** The stored form of a write: the database's columns, plus the label names to set. */
export type TaskValues = {
  title?: string;
  description?: string | null;
  completed?: boolean;
  dueDate?: string | null;
  dueTime?: string | null;
  priority?: number;
  repeatEvery?: string | null;
  repeatInterval?: number | null;
  labels?: string[];
  reminders?: ReminderInputs;
  projectId?: string | null;
  parentId?: string | null;
  assigneeId?: string | null;
};

export const PRIORITY_VALUES: Record<PriorityName, number> = { none: 0, low: 1, medium: 2, high: 3 };

/** The columns a create or update body sets; `due_date: null` clears `due_time` too. */
export function taskValues(input: CreateTaskInput | TaskChangesInput): TaskValues {
  const values: TaskValues = { title: input.title, description: input.description, completed: input.completed };
  if (input.due_date !== undefined) values.dueDate = input.due_date;
  if (input.due_time !== undefined) values.dueTime = input.due_time;
  else if (input.due_date === null) values.dueTime = null;
  if (input.priority !== undefined) values.priority = PRIORITY_VALUES[input.priority];
  if (input.repeat !== undefined) {
    values.repeatEvery = input.repeat?.every ?? null;
    values.repeatInterval = input.repeat?.interval ?? null;
  }
  if (input.labels !== undefined) values.labels = input.labels;
  // Instants as the database reads them back (UTC, milliseconds), so that one set again matches.
  if (input.reminders !== undefined) values.reminders = input.reminders.map((r) => ('at' in r && r.at ? { at: new Date(r.at).toISOString() } : r));
  // Ids as the database writes them, so that comparing one with a stored id is plain equality.
  if (input.project_id !== undefined) values.projectId = input.project_id?.toLowerCase() ?? null;
  if (input.parent_id !== undefined) values.parentId = input.parent_id?.toLowerCase() ?? null;
  if (input.assignee_id !== undefined) values.assigneeId = input.assignee_id?.toLowerCase() ?? null;
  return values;
}

/**
 * A CHECK the stored task would break (lib/db/schema.ts), as the 422 field error of the body
 * that caused it: the body alone looked fine, the task it would make does not.
 */
export function asInvalidFields(err: unknown, values: TaskValues): never {
  const constraint = sqlState(err) === CHECK_VIOLATION ? (driverError(err) as { constraint?: string } | undefined)?.constraint : undefined;
  switch (constraint) {
    case 'tasks_due_time_needs_date':
      throw new InvalidTaskFields([{ path: 'due_time', message: 'needs a due_date' }]);
    case 'tasks_repeat_needs_date':
      throw new InvalidTaskFields([
        values.repeatEvery ? { path: 'repeat', message: 'needs a due_date' } : { path: 'due_date', message: 'cannot be cleared while the task repeats (set repeat to null too)' },
      ]);
    case 'tasks_due_date_range':
      throw new InvalidTaskFields([{ path: 'due_date', message: 'the next occurrence would be after 9999-12-31' }]);
    case 'labels_per_user_limit':
      throw new InvalidTaskFields([{ path: 'labels', message: `would make more than ${LABELS_PER_USER_MAX} labels; delete some first` }]);
    case 'reminders_need_due_date':
      throw new InvalidTaskFields([{ path: 'reminders', message: 'minutes_before needs a due_date (use at for a task without one)' }]);
    case 'tasks_per_user_limit':
      throw new TaskLimitReached(TASKS_PER_USER_MAX);
    case 'tasks_parent_depth':
      throw new InvalidTaskFields([{ path: 'parent_id', message: `would make subtasks more than ${TASK_LEVELS_MAX} levels deep` }]);
    case 'tasks_assignee_member':
      throw new InvalidTaskFields([{ path: 'assignee_id', message: "must be a member of the task's project (an Inbox task has no assignee)" }]);
    case 'tasks_parent_cycle':
      throw new InvalidTaskFields([{ path: 'parent_id', message: 'cannot be the task itself or one of its subtasks' }]);
    default:
      throw err;
  }
}

/**
 * An `If-Match` condition: the `updated_at` versions a write may change (see lib/tasks/etag.ts);
 * `undefined` for an unconditional write.

 */
export type Versions = Date[] | undefined;

const placeholder = sql.placeholder;

/** `where`: the task `id`, in a list the caller sees. */
export const visibleTaskById = () => and(eq(tasks.id, placeholder('id')), visibleTask())!;

// Qualified by hand: in a one-table select drizzle writes a column bare ("id"), which inside the
// subquery below would mean labels.id.
const taskId = sql`${tasks}.${sql.identifier(tasks.id.name)}`;

/**
 * The caller's label names on a task (labels are personal: each member of a shared project sees
 * only their own), sorted case-insensitively, as a column of any statement that reads or returns
 * tasks: joined in the same statement, never a query per task.
 */
export const taskLabelNames = sql<string[]>`array(
  select ${labels.name} from ${taskLabels} join ${labels} on ${labels.id} = ${taskLabels.labelId}
  where ${taskLabels.taskId} = ${taskId} and ${labels.userId} = ${placeholder('userId')}::uuid order by lower(${labels.name}), ${labels.name})`;

/** Sets the caller's labels on the task from the `labels` placeholder inside the write itself (drizzle/0012, set_task_labels). */
const setLabels = sql<string[]>`set_task_labels(${tasks.id}, ${placeholder('userId')}::uuid, ${placeholder('labels')}::text[])`;

const taskColumn = (name: string) => sql`${tasks}.${sql.identifier(name)}`;

/**
 * The caller's reminders on a task (personal, like labels), relative ones first: a column of
 * every statement that returns tasks, as drizzle/0015's task_reminders() builds it (inline, so
 * the planner sees one index probe per row). Relative ones of a task without a date are not
 * shown: the write that clears the date returns its row before its trigger deletes them (0017).
 */
export const taskReminders = sql<ReminderRow[]>`coalesce((select jsonb_agg(jsonb_build_object('id', "r"."id", 'minutes_before', "r"."minutes_before", 'at_ms', floor(extract(epoch from "r"."at") * 1000))
  order by "r"."minutes_before" desc nulls last, "r"."at", "r"."id") from ${reminders} "r" where "r"."task_id" = ${taskId} and "r"."user_id" = ${placeholder('userId')}::uuid
  and ("r"."minutes_before" is null or ${taskColumn('due_date')} is not null)), '[]'::jsonb)`;

/**
 * Sets the caller's reminders from the `reminders` placeholder inside the write itself, with the
 * task's values after it (drizzle/0015, set_task_reminders).
 */
const setReminders = sql<ReminderRow[]>`set_task_reminders(${taskId}, ${placeholder('userId')}::uuid, ${placeholder('reminders')}::jsonb,
  ${taskColumn('due_date')}, ${taskColumn('due_time')}, ${taskColumn('completed')})`;

/** What every task statement returns: the row, its labels and reminders (set by this write, or as stored). */
export const taskColumns = ({ labels = false, reminders: settingReminders = false }: { labels?: boolean; reminders?: boolean } = {}) => ({
  ...getTableColumns(tasks),
  labels: labels ? setLabels : taskLabelNames,
  reminders: settingReminders ? setReminders : taskReminders,
});

/** What tells a write's refusals apart: whether the caller sees the task, may change it, and its version. */
export const selectVersion = scopedStatement('get_task_version', (db, _shape: Record<never, never>, name) =>
  db.select({ id: tasks.id, updatedAt: tasks.updatedAt, writable: callerMayWrite() }).from(tasks).where(visibleTaskById()).limit(1).prepare(name),
);

/** The `where` of a write: the task `id`, which the caller may change, and with `If-Match`, one of the given versions. */
export function writeWhere(ifMatch: boolean): SQL {
  return and(eq(tasks.id, placeholder('id')), writableTask(), ifMatch ? sql`${tasks.updatedAt} = any(${placeholder('versions')}::timestamptz[])` : undefined)!;
}

/**
 * Why a write to task `id` changed nothing, in the contract's order: a task the caller cannot see
 * (`TaskNotFound`), one they may only read (`ProjectReadOnly`), a stale `If-Match` (`VersionConflict`,
 * with the current ETag), else `otherwise`.
 */
export async function refusedWrite(
  scope: Scope,
  id: string,
  versions: Versions,
  executor?: Executor,
  otherwise: Error = new TaskNotFound(),
  { readOnlyIsFine = false } = {},
): Promise<never> {
  const [current] = await scope.run(selectVersion, {}, { id }, executor);
  if (!current) throw new TaskNotFound();
  if (!current.writable && !readOnlyIsFine) throw new ProjectReadOnly();
  if (versions) throw new VersionConflict(taskETag(current));
  // What else the write's `where` asked for (by default, the task: deleted between the write and this read).
  throw otherwise;
}

/** Why a `parent_id` was refused: one the caller cannot see is not found; one they see is in another list. */
export async function refusedParent(scope: Scope, parentId: string, executor?: Executor): Promise<never> {
  const [parent] = await scope.run(selectVersion, {}, { id: parentId }, executor);
  throw parent ? new ParentInOtherList() : new ParentNotFound();
}

/**
 * Runs one conditional write. The `If-Match` versions go into the statement's own `where`, so
 * checking and changing are one atomic step; when no row qualified, a follow-up read says why.
 */
export async function writeTask<S extends Shape>(scope: Scope, write: ScopedStatement<S, TaskRow>, shape: S, id: string, versions: Versions, values: object, executor?: Executor): Promise<TaskRow> {
  const [row] = await scope.run(write, shape, { ...values, id, versions: versions?.map((version) => version.toISOString()) }, executor);
  return row ?? refusedWrite(scope, id, versions, executor);
}
