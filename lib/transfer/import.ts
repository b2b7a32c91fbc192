import 'server-only';
import { createHash, randomUUID } from 'node:crypto';
import { count, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Executor } from '@/lib/db';
import { driverError, sqlState } from '@/lib/db/errors';
import { BOTTOM_POSITION, labels, projectMembers, projects, taskLabels, tasks, TOP_POSITION } from '@/lib/db/schema';
import { mediaTypeOf, readBodyChunks, readJsonBody } from '@/lib/http/body';
import { HttpError } from '@/lib/http/problem';
import { requestHash, runOnce } from '@/lib/idempotency/run-once';
import { LABELS_PER_USER_MAX, PRIORITIES, PROJECTS_PER_USER_MAX, TASK_LEVELS_MAX } from '@/lib/limits';
import { ownedByCaller, scopedStatement, type Scope } from '@/lib/scope/scope';
import { labelNames, readCsvRows, rowOfTask, unescapeFormula, type CsvRow, type CsvSyntaxError } from '@/lib/transfer/csv';
import { IMPORT_ERRORS_MAX, ImportInvalid } from '@/lib/transfer/errors';
import {
  IMPORT_MAX_BYTES,
  ImportedTaskSchema,
  ImportEnvelope,
  ImportResultSchema,
  taskPath,
  TASKS_PER_USER_MAX,
  type ImportedTask,
  type ImportResult,
} from '@/lib/transfer/schemas';

// An import: the file is read (JSON, or CSV parsed as it arrives), every task validated, and
// only a file without a single problem is written, in one transaction of the caller's scope
// (lib/scope/scope.ts: it holds the caller's session), in multi-row batches.

/** An uploaded file, read but not yet validated; `hash` identifies it for `Idempotency-Key`. */
export type ImportFile =
  | { kind: 'json'; body: unknown; hash: string }
  | { kind: 'csv'; header: string[]; rows: CsvRow[]; syntaxError?: CsvSyntaxError; hash: string };

type Named = { name: string; color: string };

/**
 * What a valid file creates: its tasks in file order (`parent` the index of another), each
 * one's level in its subtask tree (1: top-level), and the labels and projects it names with
 * their colours. `kind` says how to name a place in the file.
 */
export interface ImportPlan {
  kind: ImportFile['kind'];
  tasks: ImportedTask[];
  levels: number[];
  labels: Named[];
  projects: Named[];
}

/** Hashes the bytes as they pass: a CSV is identified by its exact bytes. */
async function* hashing(chunks: AsyncIterable<Uint8Array>, hash: ReturnType<typeof createHash>): AsyncGenerator<Uint8Array> {
  for await (const chunk of chunks) {
    hash.update(chunk);
    yield chunk;
  }
}

/**
 * Reads an import's body, checked in the contract's order: `415` neither `application/json`
 * nor `text/csv`, `413` over 10 MiB (counted as it arrives), `400` not valid JSON or UTF-8.
 */
export async function readImportFile(request: Request, limit = IMPORT_MAX_BYTES): Promise<ImportFile> {
  if (mediaTypeOf(request) === 'text/csv') {
    const hash = createHash('sha256');
    const csv = await readCsvRows(hashing(readBodyChunks(request, limit), hash));
    return { kind: 'csv', ...csv, hash: hash.digest('hex') };
  }
  if (mediaTypeOf(request) !== 'application/json') throw new HttpError(415, 'Request body must be application/json or text/csv');
  const body = await readJsonBody(request, { limit });
  // As for a create: equal as parsed JSON is the same request.
  return { kind: 'json', body, hash: requestHash(body) };
}

// ---- Validation ----

type Problem = { path: string; message: string };

/** Collects problems; lists the first IMPORT_ERRORS_MAX and counts the rest. */
class Problems {
  listed: Problem[] = [];
  total = 0;
  add(problem: Problem) {
    this.total++;
    if (this.listed.length < IMPORT_ERRORS_MAX) this.listed.push(problem);
  }
  throwIfAny() {
    if (this.total > 0) throw new ImportInvalid(this.listed, this.total);
  }
}

