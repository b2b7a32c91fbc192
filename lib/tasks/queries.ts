import { createHash } from 'node:crypto';
import { and, asc, count, desc, eq, getTableColumns, ilike, or, sql, type Placeholder, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { decodeCursor, encodeCursor } from '@/lib/cursor';
import { getDb, type Database } from '@/lib/db';
import { tasks, type Task } from '@/lib/db/schema';
import { taskETag } from '@/lib/etag';
import { HttpError, validationFailed } from '@/lib/http';
import type { ListTasksOptions } from '@/lib/validation/tasks';

// The only module that reads or writes the tasks table. Every statement names the owner in
// its own `where`, so isolation holds per query, not because of a check that ran before it.

type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];
/** Where a write runs: the app's database, or a transaction a caller already opened. */
export type Executor = Database | Transaction;

export interface NewTaskInput {
  title: string;
  description?: string | null;
  completed?: boolean;
}

export type TaskChanges = Partial<Pick<Task, 'title' | 'description' | 'completed'>>;

/**
 * An `If-Match` condition: the `updated_at` versions a write may change (see lib/etag.ts);
 * `undefined` for an unconditional write.
 */
export type Versions = Date[] | undefined;

export function taskNotFound(): HttpError {
  return new HttpError(404, 'Task not found');
}

const ownTask = (userId: string | Placeholder, id: string | Placeholder) => and(eq(tasks.id, id), eq(tasks.userId, userId));

// Drizzle builds a statement's SQL anew on every call, which cost a create ~0.35 ms of CPU
// (measured in-process, bench/handlers.ts: 0.91 → 0.52 ms). Every statement a request runs is
// built once per database handle and shape, with placeholders, and PostgreSQL keeps each one
// parsed and planned per connection (a named prepared statement). A shape's name must name
// everything that changes its SQL.
const statements = new WeakMap<Database, Map<string, unknown>>();

function prepared<P>(db: Database, name: string, prepare: () => P): P {
  let byName = statements.get(db);
  if (!byName) statements.set(db, (byName = new Map()));
  let statement = byName.get(name) as P | undefined;
  if (!statement) byName.set(name, (statement = prepare()));
  return statement;
}

const placeholder = sql.placeholder;

const insertTask = (db: Executor) =>
  db
    .insert(tasks)
    .values({ userId: placeholder('userId'), title: placeholder('title'), description: placeholder('description'), completed: placeholder('completed') })
    .returning();

export async function createTask(userId: string, input: NewTaskInput, executor?: Executor): Promise<Task> {
  const values = { userId, title: input.title, description: input.description ?? null, completed: input.completed ?? false };
  // A transaction's statements run on its own connection: not the shared prepared one.
  if (executor) return (await insertTask(executor).execute(values))[0]!;
  const db = await getDb();
  const [task] = await prepared(db, 'create_task', () => insertTask(db).prepare('create_task')).execute(values);
  return task!;
}

export async function getTask(userId: string, id: string): Promise<Task> {
  const db = await getDb();
  const select = () => db.select().from(tasks).where(ownTask(placeholder('userId'), placeholder('id'))).limit(1).prepare('get_task');
  const [task] = await prepared(db, 'get_task', select).execute({ userId, id });
  if (!task) throw taskNotFound();
  return task;
}

/** A write prepared for one shape; `where` holds the task, owner and `If-Match` placeholders. */
type BuildWrite<T> = (db: Database, where: SQL, name: string) => { execute(values: Record<string, unknown>): Promise<T[]> };

/**
 * Runs one conditional write. The `If-Match` versions go into the statement's own `where`, so
 * checking and changing are one atomic step; when no row qualified, a follow-up read tells a
 * missing task (`404`) from a stale tag (`412`, with the current ETag).
 */
async function writeTask<T>(name: string, userId: string, id: string, versions: Versions, values: object, build: BuildWrite<T>): Promise<T> {
  const db = await getDb();
  const statement = versions ? `${name}_if_match` : name;
  const where = () =>
    and(
      ownTask(placeholder('userId'), placeholder('id')),
      versions ? sql`${tasks.updatedAt} = any(${placeholder('versions')}::timestamptz[])` : undefined,
    )!;
  const [row] = await prepared(db, statement, () => build(db, where(), statement)).execute({
    ...values,
    userId,
    id,
    versions: versions?.map((version) => version.toISOString()),
  });
  if (row) return row;
  if (versions) {
    const [current] = await db.select({ id: tasks.id, updatedAt: tasks.updatedAt }).from(tasks).where(ownTask(userId, id)).limit(1);
    if (current) {
      throw new HttpError(412, 'The task has changed since that version (If-Match); fetch it again', {
        headers: { ETag: taskETag(current) },
      });
    }
  }
  throw taskNotFound();
}

const CHANGEABLE = ['title', 'description', 'completed'] as const;

