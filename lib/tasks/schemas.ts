import 'server-only';
import { z } from 'zod';
import { LabelName } from '@/lib/labels/schemas';
import {
  codePoints,
  DESCRIPTION_MAX,
  DUE_DATE_MAX,
  DUE_DATE_MIN,
  hasNoNul,
  LABELS_PER_TASK_MAX,
  PRIORITIES,
  QUERY_MAX,
  REPEAT_INTERVAL_MAX,
  REMINDER_MINUTES_MAX,
  REMINDERS_PER_TASK_MAX,
  REPEAT_UNITS,
  TITLE_MAX,
} from '@/lib/limits';
import { moveBody } from '@/lib/manual-order';
import { userText } from '@/lib/text';

// The single source for what task requests may carry: the routes validate with these schemas
// and the OpenAPI document is generated from them (`z.toJSONSchema(schema, { io: 'input' })`).
// Lengths are Unicode code points, as the contract says, so they are checked with codePoints()
// (zod's `.max()` counts UTF-16 units) and declared to JSON Schema, which counts code points too.

export { DESCRIPTION_MAX, QUERY_MAX, TITLE_MAX };
export const LIST_LIMIT_MAX = 200;
export const LIST_LIMIT_DEFAULT = 50;
export const CURSOR_MAX = 8192;

// `abort`: a field reports at most one problem, so a `422` has one `errors` entry per bad field.
const noNul = { error: 'must not contain U+0000', abort: true } as const;

const Title = userText()
  .trim()
  .refine(hasNoNul, noNul)
  .refine((s) => codePoints(s) >= 1 && codePoints(s) <= TITLE_MAX, `must be 1-${TITLE_MAX} characters after trimming`)
  .meta({
    minLength: 1,
    maxLength: TITLE_MAX,
    description: `Trimmed, then 1 to ${TITLE_MAX} characters (Unicode code points). No U+0000.`,
    examples: ['Buy milk'],
  });

const Description = userText()
  .refine(hasNoNul, noNul)
  .refine((s) => codePoints(s) <= DESCRIPTION_MAX, `must be at most ${DESCRIPTION_MAX} characters`)
  .nullable()
  .meta({
    maxLength: DESCRIPTION_MAX,
    description: `At most ${DESCRIPTION_MAX} characters (Unicode code points), or null. No U+0000.`,
    examples: ['2 litres, semi-skimmed', null],
  });

const Completed = z.boolean().meta({
  description: 'Whether the task is done. Completing a repeating task moves its due_date to the next occurrence instead, and it stays false.',
  examples: [false],
});

// ---- Planning fields (v2) ----

/** A calendar date `YYYY-MM-DD` (zod checks month lengths and leap years: 2026-02-30 fails). */
export const DueDate = z.iso
  .date('must be a real calendar date YYYY-MM-DD')
  .refine((d) => d >= DUE_DATE_MIN && d <= DUE_DATE_MAX, `must be between ${DUE_DATE_MIN} and ${DUE_DATE_MAX}`)
  .meta({ id: 'DueDate', description: `A calendar date, ${DUE_DATE_MIN} to ${DUE_DATE_MAX}, with no time zone.`, examples: ['2026-12-01'] });

/** HH:MM, 00:00-23:59. */
export const DUE_TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;

export const DueTime = z
  .string()
  .regex(DUE_TIME_PATTERN, 'must be a time HH:MM (00:00-23:59)')
  .meta({ id: 'DueTime', description: 'Wall-clock time HH:MM on the due_date; needs a due_date.', examples: ['17:30'] });

export const Priority = z.enum(PRIORITIES).meta({ id: 'Priority', description: 'How much the task matters; `none` by default.' });
export type PriorityName = z.output<typeof Priority>;

export const RepeatUnit = z.enum(REPEAT_UNITS);

export const Repeat = z
  .object({
    every: RepeatUnit.meta({ description: '`weekday` means Monday to Friday and takes only interval 1.' }),
    interval: z.int().min(1).max(REPEAT_INTERVAL_MAX).default(1).meta({ description: 'Every how many units; defaults to 1.' }),
  })
  .refine((r) => r.every !== 'weekday' || r.interval === 1, { path: ['interval'], message: 'must be 1 when every is weekday' })
  .meta({
    id: 'RepeatBody',
    description:
      'How the task repeats. Completing it moves due_date to the next occurrence, counted from the current due_date (a month end clamps: Jan 31 + 1 month is Feb 28 or 29).',
    examples: [{ every: 'week', interval: 2 }],
  });
