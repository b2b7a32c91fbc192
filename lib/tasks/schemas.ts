import 'server-only';
import { z } from 'zod';
import { codePoints, DESCRIPTION_MAX, hasNoNul, QUERY_MAX, TITLE_MAX } from '@/lib/limits';

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

const Title = z
  .string()
  .trim()
  .refine(hasNoNul, noNul)
  .refine((s) => codePoints(s) >= 1 && codePoints(s) <= TITLE_MAX, `must be 1-${TITLE_MAX} characters after trimming`)
  .meta({
    minLength: 1,
    maxLength: TITLE_MAX,
    description: `Trimmed, then 1 to ${TITLE_MAX} characters (Unicode code points). No U+0000.`,
    examples: ['Buy milk'],
  });

const Description = z
  .string()
  .refine(hasNoNul, noNul)
  .refine((s) => codePoints(s) <= DESCRIPTION_MAX, `must be at most ${DESCRIPTION_MAX} characters`)
  .nullable()
  .meta({
    maxLength: DESCRIPTION_MAX,
    description: `At most ${DESCRIPTION_MAX} characters (Unicode code points), or null. No U+0000.`,
    examples: ['2 litres, semi-skimmed', null],
  });

const Completed = z.boolean().meta({ description: 'Whether the task is done.', examples: [false] });

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
    user_id: z.uuid().meta({ description: 'The owner: always the caller.' }),
    title: z.string().meta({ minLength: 1, maxLength: TITLE_MAX }),
    description: z.string().nullable().meta({ maxLength: DESCRIPTION_MAX }),
    completed: z.boolean(),
    created_at: z.iso.datetime().meta({ description: 'UTC, millisecond precision; never changes.' }),
    updated_at: z.iso.datetime().meta({ description: 'UTC, millisecond precision; moves forward on every change.' }),
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
        created_at: '2026-11-21T23:10:00.000Z',
        updated_at: '2026-11-21T23:10:00.000Z',
      },
    ],
  });

export type TaskJson = z.output<typeof TaskSchema>;

// Request bodies are zod objects that strip unknown keys: `id`, `user_id` and the timestamps
// are never applied, whatever a client sends.

export const CreateTaskBody = z
  .object({
    title: Title,
    description: Description.optional(),
    completed: Completed.optional().meta({ description: 'Defaults to false.' }),
  })
  .meta({
    id: 'CreateTaskBody',
    description: 'A new task. Other fields (id, user_id, timestamps) are ignored.',
    examples: [{ title: 'Buy milk', description: '2 litres', completed: false }],
  });

export const ReplaceTaskBody = z
  .object({
    title: Title,
    description: Description.optional().meta({ description: 'Left out: kept. null: cleared.' }),
  })
  .meta({
    id: 'ReplaceTaskBody',
    description: 'PUT: the title and, optionally, the description. `completed` is ignored, whatever it holds.',
    examples: [{ title: 'Buy oat milk', description: null }],
  });

const PATCH_FIELDS = ['title', 'description', 'completed'] as const;

export const PatchTaskBody = z
  .object({
    title: Title.optional(),
    description: Description.optional(),
    completed: Completed.optional(),
  })
  .refine((body) => PATCH_FIELDS.some((field) => body[field] !== undefined), {
    message: `must contain at least one of ${PATCH_FIELDS.join(', ')}`,
  })
  .meta({
    id: 'PatchTaskBody',
    description: 'PATCH: changes only the fields it sends; at least one of title, description, completed.',
    minProperties: 1,
    examples: [{ completed: true }, { description: null }],
  });

/**
 * A boolean in a query string: exactly `true` or `false`. A codec, so the OpenAPI document
 * describes the boolean a client passes (its output) while the route decodes the URL's string.
 */
export const queryBoolean = () => z.stringbool({ truthy: ['true'], falsy: ['false'], case: 'sensitive' });

export const TaskSort = z.enum(['created_at', 'updated_at', 'title']);
export const SortOrder = z.enum(['asc', 'desc']);

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
    sort: TaskSort.default('created_at').meta({ description: 'Titles sort case-insensitively; ties break on id.' }),
    order: SortOrder.default('desc'),
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
