import 'server-only';
import { and, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import type { Caller } from '@/lib/auth/caller';
import { callerValues, ownedByCaller } from '@/lib/auth/scope';
import { getDb } from '@/lib/db';
import { driverError, sqlState } from '@/lib/db/errors';
import { preparedStatement, statementKind } from '@/lib/db/prepared';
import { labels, taskLabels, tasks, type Label } from '@/lib/db/schema';
import { LabelNameTaken, LabelNotFound, TooManyLabels } from '@/lib/labels/errors';
import { LABELS_PER_USER_MAX, type CreateLabelInput, type LabelChanges } from '@/lib/labels/schemas';

// The only module that reads or writes labels as such (a task's own labels are set with the
// task, in lib/tasks/queries.ts). Every statement is scoped to the caller in its own `where`.

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

const listStatement = statementKind('list_labels', (db, _shape: Record<never, never>, name) =>
  db
    .select(labelColumns)
    .from(labels)
    .where(ownedByCaller(labels.userId))
    .orderBy(sql`lower(${labels.name})`, labels.name)
    .prepare(name),
);

/** The caller's labels by name, case-insensitively, with how many tasks carry each. */
export async function listLabelsForUser(caller: Caller): Promise<LabelRow[]> {
  return preparedStatement(await getDb(), listStatement, {}).execute(callerValues(caller));
}

const insertStatement = statementKind('create_label', (db, _shape: Record<never, never>, name) =>
  db
    .insert(labels)
    .values({ userId: placeholder('userId'), name: placeholder('name'), color: placeholder('color') })
    .returning(labelColumns)
    .prepare(name),
);

export async function createLabel(caller: Caller, input: CreateLabelInput): Promise<LabelRow> {
  try {
    const [label] = await preparedStatement(await getDb(), insertStatement, {}).execute({
      ...callerValues(caller),
      name: input.name,
      color: input.color ?? 'grey',
    });
    return label!;
  } catch (err) {
    return asLabelError(err);
  }
}

const updateStatement = statementKind('update_label', (db, shape: { fields: readonly ('name' | 'color')[] }, name) =>
  db
    .update(labels)
    .set(Object.fromEntries(shape.fields.map((field) => [field, placeholder(field)])))
    .where(ownLabel())
    .returning(labelColumns)
    .prepare(name),
);

/** The caller's tasks that carry label `id`: their JSON changes when it is renamed or deleted. */
const touchTasksStatement = statementKind('touch_label_tasks', (db, _shape: Record<never, never>, name) =>
  db
    .update(tasks)
    .set({ updatedAt: sql`now()` })
    .where(
      and(
        ownedByCaller(tasks.userId),
        inArray(tasks.id, db.select({ id: taskLabels.taskId }).from(taskLabels).where(eq(taskLabels.labelId, placeholder('id')))),
      ),
    )
    .prepare(name),
);

/**
 * Renames or recolours a label. Tasks refer to it by id, so a rename shows on every task at
 * once; their updated_at moves on in the same transaction, so their ETags see it.
 */
export async function updateLabel(caller: Caller, id: string, changes: LabelChanges): Promise<LabelRow> {
  const fields = (['name', 'color'] as const).filter((field) => changes[field] !== undefined);
  const db = await getDb();
  try {
    return await db.transaction(async (tx) => {
      const values = { ...callerValues(caller), id, ...changes };
      const [label] = await preparedStatement(tx, updateStatement, { fields }).execute(values);
      if (!label) throw new LabelNotFound();
      if (changes.name !== undefined) await preparedStatement(tx, touchTasksStatement, {}).execute(values);
      return label;
    });
  } catch (err) {
    return asLabelError(err);
  }
}

const deleteStatement = statementKind('delete_label', (db, _shape: Record<never, never>, name) =>
  db.delete(labels).where(ownLabel()).returning({ id: labels.id }).prepare(name),
);

/** Deletes a label; its tasks stay, without it (and with a new updated_at). */
export async function deleteLabel(caller: Caller, id: string): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const values = { ...callerValues(caller), id };
    await preparedStatement(tx, touchTasksStatement, {}).execute(values);
    const [deleted] = await preparedStatement(tx, deleteStatement, {}).execute(values);
    if (!deleted) throw new LabelNotFound();
  });
}