export type RepeatRule = z.output<typeof Repeat>;

/** A task's `repeat` as the API sends it: `interval` always present. */
const RepeatJson = z
  .object({ every: RepeatUnit, interval: z.int().min(1).max(REPEAT_INTERVAL_MAX) })
  .meta({ id: 'Repeat', description: 'How the task repeats; completing it moves due_date to the next occurrence.' });

/** Label names a write sets on a task (all of them: the list replaces the task's labels). */
export const TaskLabels = z
  .array(LabelName)
  .max(LABELS_PER_TASK_MAX)
  .meta({
    description: `0 to ${LABELS_PER_TASK_MAX} label names, replacing the task's labels. A name the caller has no label for creates one; names match case-insensitively (an existing label's spelling wins, else the first in the list); repeats collapse.`,
    examples: [['home', 'errands']],
  });

// ---- Reminders (v3) ----

const MinutesBefore = z.int().min(0).max(REMINDER_MINUTES_MAX).meta({
  description: `Minutes before the due date and time (a date alone counts as 09:00), in the account's time zone: 0 to ${REMINDER_MINUTES_MAX} (4 weeks).`,
  examples: [30],
});

const ReminderAt = z.iso
  .datetime({ offset: true, message: 'must be an ISO 8601 date-time with a time zone, like 2026-12-01T08:00:00Z' })
  .meta({ description: 'An instant, with its offset; kept to the millisecond.', examples: ['2026-12-01T08:00:00Z'] });

// Unknown keys are dropped (an `id` a client sends back is ignored), but not both kinds at once.
const notBoth = { error: 'a reminder is either minutes_before or at, not both' } as const;

/** One reminder in a write: relative or absolute. */
const ReminderInput = z.union(
  [z.object({ minutes_before: MinutesBefore, at: z.never(notBoth).optional() }), z.object({ at: ReminderAt, minutes_before: z.never(notBoth).optional() })],
  { error: 'must be { "minutes_before": 0-40320 } or { "at": "<ISO date-time>" }' },
);

/** The caller's reminders a write sets on a task (all of them: the list replaces them). */
export const TaskReminders = z
  .array(ReminderInput)
  .max(REMINDERS_PER_TASK_MAX)
  .meta({
    id: 'ReminderInputs',
    description: `0 to ${REMINDERS_PER_TASK_MAX} of the caller's own reminders, replacing theirs on the task (other members' are untouched). Those already set keep their ids; repeats collapse. \`minutes_before\` needs a due date (422).`,
    examples: [[{ minutes_before: 30 }, { at: '2026-12-01T08:00:00Z' }]],
  });

export type ReminderInputs = z.output<typeof TaskReminders>;

const ReminderJson = z
  .union([z.object({ id: z.uuid(), minutes_before: z.int().min(0).max(REMINDER_MINUTES_MAX) }), z.object({ id: z.uuid(), at: z.iso.datetime() })])
  .meta({ id: 'Reminder', description: "One of the caller's reminders: relative to the due date and time, or at an instant (UTC)." });

const DueDateField = DueDate.nullable().meta({ description: 'null: no due date (clears due_time too).' });
const DueTimeField = DueTime.nullable();
const RepeatField = Repeat.nullable().meta({ description: 'null: does not repeat. A repeating task needs a due_date.' });

type PlanningFields = { due_date?: string | null; due_time?: string | null; repeat?: RepeatRule | null };

/**
 * The rules a body breaks on its own (a time or a repeat with due_date set to null, or, on a
 * create, without one); against the stored task the database's CHECKs decide (lib/tasks/queries.ts).
 */
function checkPlanning(creating: boolean) {
  return (body: PlanningFields, ctx: z.RefinementCtx) => {
    const noDate = body.due_date === null || (creating && body.due_date === undefined);
    if (noDate && body.due_time != null) ctx.addIssue({ code: 'custom', path: ['due_time'], message: 'needs a due_date' });
    if (noDate && body.repeat != null) ctx.addIssue({ code: 'custom', path: ['repeat'], message: 'needs a due_date' });
  };
}

export const UserIdParam = z.uuid().meta({
  id: 'UserId',
  description: "The caller's own user id; any other value answers 403.",
  examples: ['5f0c8a53-2c1e-4a8e-9c57-0d3f2b9e4a11'],
});