/** `['tasks', 12, 'title']` → `tasks[12].title`. */
function jsonPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, part) => (typeof part === 'number' ? `${out}[${part}]` : out ? `${out}.${String(part)}` : String(part)), '');
}

function addIssues(problems: Problems, error: z.ZodError, path: (issuePath: readonly PropertyKey[]) => string) {
  for (const issue of error.issues) problems.add({ path: path(issue.path), message: issue.message });
}

/** Task `index` as its file names it: `tasks[12]` (JSON), `row 14` (CSV, the header being row 1). */
function placeOf(kind: ImportPlan['kind'], index: number): string {
  return kind === 'json' ? taskPath(index) : `row ${rowOfTask(index)}`;
}

/** A field of task `index`: `tasks[12].parent`, `row 14: parent`. */
function pathOf(kind: ImportPlan['kind'], index: number, field: string): string {
  return kind === 'json' ? `${taskPath(index)}.${field}` : `${placeOf(kind, index)}: ${field}`;
}

// A task's level before it is known, while its ancestors are being walked, and on or under a cycle.
const UNKNOWN = 0;
const WALKING = -1;
const CYCLE = Infinity;

/**
 * Checks the file's subtask trees, as the database would refuse them (drizzle/0011): each
 * `parent` names another task of the file, no task is its own ancestor, and no tree has more
 * than TASK_LEVELS_MAX levels. `parents[i]` is the index task i names (undefined when the task
 * itself is invalid). Returns each task's level, 1 for a top-level task.
 */
function checkTrees(kind: ImportPlan['kind'], parents: readonly (number | null | undefined)[], problems: Problems): number[] {
  const count = parents.length;
  const parentOf = (i: number) => {
    const parent = parents[i];
    return parent === null || parent === undefined || parent === i || parent >= count ? undefined : parent;
  };
  parents.forEach((parent, i) => {
    if (parent === null || parent === undefined) return;
    const path = pathOf(kind, i, 'parent');
    if (parent === i) problems.add({ path, message: 'cannot be the task itself' });
    else if (parent >= count) {
      const range = count === 1 ? 'the file has no other task' : `${placeOf(kind, 0)} to ${placeOf(kind, count - 1)}`;
      problems.add({ path, message: `must be another task of this file (${range})` });
    }
  });

  // Each task's level: walk up to a task whose level is known (or a top-level one), then down again.
  const levels = new Array<number>(count).fill(UNKNOWN);
  for (let start = 0; start < count; start++) {
    const walked: number[] = [];
    let i: number | undefined = start;
    for (; i !== undefined && levels[i] === UNKNOWN; i = parentOf(i)) {
      levels[i] = WALKING;
      walked.push(i);
    }
    let above = 0;
    if (i !== undefined && levels[i] === WALKING) {
      const loop = walked.slice(walked.indexOf(i));
      // Each task of the loop, and the loop from it round to itself (a long one cut short).
      loop.forEach((task, j) => {
        const place = (step: number) => placeOf(kind, loop[(j + step) % loop.length]!);
        const chain = loop.length <= 4 ? Array.from({ length: loop.length + 1 }, (_, step) => place(step)) : [place(0), place(1), place(2), '…', place(0)];
        problems.add({ path: pathOf(kind, task, 'parent'), message: `makes a cycle: ${chain.join(' → ')}` });
      });
      above = CYCLE;
    } else if (i !== undefined) above = levels[i]!;
    for (let k = walked.length - 1; k >= 0; k--) levels[walked[k]!] = above = above + 1;
  }
  levels.forEach((level, i) => {
    if (level === TASK_LEVELS_MAX + 1) {
      problems.add({ path: pathOf(kind, i, 'parent'), message: `would make subtasks more than ${TASK_LEVELS_MAX} levels deep` });
    }
  });
  return levels;
}

