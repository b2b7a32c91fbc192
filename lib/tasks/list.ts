import 'server-only';
import { createHash } from 'node:crypto';
import { and, asc, count, desc, eq, inArray, or, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { z } from 'zod';
import type { Executor } from '@/lib/db';
import { labels, listCounts, projectMembers, taskLabels, tasks, type Task } from '@/lib/db/schema';
import { ProjectNotFound } from '@/lib/projects/errors';
import { liveSession, ownedByCaller, scopedStatement, visibleLists, type Scope } from '@/lib/scope/scope';
import { decodeCursor, encodeCursor } from '@/lib/tasks/cursor';
import { InvalidCursor, ParentNotFound } from '@/lib/tasks/errors';
import { PRIORITY_VALUES, selectVersion, taskColumns, type TaskRow } from '@/lib/tasks/rows';
import { defaultOrder, type ListTasksOptions } from '@/lib/tasks/schemas';
import { boundedSearch, regexSubstring } from '@/lib/tasks/search';

// The list: filters, sort and keyset pagination, one page per statement (with its total).
//
// Which lists: one (the Inbox, or a project the caller is a member of), or every list the caller
// sees. One list is a range of its sort's index (each leads with list_id). Every list is a
// lateral join: each list's first page from its own index, then the first page of those (see
// listStatement).

const placeholder = sql.placeholder;

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
  values(task: ListedTask): CursorValue[];
}

/** A listed task: with `rank`, its list's place among the caller's lists, when they are all listed in manual order. */
type ListedTask = Task & { rank?: string };

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
    project: options.project?.toLowerCase(),
    parent: options.parent?.toLowerCase(),
    assignee: options.assignee?.toLowerCase(),
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
    list.project ?? null,
    list.parent ?? null,
    list.assignee ?? null,
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

function cursorAfter(task: ListedTask, scope: Scope, list: Normalized): string {
  const v = SORT_KEYS[list.sort].values(task);
  return encodeCursor({ v: task.rank === undefined ? v : [task.rank, ...v], i: task.id, f: fingerprint(scope, list) });
}

/**
 * What decides a list statement's SQL; its values go in as placeholders, but for `limit` (rows
 * to read: the page size and one): with a LIMIT parameter PostgreSQL plans every execution anew
 * (a generic plan assumes it reads a tenth of the table), ~0.9 ms per page of the list over every
 * list; with a literal, the plan is kept. Clients use a few page sizes, so a few statements.
 */
type ListShape = FilterShape & { sort: SortName; order: Order; after: boolean; limit: string };

type Lists = 'inbox' | 'project' | 'all';

type FilterShape = {
  lists: Lists;
  parent: 'any' | 'none' | 'one';
  assignee: 'any' | 'none' | 'one';
  completed: boolean;
  q: boolean;
  priorities: boolean;
  labels: boolean;
  dueFrom: boolean;
  dueTo: boolean;
  hasDue: boolean;
};

/** The filters of the body and of the query, except the list (`inList`): about the task alone. */
function taskFilters(db: Executor, shape: FilterShape): SQL | undefined {
  return and(
    shape.parent === 'none' ? sql`${tasks.parentId} is null` : shape.parent === 'one' ? eq(tasks.parentId, placeholder('parent')) : undefined,
    shape.assignee === 'none' ? sql`${tasks.assigneeId} is null` : shape.assignee === 'one' ? eq(tasks.assigneeId, placeholder('assignee')) : undefined,
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
  );
}

/** The list the filter names, among those the caller sees; with the live-session check. */
function inList(lists: Lists): SQL {
  const list =
    lists === 'inbox'
      ? eq(tasks.listId, placeholder('userId'))
      : lists === 'project'
        ? and(
            eq(tasks.listId, placeholder('project')),
            sql`exists (select 1 from ${projectMembers} where ${projectMembers.projectId} = ${placeholder('project')}::uuid and ${projectMembers.userId} = ${placeholder('userId')})`,
          )
        : sql`${tasks.listId} in ${visibleLists()}`;
  return and(list, liveSession())!;
}

/** The keyset condition: after the cursor's row in the sort's order (one list, or every list in a sort other than the manual order). */
function afterCursor(shape: ListShape): SQL {
  const key = SORT_KEYS[shape.sort];
  const columns = [...key.columns(shape.order), sql`${tasks.id}`];
  return sql`(${sql.join(columns, sql`, `)}) ${sql.raw(shape.order === 'asc' ? '>' : '<')} (${sql.join([...key.cursor(shape.order), sql`${placeholder('i')}::uuid`], sql`, `)})`;
}

/** Whether the list is filtered by anything but its list(s): its total is then a count of its matches. */
const filtered = (shape: FilterShape) =>
  shape.parent !== 'any' || shape.assignee !== 'any' || shape.completed || shape.q || shape.priorities || shape.labels || shape.dueFrom || shape.dueTo || shape.hasDue;

