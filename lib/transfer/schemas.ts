import 'server-only';
import { z } from 'zod';
import { LabelColor, LabelName } from '@/lib/labels/schemas';
import { IMPORT_MAX_BYTES, LABELS_PER_USER_MAX, TASKS_PER_USER_MAX } from '@/lib/limits';
import { CreateTaskBody, IdempotencyKeyHeader, queryBoolean, TaskSchema } from '@/lib/tasks/schemas';

// What export produces and import takes: the JSON document (format "todo-export", version 1)
// and the CSV's columns. The routes validate with these schemas and lib/openapi/transfer.ts
// documents them.

export { IMPORT_MAX_BYTES, TASKS_PER_USER_MAX };

export const EXPORT_FORMAT = 'todo-export';
export const EXPORT_VERSION = 1;

/** The CSV's columns, in the order export writes them. */
export const CSV_COLUMNS = ['title', 'description', 'completed', 'due_date', 'due_time', 'priority', 'labels', 'repeat', 'created_at'] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

export const ExportQuery = z
  .object({
    format: z.enum(['json', 'csv']).default('json').meta({ description: '`json` (the default): the export document; `csv`: one row per task.' }),
  })
  .meta({ id: 'ExportQuery' });

export type ExportFormat = z.output<typeof ExportQuery>['format'];

/** A task in an export: the task without `id`, `user_id` and `position` (the order of the list is the manual order). */
export const ExportedTaskSchema = TaskSchema.omit({ id: true, user_id: true, position: true, etag: true }).meta({
  id: 'ExportedTask',
  description: 'A task without id, user_id, position and etag: the list itself is in the manual order.',
});

export type ExportedTask = z.output<typeof ExportedTaskSchema>;

export const ExportDocumentSchema = z
  .object({
    format: z.literal(EXPORT_FORMAT),
    version: z.literal(EXPORT_VERSION),
    exported_at: z.iso.datetime(),
    labels: z.array(z.object({ name: z.string(), color: LabelColor })).meta({ description: "All of the caller's labels, by name case-insensitively." }),
    tasks: z.array(ExportedTaskSchema).meta({ description: 'In the manual order, top first.' }),
  })
  .meta({ id: 'ExportDocument', description: "All of the caller's tasks and labels." });

export type ExportDocument = z.output<typeof ExportDocumentSchema>;

/**
 * A task as an import takes it: what a create takes, plus `created_at` from the file (now when
 * left out). `completed` is stored as given: an imported repeating task is not moved on.
 */
// The instants a timestamp may hold: years 1 to 9999 in UTC.
const EARLIEST = new Date('0001-01-01T00:00:00.000Z').getTime();
const LATEST = new Date('9999-12-31T23:59:59.999Z').getTime();

/**
 * An ISO 8601 instant with any offset, kept to the millisecond (as stored), in UTC: so that it
 * reads back exactly as it was written.
 */
const Instant = z.iso
  .datetime({ offset: true })
  .refine((text) => {
    const ms = new Date(text).getTime();
    return ms >= EARLIEST && ms <= LATEST;
  }, 'must be between 0001-01-01T00:00:00Z and 9999-12-31T23:59:59.999Z')
  .transform((text) => new Date(text).toISOString());

export const ImportedTaskSchema = CreateTaskBody.safeExtend({
  created_at: Instant.optional().meta({ description: 'When the task was created (an instant between years 1 and 9999 UTC, kept to the millisecond); now when left out.' }),
}).meta({
  id: 'ImportedTask',
  description: 'A task to import: the fields of a create, and created_at. Other fields (id, user_id, position, updated_at) are ignored; the order of the list is kept.',
});

export type ImportedTask = z.output<typeof ImportedTaskSchema>;

export const ImportedLabelSchema = z.object({
  name: LabelName,
  color: LabelColor.default('grey'),
});

/** The document an import takes; `tasks` are validated one by one (see lib/transfer/import.ts), this is the envelope. */
export const ImportEnvelope = z.object({
  format: z.literal(EXPORT_FORMAT, `must be "${EXPORT_FORMAT}"`),
  version: z.literal(EXPORT_VERSION, `must be ${EXPORT_VERSION}`),
  labels: z.array(ImportedLabelSchema).max(LABELS_PER_USER_MAX).default([]),
  tasks: z.array(z.unknown()),
});

/** The import document as OpenAPI shows it: the envelope with its tasks spelled out. */
export const ImportDocumentSchema = ImportEnvelope.extend({
  labels: ImportEnvelope.shape.labels.meta({
    description: 'Labels to create when the caller has none of that name (case-insensitively), with their colours. An existing label keeps its colour.',
  }),
  tasks: z.array(ImportedTaskSchema).meta({ description: `In the order they should take, top first. At most ${TASKS_PER_USER_MAX} tasks per account in all.` }),
}).meta({ id: 'ImportDocument', description: 'An export document (exported_at is ignored).' });

export const ImportQuery = z
  .object({
    dry_run: queryBoolean()
      .optional()
      .meta({ description: '`true`: validate the file and answer `200` with what the import would create, writing nothing.' }),
  })
  .meta({ id: 'ImportQuery' });

export const ImportHeaders = z.object({ 'idempotency-key': IdempotencyKeyHeader.optional() });

export const ImportResultSchema = z
  .object({
    tasks_created: z.int().min(0),
    labels_created: z.int().min(0).meta({ description: 'Labels the caller did not have (by name, case-insensitively).' }),
  })
  .meta({ id: 'ImportResult', examples: [{ tasks_created: 120, labels_created: 3 }] });

export type ImportResult = z.output<typeof ImportResultSchema>;