export const TaskIdParam = z.uuid('must be a UUID').meta({
  id: 'TaskId',
  description: 'The id of a task; a value that is not a UUID answers 422.',
  examples: ['0b6f3c1e-8d4a-4f0e-a7f2-3c9d5e1b2a47'],
});

/** The path parameters of `/api/{user_id}/tasks/{id}…` that are validated here (`{user_id}` is the caller's check). */
export const TaskPathParams = z.object({ id: TaskIdParam });

export const TaskSchema = z
  .object({
    id: z.uuid(),
    user_id: z.uuid().meta({ description: 'Who created the task; it stays when the task moves.' }),
    title: z.string().meta({ minLength: 1, maxLength: TITLE_MAX }),
    description: z.string().nullable().meta({ maxLength: DESCRIPTION_MAX }),
    completed: z.boolean(),
    due_date: DueDate.nullable(),
    due_time: DueTime.nullable(),
    priority: Priority,
    labels: z.array(z.string()).meta({ description: "The names of the task's labels, sorted case-insensitively." }),
    reminders: z.array(ReminderJson).meta({ description: "The caller's own reminders on the task (each member sets their own), relative ones first, furthest ahead first." }),
    repeat: RepeatJson.nullable(),
    position: z.string().meta({ description: "The task's place in its list's manual order: opaque; tasks sort by it as byte strings. Only the server sets it." }),
    project_id: z.uuid().nullable().meta({ description: "The task's project; null: the Inbox of its creator (`user_id`)." }),
    parent_id: z.uuid().nullable().meta({ description: 'The task this is a subtask of, in the same list; null for a top-level task.' }),
    assignee_id: z.uuid().nullable().meta({ description: "The member of the task's project it is assigned to; always null in an Inbox." }),
    created_at: z.iso.datetime().meta({ description: 'UTC, millisecond precision; never changes.' }),
    updated_at: z.iso.datetime().meta({ description: 'UTC, millisecond precision; moves forward on every change.' }),
    etag: z.string().meta({
      description: "This version's `ETag`, as `GET …/tasks/{id}` sends it: send it in `If-Match` to change only this version.",
    }),
  })
  .meta({
    id: 'Task',
    description: 'A task of the caller.',
    examples: [
      {
        id: '0b6f3c1e-8d4a-4f0e-a7f2-3c9d5e1b2a47',
        user_id: '5f0c8a53-2c1e-4a8e-9c57-0d3f2b9e4a11',
        title: 'Buy milk',
        description: null,
        completed: false,
        due_date: '2026-12-01',
        due_time: '17:30',
        priority: 'high',
        labels: ['errands', 'home'],
        reminders: [{ id: '3d5e7a11-6b2c-4f8e-9a0d-1c2b3e4f5a60', minutes_before: 30 }],
        repeat: { every: 'week', interval: 2 },
        position: '7ffffffffffffffeV',
        project_id: null,
        parent_id: null,
        assignee_id: null,
        created_at: '2026-11-21T23:10:00.000Z',
        updated_at: '2026-11-21T23:10:00.000Z',
        etag: '"1795302600000-UguP_9Ecg3kN"',
      },
    ],
  });

export type TaskJson = z.output<typeof TaskSchema>;

// Request bodies are zod objects that strip unknown keys: `id`, `user_id` and the timestamps
// are never applied, whatever a client sends.

// ---- Projects and subtasks (v3) ----

const ProjectIdField = z
  .uuid('must be a UUID')
  .nullable()
  .meta({
    description:
      "null: the Inbox (of the task's creator); else a project the caller may write to (404 if they cannot see it, 403 if they only read it). Changing it moves the task, with its subtasks, to the top of that list.",
  });

const ParentIdField = z
  .uuid('must be a UUID')
  .nullable()
  .meta({
    description:
      'null, or a task in the same list, making this a subtask (at most 4 levels; not one of its own subtasks). With parent_id alone, a new task goes to its parent\'s list.',
  });

const AssigneeIdField = z
  .uuid('must be a UUID')
  .nullable()
  .meta({ description: "null, or a member of the task's project (422 otherwise; an Inbox task has none). Moving the task to a project its assignee is not a member of unassigns it." });

