import 'server-only';
import { createHash, randomUUID } from 'node:crypto';
import { count, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Executor } from '@/lib/db';
import { driverError, sqlState } from '@/lib/db/errors';
import { labels, taskLabels, tasks, TOP_POSITION } from '@/lib/db/schema';
import { mediaTypeOf, readBodyChunks, readJsonBody } from '@/lib/http/body';
import { HttpError } from '@/lib/http/problem';
import { requestHash, runOnce } from '@/lib/idempotency/run-once';
import { LABELS_PER_USER_MAX, PRIORITIES } from '@/lib/limits';
import { ownedByCaller, scopedStatement, type Scope } from '@/lib/scope/scope';
import { labelNames, readCsvRows, unescapeFormula, type CsvRow, type CsvSyntaxError } from '@/lib/transfer/csv';
import { IMPORT_ERRORS_MAX, ImportInvalid } from '@/lib/transfer/errors';
import {
  IMPORT_MAX_BYTES,
  ImportedTaskSchema,
  ImportEnvelope,
  ImportResultSchema,
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

/** What a valid file creates: its tasks in file order, and the labels it names with their colours. */
export interface ImportPlan {
  tasks: ImportedTask[];
  labels: { name: string; color: string }[];
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

function jsonPlan(body: unknown): ImportPlan {
  const problems = new Problems();
  const envelope = ImportEnvelope.safeParse(body);
  if (!envelope.success) {
    addIssues(problems, envelope.error, jsonPath);
    problems.throwIfAny();
  }
  const { labels: documentLabels, tasks: items } = envelope.data!;
  const planned: ImportedTask[] = [];
  items.forEach((item, i) => {
    const task = ImportedTaskSchema.safeParse(item);
    if (task.success) planned.push(task.data);
    else addIssues(problems, task.error, (path) => jsonPath(['tasks', i, ...path]));
  });
  problems.throwIfAny();
  return { tasks: planned, labels: documentLabels };
}

const REPEAT_CELL = /^([a-z]+)(?:\/(\d+))?$/i;

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
  };
  const completed = cell('completed')?.toLowerCase();
  if (completed === 'true' || completed === 'false') task.completed = completed === 'true';
  else if (completed !== undefined) problem('completed', 'must be true or false');
  const repeat = cell('repeat');
  const rule = repeat === undefined ? undefined : REPEAT_CELL.exec(repeat);
  if (rule) task.repeat = { every: rule[1]!.toLowerCase(), interval: rule[2] === undefined ? 1 : Number(rule[2]) };
  else if (repeat !== undefined) problem('repeat', 'must be a unit with an optional interval, such as week or week/2');
  return task;
}

function csvPlan(file: Extract<ImportFile, { kind: 'csv' }>): ImportPlan {
  const problems = new Problems();
  if (!file.header.includes('title')) {
    problems.add({ path: 'row 1', message: `the header must name a title column (export's header: title,description,completed,…)` });
    problems.throwIfAny();
  }
  const planned: ImportedTask[] = [];
  for (const { row, cells } of file.rows) {
    const at = (column: string) => `row ${row}: ${column}`;
    let rowHasProblems = false;
    const candidate = csvTask(cells, (column, message) => {
      rowHasProblems = true;
      problems.add({ path: at(column), message });
    });
    const task = ImportedTaskSchema.safeParse(candidate);
    if (!task.success) addIssues(problems, task.error, (path) => at(String(path[0] ?? 'row')));
    else if (!rowHasProblems) planned.push(task.data);
  }
  if (file.syntaxError) problems.add({ path: `row ${file.syntaxError.row}`, message: file.syntaxError.message });
  problems.throwIfAny();
  return { tasks: planned, labels: [] };
}