/** PUT and PATCH: sets the given fields (`updated_at` moves forward by the database trigger). */
export async function updateTask(userId: string, id: string, changes: TaskChanges, versions?: Versions): Promise<Task> {
  const fields = CHANGEABLE.filter((field) => changes[field] !== undefined);
  return writeTask(['update_task', ...fields].join('_'), userId, id, versions, changes, (db, where, name) =>
    db
      .update(tasks)
      .set(Object.fromEntries(fields.map((field) => [field, placeholder(field)])))
      .where(where)
      .returning()
      .prepare(name),
  );
}

/** Flips `completed` in one statement: concurrent toggles never lose an update. */
export async function toggleTaskCompletion(userId: string, id: string, versions?: Versions): Promise<Task> {
  return writeTask('toggle_task', userId, id, versions, {}, (db, where, name) =>
    db.update(tasks).set({ completed: sql`not ${tasks.completed}` }).where(where).returning().prepare(name),
  );
}

export async function deleteTask(userId: string, id: string, versions?: Versions): Promise<void> {
  await writeTask('delete_task', userId, id, versions, {}, (db, where, name) => db.delete(tasks).where(where).returning({ id: tasks.id }).prepare(name));
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
function fingerprint(userId: string, options: ListTasksOptions): string {
  // An empty q filters nothing, so it is the same list as no q (the next-page link drops it).
  const scope = [userId, options.completed ?? null, options.q || null, options.sort, options.order];
  return createHash('sha256').update(JSON.stringify(scope)).digest('base64url').slice(0, 16);
}

// `v` is the last row's sort value (a timestamp in ISO form, or the raw title), `i` its id.
const CursorPosition = z.object({ v: z.string(), i: z.uuid(), f: z.string() });

function invalidCursor(): HttpError {
  return validationFailed([
    { path: 'cursor', message: 'is not a cursor of this list with these filters and sort; start again without it' },
  ]);
}

/** The row a cursor points after; `422` for a cursor of another list, filters or sort. */
function cursorPosition(cursor: string, userId: string, options: ListTasksOptions): { v: string; i: string } {
  const position = CursorPosition.safeParse(decodeCursor(cursor));
  if (!position.success || position.data.f !== fingerprint(userId, options)) throw invalidCursor();
  return position.data;
}

function cursorAfter(task: Task, userId: string, options: ListTasksOptions): string {
  const v = options.sort === 'title' ? task.title : (options.sort === 'created_at' ? task.createdAt : task.updatedAt).toISOString();
  return encodeCursor({ v, i: task.id, f: fingerprint(userId, options) });
}

/** What decides a list statement's SQL; its values go in as placeholders. */
interface ListShape {
  sort: ListTasksOptions['sort'];
  order: ListTasksOptions['order'];
  completed: boolean;
  q: boolean;
  after: boolean;
}

function listFilters(shape: ListShape): SQL {
  return and(
    eq(tasks.userId, placeholder('userId')),
    shape.completed ? eq(tasks.completed, placeholder('completed')) : undefined,
    shape.q ? or(ilike(tasks.title, placeholder('q')), ilike(tasks.description, placeholder('q'))) : undefined,
  )!;
}

function listStatement(db: Database, shape: ListShape, name: string) {
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
}

function countStatement(db: Database, shape: ListShape, name: string) {
  return db.select({ total: count() }).from(tasks).where(listFilters(shape)).prepare(name);
}

/**
 * One page of the caller's tasks, in a total order (the sort, then `id`), starting after the
 * cursor's row: a task created or deleted between pages never makes another repeat or vanish.
 */
export async function listTasksForUser(userId: string, options: ListTasksOptions): Promise<TaskPage> {
  const after = options.cursor === undefined ? undefined : cursorPosition(options.cursor, userId, options);
  const shape: ListShape = { sort: options.sort, order: options.order, completed: options.completed !== undefined, q: Boolean(options.q), after: Boolean(after) };
  const values = {
    userId,
    completed: options.completed ?? null,
    q: options.q ? likeSubstring(options.q) : null,
    v: after?.v ?? null,
    i: after?.i ?? null,
    limit: options.limit + 1,
  };
  const filtersName = [shape.completed && 'completed', shape.q && 'q'].filter(Boolean).join('_');
  const listName = ['list', shape.sort, shape.order, filtersName, shape.after && 'after'].filter(Boolean).join('_');

  const db = await getDb();
  const rows = await prepared(db, listName, () => listStatement(db, shape, listName)).execute(values);
  // No row to carry the count: none match, or the cursor is past the last.
  let total = rows[0]?.total ?? 0;
  if (!rows.length && after) {
    const countName = ['count', filtersName].filter(Boolean).join('_');
    total = (await prepared(db, countName, () => countStatement(db, shape, countName)).execute(values))[0]?.total ?? 0;
  }

  const page = rows.slice(0, options.limit).map(({ total: _, ...task }) => task);
  const last = page.at(-1);
  return {
    tasks: page,
    total,
    nextCursor: rows.length > options.limit && last ? cursorAfter(last, userId, options) : undefined,
  };
}
