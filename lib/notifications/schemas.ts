import 'server-only';
import { z } from 'zod';
import { CURSOR_MAX, queryBoolean } from '@/lib/tasks/schemas';

// What the notification routes take and answer (docs/api.md, "v3: time zone, reminders and notifications").

export const NOTIFICATIONS_LIMIT_MAX = 200;
export const NOTIFICATIONS_LIMIT_DEFAULT = 50;
/** Ids one "mark read" names at most. */
export const READ_IDS_MAX = 500;

export const NotificationKind = z.enum(['reminder', 'invitation', 'assigned']);

export const NotificationSchema = z
  .object({
    id: z.uuid(),
    kind: NotificationKind.meta({ description: '`reminder`: one of the caller\'s reminders fired; `invitation`: someone invited the caller to a project; `assigned`: someone else assigned the caller a task.' }),
    task_id: z.uuid().nullable().meta({ description: 'The task it is about, while it exists.' }),
    project_id: z.uuid().nullable().meta({ description: 'The project it is about (the invitation\'s, or the task\'s), while it exists.' }),
    title: z.string().meta({ description: "The task's title (as it was), or the project's name for an invitation." }),
    body: z.string().nullable().meta({ description: 'One line saying what happened, like `Due Fri 4 Dec at 09:00`.' }),
    created_at: z.iso.datetime(),
    read_at: z.iso.datetime().nullable().meta({ description: 'null: unread.' }),
  })
  .meta({
    id: 'Notification',
    description: 'Something the caller is told about, newest first.',
    examples: [
      {
        id: '9b2f1c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d',
        kind: 'reminder',
        task_id: '0b6f3c1e-8d4a-4f0e-a7f2-3c9d5e1b2a47',
        project_id: null,
        title: 'Call Bob',
        body: 'Due Fri 4 Dec at 09:30',
        created_at: '2026-12-04T08:30:00.000Z',
        read_at: null,
      },
    ],
  });

export type NotificationJson = z.output<typeof NotificationSchema>;

export const NotificationsQuery = z
  .object({
    unread: queryBoolean().optional().meta({ description: '`true`: only unread ones; `false`: only read ones; left out: all.' }),
    limit: z.coerce.number().int().min(1).max(NOTIFICATIONS_LIMIT_MAX).default(NOTIFICATIONS_LIMIT_DEFAULT).meta({ description: 'Page size.' }),
    cursor: z
      .string()
      .max(CURSOR_MAX)
      .optional()
      .meta({ description: 'Opaque: taken from the `Link: <…>; rel="next"` header of the previous page, with the same `unread` (else 422).' }),
  })
  .meta({ id: 'NotificationsQuery', description: 'Filter and keyset pagination of the notifications, newest first.' });

export type NotificationsOptions = z.output<typeof NotificationsQuery>;

export const MarkReadBody = z
  .union([
    z.object({ ids: z.array(z.uuid('must be a UUID')).min(1).max(READ_IDS_MAX).meta({ description: `1 to ${READ_IDS_MAX} of the caller's notification ids; others' and unknown ones are ignored.` }) }),
    z.object({ all: z.literal(true).meta({ description: 'Every notification of the caller.' }) }),
  ], { error: 'must be { "ids": [...] } or { "all": true }' })
  .meta({ id: 'MarkNotificationsReadBody', description: 'Which notifications to mark read; already read ones keep their read_at.', examples: [{ ids: ['9b2f1c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d'] }, { all: true }] });

export type MarkReadInput = z.output<typeof MarkReadBody>;
