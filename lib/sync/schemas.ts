import { z } from 'zod';
import { ProjectSchema } from '@/lib/projects/schemas';
import { TaskSchema } from '@/lib/tasks/schemas';

export const CHANGES_LIMIT_MAX = 1000;
export const CHANGES_LIMIT_DEFAULT = 500;
// A snapshot lists the transactions in progress when it was taken: a busy database makes long ones.
export const FEED_CURSOR_MAX = 16_384;

export const ChangesQuery = z
  .object({
    since: z
      .string()
      .max(FEED_CURSOR_MAX)
      .optional()
      .meta({ description: 'Opaque: the `cursor` of a previous answer. Without it, a full sync: every task of the caller.' }),
    limit: z.coerce
      .number()
      .int()
      .min(1)
      .max(CHANGES_LIMIT_MAX)
      .default(CHANGES_LIMIT_DEFAULT)
      .meta({ description: 'At most this many changed tasks and deleted ids in one answer.' }),
  })
  .meta({ id: 'ChangesQuery', description: 'Where to start the changes feed, and the page size. Unknown parameters are ignored.' });

export type ChangesOptions = z.output<typeof ChangesQuery>;

export const ChangesSchema = z
  .object({
    changes: z
      .array(TaskSchema)
      .meta({ description: 'Each task of a list the caller sees (the Inbox, their projects) created or changed after `since`, once, in its latest state (every task on a full sync).' }),
    deleted: z.array(z.uuid()).meta({ description: 'The ids of tasks deleted after `since` (always empty on a full sync).' }),
    projects: z
      .array(ProjectSchema)
      .meta({ description: "The caller's projects created, renamed, recoloured, joined or reordered after `since`, as the project route shows them (every project on a full sync). Only the first page of an answer carries them." }),
    deleted_projects: z
      .array(z.uuid())
      .meta({ description: 'The ids of projects the caller no longer sees (deleted, or left) after `since` (always empty on a full sync). Their tasks are gone too.' }),
    cursor: z.string().meta({ description: 'Opaque: pass it as `since` next time (at once while `more` is true).' }),
    more: z.boolean().meta({ description: 'True while more changes wait: call again with `cursor` straight away.' }),
  })
  .meta({ id: 'Changes', description: 'A page of the changes feed.' });

export type ChangesJson = z.output<typeof ChangesSchema>;
