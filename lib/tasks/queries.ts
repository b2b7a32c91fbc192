import 'server-only';
import { sql, type Column, type SQL } from 'drizzle-orm';
import type { Executor } from '@/lib/db';
import { tasks } from '@/lib/db/schema';
import { callerAsOwner, scopedStatement, type Scope } from '@/lib/scope/scope';
import { TaskNotFound, VersionConflict } from '@/lib/tasks/errors';
import { taskETag } from '@/lib/tasks/etag';
import { asInvalidFields, ownTask, selectVersion, taskColumns, taskValues, writeTask, writeWhere, type TaskRow, type Versions } from '@/lib/tasks/rows';
import type { CreateTaskInput, TaskChangesInput } from '@/lib/tasks/schemas';

// One task at a time: create, read, update, complete, delete. Each statement is a
// scopedStatement (lib/scope/scope.ts): the caller and the caller's live session are checked in
// its own `where`, so isolation and revocation hold per statement. The other writers of the
// tasks table: the manual order (manual-order.ts), imports (lib/transfer/import.ts), the seed.

export type { NewTaskInput, TaskRow, Versions } from '@/lib/tasks/rows';

const placeholder = sql.placeholder;

const insertTask = scopedStatement('create_task', (db, shape: { labels: boolean }, name) =>
  db
    .insert(tasks)
    .values({
      userId: callerAsOwner(),
      title: placeholder('title'),
      description: placeholder('description'),
      completed: placeholder('completed'),
      dueDate: placeholder('dueDate'),
      dueTime: placeholder('dueTime'),
      priority: placeholder('priority'),
      repeatEvery: placeholder('repeatEvery'),
      repeatInterval: placeholder('repeatInterval'),
    })
    .returning(taskColumns(shape.labels))
    .prepare(name),
);

/**
 * Creates a task of the caller's at the top of the manual order, with its labels (created as
 * needed) in the same statement; `executor` is a transaction when the create is idempotent.
 */
export async function createTask(scope: Scope, input: CreateTaskInput, executor?: Executor): Promise<TaskRow> {
  const values = taskValues(input);
  const shape = { labels: Boolean(values.labels?.length) };
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
    }, executor);
    return task!;
  } catch (err) {
    return asInvalidFields(err, values);
  }
}

const selectTask = scopedStatement('get_task', (db, _shape: Record<never, never>, name) =>
  db.select(taskColumns(false)).from(tasks).where(ownTask()).limit(1).prepare(name),
);

export async function getTask(scope: Scope, id: string): Promise<TaskRow> {
  const [task] = await scope.run(selectTask, {}, { id });
  if (!task) throw new TaskNotFound();
  return task;
}

const CHANGEABLE = ['title', 'description', 'completed', 'dueDate', 'dueTime', 'priority', 'repeatEvery', 'repeatInterval'] as const;
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

type UpdateShape = { fields: readonly Changeable[]; labels: boolean; ifMatch: boolean };

const updateTaskStatement = scopedStatement('update_task', (db, shape: UpdateShape, name) => {
  // The value a column will have after this write: the body's, else the stored one.
  const after = (field: Changeable, column: Column) => (shape.fields.includes(field) ? sql`${placeholder(field)}` : sql`${column}`);
  const set: Record<string, SQL> = Object.fromEntries(shape.fields.map((field) => [field, sql`${placeholder(field)}`]));
  if (shape.fields.includes('completed')) {
    // Completing a repeating task moves it to its next occurrence instead.
    const repeats = sql`(${placeholder('completed')}::boolean and ${after('repeatEvery', tasks.repeatEvery)}::text is not null)`;
    const due = sql`${after('dueDate', tasks.dueDate)}::date`;
    set.completed = sql`case when ${repeats} then false else ${placeholder('completed')}::boolean end`;
    set.dueDate = sql`case when ${repeats} then ${nextOccurrence(due, sql`${after('repeatEvery', tasks.repeatEvery)}::text`, sql`${after('repeatInterval', tasks.repeatInterval)}`)} else ${due} end`;
  }
  // Labels alone still change the task: its updated_at (and so its ETag) moves on.
  if (Object.keys(set).length === 0) set.updatedAt = sql`now()`;
  return db.update(tasks).set(set).where(writeWhere(shape.ifMatch)).returning(taskColumns(shape.labels)).prepare(name);
});

/**
 * PUT and PATCH: sets the given fields and labels in one statement (`updated_at` moves forward
 * by the database trigger); what the stored task would then break (a time without a date) is a 422.
 */
export async function updateTask(scope: Scope, id: string, changes: TaskChangesInput, versions?: Versions): Promise<TaskRow> {
  const values = taskValues(changes);
  const shape = { fields: CHANGEABLE.filter((field) => values[field] !== undefined), labels: values.labels !== undefined, ifMatch: Boolean(versions) };
  try {
    return await writeTask(scope, updateTaskStatement, shape, id, versions, values);
  } catch (err) {
    return asInvalidFields(err, values);
  }
}

const toggleTaskStatement = scopedStatement('toggle_task', (db, shape: { ifMatch: boolean }, name) => {
  const repeats = sql`(${tasks.repeatEvery} is not null and not ${tasks.completed})`;
  return db
    .update(tasks)
    .set({
      completed: sql`case when ${repeats} then false else not ${tasks.completed} end`,
      dueDate: sql`case when ${repeats} then ${nextOccurrence(sql`${tasks.dueDate}`, sql`${tasks.repeatEvery}`, sql`${tasks.repeatInterval}`)} else ${tasks.dueDate} end`,
    })
    .where(writeWhere(shape.ifMatch))
    .returning(taskColumns(false))
    .prepare(name);
});

/**
 * Flips `completed` in one statement: concurrent toggles never lose an update. A repeating
 * task is not completed: it moves to its next occurrence.
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

export async function deleteTask(scope: Scope, id: string, versions?: Versions): Promise<void> {
  const [deleted] = await scope.run(deleteTaskStatement, { ifMatch: Boolean(versions) }, { id, versions: versions?.map((version) => version.toISOString()) });
  if (deleted) return;
  if (versions) {
    const [current] = await scope.run(selectVersion, {}, { id });
    if (current) throw new VersionConflict(taskETag(current));
  }
  throw new TaskNotFound();
}