function jsonPlan(body: unknown): ImportPlan {
  const problems = new Problems();
  const envelope = ImportEnvelope.safeParse(body);
  if (!envelope.success) {
    addIssues(problems, envelope.error, jsonPath);
    problems.throwIfAny();
  }
  const { labels: documentLabels, projects: documentProjects, tasks: items } = envelope.data!;
  const planned: ImportedTask[] = [];
  const parents = items.map((item, i) => {
    const task = ImportedTaskSchema.safeParse(item);
    if (!task.success) {
      addIssues(problems, task.error, (path) => jsonPath(['tasks', i, ...path]));
      return undefined;
    }
    planned.push(task.data);
    return task.data.parent;
  });
  const levels = checkTrees('json', parents, problems);
  problems.throwIfAny();
  return { kind: 'json', tasks: planned, levels, labels: documentLabels, projects: documentProjects };
}

const REPEAT_CELL = /^([a-z]+)(?:\/(\d+))?$/i;

/** A `parent` cell: `row 5`, a row of the file (the first task's is row 2). */
const PARENT_CELL = /^row\s*([1-9]\d{0,8})$/i;

/** A CSV row as the fields of an import: empty cells are null (or the default), cells unescaped. */
function csvTask(cells: CsvRow['cells'], problem: (column: string, message: string) => void): Record<string, unknown> {
  const cell = (column: string) => {
    const value = cells[column];
    return value === undefined || value === '' ? undefined : unescapeFormula(value);
  };
  const task: Record<string, unknown> = {
    title: cell('title') ?? '',
    description: cell('description') ?? null,
    due_date: cell('due_date') ?? null,
    due_time: cell('due_time') ?? null,
    priority: cell('priority')?.toLowerCase(),
    labels: labelNames(cell('labels') ?? ''),
    repeat: null,
    created_at: cell('created_at'),
    project: cell('project') ?? null,
    parent: null,
  };
  const completed = cell('completed')?.toLowerCase();
  if (completed === 'true' || completed === 'false') task.completed = completed === 'true';
  else if (completed !== undefined) problem('completed', 'must be true or false');
  const repeat = cell('repeat');
  const rule = repeat === undefined ? undefined : REPEAT_CELL.exec(repeat);
  if (rule) task.repeat = { every: rule[1]!.toLowerCase(), interval: rule[2] === undefined ? 1 : Number(rule[2]) };
  else if (repeat !== undefined) problem('repeat', 'must be a unit with an optional interval, such as week or week/2');
  const parent = cell('parent');
  const row = parent === undefined ? undefined : PARENT_CELL.exec(parent.trim());
  // The CSV's row N is the file's task N - 2.
  if (row && Number(row[1]) >= rowOfTask(0)) task.parent = taskPath(Number(row[1]) - rowOfTask(0));
  else if (parent !== undefined) problem('parent', `must be "row N", the row of another task (the first task is row ${rowOfTask(0)})`);
  return task;
}

function csvPlan(file: Extract<ImportFile, { kind: 'csv' }>): ImportPlan {
  const problems = new Problems();
  if (!file.header.includes('title')) {
    problems.add({ path: 'row 1', message: `the header must name a title column (export's header: title,description,completed,…)` });
    problems.throwIfAny();
  }
  const planned: ImportedTask[] = [];
  const parents = file.rows.map(({ row, cells }) => {
    const at = (column: string) => `row ${row}: ${column}`;
    let rowHasProblems = false;
    const candidate = csvTask(cells, (column, message) => {
      rowHasProblems = true;
      problems.add({ path: at(column), message });
    });
    const task = ImportedTaskSchema.safeParse(candidate);
    if (!task.success) addIssues(problems, task.error, (path) => at(String(path[0] ?? 'row')));
    if (!task.success || rowHasProblems) return undefined;
    planned.push(task.data);
    return task.data.parent;
  });
  const levels = checkTrees('csv', parents, problems);
  if (file.syntaxError) problems.add({ path: `row ${file.syntaxError.row}`, message: file.syntaxError.message });
  problems.throwIfAny();
  return { kind: 'csv', tasks: planned, levels, labels: [], projects: [] };
}

/** The tasks, labels and projects a file would create, or `ImportInvalid` listing each problem with its place. */
export function importPlan(file: ImportFile): ImportPlan {
  return file.kind === 'json' ? jsonPlan(file.body) : csvPlan(file);
}

