import 'server-only';
import { and, asc, eq, gt, sql } from 'drizzle-orm';
import { describeDatabaseError } from '@/lib/db/errors';
import { tasks } from '@/lib/db/schema';
import { listLabelsForUser } from '@/lib/labels/queries';
import { listProjects } from '@/lib/projects/queries';
import { liveSession, scopedStatement, visibleListsInOrder, visibleTask, type Scope } from '@/lib/scope/scope';
import { taskColumns, type TaskRow } from '@/lib/tasks/rows';
import { toTaskJson } from '@/lib/tasks/responses';
import { CSV_HEADER, csvRows } from '@/lib/transfer/csv';
import { EXPORT_FORMAT, EXPORT_VERSION, taskPath, type ExportedTask, type ExportFormat } from '@/lib/transfer/schemas';

// An export streams: each list (the Inbox, then the caller's projects in sidebar order) is read
// in keyset pages of its manual order, and each page is written out before the next is read, so
// memory stays flat whatever the account's size. Pages are separate statements, not one
// snapshot: no connection is held while a slow client reads.

export const EXPORT_PAGE_SIZE = 1000;

const placeholder = sql.placeholder;

// Positions are unique per list (tasks_list_position_idx), so in a list the position alone is the key.
const pageStatement = scopedStatement('export_tasks', (db, shape: { after: boolean }, name) =>
  db
    .select(taskColumns())
    .from(tasks)
    .where(and(eq(tasks.listId, placeholder('list')), visibleTask(), shape.after ? gt(tasks.position, placeholder('after')) : undefined))
    .orderBy(asc(tasks.position))
    .limit(EXPORT_PAGE_SIZE)
    .prepare(name),
);

async function taskPage(scope: Scope, list: string, after: string | undefined): Promise<TaskRow[]> {
  return scope.run(pageStatement, { after: after !== undefined }, { list, after });
}

// Every task's index in the file is its row number in the order the pages follow; only those of
// parents are kept (qualified by hand: the subqueries have tables of their own).
const parentPlacesStatement = scopedStatement('export_parent_places', (db, _shape: Record<never, never>, name) =>
  db
    .select({ id: sql<string>`"placed"."id"`, index: sql<number>`"placed"."index"`.mapWith(Number) })
    .from(
      sql`(select "tasks"."id", row_number() over (order by "lists"."rank", "tasks"."position") - 1 as "index"
        from ${tasks} join ${visibleListsInOrder()} "lists" on "lists"."list_id" = "tasks"."list_id") "placed"`,
    )
    .where(and(sql`exists (select 1 from ${tasks} "child" where "child"."parent_id" = "placed"."id")`, liveSession()))
    .prepare(name),
);

/** The export stopped because what it had counted no longer matches what it reads. */
class ExportShifted extends Error {
  constructor() {
    super('the tasks changed while the export ran: a parent is no longer at the place counted for it');
  }
}

/**
 * Each task's `parent` as its place in the file, checked as the file is written. The places are
 * counted before the first page, and the pages are separate statements: a task added, moved or
 * deleted in between shifts them. Rather than send a file whose subtasks point at the wrong
 * tasks, the export stops (ExportShifted) once a shift reaches a place some task names: each
 * parent must be written at its counted place, and each subtask's parent in its own list.
 */
class ParentPlaces {
  #written = 0;
  #placed = 0;
  #list: string | undefined;
  #listStart = 0;
  #lowest = Infinity;
  #highest = -Infinity;

  constructor(private readonly places: Map<string, number>) {}

