import 'server-only';
import { and, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import { driverError, sqlState } from '@/lib/db/errors';
import { labels, taskLabels, tasks, type Label } from '@/lib/db/schema';
import { LabelNameTaken, LabelNotFound, TooManyLabels } from '@/lib/labels/errors';
import { LABELS_PER_USER_MAX, type CreateLabelInput, type LabelChanges } from '@/lib/labels/schemas';
import { callerAsOwner, ownedByCaller, scopedStatement, type Scope } from '@/lib/scope/scope';

// Labels as such: list, create, rename, delete (a task's own labels are set with the task, in
// lib/tasks/queries.ts, and by imports). Every statement is scoped to the caller in its own `where`.

export type LabelRow = Label & { taskCount: number };

const placeholder = sql.placeholder;

const UNIQUE_VIOLATION = '23505';
const CHECK_VIOLATION = '23514';

/** Links only ever join a user's tasks to the same user's labels, so counting links counts their tasks. */
const taskCount = sql<number>`(select count(*) from "task_labels" where "task_labels"."label_id" = "labels"."id")`.mapWith(Number);

const labelColumns = { ...getTableColumns(labels), taskCount };

const ownLabel = () => and(eq(labels.id, placeholder('id')), ownedByCaller(labels.userId))!;

function asLabelError(err: unknown): never {
  if (sqlState(err) === UNIQUE_VIOLATION) throw new LabelNameTaken();
  const constraint = (driverError(err) as { constraint?: string } | undefined)?.constraint;
  if (sqlState(err) === CHECK_VIOLATION && constraint === 'labels_per_user_limit') throw new TooManyLabels(LABELS_PER_USER_MAX);
  throw err;
}

const listStatement = scopedStatement('list_labels', (db, _shape: Record<never, never>, name) =>
  db
    .select(labelColumns)
    .from(labels)
    .where(ownedByCaller(labels.userId))
    .orderBy(sql`lower(${labels.name})`, labels.name)
    .prepare(name),
);

/** The caller's labels by name, case-insensitively, with how many tasks carry each. */
export async function listLabelsForUser(scope: Scope): Promise<LabelRow[]> {
  return scope.run(listStatement, {});
}

const insertStatement = scopedStatement('create_label', (db, _shape: Record<never, never>, name) =>
  db
    .insert(labels)
    .values({ userId: callerAsOwner(), name: placeholder('name'), color: placeholder('color') })
    .returning(labelColumns)
    .prepare(name),
);

export async function createLabel(scope: Scope, input: CreateLabelInput): Promise<LabelRow> {
  try {
    const [label] = await scope.run(insertStatement, {}, { name: input.name, color: input.color ?? 'grey' });
    return label!;
  } catch (err) {
    return asLabelError(err);
  }
}

const updateStatement = scopedStatement('update_label', (db, shape: { fields: readonly ('name' | 'color')[] }, name) =>
  db
    .update(labels)
    .set(Object.fromEntries(shape.fields.map((field) => [field, placeholder(field)])))
    .where(ownLabel())
    .returning(labelColumns)
    .prepare(name),
);

// FOR UPDATE: a write setting this label on a task (set_task_labels locks it FOR KEY SHARE) either
// commits first, and its task is among those touched after it, or waits and then creates it anew.
const lockStatement = scopedStatement('lock_label', (db, _shape: Record<never, never>, name) =>
  db.select({ id: labels.id }).from(labels).where(ownLabel()).for('update').prepare(name),
);

/** The caller's tasks that carry label `id`: their JSON changes when it is renamed or deleted. */
const touchTasksStatement = scopedStatement('touch_label_tasks', (db, _shape: Record<never, never>, name) =>
  db
    .update(tasks)
    .set({ updatedAt: sql`now()` })
    .where(
      and(
        ownedByCaller(tasks.userId),
        inArray(tasks.id, db.select({ id: taskLabels.taskId }).from(taskLabels).where(eq(taskLabels.labelId, placeholder('id')))),
      ),
    )
    .returning({ id: tasks.id })
    .prepare(name),
);

/**
 * Renames or recolours a label. Tasks refer to it by id, so a rename shows on every task at
 * once; their updated_at moves on in the same transaction, so their ETags see it.
 */
export async function updateLabel(scope: Scope, id: string, changes: LabelChanges): Promise<LabelRow> {
  const fields = (['name', 'color'] as const).filter((field) => changes[field] !== undefined);
  try {
    return await scope.transaction(async (tx) => {
      // A write setting this label on a task commits first, so its task is touched too.
      if (changes.name !== undefined) await scope.run(lockStatement, {}, { id }, tx);
      const [label] = await scope.run(updateStatement, { fields }, { id, ...changes }, tx);
      if (!label) throw new LabelNotFound();
      if (changes.name !== undefined) await scope.run(touchTasksStatement, {}, { id }, tx);
      return label;
    });
  } catch (err) {
    return asLabelError(err);
  }
}

const deleteStatement = scopedStatement('delete_label', (db, _shape: Record<never, never>, name) =>
  db.delete(labels).where(ownLabel()).returning({ id: labels.id }).prepare(name),
);

/** Deletes a label; its tasks stay, without it (and with a new updated_at). */
export async function deleteLabel(scope: Scope, id: string): Promise<void> {
  await scope.transaction(async (tx) => {
    const [label] = await scope.run(lockStatement, {}, { id }, tx);
    if (!label) throw new LabelNotFound();
    await scope.run(touchTasksStatement, {}, { id }, tx);
    await scope.run(deleteStatement, {}, { id }, tx);
  });
}