/** The plan's tasks level by level (each level in file order): a parent always comes before its subtasks. */
function byLevel(plan: ImportPlan): number[][] {
  const levels: number[][] = Array.from({ length: TASK_LEVELS_MAX }, () => []);
  plan.levels.forEach((level, i) => levels[level - 1]!.push(i));
  return levels;
}

/** A list by the key of its project's name, and that name as the file spells it; null is the Inbox. */
type List = { key: string; name: string } | null;

/**
 * Each task's list, by the key of its project's name (null: the Inbox): its own `project`, or
 * when it names none, its parent's (as a create with parent_id alone). A subtask that names
 * another project than its parent's is a problem of the file.
 */
function taskLists(plan: ImportPlan, key: Map<string, string>): (string | null)[] {
  const problems = new Problems();
  const lists: List[] = [];
  for (const i of byLevel(plan).flat()) {
    const task = plan.tasks[i]!;
    const own: List = task.project == null ? null : { key: key.get(task.project)!, name: task.project };
    if (task.parent == null) {
      lists[i] = own;
      continue;
    }
    const parentList = lists[task.parent]!;
    lists[i] = own ?? parentList;
    if (own && own.key !== parentList?.key) {
      const where = parentList ? `the project "${parentList.name}"` : 'the Inbox';
      problems.add({
        path: pathOf(plan.kind, i, 'parent'),
        message: `must be in this task's project ("${own.name}"): ${placeOf(plan.kind, task.parent)} is in ${where}`,
      });
    }
  }
  problems.throwIfAny();
  return lists.map((list) => list?.key ?? null);
}

// ---- Writing ----

const TASK_BATCH = 1000;
const LINK_BATCH = 5000;
const CHECK_VIOLATION = '23514';

const countStatement = scopedStatement(
  'count_own_tasks',
  (db, _shape: Record<never, never>, name) => db.select({ total: count() }).from(tasks).where(ownedByCaller(tasks.userId)).prepare(name),
  { aggregate: true },
);

const labelIdsStatement = scopedStatement('own_label_ids', (db, _shape: Record<never, never>, name) =>
  db
    .select({ id: labels.id, key: sql<string>`lower(${labels.name})` })
    .from(labels)
    .where(ownedByCaller(labels.userId))
    .prepare(name),
);

// The key of projects_owner_name_idx: a name matches the caller's own projects, not those shared with them.
const projectIdsStatement = scopedStatement('own_project_ids', (db, _shape: Record<never, never>, name) =>
  db
    .select({ id: projects.id, key: sql<string>`lower(${projects.name})` })
    .from(projects)
    .where(ownedByCaller(projects.ownerId))
    .prepare(name),
);

async function ownProjectIds(tx: Executor, scope: Scope): Promise<Map<string, string>> {
  return new Map((await scope.run(projectIdsStatement, {}, {}, tx)).map(({ id, key }) => [key, id] as const));
}

async function refuseOverLimit(tx: Executor, scope: Scope, adding: number): Promise<void> {
  const [row] = await scope.run(countStatement, {}, {}, tx);
  const total = (row?.total ?? 0) + adding;
  if (total > TASKS_PER_USER_MAX) {
    throw new ImportInvalid([{ path: 'tasks', message: `would make ${total} tasks; an account holds at most ${TASKS_PER_USER_MAX}` }]);
  }
}

const tooManyProjects = () => new ImportInvalid([{ path: 'projects', message: `would make more than ${PROJECTS_PER_USER_MAX} projects; delete some first` }]);

/** Names as PostgreSQL lower-cases them: the key of the name indexes (JS disagrees on a few letters). */
async function lowerCased(db: Executor, names: Iterable<string>): Promise<Map<string, string>> {
  const distinct = [...new Set(names)];
  if (distinct.length === 0) return new Map();
  const { rows } = await db.execute(sql`select n as name, lower(n) as key from unnest(${sql.param(distinct)}::text[]) as n`);
  return new Map(rows.map((row) => [String(row.name), String(row.key)]));
}

