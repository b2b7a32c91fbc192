import { createHash } from 'node:crypto';
import { and, asc, count, desc, eq, getTableColumns, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
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

const ownTask = (userId: string, id: string) => and(eq(tasks.id, id), eq(tasks.userId, userId));

export async function createTask(userId: string, input: NewTaskInput, executor?: Executor): Promise<Task> {
  const db = executor ?? (await getDb());
  const [task] = await db
    .insert(tasks)
    .values({ userId, title: input.title, description: input.description ?? null, completed: input.completed ?? false })
    .returning();
  return task!;
}

export async function getTask(userId: string, id: string): Promise<Task> {
  const db = await getDb();
  const [task] = await db.select().from(tasks).where(ownTask(userId, id)).limit(1);
  if (!task) throw taskNotFound();
  return task;
}

/**
 * Runs one conditional write. The `If-Match` versions go into the statement's own `where`, so
 * checking and changing are one atomic step; when no row qualified, a follow-up read tells a
 * missing task (`404`) from a stale tag (`412`, with the current ETag).
 */
async function writeTask<T>(userId: string, id: string, versions: Versions, write: (where: SQL) => Promise<T[]>): Promise<T> {
  const condition = versions && (versions.length > 0 ? inArray(tasks.updatedAt, versions) : sql`false`);
  const [row] = await write(and(ownTask(userId, id), condition)!);
  if (row) return row;
  if (versions) {
    const db = await getDb();
    const [current] = await db.select({ id: tasks.id, updatedAt: tasks.updatedAt }).from(tasks).where(ownTask(userId, id)).limit(1);
    if (current) {
      throw new HttpError(412, 'The task has changed since that version (If-Match); fetch it again', {
        headers: { ETag: taskETag(current) },
      });
    }
  }
  throw taskNotFound();
}

/** PUT and PATCH: sets the given fields (`updated_at` moves forward by the database trigger). */
export async function updateTask(userId: string, id: string, changes: TaskChanges, versions?: Versions): Promise<Task> {
  const db = await getDb();
  return writeTask(userId, id, versions, (where) => db.update(tasks).set(changes).where(where).returning());
}

/** Flips `completed` in one statement: concurrent toggles never lose an update. */
export async function toggleTaskCompletion(userId: string, id: string, versions?: Versions): Promise<Task> {
  const db = await getDb();
  return writeTask(userId, id, versions, (where) =>
    db.update(tasks).set({ completed: sql`not ${tasks.completed}` }).where(where).returning(),
  );
}

export async function deleteTask(userId: string, id: string, versions?: Versions): Promise<void> {
  const db = await getDb();
  await writeTask(userId, id, versions, (where) => db.delete(tasks).where(where).returning({ id: tasks.id }));
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

function afterCursor(cursor: string, userId: string, options: ListTasksOptions): SQL {
  const position = CursorPosition.safeParse(decodeCursor(cursor));
  if (!position.success || position.data.f !== fingerprint(userId, options)) throw invalidCursor();
  const { v, i } = position.data;
  const value = options.sort === 'title' ? sql`lower(${v}::text)` : sql`${v}::timestamptz`;
  const key = sql`(${SORT_EXPRESSIONS[options.sort]}, ${tasks.id})`;
  return options.order === 'asc' ? sql`${key} > (${value}, ${i}::uuid)` : sql`${key} < (${value}, ${i}::uuid)`;
}

function cursorAfter(task: Task, userId: string, options: ListTasksOptions): string {
  const v = options.sort === 'title' ? task.title : (options.sort === 'created_at' ? task.createdAt : task.updatedAt).toISOString();
  return encodeCursor({ v, i: task.id, f: fingerprint(userId, options) });
}

async function countTasks(db: Database, filters: SQL | undefined): Promise<number> {
  const [counted] = await db.select({ total: count() }).from(tasks).where(filters);
  return counted?.total ?? 0;
}

/**
 * One page of the caller's tasks, in a total order (the sort, then `id`), starting after the
 * cursor's row: a task created or deleted between pages never makes another repeat or vanish.
 */
export async function listTasksForUser(userId: string, options: ListTasksOptions): Promise<TaskPage> {
  const filters = and(
    eq(tasks.userId, userId),
    options.completed === undefined ? undefined : eq(tasks.completed, options.completed),
    options.q ? or(ilike(tasks.title, likeSubstring(options.q)), ilike(tasks.description, likeSubstring(options.q))) : undefined,
  );
  const position = options.cursor === undefined ? undefined : afterCursor(options.cursor, userId, options);
  const direction = options.order === 'asc' ? asc : desc;

  const db = await getDb();
  // One round trip: the count is an uncorrelated subquery, which PostgreSQL runs once (its
  // `tasks` is its own FROM's, not the outer row's).
  const rows = await db
    .select({ ...getTableColumns(tasks), total: sql<number>`(select count(*) from ${tasks} where ${filters})`.mapWith(Number) })
    .from(tasks)
    .where(and(filters, position))
    .orderBy(direction(SORT_EXPRESSIONS[options.sort]), direction(tasks.id))
    .limit(options.limit + 1);
  // No row to carry the count: none match, or the cursor is past the last.
  const total = rows[0]?.total ?? (position ? await countTasks(db, filters) : 0);

  const page = rows.slice(0, options.limit).map(({ total: _, ...task }) => task);
  const last = page.at(-1);
  return {
    tasks: page,
    total,
    nextCursor: rows.length > options.limit && last ? cursorAfter(last, userId, options) : undefined,
  };
}
