import 'server-only';
import { createHash } from 'node:crypto';
import { and, asc, count, desc, eq, getTableColumns, inArray, or, sql, type Column, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Executor } from '@/lib/db';
import { driverError, sqlState } from '@/lib/db/errors';
import { preparedStatement, statementKind, type Shape } from '@/lib/db/prepared';
import { labels, taskLabels, tasks, users, type Task } from '@/lib/db/schema';
import { LABELS_PER_USER_MAX, TASKS_PER_USER_MAX } from '@/lib/limits';
import { decodeCursor, encodeCursor } from '@/lib/tasks/cursor';
import { InvalidCursor, InvalidTaskFields, MoveAnchorIsTask, MoveAnchorNotFound, TaskLimitReached, TaskNotFound, VersionConflict } from '@/lib/tasks/errors';
import { taskETag } from '@/lib/tasks/etag';
import { BOTTOM_POSITION, positionBetween, TOP_POSITION } from '@/lib/tasks/position';
import { callerAsOwner, ownedByCaller, scopedStatement, type Scope, type ScopedStatement } from '@/lib/scope/scope';
import { boundedSearch, regexSubstring } from '@/lib/tasks/search';
import {
  defaultOrder,
  type CreateTaskInput,
  type ListTasksOptions,
  type MoveTaskInput,
  type PriorityName,
  type TaskChangesInput,
} from '@/lib/tasks/schemas';

const CHECK_VIOLATION = '23514';

// A task's statements, one at a time: create, read, update, delete, the manual order and the
// list. Each is a scopedStatement (lib/scope/scope.ts): the caller and the caller's live session
// are checked in its own `where`, so isolation and revocation hold per statement.

/** What a create takes (the seed script and idempotent creates too). */
export type NewTaskInput = CreateTaskInput;

/** A task row with its label names, as every statement here returns it. */
export type TaskRow = Task & { labels: string[] };

/** The stored form of a write: the database's columns, plus the label names to set. */
type TaskValues = {
  title?: string;
  description?: string | null;
  completed?: boolean;
  dueDate?: string | null;
  dueTime?: string | null;
  priority?: number;
  repeatEvery?: string | null;
  repeatInterval?: number | null;
  labels?: string[];
};

const PRIORITY_VALUES: Record<PriorityName, number> = { none: 0, low: 1, medium: 2, high: 3 };

/** The columns a create or update body sets; `due_date: null` clears `due_time` too. */
function taskValues(input: CreateTaskInput | TaskChangesInput): TaskValues {
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
  return values;
}

/**
 * A CHECK the stored task would break (lib/db/schema.ts), as the 422 field error of the body
 * that caused it: the body alone looked fine, the task it would make does not.
 */