/** Each of `named` once per name case-insensitively (by `key`): the first spelling and colour. */
function firstByKey(named: Iterable<Named>, key: Map<string, string>): Map<string, Named> {
  const wanted = new Map<string, Named>();
  for (const { name, color } of named) if (!wanted.has(key.get(name)!)) wanted.set(key.get(name)!, { name, color });
  return wanted;
}

/** Every label the plan uses: the document's spelling and colour first, then the tasks' names, grey. */
function wantedLabels(plan: ImportPlan, key: Map<string, string>): Map<string, Named> {
  const fromTasks = plan.tasks.flatMap((task) => (task.labels ?? []).map((name) => ({ name, color: 'grey' })));
  return firstByKey([...plan.labels, ...fromTasks], key);
}

/** Every project the plan uses, in the order the sidebar gets them: the document's first, then the tasks' names, grey. */
function wantedProjects(plan: ImportPlan, key: Map<string, string>): Map<string, Named> {
  const fromTasks = plan.tasks.flatMap((task) => (task.project == null ? [] : [{ name: task.project, color: 'grey' }]));
  return firstByKey([...plan.projects, ...fromTasks], key);
}

function namesOf(plan: ImportPlan): string[] {
  return [
    ...plan.labels.map((label) => label.name),
    ...plan.tasks.flatMap((task) => task.labels ?? []),
    ...plan.projects.map((project) => project.name),
    ...plan.tasks.flatMap((task) => (task.project == null ? [] : [task.project])),
  ];
}

/** Creates the labels the caller lacks; how many. Over the per-user limit is a problem of the file. */
async function createMissingLabels(tx: Executor, scope: Scope, wanted: Iterable<Named>): Promise<number> {
  const rows = [...wanted].map(({ name, color }) => ({ userId: scope.userId, name, color }));
  if (rows.length === 0) return 0;
  try {
    // Names that exist (case-insensitively, labels_user_name_idx) are skipped: their spelling and colour stay.
    return (await tx.insert(labels).values(rows).onConflictDoNothing().returning({ id: labels.id })).length;
  } catch (err) {
    const constraint = (driverError(err) as { constraint?: string } | undefined)?.constraint;
    if (sqlState(err) === CHECK_VIOLATION && constraint === 'labels_per_user_limit') {
      throw new ImportInvalid([{ path: 'labels', message: `would make more than ${LABELS_PER_USER_MAX} labels; delete some first` }]);
    }
    throw err;
  }
}