  /** The `parent` of the next task written. */
  next(task: TaskRow): string | null {
    if (task.listId !== this.#list) {
      this.#endList();
      this.#list = task.listId;
      this.#listStart = this.#written;
    }
    const place = this.places.get(task.id);
    if (place !== undefined) {
      if (place !== this.#written) throw new ExportShifted();
      this.#placed++;
    }
    this.#written++;
    if (task.parentId === null) return null;
    const parent = this.places.get(task.parentId);
    if (parent === undefined) throw new ExportShifted();
    this.#lowest = Math.min(this.#lowest, parent);
    this.#highest = Math.max(this.#highest, parent);
    return taskPath(parent);
  }

  /** After the last task: every parent was written, each where its subtasks say. */
  end(): void {
    this.#endList();
    if (this.#placed !== this.places.size) throw new ExportShifted();
  }

  #endList() {
    if (this.#lowest < this.#listStart || this.#highest >= this.#written) throw new ExportShifted();
    this.#lowest = Infinity;
    this.#highest = -Infinity;
  }
}

function toExportedTask(row: TaskRow, project: string | null, parent: string | null): ExportedTask {
  const { id: _id, user_id: _userId, position: _position, etag: _etag, project_id: _projectId, parent_id: _parentId, ...task } = toTaskJson(row);
  return { ...task, project, parent };
}

type Named = { name: string; color: string };

interface Writer {
  head(labels: Named[], projects: Named[], exportedAt: Date): string;
  page(tasks: ExportedTask[], first: boolean): string;
  tail: string;
}

const WRITERS: Record<ExportFormat, Writer> = {
  json: {
    head: (labels, projects, exportedAt) =>
      `{"format":${JSON.stringify(EXPORT_FORMAT)},"version":${EXPORT_VERSION},"exported_at":${JSON.stringify(exportedAt.toISOString())},"labels":${JSON.stringify(labels)},"projects":${JSON.stringify(projects)},"tasks":[`,
    page: (tasks, first) => (first ? '\n' : ',\n') + tasks.map((task) => JSON.stringify(task)).join(',\n'),
    tail: '\n]}\n',
  },
  csv: {
    head: () => CSV_HEADER,
    page: (tasks) => csvRows(tasks),
    tail: '',
  },
};

export const EXPORT_MEDIA_TYPES: Record<ExportFormat, string> = { json: 'application/json', csv: 'text/csv; charset=utf-8' };

/** `todo-export-2026-11-21.json`: the UTC date of the export. */
export function exportFileName(format: ExportFormat, exportedAt: Date): string {
  return `todo-export-${exportedAt.toISOString().slice(0, 10)}.${format}`;
}

/**
 * The caller's labels, projects and tasks (list by list, each in its manual order) as a stream
 * of the export `format`. The labels, the projects, the parents' places and the first page are
 * read before it returns, so a failure there is still an error response; a later failure ends
 * the stream early (logged once), and the truncated file does not parse.
 */
export async function exportTasks(scope: Scope, format: ExportFormat, exportedAt: Date): Promise<ReadableStream<Uint8Array>> {
  const writer = WRITERS[format];
  const ownLabels = (await listLabelsForUser(scope)).map(({ name, color }) => ({ name, color }));
  const projects = await listProjects(scope);
  // Each list's id and its project's name: the Inbox (named by the caller's id) first, then the sidebar.
  const listNames = new Map<string, string | null>([[scope.userId, null], ...projects.map((project) => [project.id, project.name] as const)]);
  const lists = [...listNames.keys()];
  const parents = new ParentPlaces(new Map((await scope.run(parentPlacesStatement, {}, {})).map(({ id, index }) => [id, index])));
  let list = 0;
  let after: string | undefined;

  /** The next page with tasks, from this list or the ones after it; none once every list is read. */
  async function nextPage(): Promise<TaskRow[]> {
    while (list < lists.length) {
      const page = await taskPage(scope, lists[list]!, after);
      if (page.length === EXPORT_PAGE_SIZE) after = page.at(-1)!.position;
      else {
        list++;
        after = undefined;
      }
      if (page.length > 0) return page;
    }
    return [];
  }

  // A page holds the tasks of one of `lists`.
  const exported = (row: TaskRow) => toExportedTask(row, listNames.get(row.listId)!, parents.next(row));

  let firstPage: TaskRow[] | undefined = await nextPage();
  const encoder = new TextEncoder();
  let noneWritten = true;
  let done = false;
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        const named = projects.map(({ name, color }) => ({ name, color }));
        controller.enqueue(encoder.encode(writer.head(ownLabels, named, exportedAt)));
      },
      // Called when the consumer wants more: one page per call, read here and dropped before the
      // next, so only the page being written (and the bytes not yet sent) are in memory.
      async pull(controller) {
        if (done) return;
        try {
          const page = firstPage ?? (await nextPage());
          firstPage = undefined;
          if (done) return;
          if (page.length > 0) {
            controller.enqueue(encoder.encode(writer.page(page.map(exported), noneWritten)));
            noneWritten = false;
          }
          if (list === lists.length) {
            parents.end();
            done = true;
            if (writer.tail) controller.enqueue(encoder.encode(writer.tail));
            controller.close();
          }
        } catch (err) {
          // After a cancel (the client went away) there is nobody to tell.
          if (done) return;
          done = true;
          console.error(`[export] the stream stopped early: ${describeDatabaseError(err)}`);
          controller.error(err);
        }
      },
      cancel() {
        done = true;
      },
    },
    // Nothing is read ahead of the consumer.
    { highWaterMark: 0 },
  );
}
