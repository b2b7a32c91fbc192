import 'server-only';
import { z } from 'zod';
import { LabelColor, LabelName } from '@/lib/labels/schemas';
import { IMPORT_MAX_BYTES, LABELS_PER_USER_MAX, PROJECTS_PER_USER_MAX, TASK_LEVELS_MAX, TASKS_PER_USER_MAX } from '@/lib/limits';
import { ProjectName } from '@/lib/projects/schemas';
import { CreateTaskBody, IdempotencyKeyHeader, queryBoolean, TaskSchema } from '@/lib/tasks/schemas';

// What export produces and import takes: the JSON document (format "todo-export", version 1)
// and the CSV's columns. The routes validate with these schemas and lib/openapi/transfer.ts
// documents them. Projects and subtasks (v3) only add fields, so a v2 file still imports and a
// v2 client still reads an export: the version stays 1.

export { IMPORT_MAX_BYTES, TASKS_PER_USER_MAX };

export const EXPORT_FORMAT = 'todo-export';
export const EXPORT_VERSION = 1;

/** The CSV's columns, in the order export writes them: v3 appended `project` and `parent`. */
export const CSV_COLUMNS = ['title', 'description', 'completed', 'due_date', 'due_time', 'priority', 'labels', 'repeat', 'created_at', 'project', 'parent'] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

/** A task's place in the file, as `parent` names it: `tasks[12]`, the 0-based index in `tasks`. */
const TASK_PATH = /^tasks\[(0|[1-9]\d{0,8})\]$/;

export const taskPath = (index: number) => `tasks[${index}]`;

/** The index a valid `tasks[i]` names. */
export const taskIndex = (path: string) => Number(path.slice('tasks['.length, -1));

export const ExportQuery = z
  .object({
    format: z.enum(['json', 'csv']).default('json').meta({ description: '`json` (the default): the export document; `csv`: one row per task.' }),
  })
  .meta({ id: 'ExportQuery' });

export type ExportFormat = z.output<typeof ExportQuery>['format'];

/**
 * A task in an export: the task without its ids and `position` (ids mean nothing in another
 * account, and the order of the file is the manual order), placed by `project` and `parent`.
 */
export const ExportedTaskSchema = TaskSchema.omit({ id: true, user_id: true, position: true, etag: true, project_id: true, parent_id: true })
  .extend({
    project: z.string().nullable().meta({ description: "The name of the task's project (one of `projects`); null: the Inbox." }),
    parent: z
      .string()
      .nullable()
      .meta({ description: 'The task this is a subtask of, as its place in this file (`tasks[3]`: the fourth task); null for a top-level task.', examples: ['tasks[3]'] }),
  })
  .meta({
    id: 'ExportedTask',
    description: 'A task without id, user_id, position, etag, project_id and parent_id: the file is in the manual order, and `project` and `parent` place the task.',
  });

export type ExportedTask = z.output<typeof ExportedTaskSchema>;

export const ExportDocumentSchema = z
  .object({
    format: z.literal(EXPORT_FORMAT),
    version: z.literal(EXPORT_VERSION),
    exported_at: z.iso.datetime(),
    labels: z.array(z.object({ name: z.string(), color: LabelColor })).meta({ description: "All of the caller's labels, by name case-insensitively." }),
    projects: z
      .array(z.object({ name: z.string(), color: LabelColor }))
      .meta({
        description:
          'The projects the caller is a member of, in their sidebar order. Projects of different owners may share a name: an import, which goes by name, puts their tasks into one project.',
      }),
    tasks: z.array(ExportedTaskSchema).meta({
      description: "Every task of the caller's lists, list by list: the Inbox, then each project in sidebar order; each list in its manual order, top first.",
    }),
  })
  .meta({ id: 'ExportDocument', description: "The caller's labels, projects and the tasks of every list they see." });

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

// A create's ids name nothing in a file from another account; `project` and `parent` place the
// task instead. (`.omit()` refuses a schema with refinements, so the fields are overridden.)
const IgnoredId = z
  .string()
  .nullable()
  .transform(() => undefined)
  .optional()
  .meta({ description: 'Ignored: ids mean nothing in another account; `project` and `parent` place the task.' });