export const CreateTaskBody = z
  .object({
    title: Title,
    description: Description.optional(),
    completed: Completed.optional().meta({ description: 'Defaults to false.' }),
    due_date: DueDateField.optional(),
    due_time: DueTimeField.optional(),
    priority: Priority.optional().meta({ description: 'Defaults to none.' }),
    labels: TaskLabels.optional(),
    reminders: TaskReminders.optional(),
    repeat: RepeatField.optional(),
    project_id: ProjectIdField.optional(),
    parent_id: ParentIdField.optional(),
    assignee_id: AssigneeIdField.optional(),
  })
  .superRefine(checkPlanning(true))
  .meta({
    id: 'CreateTaskBody',
    description: 'A new task, placed at the top of the manual order. Other fields (id, user_id, position, timestamps) are ignored.',
    examples: [
      { title: 'Buy milk', description: '2 litres', completed: false },
      { title: 'Pay rent', due_date: '2026-12-01', due_time: '09:00', priority: 'high', labels: ['home'], repeat: { every: 'month' } },
    ],
  });

export type CreateTaskInput = z.output<typeof CreateTaskBody>;

export const ReplaceTaskBody = z
  .object({
    title: Title,
    description: Description.optional().meta({ description: 'Left out: kept. null: cleared.' }),
    due_date: DueDateField.optional(),
    due_time: DueTimeField.optional(),
    priority: Priority.optional(),
    labels: TaskLabels.optional(),
    reminders: TaskReminders.optional(),
    repeat: RepeatField.optional(),
    project_id: ProjectIdField.optional(),
    parent_id: ParentIdField.optional(),
    assignee_id: AssigneeIdField.optional(),
  })
  .superRefine(checkPlanning(false))
  .meta({
    id: 'ReplaceTaskBody',
    description:
      'PUT: the title and, optionally, the other fields; a field left out keeps its value. `completed` and `position` are ignored, whatever they hold.',
    examples: [{ title: 'Buy oat milk', description: null }],
  });

const PATCH_FIELDS = ['title', 'description', 'completed', 'due_date', 'due_time', 'priority', 'labels', 'reminders', 'repeat', 'project_id', 'parent_id', 'assignee_id'] as const;

export const PatchTaskBody = z
  .object({
    title: Title.optional(),
    description: Description.optional(),
    completed: Completed.optional(),
    due_date: DueDateField.optional(),
    due_time: DueTimeField.optional(),
    priority: Priority.optional(),
    labels: TaskLabels.optional(),
    reminders: TaskReminders.optional(),
    repeat: RepeatField.optional(),
    project_id: ProjectIdField.optional(),
    parent_id: ParentIdField.optional(),
    assignee_id: AssigneeIdField.optional(),
  })
  .refine((body) => PATCH_FIELDS.some((field) => body[field] !== undefined), {
    message: `must contain at least one of ${PATCH_FIELDS.join(', ')}`,
  })
  .superRefine(checkPlanning(false))
  .meta({
    id: 'PatchTaskBody',
    description: `PATCH: changes only the fields it sends; at least one of ${PATCH_FIELDS.join(', ')}.`,
    minProperties: 1,
    examples: [{ completed: true }, { description: null }, { due_date: '2026-12-01', priority: 'high' }],
  });

/**
 * A boolean in a query string: exactly `true` or `false`. A codec, so the OpenAPI document
 * describes the boolean a client passes (its output) while the route decodes the URL's string.
 */
export const queryBoolean = () => z.stringbool({ truthy: ['true'], falsy: ['false'], case: 'sensitive' });

/** What PUT and PATCH may change (PUT never sets `completed`). */
export type TaskChangesInput = z.output<typeof PatchTaskBody>;

export const TaskSort = z.enum(['created_at', 'updated_at', 'title', 'due', 'priority', 'position']);
export type TaskSortName = z.output<typeof TaskSort>;
export const SortOrder = z.enum(['asc', 'desc']);
export type SortOrderName = z.output<typeof SortOrder>;

/** `order` when the query leaves it out: the manual order and due dates read soonest first. */
export function defaultOrder(sort: TaskSortName): SortOrderName {
  return sort === 'due' || sort === 'position' ? 'asc' : 'desc';
}

const PRIORITY_LIST = new RegExp(`^(${PRIORITIES.join('|')})(,(${PRIORITIES.join('|')}))*$`);

