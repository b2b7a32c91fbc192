import 'server-only';
import { and, asc, getTableColumns, gt, sql } from 'drizzle-orm';
import { describeDatabaseError } from '@/lib/db/errors';
import { tasks } from '@/lib/db/schema';
import { listLabelsForUser } from '@/lib/labels/queries';
import { ownedByCaller, scopedStatement, type Scope } from '@/lib/scope/scope';
import { taskLabelNames, type TaskRow } from '@/lib/tasks/rows';
import { toTaskJson } from '@/lib/tasks/responses';
import { CSV_HEADER, csvRows } from '@/lib/transfer/csv';
import { EXPORT_FORMAT, EXPORT_VERSION, type ExportedTask, type ExportFormat } from '@/lib/transfer/schemas';

// An export streams: the tasks are read in keyset pages of the manual order and each page is
// written out before the next is read, so memory stays flat whatever the account's size. Pages
// are separate statements, not one snapshot: no connection is held while a slow client reads.

export const EXPORT_PAGE_SIZE = 1000;

const placeholder = sql.placeholder;

// Positions are unique per user (tasks_user_position_idx), so the position alone is the key.
const pageStatement = scopedStatement('export_tasks', (db, shape: { after: boolean }, name) =>
  db
    .select({ ...getTableColumns(tasks), labels: taskLabelNames })
    .from(tasks)
    .where(and(ownedByCaller(tasks.userId), shape.after ? gt(tasks.position, placeholder('after')) : undefined))
    .orderBy(asc(tasks.position))
    .limit(EXPORT_PAGE_SIZE)
    .prepare(name),
);

async function taskPage(scope: Scope, after: string | undefined): Promise<TaskRow[]> {
  return scope.run(pageStatement, { after: after !== undefined }, { after });
}

function toExportedTask(row: TaskRow): ExportedTask {
  const { id: _id, user_id: _userId, position: _position, etag: _etag, ...task } = toTaskJson(row);
  return task;
}

interface Writer {
  head(labels: { name: string; color: string }[], exportedAt: Date): string;
  page(tasks: ExportedTask[], first: boolean): string;
  tail: string;
}

const WRITERS: Record<ExportFormat, Writer> = {
  json: {
    head: (labels, exportedAt) =>
      `{"format":${JSON.stringify(EXPORT_FORMAT)},"version":${EXPORT_VERSION},"exported_at":${JSON.stringify(exportedAt.toISOString())},"labels":${JSON.stringify(labels)},"tasks":[`,
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
 * The caller's labels and tasks (in the manual order) as a stream of the export `format`. The
 * labels and the first page are read before it returns, so a failure there is still an error
 * response; a later page that fails ends the stream early (logged once), and the truncated file
 * does not parse.
 */
export async function exportTasks(scope: Scope, format: ExportFormat, exportedAt: Date): Promise<ReadableStream<Uint8Array>> {
  const writer = WRITERS[format];
  const ownLabels = (await listLabelsForUser(scope)).map(({ name, color }) => ({ name, color }));
  let firstPage: TaskRow[] | undefined = await taskPage(scope, undefined);

  const encoder = new TextEncoder();
  let after: string | undefined;
  let done = false;
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        controller.enqueue(encoder.encode(writer.head(ownLabels, exportedAt)));
      },
      // Called when the consumer wants more: one page per call, read here and dropped before the
      // next, so only the page being written (and the bytes not yet sent) are in memory.
      async pull(controller) {
        if (done) return;
        try {
          const page = firstPage ?? (await taskPage(scope, after));
          firstPage = undefined;
          if (done) return;
          if (page.length > 0) {
            controller.enqueue(encoder.encode(writer.page(page.map(toExportedTask), after === undefined)));
            after = page.at(-1)!.position;
          }
          if (page.length < EXPORT_PAGE_SIZE) {
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
