import type { Task } from '@/lib/client/task';

// The planning fields of a task, for the browser: types from the API's own document
// (lib/client/openapi.d.ts), limits from lib/limits.ts, which the server validates with too.
export { LABEL_COLORS, LABEL_NAME_MAX, LABELS_PER_TASK_MAX, PRIORITIES, REMINDER_MINUTES_MAX, REMINDERS_PER_TASK_MAX, REPEAT_INTERVAL_MAX, REPEAT_UNITS } from '@/lib/limits';

export type Priority = Task['priority'];
export type Repeat = NonNullable<Task['repeat']>;
export type RepeatUnit = Repeat['every'];

/** What a new task carries besides its title, in the shape `POST …/tasks` accepts. */
export type TaskPlan = Pick<Task, 'due_date' | 'due_time' | 'priority' | 'labels' | 'repeat'>;

// A new task as quick add reads it, and a reminder as a write sets it (lib/quick-add.ts, shared with the server).
export type { QuickAddTask, ReminderInput } from '@/lib/quick-add';