/** A list's stored count (drizzle/0020): the sum of its shards. */
const storedCount = (listId: SQL) => sql`(select coalesce(sum(${listCounts.tasks}), 0) from ${listCounts} where ${listCounts.listId} = ${listId})`;

// One round trip: the total is an uncorrelated subquery, which PostgreSQL runs once (its
// `tasks` is its own FROM's, not the outer row's). Unfiltered, it is the lists' stored counts;
// filtered, a count of the matches, over every list list by list: an index-only range per list
// (one scan for `list_id in (…)` reads the whole table on a small one). The statement's own
// `where` checks the caller sees the list: no row, no total.
const total = (db: Executor, shape: FilterShape) => {
  if (!filtered(shape)) {
    if (shape.lists === 'all') {
      return sql<number>`(select coalesce(sum(${listCounts.tasks}), 0) from ${listCounts} where ${listCounts.listId} in ${visibleLists()})`.mapWith(Number);
    }
    return sql<number>`${storedCount(shape.lists === 'inbox' ? sql`${placeholder('userId')}::uuid` : sql`${placeholder('project')}::uuid`)}`.mapWith(Number);
  }
  return (
    shape.lists === 'all'
      ? sql<number>`(select coalesce(sum("counted"."n"), 0) from ${visibleLists()} as "lists"("list_id")
        cross join lateral (select count(*) as "n" from ${tasks} where ${and(sql`${tasks.listId} = "lists"."list_id"`, taskFilters(db, shape))}) as "counted")`
      : sql<number>`(select count(*) from ${tasks} where ${and(inList(shape.lists), taskFilters(db, shape))})`
  ).mapWith(Number);
};

const USER_ID = placeholder('userId');
const RANK = (value: SQLWrapper) => sql`${value}::text collate "C"`;

const listStatement = scopedStatement('list_tasks', (db, shape: ListShape, name) => {
  const limit = sql.raw(String(Number.parseInt(shape.limit, 10)));
  const key = SORT_KEYS[shape.sort];
  const direction = shape.order === 'asc' ? asc : desc;
  const columns = [...key.columns(shape.order), sql`${tasks.id}`];
  if (shape.lists !== 'all') {
    return db
      .select({ ...taskColumns(), total: total(db, shape), rank: sql<string | null>`null` })
      .from(tasks)
      .where(and(inList(shape.lists), taskFilters(db, shape), shape.after ? afterCursor(shape) : undefined))
      .orderBy(...columns.map((column) => direction(column)))
      .limit(sql`${limit}` as unknown as number)
      .prepare(name);
  }
  // Every list: the Inbox's first page and each project's (a range of each one's index), then
  // the first page of those. In manual order the lists come one after another, the Inbox (rank
  // '') then the projects by the member's sidebar position: that index feeds the projects in
  // order, so PostgreSQL stops reading once the lists so far fill the page.
  const manual = shape.sort === 'position';
  const asc_ = shape.order === 'asc';
  const dir = sql.raw(shape.order);
  const v0 = RANK(placeholder('v0'));
  const v1 = RANK(placeholder('v1'));
  let inboxAfter: SQL | undefined;
  let projectAfter: SQL | undefined;
  let projectsAfter: SQL | undefined;
  if (shape.after && manual) {
    // The cursor's list after its position, and the lists after it whole. The Inbox is first in asc and last in desc.
    inboxAfter = asc_ ? sql`(${v0} = '' and ${tasks.position} > ${v1})` : sql`(${v0} <> '' or ${tasks.position} < ${v1})`;
    projectsAfter = sql`"member"."position" ${sql.raw(asc_ ? '>=' : '<=')} ${v0}`;
    projectAfter = sql`${tasks.position} ${sql.raw(asc_ ? '>' : '<')} case when "member"."position" = ${v0} then ${v1} else ${RANK(sql.raw(asc_ ? "''" : "'~'"))} end`;
  } else if (shape.after) {
    inboxAfter = projectAfter = afterCursor(shape);
  }
  const keys = sql.join(
    columns.map((column, i) => sql`${column} as ${sql.identifier(`k${i}`)}`),
    sql`, `,
  );
  const byKeys = sql.join(
    columns.map((column) => sql`${column} ${dir}`),
    sql`, `,
  );
  const pageKeys = (table: string) => columns.map((_, i) => sql`${sql.identifier(table)}.${sql.identifier(`k${i}`)} ${dir}`);
  const inboxPage = sql`(select ${RANK(sql.raw("''"))} as "rank", ${keys} from ${tasks}
    where ${and(sql`${tasks.listId} = ${USER_ID}`, taskFilters(db, shape), inboxAfter)}
    order by ${byKeys} limit ${limit})`;
  const projectPages = sql`(select "member"."position" as "rank", "listed".* from ${projectMembers} as "member"
    cross join lateral (select ${keys} from ${tasks} where ${and(sql`${tasks.listId} = "member"."project_id"`, taskFilters(db, shape), projectAfter)}
      order by ${byKeys} limit ${limit}) as "listed"
    where ${and(sql`"member"."user_id" = ${USER_ID}`, projectsAfter)}
    order by ${sql.join(manual ? [sql`"member"."position" ${dir}`, ...pageKeys('listed')] : pageKeys('listed'), sql`, `)} limit ${limit})`;
  const page = sql`(select * from (${inboxPage} union all ${projectPages}) as "lists"
    order by ${sql.join(manual ? [sql`"lists"."rank" ${dir}`, ...pageKeys('lists')] : pageKeys('lists'), sql`, `)} limit ${limit})`;
  const last = columns.length - 1;
  return db
    .select({ ...taskColumns(), total: total(db, shape), rank: sql<string | null>`"page"."rank"` })
    .from(tasks)
    .innerJoin(sql`${page} as "page"`, sql`"page".${sql.identifier(`k${last}`)} = ${tasks.id}`)
    .where(liveSession())
    .orderBy(...(manual ? [direction(sql`"page"."rank"`)] : []), ...columns.map((column) => direction(column)))
    .prepare(name);
});