export const ImportedTaskSchema = CreateTaskBody.safeExtend({
  created_at: Instant.optional().meta({ description: 'When the task was created (an instant between years 1 and 9999 UTC, kept to the millisecond); now when left out.' }),
  project_id: IgnoredId,
  parent_id: IgnoredId,
  project: ProjectName.nullable()
    .optional()
    .meta({
      description:
        "The name of the task's project: one the caller owns (case-insensitively), else a new one, at the end of their sidebar. null or left out: the Inbox, or for a subtask its parent's project.",
    }),
  parent: z
    .string()
    // A refinement, not a regex: the OpenAPI document spells no number as a string pattern; the description gives the form.
    .refine((path) => TASK_PATH.test(path), 'must be tasks[i]: the place of another task in this file')
    .transform(taskIndex)
    .nullable()
    .optional()
    .meta({
      description: `The task this is a subtask of, as its place in this file (\`tasks[3]\`: the fourth task), in the same project; at most ${TASK_LEVELS_MAX} levels, no cycles. null or left out: a top-level task.`,
      examples: ['tasks[3]'],
    }),
}).meta({
  id: 'ImportedTask',
  description:
    "A task to import: a create's fields (its ids ignored), created_at, and its place: project and parent. Other fields (id, user_id, position, updated_at) are ignored; the order of each list is kept.",
});

export type ImportedTask = z.output<typeof ImportedTaskSchema>;

export const ImportedLabelSchema = z.object({
  name: LabelName,
  color: LabelColor.default('grey'),
});

export const ImportedProjectSchema = z.object({
  name: ProjectName,
  color: LabelColor.default('grey'),
});

/** The document an import takes; `tasks` are validated one by one (see lib/transfer/import.ts), this is the envelope. */
export const ImportEnvelope = z.object({
  format: z.literal(EXPORT_FORMAT, `must be "${EXPORT_FORMAT}"`),
  version: z.literal(EXPORT_VERSION, `must be ${EXPORT_VERSION}`),
  labels: z.array(ImportedLabelSchema).max(LABELS_PER_USER_MAX).default([]),
  projects: z.array(ImportedProjectSchema).default([]),
  tasks: z.array(z.unknown()),
});

/** The import document as OpenAPI shows it: the envelope with its tasks spelled out. */
export const ImportDocumentSchema = ImportEnvelope.extend({
  labels: ImportEnvelope.shape.labels.meta({
    description: 'Labels to create when the caller has none of that name (case-insensitively), with their colours. An existing label keeps its colour.',
  }),
  projects: ImportEnvelope.shape.projects.meta({
    description: `Projects to create when the caller owns none of that name (case-insensitively), with their colours, at the end of their sidebar in this order. An existing one keeps its colour. At most ${PROJECTS_PER_USER_MAX} owned projects per user in all.`,
  }),
  tasks: z.array(ImportedTaskSchema).meta({ description: `In the order they should take, top first. At most ${TASKS_PER_USER_MAX} tasks per account in all.` }),
}).meta({ id: 'ImportDocument', description: 'An export document (exported_at is ignored).' });

export const IMPORT_SOURCES = ['todoist', 'ticktick', 'google-tasks'] as const;
export type ImportSource = (typeof IMPORT_SOURCES)[number];

export const ImportQuery = z
  .object({
    dry_run: queryBoolean()
      .optional()
      .meta({ description: '`true`: validate the file and answer `200` with what the import would create, writing nothing.' }),
    from: z
      .enum(IMPORT_SOURCES, `must be one of ${IMPORT_SOURCES.join(', ')}`)
      .optional()
      .meta({
        description:
          "Another app's file instead of this app's export: `todoist` (a project's CSV, `text/csv`, or a zip of several, `application/zip`), `ticktick` (its backup CSV, `text/csv`), `google-tasks` (Takeout's `Tasks.json`, `application/json`, or the Takeout zip holding it). What cannot be carried over exactly is imported as well as it can be and listed in `warnings`.",
      }),
    project: ProjectName.optional().meta({
      description: 'With `from=todoist` and a single CSV: the name of the project its tasks go to (default "Imported from Todoist"); one of the caller\'s own by that name is used.',
      examples: ['Groceries'],
    }),
  })
  .meta({ id: 'ImportQuery' });

export const ImportHeaders = z.object({ 'idempotency-key': IdempotencyKeyHeader.optional() });

export const ImportResultSchema = z
  .object({
    tasks_created: z.int().min(0),
    labels_created: z.int().min(0).meta({ description: 'Labels the caller did not have (by name, case-insensitively).' }),
    // An answer stored for an Idempotency-Key before projects existed replays as 0, which it was.
    projects_created: z
      .int()
      .min(0)
      .default(0)
      .meta({ description: 'Projects the caller did not own (by name, case-insensitively).' }),
    warnings: z
      .array(z.object({ path: z.string(), message: z.string() }))
      .optional()
      .meta({ description: "With `from`: what the other app's file held that could not be carried over exactly, with its place (`row 13`, `Groceries.csv: row 4`, or a JSON path such as `items[0].items[3]`)." }),
  })
  .meta({ id: 'ImportResult', examples: [{ tasks_created: 120, labels_created: 3, projects_created: 2 }] });

export type ImportResult = z.output<typeof ImportResultSchema>;
