import 'server-only';
import { PROJECTS_PER_USER_MAX, TASK_LEVELS_MAX } from '@/lib/limits';
import {
  CSV_COLUMNS,
  ExportDocumentSchema,
  ExportQuery,
  IMPORT_MAX_BYTES,
  ImportDocumentSchema,
  ImportResultSchema,
  TASKS_PER_USER_MAX,
} from '@/lib/transfer/schemas';
import { errors, JSON_TYPE, NO_STORE, problem, ref } from '@/lib/openapi/shared';

// Export and import in the OpenAPI document: their paths, and the zod schemas document.ts turns
// into components (requests as clients send them, responses as the server writes them).

export const transferRequestSchemas = { ImportDocument: ImportDocumentSchema };
export const transferResponseSchemas = { ExportDocument: ExportDocumentSchema, ImportResult: ImportResultSchema };

const MIB = IMPORT_MAX_BYTES / (1024 * 1024);
const CSV_HEADER = CSV_COLUMNS.join(',');

const CSV_FORMAT = `\`text/csv\` (RFC 4180, UTF-8, CRLF), one row per task under the header \`${CSV_HEADER}\`: \`labels\` joined with \`;\` (a \`;\` or \`\\\` inside a name escaped with \`\\\`, so every name reads back as it was), \`repeat\` as \`week\` or \`week/2\` (every/interval), \`project\` the project's name (empty: the Inbox), \`parent\` the row of the task's parent as \`row 5\` (the header is row 1), empty cells for null. A cell that begins with \`=\`, \`+\`, \`-\`, \`@\`, tab or carriage return (optionally after quotes) gets a leading \`'\` so that spreadsheets show it as text; import takes that quote off again.`;

