import 'server-only';
import { z } from 'zod';
import { codePoints, hasNoNul, LABEL_COLORS, LABEL_NAME_MAX, LABELS_PER_USER_MAX } from '@/lib/limits';
import { userText } from '@/lib/text';

// What label requests may carry and what a label looks like over HTTP; the routes validate with
// these schemas and lib/openapi/labels.ts documents them. A task's `labels` field (names) is in
// lib/tasks/schemas.ts, built on LabelName below.

export { LABEL_COLORS, LABEL_NAME_MAX, LABELS_PER_USER_MAX };

export const LabelColor = z.enum(LABEL_COLORS).meta({ id: 'LabelColor', description: 'One of the app\'s label colours.' });
export type LabelColorName = z.output<typeof LabelColor>;

/** A label's name as clients send it: trimmed, then 1-60 code points, no U+0000. */
export const LabelName = userText()
  .trim()
  .refine(hasNoNul, { error: 'must not contain U+0000', abort: true })
  .refine((s) => codePoints(s) >= 1 && codePoints(s) <= LABEL_NAME_MAX, `must be 1-${LABEL_NAME_MAX} characters after trimming`)
  .meta({
    id: 'LabelName',
    minLength: 1,
    maxLength: LABEL_NAME_MAX,
    description: `Trimmed, then 1 to ${LABEL_NAME_MAX} characters (Unicode code points). Names match case-insensitively.`,
    examples: ['home'],
  });

export const LabelIdParam = z.uuid('must be a UUID').meta({
  id: 'LabelId',
  description: 'The id of a label; a value that is not a UUID answers 422.',
  examples: ['7c2d9e4f-1a3b-4c5d-8e6f-9a0b1c2d3e4f'],
});

export const LabelPathParams = z.object({ id: LabelIdParam });

export const LabelSchema = z
  .object({
    id: z.uuid(),
    name: z.string().meta({ minLength: 1, maxLength: LABEL_NAME_MAX }),
    color: LabelColor,
    task_count: z.int().min(0).meta({ description: "How many of the caller's tasks carry this label." }),
    created_at: z.iso.datetime().meta({ description: 'UTC, millisecond precision; never changes.' }),
  })
  .meta({
    id: 'Label',
    description: `A label of the caller. Names are unique per user, case-insensitively; at most ${LABELS_PER_USER_MAX} labels per user.`,
    examples: [{ id: '7c2d9e4f-1a3b-4c5d-8e6f-9a0b1c2d3e4f', name: 'home', color: 'green', task_count: 3, created_at: '2026-11-21T23:10:00.000Z' }],
  });

export type LabelJson = z.output<typeof LabelSchema>;

export const CreateLabelBody = z
  .object({
    name: LabelName,
    color: LabelColor.optional().meta({ description: 'Defaults to grey.' }),
  })
  .meta({ id: 'CreateLabelBody', description: 'A new label. A name the caller already has (case-insensitively) answers 409.', examples: [{ name: 'home', color: 'green' }] });

export type CreateLabelInput = z.output<typeof CreateLabelBody>;

export const PatchLabelBody = z
  .object({
    name: LabelName.optional(),
    color: LabelColor.optional(),
  })
  .refine((body) => body.name !== undefined || body.color !== undefined, { message: 'must contain at least one of name, color' })
  .meta({
    id: 'PatchLabelBody',
    description: "Renames or recolours a label; a rename shows at once on every task that carries it. Another label's name (case-insensitively) answers 409.",
    minProperties: 1,
    examples: [{ name: 'Home' }, { color: 'blue' }],
  });

export type LabelChanges = z.output<typeof PatchLabelBody>;