/** `count` fresh positions at one end of the manual order (lib/manual-order.ts), sorted: the first is the highest. */
async function freshPositions(tx: Executor, end: SQL, count: number): Promise<string[]> {
  if (count === 0) return [];
  const { rows } = await tx.execute(sql`select ${end} as position from generate_series(1, ${count})`);
  return rows.map((row) => String(row.position)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Creates the projects the caller does not own, owned by them, at the end of their sidebar in the
 * plan's order; the ids of all their own projects by key, and how many were created. Over the
 * per-user limit is a problem of the file.
 */
async function createMissingProjects(tx: Executor, scope: Scope, wanted: Map<string, Named>): Promise<{ ids: Map<string, string>; created: number }> {
  const own = await ownProjectIds(tx, scope);
  const missing = [...wanted].filter(([key]) => !own.has(key)).map(([, { name, color }]) => ({ id: randomUUID(), ownerId: scope.userId, name, color }));
  if (missing.length === 0) return { ids: own, created: 0 };
  let inserted: Set<string>;
  try {
    // A name created meanwhile (projects_owner_name_idx) is skipped, and used as it is.
    inserted = new Set((await tx.insert(projects).values(missing).onConflictDoNothing().returning({ id: projects.id })).map(({ id }) => id));
  } catch (err) {
    const constraint = (driverError(err) as { constraint?: string } | undefined)?.constraint;
    if (sqlState(err) === CHECK_VIOLATION && constraint === 'projects_per_user_limit') throw tooManyProjects();
    throw err;
  }
  const created = missing.filter(({ id }) => inserted.has(id));
  const positions = await freshPositions(tx, BOTTOM_POSITION, created.length);
  if (created.length > 0) {
    await tx.insert(projectMembers).values(created.map(({ id }, i) => ({ projectId: id, userId: scope.userId, role: 'owner' as const, position: positions[i]! })));
  }
  return { ids: await ownProjectIds(tx, scope), created: created.length };
}

/** A column's bare name, for an INSERT's column list. */
const column = (c: { name: string }) => sql.identifier(c.name);

/** The rows an import inserts, by the plan's task index. */
interface TaskRows {
  tasks: ImportedTask[];
  ids: string[];
  positions: string[];
  projectIds: (string | null)[];
  parentIds: (string | null)[];
  now: string;
}

/**
 * One multi-row INSERT of a batch: each column's values as one array parameter, unnested into
 * rows. (Drizzle's `values([...])` built the SQL of 1,000 rows in ~300 ms of CPU, the
 * statement itself is ~14 parameters however many rows.)
 */
async function insertTaskBatch(tx: Executor, scope: Scope, rows: TaskRows, batch: number[]): Promise<void> {
  try {
    await tx.execute(taskBatchInsert(scope, rows, batch));
  } catch (err) {
    // The count trigger (drizzle/0008) is exact: creates that landed since refuseOverLimit counted.
    if (sqlState(err) === CHECK_VIOLATION && (driverError(err) as { constraint?: string } | undefined)?.constraint === 'tasks_per_user_limit') {
      throw new ImportInvalid([{ path: 'tasks', message: `would make more than ${TASKS_PER_USER_MAX} tasks; an account holds at most ${TASKS_PER_USER_MAX}` }]);
    }
    throw err;
  }
}

function taskBatchInsert(scope: Scope, rows: TaskRows, batch: number[]) {
  const values = (pick: (task: ImportedTask, i: number) => unknown) => sql.param(batch.map((i) => pick(rows.tasks[i]!, i)));
  return sql`insert into ${tasks} (${sql.join(
    [
      tasks.id,
      tasks.userId,
      tasks.projectId,
      tasks.parentId,
      tasks.title,
      tasks.description,
      tasks.completed,
      tasks.dueDate,
      tasks.dueTime,
      tasks.priority,
      tasks.repeatEvery,
      tasks.repeatInterval,
      tasks.position,
      tasks.createdAt,
    ].map(column),
    sql`, `,
  )})
    select t.id, ${scope.userId}::uuid, t.project_id, t.parent_id, t.title, t.description, t.completed, t.due_date, t.due_time, t.priority, t.repeat_every, t.repeat_interval, t.position, t.created_at
    from unnest(
      ${values((_, i) => rows.ids[i])}::uuid[], ${values((_, i) => rows.projectIds[i])}::uuid[], ${values((_, i) => rows.parentIds[i])}::uuid[],
      ${values((task) => task.title)}::text[], ${values((task) => task.description ?? null)}::text[],
      ${values((task) => task.completed ?? false)}::boolean[], ${values((task) => task.due_date ?? null)}::date[], ${values((task) => task.due_time ?? null)}::time[],
      ${values((task) => PRIORITIES.indexOf(task.priority ?? 'none'))}::smallint[], ${values((task) => task.repeat?.every ?? null)}::text[],
      ${values((task) => task.repeat?.interval ?? null)}::smallint[], ${values((_, i) => rows.positions[i])}::text[], ${values((task) => task.created_at ?? rows.now)}::timestamptz[]
    ) as t(id, project_id, parent_id, title, description, completed, due_date, due_time, priority, repeat_every, repeat_interval, position, created_at)`;
}

/**
 * Writes a valid plan inside `tx`, a transaction of the caller's scope: its projects and labels
 * (created as needed), then the tasks, on top of each list's manual order in file order, with
 * new ids, their projects and parents, and the file's `created_at` and `completed`.
 */
async function writePlan(tx: Executor, scope: Scope, plan: ImportPlan): Promise<Omit<ImportResult, 'warnings'>> {
  // The caller's imports take turns, so two at once cannot both pass the limit.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`tasks:${scope.userId}`}, 0))`);
  await refuseOverLimit(tx, scope, plan.tasks.length);

  const key = await lowerCased(tx, namesOf(plan));
  const lists = taskLists(plan, key);
  const labelsCreated = await createMissingLabels(tx, scope, wantedLabels(plan, key).values());
  const labelIds = new Map((await scope.run(labelIdsStatement, {}, {}, tx)).map(({ id, key }) => [key, id] as const));
  const { ids: projectIds, created: projectsCreated } = await createMissingProjects(tx, scope, wantedProjects(plan, key));

  // Fresh top positions, one per task, in file order: each list keeps the file's order, above the tasks it had.
  const ids = plan.tasks.map(() => randomUUID());
  const rows: TaskRows = {
    tasks: plan.tasks,
    ids,
    positions: await freshPositions(tx, TOP_POSITION, plan.tasks.length),
    projectIds: lists.map((list) => (list === null ? null : projectIds.get(list)!)),
    parentIds: plan.tasks.map((task) => (task.parent == null ? null : ids[task.parent]!)),
    now: new Date().toISOString(),
  };
  // Level by level: a subtask's parent is in by the time its row is checked (tasks_parent_fk, tasks_check_tree).
  for (const level of byLevel(plan)) {
    for (let start = 0; start < level.length; start += TASK_BATCH) await insertTaskBatch(tx, scope, rows, level.slice(start, start + TASK_BATCH));
  }
  const links = plan.tasks.flatMap((task, i) => [...new Set((task.labels ?? []).map((name) => key.get(name)!))].map((name) => [ids[i]!, labelIds.get(name)!] as const));
  for (let start = 0; start < links.length; start += LINK_BATCH) {
    const batch = links.slice(start, start + LINK_BATCH);
    await tx.execute(sql`insert into ${taskLabels} (${column(taskLabels.taskId)}, ${column(taskLabels.labelId)})
      select * from unnest(${sql.param(batch.map(([task]) => task))}::uuid[], ${sql.param(batch.map(([, label]) => label))}::uuid[])`);
  }
  return { tasks_created: plan.tasks.length, labels_created: labelsCreated, projects_created: projectsCreated };
}

type Warnings = ImportResult['warnings'];

/** Imports a valid plan, all or nothing; `warnings` (another app's file) go into the answer. */
export async function importTasks(scope: Scope, plan: ImportPlan, warnings?: Warnings): Promise<ImportResult> {
  return { ...(await scope.transaction((tx) => writePlan(tx, scope, plan))), ...(warnings && { warnings }) };
}

/** `importTasks` once per (caller, `Idempotency-Key`, file): a retry gets the first answer again. */
export async function importTasksOnce(scope: Scope, plan: ImportPlan, { key, hash, warnings }: { key: string; hash: string; warnings?: Warnings }) {
  return runOnce(scope, { route: 'POST /api/{user_id}/import', key, hash }, async (tx) => ({ ...(await writePlan(tx, scope, plan)), ...(warnings && { warnings }) }), ImportResultSchema);
}

/** What `importTasks` would create, with the same refusals, writing nothing (`?dry_run=true`). */
export async function previewImport(scope: Scope, plan: ImportPlan, warnings?: Warnings): Promise<ImportResult> {
  return scope.transaction(async (tx) => {
    await refuseOverLimit(tx, scope, plan.tasks.length);
    const key = await lowerCased(tx, namesOf(plan));
    taskLists(plan, key);
    const ownLabels = new Set((await scope.run(labelIdsStatement, {}, {}, tx)).map((label) => label.key));
    const labelsCreated = [...wantedLabels(plan, key).keys()].filter((name) => !ownLabels.has(name)).length;
    if (ownLabels.size + labelsCreated > LABELS_PER_USER_MAX) {
      throw new ImportInvalid([{ path: 'labels', message: `would make more than ${LABELS_PER_USER_MAX} labels; delete some first` }]);
    }
    const ownProjects = await ownProjectIds(tx, scope);
    const projectsCreated = [...wantedProjects(plan, key).keys()].filter((name) => !ownProjects.has(name)).length;
    if (ownProjects.size + projectsCreated > PROJECTS_PER_USER_MAX) throw tooManyProjects();
    return { tasks_created: plan.tasks.length, labels_created: labelsCreated, projects_created: projectsCreated, ...(warnings && { warnings }) };
  });
}