export const transferPaths = {
  '/api/{user_id}/export': {
    parameters: [ref('parameters', 'UserId')],
    get: {
      operationId: 'exportTasks',
      tags: ['Tasks'],
      summary: 'Export all tasks, labels and projects',
      description: `A download of the caller's labels, projects (those they are a member of, in their sidebar order, by name) and the tasks of those lists: the Inbox first, then each project in sidebar order, each list in its manual order. A subtask names its parent by its place in the file. It streams, page by page of each list, so an account of any size exports in constant memory; a task moved while the export runs may appear at its old or its new place, and a change that would make a subtask's \`parent\` point at another task stops the download (the file is cut short: retry). JSON: \`ExportDocument\`. CSV: ${CSV_FORMAT}`,
      parameters: [
        { name: 'format', in: 'query', required: false, description: ExportQuery.shape.format.description, schema: { type: 'string', enum: ExportQuery.shape.format.unwrap().options, default: 'json' } },
      ],
      responses: {
        '200': {
          description: 'The export, as an attachment named `todo-export-YYYY-MM-DD.json` (or `.csv`), the date in UTC.',
          headers: {
            'Content-Disposition': { description: '`attachment; filename="todo-export-2026-11-21.json"`', schema: { type: 'string' } },
            ...NO_STORE,
          },
          content: {
            [JSON_TYPE]: { schema: ref('schemas', 'ExportDocument') },
            'text/csv': {
              schema: { type: 'string' },
              example: `${CSV_HEADER}\r\nPay rent,,false,2026-12-01,09:00,high,home;money,month,2026-11-21T23:10:00.000Z,,\r\nPaint the fence,,false,,,none,,,2026-11-21T23:12:00.000Z,Garden,\r\nBuy paint,,false,,,low,,,2026-11-21T23:13:00.000Z,Garden,row 3\r\n`,
            },
          },
        },
        ...errors('Unauthorized', 'Forbidden', 'ContentTooLarge', 'ValidationFailed', 'InternalError', 'ServiceUnavailable'),
      },
    },
  },
  '/api/{user_id}/import': {
    parameters: [ref('parameters', 'UserId')],
    post: {
      operationId: 'importTasks',
      tags: ['Tasks'],
      summary: 'Import tasks, labels and projects from an export, or from Todoist, TickTick or Google Tasks',
      description: `Adds the file's tasks on top of each list's manual order, in file order, with new ids; \`created_at\` and \`completed\` come from the file (a completed repeating task is not moved on). Labels are created as needed: from the JSON document's \`labels\` with their colours, and from the tasks' label names (grey); a label the caller already has (by name, case-insensitively) is used as it is. Projects likewise: a task's \`project\` names one of the caller's own projects (case-insensitively), used as it is, or a new one, owned by the caller at the end of their sidebar (the JSON document's \`projects\` give colours and order; other names are grey). A task with a \`parent\` and no \`project\` goes to its parent's list; a \`parent\` must be another task of the file, in the same project, with no cycle and at most ${TASK_LEVELS_MAX} levels. A file without projects or parents (v2) imports into the Inbox as before. All or nothing, in one transaction: any problem answers \`422\` listing each with its place, and nothing is stored. At most ${TASKS_PER_USER_MAX} tasks per account in all. CSV: ${CSV_FORMAT} Columns are found by their header (\`title\` is required, unknown ones are ignored); rows are numbered as a spreadsheet shows them, the header being row 1.`,
      parameters: [
        {
          name: 'dry_run',
          in: 'query',
          required: false,
          description: '`true`: check the file as an import would and answer `200` with what it would create; nothing is written, and `Idempotency-Key` is not used.',
          schema: { type: 'boolean' },
        },
        {
          name: 'from',
          in: 'query',
          required: false,
          description:
            "Another app's file: `todoist` (a project's CSV as Todoist exports it, `text/csv`, or a zip of several, `application/zip`, each a project named by its file), `ticktick` (its backup CSV, `text/csv`; its Inbox is the Inbox), `google-tasks` (Google Takeout's `Tasks.json`, `application/json`, or the Takeout zip holding it). Lists become projects, priorities map (Todoist 1 → high … 4 → none; TickTick 5/3/1/0), indents and parents become subtasks, labels and tags labels, dates and times keep their wall clock, completed tasks stay completed, repeats `repeat` can express become `repeat`. What cannot be carried over exactly is imported as well as it can be and listed in `warnings` with its place.",
          schema: { type: 'string', enum: ['todoist', 'ticktick', 'google-tasks'] },
        },
        {
          name: 'project',
          in: 'query',
          required: false,
          description: 'With `from=todoist` and one CSV: the project its tasks go to (default "Imported from Todoist").',
          schema: { type: 'string', minLength: 1, maxLength: 120 },
        },
        ref('parameters', 'IdempotencyKey'),
      ],
      requestBody: {
        required: true,
        description: `An export, at most ${MIB} MiB.`,
        content: {
          [JSON_TYPE]: { schema: ref('schemas', 'ImportDocument') },
          'text/csv': { schema: { type: 'string' }, example: `${CSV_HEADER}\r\nPaint the fence,,false,,,none,,,,Garden,\r\nBuy paint,,false,,,low,,,,,row 2\r\n` },
          'application/zip': { schema: { type: 'string', contentMediaType: 'application/zip', description: 'With `from=todoist` or `from=google-tasks`.' } },
        },
      },
      responses: {
        '200': {
          description: 'Dry run: what the import would create.',
          headers: NO_STORE,
          content: { [JSON_TYPE]: { schema: ref('schemas', 'ImportResult') } },
        },
        '201': {
          description: 'Imported (or, for a repeated `Idempotency-Key` with the same file, the first answer again).',
          headers: { ...NO_STORE, 'Idempotent-Replayed': ref('headers', 'Idempotent-Replayed') },
          content: { [JSON_TYPE]: { schema: ref('schemas', 'ImportResult') } },
        },
        ...errors('BadRequest', 'Unauthorized', 'Forbidden'),
        '409': problem('Rare: the `Idempotency-Key` expired and was taken by another request while this one waited for it; retry.'),
        '413': problem(`The body is over ${MIB} MiB.`),
        '415': problem('The body is neither `application/json` nor `text/csv` (nor, with `from`, `application/zip`), or not what the `from` app exports.'),
        '422': problem(
          `Nothing was imported. \`errors\` lists each problem (the first 100) with its place: \`tasks[12].title\`, \`tasks[12].parent\`, \`labels[0].color\` (JSON) or \`row 13: title\`, \`row 13: parent\` (CSV); \`tasks\` when the account would hold more than ${TASKS_PER_USER_MAX} tasks, \`projects\` when the caller would own more than ${PROJECTS_PER_USER_MAX} projects. Also a malformed \`Idempotency-Key\`, or one used with another file.`,
        ),
        ...errors('InternalError', 'ServiceUnavailable'),
      },
    },
  },
};