/** The tasks and labels a file would create, or `ImportInvalid` listing each problem with its place. */
export function importPlan(file: ImportFile): ImportPlan {
  return file.kind === 'json' ? jsonPlan(file.body) : csvPlan(file);
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

async function refuseOverLimit(tx: Executor, scope: Scope, adding: number): Promise<void> {
  const [row] = await scope.run(countStatement, {}, {}, tx);
  const total = (row?.total ?? 0) + adding;
  if (total > TASKS_PER_USER_MAX) {
    throw new ImportInvalid([{ path: 'tasks', message: `would make ${total} tasks; an account holds at most ${TASKS_PER_USER_MAX}` }]);
  }
}

/** Label names as PostgreSQL lower-cases them: the key of labels_user_name_idx (JS disagrees on a few letters). */
async function lowerCased(db: Executor, names: Iterable<string>): Promise<Map<string, string>> {
  const distinct = [...new Set(names)];
  if (distinct.length === 0) return new Map();
  const { rows } = await db.execute(sql`select n as name, lower(n) as key from unnest(${sql.param(distinct)}::text[]) as n`);
  return new Map(rows.map((row) => [String(row.name), String(row.key)]));
}

/**
 * Every label the plan uses, once per name case-insensitively (by `key`): the document's
 * spelling and colour first, then the tasks' names, grey.
 */
function wantedLabels(plan: ImportPlan, key: Map<string, string>): Map<string, { name: string; color: string }> {
  const wanted = new Map<string, { name: string; color: string }>();
  const add = (name: string, color: string) => {
    if (!wanted.has(key.get(name)!)) wanted.set(key.get(name)!, { name, color });
  };
  for (const label of plan.labels) add(label.name, label.color);
  for (const task of plan.tasks) for (const name of task.labels ?? []) add(name, 'grey');
  return wanted;
}

function labelNamesOf(plan: ImportPlan): string[] {
  return [...plan.labels.map((label) => label.name), ...plan.tasks.flatMap((task) => task.labels ?? [])];
}

/** Creates the labels the caller lacks; how many. Over the per-user limit is a problem of the file. */
async function createMissingLabels(tx: Executor, scope: Scope, wanted: Iterable<{ name: string; color: string }>): Promise<number> {
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

/** A column's bare name, for an INSERT's column list. */
const column = (c: { name: string }) => sql.identifier(c.name);

/**
 * One multi-row INSERT of a batch: each column's values as one array parameter, unnested into
 * rows. (Drizzle's `values([...])` built the SQL of 1,000 rows in ~300 ms of CPU, the
 * statement itself is ~12 parameters however many rows.)
 */
async function insertTaskBatch(tx: Executor, scope: Scope, batch: ImportedTask[], ids: string[], positions: string[], now: string): Promise<void> {
  try {
    await tx.execute(taskBatchInsert(scope, batch, ids, positions, now));
  } catch (err) {
    // The count trigger (drizzle/0008) is exact: creates that landed since refuseOverLimit counted.
    if (sqlState(err) === CHECK_VIOLATION && (driverError(err) as { constraint?: string } | undefined)?.constraint === 'tasks_per_user_limit') {
      throw new ImportInvalid([{ path: 'tasks', message: `would make more than ${TASKS_PER_USER_MAX} tasks; an account holds at most ${TASKS_PER_USER_MAX}` }]);
    }
    throw err;
  }
}

function taskBatchInsert(scope: Scope, batch: ImportedTask[], ids: string[], positions: string[], now: string) {
  const values = (pick: (task: ImportedTask, i: number) => unknown) => sql.param(batch.map(pick));
  return sql`insert into ${tasks} (${sql.join(
    [tasks.id, tasks.userId, tasks.title, tasks.description, tasks.completed, tasks.dueDate, tasks.dueTime, tasks.priority, tasks.repeatEvery, tasks.repeatInterval, tasks.position, tasks.createdAt].map(column),
    sql`, `,
  )})
    select t.id, ${scope.userId}::uuid, t.title, t.description, t.completed, t.due_date, t.due_time, t.priority, t.repeat_every, t.repeat_interval, t.position, t.created_at
    from unnest(
      ${values((_, i) => ids[i])}::uuid[], ${values((task) => task.title)}::text[], ${values((task) => task.description ?? null)}::text[],
      ${values((task) => task.completed ?? false)}::boolean[], ${values((task) => task.due_date ?? null)}::date[], ${values((task) => task.due_time ?? null)}::time[],
      ${values((task) => PRIORITIES.indexOf(task.priority ?? 'none'))}::smallint[], ${values((task) => task.repeat?.every ?? null)}::text[],
      ${values((task) => task.repeat?.interval ?? null)}::smallint[], ${values((_, i) => positions[i])}::text[], ${values((task) => task.created_at ?? now)}::timestamptz[]
    ) as t(id, title, description, completed, due_date, due_time, priority, repeat_every, repeat_interval, position, created_at)`;
}

/**
 * Writes a valid plan inside `tx`, a transaction of the caller's scope: the tasks, on top of the
 * manual order in file order, with new ids and the file's `created_at` and `completed`, and
 * their labels (created as needed).
 */
async function writePlan(tx: Executor, scope: Scope, plan: ImportPlan): Promise<ImportResult> {
  // The caller's imports take turns, so two at once cannot both pass the limit.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`tasks:${scope.userId}`}, 0))`);
  await refuseOverLimit(tx, scope, plan.tasks.length);

  const key = await lowerCased(tx, labelNamesOf(plan));
  const wanted = wantedLabels(plan, key);
  const labelsCreated = await createMissingLabels(tx, scope, wanted.values());
  const labelIds = new Map((await scope.run(labelIdsStatement, {}, {}, tx)).map(({ id, key }) => [key, id] as const));

  // Fresh top positions, one per task; sorted, the first goes to the file's first task.
  const { rows: fresh } = await tx.execute(sql`select ${TOP_POSITION} as position from generate_series(1, ${plan.tasks.length})`);
  const positions = fresh.map((row) => String(row.position)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

  const now = new Date().toISOString();
  const ids = plan.tasks.map(() => randomUUID());
  const links = plan.tasks.flatMap((task, i) => [...new Set((task.labels ?? []).map((name) => key.get(name)!))].map((name) => [ids[i]!, labelIds.get(name)!] as const));
  for (let start = 0; start < plan.tasks.length; start += TASK_BATCH) {
    await insertTaskBatch(tx, scope, plan.tasks.slice(start, start + TASK_BATCH), ids.slice(start), positions.slice(start), now);
  }
  for (let start = 0; start < links.length; start += LINK_BATCH) {
    const batch = links.slice(start, start + LINK_BATCH);
    await tx.execute(sql`insert into ${taskLabels} (${column(taskLabels.taskId)}, ${column(taskLabels.labelId)})
      select * from unnest(${sql.param(batch.map(([task]) => task))}::uuid[], ${sql.param(batch.map(([, label]) => label))}::uuid[])`);
  }
  return { tasks_created: plan.tasks.length, labels_created: labelsCreated };
}

/** Imports a valid plan, all or nothing. */
export async function importTasks(scope: Scope, plan: ImportPlan): Promise<ImportResult> {
  return scope.transaction((tx) => writePlan(tx, scope, plan));
}

/** `importTasks` once per (caller, `Idempotency-Key`, file): a retry gets the first answer again. */
export async function importTasksOnce(scope: Scope, plan: ImportPlan, { key, hash }: { key: string; hash: string }) {
  return runOnce(scope, { route: 'POST /api/{user_id}/import', key, hash }, (tx) => writePlan(tx, scope, plan), ImportResultSchema);
}

/** What `importTasks` would create, with the same refusals, writing nothing (`?dry_run=true`). */
export async function previewImport(scope: Scope, plan: ImportPlan): Promise<ImportResult> {
  return scope.transaction(async (tx) => {
    await refuseOverLimit(tx, scope, plan.tasks.length);
    const own = (await scope.run(labelIdsStatement, {}, {}, tx)).map((label) => label.key);
    const key = await lowerCased(tx, labelNamesOf(plan));
    const existing = new Set(own);
    const labelsCreated = [...wantedLabels(plan, key).keys()].filter((name) => !existing.has(name)).length;
    if (existing.size + labelsCreated > LABELS_PER_USER_MAX) {
      throw new ImportInvalid([{ path: 'labels', message: `would make more than ${LABELS_PER_USER_MAX} labels; delete some first` }]);
    }
    return { tasks_created: plan.tasks.length, labels_created: labelsCreated };
  });
}