export const ListTasksQuery = z
  .object({
    completed: queryBoolean().optional().meta({ description: 'Only tasks in this state.' }),
    q: z
      .string()
      .refine(hasNoNul, noNul)
      .refine((s) => codePoints(s) <= QUERY_MAX, `must be at most ${QUERY_MAX} characters`)
      .optional()
      .meta({
        maxLength: QUERY_MAX,
        description: 'Case-insensitive substring of the title or the description.',
        examples: ['milk'],
      }),
    priority: z
      .string()
      .regex(PRIORITY_LIST, `must be a comma-separated list of ${PRIORITIES.join(', ')}`)
      .transform((s) => [...new Set(s.split(','))] as PriorityName[])
      .optional()
      .meta({ description: 'Only tasks with any of these priorities, comma-separated.', examples: ['high,medium'] }),
    label: z
      .array(LabelName)
      .max(LABELS_PER_TASK_MAX)
      .optional()
      .meta({
        description:
          'Repeatable: only tasks that carry all of these labels (names match case-insensitively; a name the caller has no label for gives an empty list).',
        examples: [['home']],
      }),
    due_from: DueDate.optional().meta({ description: 'Only tasks due on or after this date (so only tasks with a due_date).' }),
    due_to: DueDate.optional().meta({ description: 'Only tasks due on or before this date (so only tasks with a due_date).' }),
    has_due: queryBoolean()
      .optional()
      .meta({ description: 'Only tasks with (true) or without (false) a due_date.' }),
    project: z
      .union([z.literal('inbox'), z.uuid()], { error: 'must be inbox or a project id' })
      .optional()
      .meta({ description: "`inbox`, or a project's id (a project the caller cannot see answers 404). Left out: every task the caller can see." }),
    parent: z
      .union([z.literal('none'), z.uuid()], { error: 'must be none or a task id' })
      .optional()
      .meta({ description: '`none`: tasks that are no subtask; a task id: its subtasks.' }),
    assignee: z
      .union([z.literal('me'), z.literal('none'), z.uuid()], { error: 'must be me, none or a user id' })
      .optional()
      .meta({ description: '`me`: tasks assigned to the caller; `none`: unassigned tasks; a user id: tasks assigned to that member.' }),
    sort: TaskSort.default('created_at').meta({
      description:
        'Titles sort case-insensitively; `due` by date then time (tasks without a time first in their day), tasks without a date last in both orders; `priority` high above low in desc; `position` is the manual order of each list (without a project filter: the Inbox first, then each project in the caller\'s sidebar order). Ties break on id.',
    }),
    order: SortOrder.optional().meta({ description: 'Defaults to asc for sort=due and sort=position, desc otherwise.' }),
    limit: z.coerce
      .number()
      .int()
      .min(1)
      .max(LIST_LIMIT_MAX)
      .default(LIST_LIMIT_DEFAULT)
      .meta({ description: 'Page size.' }),
    // A cursor carries the last row's sort value: a title of 500 code points that JSON escapes
    // as `\u0001` (6 bytes each) makes one of about 4,100 characters; the cap leaves room.
    cursor: z
      .string()
      .max(CURSOR_MAX)
      .optional()
      .meta({
        description:
          'Opaque: taken from the `Link: <…>; rel="next"` header of the previous page, with the same filters and sort (else 422).',
      }),
  })
  .meta({ id: 'ListTasksQuery', description: 'Filters, sort and keyset pagination of the task list. Unknown parameters are ignored.' });

export type ListTasksOptions = z.output<typeof ListTasksQuery>;

export const MoveTaskBody = moveBody(
  'MoveTaskBody',
  'task',
  "An anchor the caller cannot see answers 404; the task itself as anchor, or one in another list, 422.",
);

export type MoveTaskInput = z.output<typeof MoveTaskBody>;

export const IdempotencyKeyHeader = z
  .string()
  .regex(/^[\x21-\x7e]{1,255}$/, 'must be 1-255 visible ASCII characters')
  .meta({
    id: 'IdempotencyKey',
    description:
      'Makes a create safe to retry: the same key and body within 24 hours replay the first response; the same key with another body answers 422; a retry while the first is still running waits for it and replays its response.',
    examples: ['0e3c5d9a-create-milk'],
  });

/** The request headers a create validates (header names are lower-case, as `Headers` gives them). */
export const CreateTaskHeaders = z.object({ 'idempotency-key': IdempotencyKeyHeader.optional() });
