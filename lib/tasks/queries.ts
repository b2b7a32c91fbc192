import 'server-only';
import { createHash } from 'node:crypto';
import { and, asc, count, desc, eq, getTableColumns, ilike, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { confirmCaller, type Caller } from '@/lib/auth/caller';
import { callerAsOwner, callerValues, ownedByCaller } from '@/lib/auth/scope';
import { getDb, type Executor } from '@/lib/db';
import { preparedStatement, statementKind } from '@/lib/db/prepared';
import { tasks, type Task } from '@/lib/db/schema';
import { decodeCursor, encodeCursor } from '@/lib/tasks/cursor';
import { InvalidCursor, TaskNotFound, VersionConflict } from '@/lib/tasks/errors';
import { taskETag } from '@/lib/tasks/etag';
import type { ListTasksOptions } from '@/lib/tasks/schemas';

// The only module that reads or writes the tasks table. Every statement is scoped to the caller
// (and the caller's live session) in its own `where`, so isolation and revocation hold per
// query, not because of a check that ran before it.

export interface NewTaskInput {
  title: string;
  description?: string | null;
  completed?: boolean;
}

export type TaskChanges = Partial<Pick<Task, 'title' | 'description' | 'completed'>>;

/**
 * An `If-Match` condition: the `updated_at` versions a write may change (see lib/tasks/etag.ts);
 * `undefined` for an unconditional write.
 */
export type Versions = Date[] | undefined;

const placeholder = sql.placeholder;

const ownTask = () => and(eq(tasks.id, placeholder('id')), ownedByCaller(tasks.userId))!;

const insertTask = statementKind('create_task', (db, _shape: Record<never, never>, name) =>
  db
    .insert(tasks)
    .values({ userId: callerAsOwner(), title: placeholder('title'), description: placeholder('description'), completed: placeholder('completed') })
    .returning()
    .prepare(name),
);

/** Creates a task of the caller's; `executor` is a transaction when the create is idempotent. */
export async function createTask(caller: Caller, input: NewTaskInput, executor?: Executor): Promise<Task> {
  const db = executor ?? (await getDb());
  const [task] = await preparedStatement(db, insertTask, {}).execute({
    ...callerValues(caller),
    title: input.title,
    description: input.description ?? null,
    completed: input.completed ?? false,
  });
  return task!;
}

const selectTask = statementKind('get_task', (db, _shape: Record<never, never>, name) =>
  db.select().from(tasks).where(ownTask()).limit(1).prepare(name),
);

export async function getTask(caller: Caller, id: string): Promise<Task> {
  const db = await getDb();
  const [task] = await preparedStatement(db, selectTask, {}).execute({ ...callerValues(caller), id });
  if (!task) throw new TaskNotFound();
  return task;
}

const selectVersion = statementKind('get_task_version', (db, _shape: Record<never, never>, name) =>
  db.select({ id: tasks.id, updatedAt: tasks.updatedAt }).from(tasks).where(ownTask()).limit(1).prepare(name),
);

/** The `where` of a write: the caller's task, and with `If-Match`, one of the given versions. */
function writeWhere(ifMatch: boolean): SQL {
  return and(ownTask(), ifMatch ? sql`${tasks.updatedAt} = any(${placeholder('versions')}::timestamptz[])` : undefined)!;
}

interface Write<T> {
  execute(values: Record<string, unknown>): Promise<T[]>;
}

/**
 * Runs one conditional write. The `If-Match` versions go into the statement's own `where`, so
 * checking and changing are one atomic step; when no row qualified, a follow-up read tells a
 * missing task (`TaskNotFound`) from a stale tag (`VersionConflict`, with the current ETag).
 */
async function writeTask<T>(write: (db: Executor) => Write<T>, caller: Caller, id: string, versions: Versions, values: object): Promise<T> {
  const db = await getDb();
  const [row] = await write(db).execute({
    ...values,
    ...callerValues(caller),
    id,
    versions: versions?.map((version) => version.toISOString()),
  });
  if (row) return row;
  if (versions) {
    const [current] = await preparedStatement(db, selectVersion, {}).execute({ ...callerValues(caller), id });
    if (current) throw new VersionConflict(taskETag(current));
  }
  throw new TaskNotFound();
}

const CHANGEABLE = ['title', 'description', 'completed'] as const;
type Changeable = (typeof CHANGEABLE)[number];

const updateTaskStatement = statementKind('update_task', (db, shape: { fields: readonly Changeable[]; ifMatch: boolean }, name) =>
  db
    .update(tasks)
    .set(Object.fromEntries(shape.fields.map((field) => [field, placeholder(field)])))
    .where(writeWhere(shape.ifMatch))
    .returning()
    .prepare(name),
);

/** PUT and PATCH: sets the given fields (`updated_at` moves forward by the database trigger). */
export async function updateTask(caller: Caller, id: string, changes: TaskChanges, versions?: Versions): Promise<Task> {
  const shape = { fields: CHANGEABLE.filter((field) => changes[field] !== undefined), ifMatch: Boolean(versions) };
  return writeTask((db) => preparedStatement(db, updateTaskStatement, shape), caller, id, versions, changes);
}

const toggleTaskStatement = statementKind('toggle_task', (db, shape: { ifMatch: boolean }, name) =>
  db.update(tasks).set({ completed: sql`not ${tasks.completed}` }).where(writeWhere(shape.ifMatch)).returning().prepare(name),
);

/** Flips `completed` in one statement: concurrent toggles never lose an update. */
export async function toggleTaskCompletion(caller: Caller, id: string, versions?: Versions): Promise<Task> {
  return writeTask((db) => preparedStatement(db, toggleTaskStatement, { ifMatch: Boolean(versions) }), caller, id, versions, {});
}

const deleteTaskStatement = statementKind('delete_task', (db, shape: { ifMatch: boolean }, name) =>
  db.delete(tasks).where(writeWhere(shape.ifMatch)).returning({ id: tasks.id }).prepare(name),
);

export async function deleteTask(caller: Caller, id: string, versions?: Versions): Promise<void> {
  await writeTask((db) => preparedStatement(db, deleteTaskStatement, { ifMatch: Boolean(versions) }), caller, id, versions, {});
}

// ---- The list: filters, sort and keyset pagination ----

export interface TaskPage {
  tasks: Task[];
  /** How many tasks match the filters, across all pages. */
  total: number;
  /** The cursor of the next page, when more tasks remain. */
  nextCursor?: string;
}

// The title sort uses lower(title), the expression of the (user_id, lower(title), id) index.
const SORT_EXPRESSIONS = {
  created_at: tasks.createdAt,
  updated_at: tasks.updatedAt,
  title: sql`lower(${tasks.title})`,
} as const;

/** `%`, `_` and `\` match themselves in `q`: it is a plain substring, not a LIKE pattern. */
function likeSubstring(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Ties a cursor to the owner, filters and sort it was made for. */
function fingerprint(caller: Caller, options: ListTasksOptions): string {
  // An empty q filters nothing, so it is the same list as no q (the next-page link drops it).
  const scope = [caller.userId, options.completed ?? null, options.q || null, options.sort, options.order];
  return createHash('sha256').update(JSON.stringify(scope)).digest('base64url').slice(0, 16);
}

// `v` is the last row's sort value (a timestamp in ISO form, or the raw title), `i` its id.
const CursorPosition = z.object({ v: z.string(), i: z.uuid(), f: z.string() });

/** The row a cursor points after; `InvalidCursor` for a cursor of another list, filters or sort. */
function cursorPosition(cursor: string, caller: Caller, options: ListTasksOptions): { v: string; i: string } {
  const position = CursorPosition.safeParse(decodeCursor(cursor));
  if (!position.success || position.data.f !== fingerprint(caller, options)) throw new InvalidCursor();
  return position.data;
}

function cursorAfter(task: Task, caller: Caller, options: ListTasksOptions): string {
  const v = options.sort === 'title' ? task.title : (options.sort === 'created_at' ? task.createdAt : task.updatedAt).toISOString();
  return encodeCursor({ v, i: task.id, f: fingerprint(caller, options) });
}

/** What decides a list statement's SQL; its values go in as placeholders. */
type ListShape = {
  sort: ListTasksOptions['sort'];
  order: ListTasksOptions['order'];
  completed: boolean;
  q: boolean;
  after: boolean;
};

type FilterShape = Pick<ListShape, 'completed' | 'q'>;

function listFilters(shape: FilterShape): SQL {
  return and(
    ownedByCaller(tasks.userId),
    shape.completed ? eq(tasks.completed, placeholder('completed')) : undefined,
    shape.q ? or(ilike(tasks.title, placeholder('q')), ilike(tasks.description, placeholder('q'))) : undefined,
  )!;
}

const listStatement = statementKind('list_tasks', (db, shape: ListShape, name) => {
  const filters = listFilters(shape);
  const v = shape.sort === 'title' ? sql`lower(${placeholder('v')}::text)` : sql`${placeholder('v')}::timestamptz`;
  const key = sql`(${SORT_EXPRESSIONS[shape.sort]}, ${tasks.id})`;
  const position = shape.after ? sql`${key} ${sql.raw(shape.order === 'asc' ? '>' : '<')} (${v}, ${placeholder('i')}::uuid)` : undefined;
  const direction = shape.order === 'asc' ? asc : desc;
  // One round trip: the count is an uncorrelated subquery, which PostgreSQL runs once (its
  // `tasks` is its own FROM's, not the outer row's).
  return db
    .select({ ...getTableColumns(tasks), total: sql<number>`(select count(*) from ${tasks} where ${filters})`.mapWith(Number) })
    .from(tasks)
    .where(and(filters, position))
    .orderBy(direction(SORT_EXPRESSIONS[shape.sort]), direction(tasks.id))
    .limit(placeholder('limit'))
    .prepare(name);
});

const countStatement = statementKind('count_tasks', (db, shape: FilterShape, name) =>
  db.select({ total: count() }).from(tasks).where(listFilters(shape)).prepare(name),
);

/**
 * One page of the caller's tasks, in a total order (the sort, then `id`), starting after the
 * cursor's row: a task created or deleted between pages never makes another repeat or vanish.
 */
export async function listTasksForUser(caller: Caller, options: ListTasksOptions): Promise<TaskPage> {
  const after = options.cursor === undefined ? undefined : cursorPosition(options.cursor, caller, options);
  const filters: FilterShape = { completed: options.completed !== undefined, q: Boolean(options.q) };
  const values = {
    ...callerValues(caller),
    completed: options.completed ?? null,
    q: options.q ? likeSubstring(options.q) : null,
    v: after?.v ?? null,
    i: after?.i ?? null,
    limit: options.limit + 1,
  };

  const db = await getDb();
  const rows = await preparedStatement(db, listStatement, { ...filters, sort: options.sort, order: options.order, after: Boolean(after) }).execute(values);
  // No row to carry the count: none match, or the cursor is past the last.
  let total = rows[0]?.total ?? 0;
  if (!rows.length && after) total = (await preparedStatement(db, countStatement, filters).execute(values))[0]?.total ?? 0;
  // A revoked session or a deleted account sees no tasks: an empty list may be one.
  if (total === 0) await confirmCaller(caller);

  const page = rows.slice(0, options.limit).map(({ total: _, ...task }) => task);
  const last = page.at(-1);
  return {
    tasks: page,
    total,
    nextCursor: rows.length > options.limit && last ? cursorAfter(last, caller, options) : undefined,
  };
}