const countStatement = scopedStatement(
  'count_tasks',
  (db, shape: FilterShape, name) => db.select({ total: count() }).from(tasks).where(and(inList(shape.lists), taskFilters(db, shape))).prepare(name),
  { aggregate: true },
);

/**
 * One page of the caller's tasks, in a total order (the sort, then `id`), starting after the
 * cursor's row: a task created or deleted between pages never makes another repeat or vanish.
 */
export async function listTasksForUser(scope: Scope, options: ListTasksOptions): Promise<TaskPage> {
  const list = normalized(options);
  const after = options.cursor === undefined ? undefined : cursorPosition(options.cursor, scope, list);
  const lists: Lists = list.project === undefined ? 'all' : list.project === 'inbox' ? 'inbox' : 'project';
  const filters: FilterShape = {
    lists,
    parent: list.parent === undefined ? 'any' : list.parent === 'none' ? 'none' : 'one',
    assignee: list.assignee === undefined ? 'any' : list.assignee === 'none' ? 'none' : 'one',
    completed: list.completed !== undefined,
    q: list.q !== undefined,
    priorities: list.priorities !== undefined,
    labels: list.labels !== undefined,
    dueFrom: list.dueFrom !== undefined,
    dueTo: list.dueTo !== undefined,
    hasDue: list.hasDue !== undefined,
  };
  // Every list in manual order: the cursor carries the list's rank first, then the position.
  const ranked = lists === 'all' && list.sort === 'position';
  const values = {
    project: lists === 'project' ? list.project : null,
    parent: filters.parent === 'one' ? list.parent : null,
    assignee: list.assignee === 'me' ? scope.userId : filters.assignee === 'one' ? list.assignee : null,
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
  };

  const run = <T>(work: (executor?: Executor) => Promise<T>) => (list.q ? boundedSearch(scope, work) : work());
  const rows = await run((ex) => scope.run(listStatement, { ...filters, sort: list.sort, order: list.order, after: Boolean(after), limit: String(options.limit + 1) }, values, ex));
  // No row to carry the count: none match, or the cursor is past the last.
  let total = rows[0]?.total ?? 0;
  if (!rows.length) {
    if (after) total = (await run((ex) => scope.run(countStatement, filters, values, ex)))[0]?.total ?? 0;
    await listExists(scope, filters, values);
  }

  const page = rows.slice(0, options.limit);
  const last = page.at(-1);
  return {
    tasks: page.map(({ total: _, rank: __, ...task }) => task),
    total,
    nextCursor: rows.length > options.limit && last ? cursorAfter({ ...last, rank: ranked ? last.rank! : undefined }, scope, list) : undefined,
  };
}

const memberStatement = scopedStatement('is_project_member', (db, _shape: Record<never, never>, name) =>
  db
    .select({ member: sql<number>`1` })
    .from(projectMembers)
    .where(and(eq(projectMembers.projectId, placeholder('project')), ownedByCaller(projectMembers.userId)))
    .prepare(name),
);

/** An empty page of a project or a parent the caller cannot see is a 404, as the project or the task is. */
async function listExists(scope: Scope, filters: FilterShape, values: { project: string | null | undefined; parent: string | null | undefined }) {
  if (filters.lists === 'project' && !(await scope.run(memberStatement, {}, { project: values.project })).length) throw new ProjectNotFound();
  if (filters.parent === 'one' && !(await scope.run(selectVersion, {}, { id: values.parent })).length) throw new ParentNotFound();
}