function asInvalidFields(err: unknown, values: TaskValues): never {
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
    case 'tasks_per_user_limit':
      throw new TaskLimitReached(TASKS_PER_USER_MAX);
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

const ownTask = () => and(eq(tasks.id, placeholder('id')), ownedByCaller(tasks.userId))!;

// Qualified by hand: in a one-table select drizzle writes a column bare ("id"), which inside the
// subquery below would mean labels.id.
const taskId = sql`${tasks}.${sql.identifier(tasks.id.name)}`;

/**
 * A task's label names, sorted case-insensitively, as a column of any statement that reads or
 * returns tasks: joined in the same statement, never a query per task.
 */
export const taskLabelNames = sql<string[]>`array(
  select ${labels.name} from ${taskLabels} join ${labels} on ${labels.id} = ${taskLabels.labelId}
  where ${taskLabels.taskId} = ${taskId} order by lower(${labels.name}), ${labels.name})`;

/** Sets the task's labels from the `labels` placeholder inside the write itself (drizzle/0004, set_task_labels). */
const setLabels = sql<string[]>`set_task_labels(${tasks.id}, ${tasks.userId}, ${placeholder('labels')}::text[])`;

/** What every task statement returns: the row and its labels (set by this write, or as stored). */
const taskColumns = (settingLabels: boolean) => ({ ...getTableColumns(tasks), labels: settingLabels ? setLabels : taskLabelNames });

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

const selectVersion = scopedStatement('get_task_version', (db, _shape: Record<never, never>, name) =>
  db.select({ id: tasks.id, updatedAt: tasks.updatedAt }).from(tasks).where(ownTask()).limit(1).prepare(name),
);

/** The `where` of a write: the caller's task, and with `If-Match`, one of the given versions. */
function writeWhere(ifMatch: boolean): SQL {
  return and(ownTask(), ifMatch ? sql`${tasks.updatedAt} = any(${placeholder('versions')}::timestamptz[])` : undefined)!;
}

/**
 * Runs one conditional write. The `If-Match` versions go into the statement's own `where`, so
 * checking and changing are one atomic step; when no row qualified, a follow-up read tells a
 * missing task (`TaskNotFound`) from a stale tag (`VersionConflict`, with the current ETag).
 */
async function writeTask<S extends Shape>(scope: Scope, write: ScopedStatement<S, TaskRow>, shape: S, id: string, versions: Versions, values: object, executor?: Executor): Promise<TaskRow> {
  const [row] = await scope.run(write, shape, { ...values, id, versions: versions?.map((version) => version.toISOString()) }, executor);
  if (row) return row;
  if (versions) {
    const [current] = await scope.run(selectVersion, {}, { id }, executor);
    if (current) throw new VersionConflict(taskETag(current));
  }
  throw new TaskNotFound();
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

// ---- The manual order ----

const lockUsersMoves = statementKind('lock_user_moves', (db, _shape: Record<never, never>, name) =>
  db.select({ id: users.id }).from(users).where(eq(users.id, placeholder('userId'))).for('no key update').prepare(name),
);

const selectAnchor = scopedStatement('get_move_anchor', (db, _shape: Record<never, never>, name) =>
  db.select({ position: tasks.position }).from(tasks).where(and(eq(tasks.id, placeholder('anchor')), ownedByCaller(tasks.userId))).limit(1).prepare(name),
);

/** The anchor's neighbour on the side the task goes to, the task itself left out. */
const selectNeighbour = scopedStatement('get_move_neighbour', (db, shape: { side: 'before' | 'after' }, name) => {
  const before = shape.side === 'before';
  return db
    .select({ position: tasks.position })
    .from(tasks)
    .where(
      and(
        ownedByCaller(tasks.userId),
        sql`${tasks.position} ${sql.raw(before ? '<' : '>')} ${placeholder('anchorPosition')}`,
        sql`${tasks.id} <> ${placeholder('id')}`,
      ),
    )
    .orderBy(before ? desc(tasks.position) : asc(tasks.position))
    .limit(1)
    .prepare(name);
});

const moveTaskStatement = scopedStatement('move_task', (db, shape: { to: 'top' | 'bottom' | 'between'; ifMatch: boolean }, name) => {
  const position = shape.to === 'top' ? TOP_POSITION : shape.to === 'bottom' ? BOTTOM_POSITION : sql`${placeholder('position')}`;
  return db.update(tasks).set({ position }).where(writeWhere(shape.ifMatch)).returning(taskColumns(false)).prepare(name);
});

/**
 * Moves a task in the caller's manual order. Moves next to an anchor take turns per user (a lock
 * on the user row that creates do not wait for: FOR NO KEY UPDATE), so the anchor and its
 * neighbour stay neighbours until the task lands strictly between them; top and bottom come from
 * the sequence and need no turn. Concurrent moves always leave distinct positions.
 */
export async function moveTask(scope: Scope, id: string, move: MoveTaskInput, versions?: Versions): Promise<TaskRow> {
  const anchorId = move.before ?? move.after;
  if (anchorId !== undefined && anchorId.toLowerCase() === id.toLowerCase()) throw new MoveAnchorIsTask(move.before ? 'before' : 'after');
  let to: 'top' | 'bottom' | 'between' = move.to ?? 'between';
  if (anchorId === undefined) return writeTask(scope, moveTaskStatement, { to, ifMatch: Boolean(versions) }, id, versions, {});
  return scope.transaction(async (tx) => {
    await preparedStatement(tx, lockUsersMoves, {}).execute(scope.values);
    const [anchor] = await scope.run(selectAnchor, {}, { anchor: anchorId }, tx);
    if (!anchor) throw new MoveAnchorNotFound();
    const side = move.before ? 'before' : 'after';
    const [neighbour] = await scope.run(selectNeighbour, { side }, { id, anchorPosition: anchor.position }, tx);
    let position: string | undefined;
    if (!neighbour) to = side === 'before' ? 'top' : 'bottom';
    else position = side === 'before' ? positionBetween(neighbour.position, anchor.position) : positionBetween(anchor.position, neighbour.position);
    return writeTask(scope, moveTaskStatement, { to, ifMatch: Boolean(versions) }, id, versions, { position }, tx);
  });
}

// ---- The list: filters, sort and keyset pagination ----

export interface TaskPage {
  tasks: TaskRow[];
  /** How many tasks match the filters, across all pages. */
  total: number;
  /** The cursor of the next page, when more tasks remain. */
  nextCursor?: string;
}

type SortName = ListTasksOptions['sort'];
type Order = 'asc' | 'desc';
type CursorValue = string | number | null;

/**
 * Each sort's key: the expressions it orders by (then `id`), the same expressions over a
 * cursor's values, and the values a row puts into the next cursor. Every expression is NOT NULL,
 * so a row comparison orders exactly as ORDER BY does; each key is an index of lib/db/schema.ts.
 */
interface SortKey {
  columns(order: Order): SQL[];
  cursor(order: Order): SQL[];
  values(task: Task): CursorValue[];
}

const v = (i: number) => placeholder(`v${i}`);

// sort=due: no date last in both orders (infinity in asc, -infinity in desc); in a day, tasks
// without a time come before timed ones (asc).
const dueKey = (date: SQL, time: SQL, order: Order): SQL[] => [
  sql`coalesce(${date}, ${sql.raw(order === 'asc' ? "'infinity'" : "'-infinity'")}::date)`,
  sql`(${time} is not null)`,
  sql`coalesce(${time}, '00:00'::time)`,
];

const SORT_KEYS: Record<SortName, SortKey> = {
  created_at: { columns: () => [sql`${tasks.createdAt}`], cursor: () => [sql`${v(0)}::timestamptz`], values: (t) => [t.createdAt.toISOString()] },
  updated_at: { columns: () => [sql`${tasks.updatedAt}`], cursor: () => [sql`${v(0)}::timestamptz`], values: (t) => [t.updatedAt.toISOString()] },
  // lower(title): the expression of the (user_id, lower(title), id) index.
  title: { columns: () => [sql`lower(${tasks.title})`], cursor: () => [sql`lower(${v(0)}::text)`], values: (t) => [t.title] },
  priority: { columns: () => [sql`${tasks.priority}`], cursor: () => [sql`${v(0)}::smallint`], values: (t) => [t.priority] },
  position: { columns: () => [sql`${tasks.position}`], cursor: () => [sql`${v(0)}::text collate "C"`], values: (t) => [t.position] },
  due: {
    columns: (order) => dueKey(sql`${tasks.dueDate}`, sql`${tasks.dueTime}`, order),
    cursor: (order) => dueKey(sql`${v(0)}::date`, sql`${v(1)}::time`, order),
    values: (t) => [t.dueDate, t.dueTime],
  },
};


/** The list's options with defaults applied and equal filters spelled one way. */
function normalized(options: ListTasksOptions) {
  return {
    completed: options.completed,
    q: options.q || undefined,
    priorities: options.priority?.map((p) => PRIORITY_VALUES[p]).sort(),
    labels: options.label?.length ? options.label : undefined,
    dueFrom: options.due_from,
    dueTo: options.due_to,
    hasDue: options.has_due,
    sort: options.sort,
    order: options.order ?? defaultOrder(options.sort),
  };
}

type Normalized = ReturnType<typeof normalized>;

/** Ties a cursor to the owner, filters and sort it was made for. */
function fingerprint(scope: Scope, list: Normalized): string {
  // An empty q filters nothing, so it is the same list as no q (the next-page link drops it).
  const parts = [
    scope.userId,
    list.completed ?? null,
    list.q ?? null,
    list.sort,
    list.order,
    list.priorities ?? null,
    list.labels?.map((l) => l.toLowerCase()).sort() ?? null,
    list.dueFrom ?? null,
    list.dueTo ?? null,
    list.hasDue ?? null,
  ];
  return createHash('sha256').update(JSON.stringify(parts)).digest('base64url').slice(0, 16);
}

// `v` is the last row's sort values (timestamps in ISO form, the raw title, …), `i` its id.
const CursorPosition = z.object({ v: z.array(z.union([z.string(), z.number(), z.null()])), i: z.uuid(), f: z.string() });

/** The row a cursor points after; `InvalidCursor` for a cursor of another list, filters or sort. */
function cursorPosition(cursor: string, scope: Scope, list: Normalized): { v: CursorValue[]; i: string } {
  const position = CursorPosition.safeParse(decodeCursor(cursor));
  if (!position.success || position.data.f !== fingerprint(scope, list)) throw new InvalidCursor();
  return position.data;
}

function cursorAfter(task: Task, scope: Scope, list: Normalized): string {
  return encodeCursor({ v: SORT_KEYS[list.sort].values(task), i: task.id, f: fingerprint(scope, list) });
}

/** What decides a list statement's SQL; its values go in as placeholders. */
type ListShape = FilterShape & { sort: SortName; order: Order; after: boolean };

type FilterShape = { completed: boolean; q: boolean; priorities: boolean; labels: boolean; dueFrom: boolean; dueTo: boolean; hasDue: boolean };

function listFilters(db: Executor, shape: FilterShape): SQL {
  return and(
    ownedByCaller(tasks.userId),
    shape.completed ? eq(tasks.completed, placeholder('completed')) : undefined,
    shape.q ? or(sql`${tasks.title} ~* ${placeholder('q')}`, sql`${tasks.description} ~* ${placeholder('q')}`) : undefined,
    shape.priorities ? sql`${tasks.priority} = any(${placeholder('priorities')}::smallint[])` : undefined,
    // All of the names: the caller's labels that match them, on this task, as many as names.
    shape.labels
      ? inArray(
          tasks.id,
          db
            .select({ id: taskLabels.taskId })
            .from(taskLabels)
            .innerJoin(labels, eq(labels.id, taskLabels.labelId))
            .where(and(ownedByCaller(labels.userId), sql`lower(${labels.name}) = any(select lower(n) from unnest(${placeholder('labels')}::text[]) as n)`))
            .groupBy(taskLabels.taskId)
            .having(sql`count(*) = (select count(distinct lower(n)) from unnest(${placeholder('labels')}::text[]) as n)`),
        )
      : undefined,
    shape.dueFrom ? sql`${tasks.dueDate} >= ${placeholder('dueFrom')}::date` : undefined,
    shape.dueTo ? sql`${tasks.dueDate} <= ${placeholder('dueTo')}::date` : undefined,
    shape.hasDue ? sql`(${tasks.dueDate} is not null) = ${placeholder('hasDue')}::boolean` : undefined,
  )!;
}

const listStatement = scopedStatement('list_tasks', (db, shape: ListShape, name) => {
  const filters = listFilters(db, shape);
  const key = SORT_KEYS[shape.sort];
  const columns = [...key.columns(shape.order), sql`${tasks.id}`];
  const position = shape.after
    ? sql`(${sql.join(columns, sql`, `)}) ${sql.raw(shape.order === 'asc' ? '>' : '<')} (${sql.join([...key.cursor(shape.order), sql`${placeholder('i')}::uuid`], sql`, `)})`
    : undefined;
  const direction = shape.order === 'asc' ? asc : desc;
  // One round trip: the count is an uncorrelated subquery, which PostgreSQL runs once (its
  // `tasks` is its own FROM's, not the outer row's).
  return db
    .select({ ...taskColumns(false), total: sql<number>`(select count(*) from ${tasks} where ${filters})`.mapWith(Number) })
    .from(tasks)
    .where(and(filters, position))
    .orderBy(...columns.map((column) => direction(column)))
    .limit(placeholder('limit'))
    .prepare(name);
});

const countStatement = scopedStatement(
  'count_tasks',
  (db, shape: FilterShape, name) => db.select({ total: count() }).from(tasks).where(listFilters(db, shape)).prepare(name),
  { aggregate: true },
);

/**
 * One page of the caller's tasks, in a total order (the sort, then `id`), starting after the
 * cursor's row: a task created or deleted between pages never makes another repeat or vanish.
 */
export async function listTasksForUser(scope: Scope, options: ListTasksOptions): Promise<TaskPage> {
  const list = normalized(options);
  const after = options.cursor === undefined ? undefined : cursorPosition(options.cursor, scope, list);
  const filters: FilterShape = {
    completed: list.completed !== undefined,
    q: list.q !== undefined,
    priorities: list.priorities !== undefined,
    labels: list.labels !== undefined,
    dueFrom: list.dueFrom !== undefined,
    dueTo: list.dueTo !== undefined,
    hasDue: list.hasDue !== undefined,
  };
  const values = {
    completed: list.completed ?? null,
    q: list.q ? regexSubstring(list.q) : null,
    priorities: list.priorities ?? null,
    labels: list.labels ?? null,
    dueFrom: list.dueFrom ?? null,
    dueTo: list.dueTo ?? null,
    hasDue: list.hasDue ?? null,
    v0: after?.v[0] ?? null,
    v1: after?.v[1] ?? null,
    i: after?.i ?? null,
    limit: options.limit + 1,
  };

  const run = <T>(work: (executor?: Executor) => Promise<T>) => (list.q ? boundedSearch(scope, work) : work());
  const rows = await run((ex) => scope.run(listStatement, { ...filters, sort: list.sort, order: list.order, after: Boolean(after) }, values, ex));
  // No row to carry the count: none match, or the cursor is past the last.
  let total = rows[0]?.total ?? 0;
  if (!rows.length && after) total = (await run((ex) => scope.run(countStatement, filters, values, ex)))[0]?.total ?? 0;

  const page = rows.slice(0, options.limit).map(({ total: _, ...task }) => task);
  const last = page.at(-1);
  return {
    tasks: page,
    total,
    nextCursor: rows.length > options.limit && last ? cursorAfter(last, scope, list) : undefined,
  };
}

// ---- The changes feed (lib/sync/feed.ts) ----

/** Which of the caller's tasks a page of the changes feed reads: see lib/sync/feed.ts. */
export interface ChangesWindow {
  /** The snapshot the client is up to date with (pg_snapshot text); none for a full sync. */
  lo?: string;
  /** The snapshot the answer reads as of. */
  hi: string;
  /** The last task of the previous page: its change_xid and id. */
  after?: { xid: string; id: string };
  limit: number;
}

const changedTasksStatement = scopedStatement('changed_tasks', (db, shape: { since: boolean; after: boolean }, name) =>
  db
    .select(taskColumns(false))
    .from(tasks)
    .where(
      and(
        ownedByCaller(tasks.userId),
        // Written after `lo`: not visible in it. The xmin bound is implied, and lets the
        // (user_id, change_xid, id) index skip everything older.
        shape.since
          ? sql`${tasks.changeXid} >= pg_snapshot_xmin(${placeholder('lo')}::pg_snapshot) and not pg_visible_in_snapshot(${tasks.changeXid}, ${placeholder('lo')}::pg_snapshot)`
          : undefined,
        // …and by `hi`: a write committed since (the statement's snapshot is newer) waits for the next answer.
        sql`pg_visible_in_snapshot(${tasks.changeXid}, ${placeholder('hi')}::pg_snapshot)`,
        shape.after ? sql`(${tasks.changeXid}, ${tasks.id}) > (${placeholder('afterXid')}::xid8, ${placeholder('afterId')}::uuid)` : undefined,
      ),
    )
    .orderBy(tasks.changeXid, tasks.id)
    .limit(placeholder('limit'))
    .prepare(name),
);

/** The caller's tasks written inside the window, in (change_xid, id) order, in their current state. */
export async function tasksChangedIn(scope: Scope, window: ChangesWindow): Promise<TaskRow[]> {
  const shape = { since: window.lo !== undefined, after: window.after !== undefined };
  return scope.run(changedTasksStatement, shape, {
    lo: window.lo ?? null,
    hi: window.hi,
    afterXid: window.after?.xid ?? null,
    afterId: window.after?.id ?? null,
    limit: window.limit,
  });
}
