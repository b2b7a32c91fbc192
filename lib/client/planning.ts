/**
 * The planning fields of a task as the v2 contract defines them (API.md, "v2: planning fields
 * on a task"), for the browser. The limits belong in lib/limits.ts beside TITLE_MAX once the
 * server validates them too, so both sides share one number.
 */

export const PRIORITIES = ['none', 'low', 'medium', 'high'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const REPEAT_UNITS = ['day', 'weekday', 'week', 'month', 'year'] as const;
export type RepeatUnit = (typeof REPEAT_UNITS)[number];

export interface Repeat {
  every: RepeatUnit;
  /** 1 to REPEAT_INTERVAL_MAX; `weekday` takes only 1. */
  interval: number;
}

export const REPEAT_INTERVAL_MAX = 365;
export const LABEL_NAME_MAX = 60;
export const LABELS_PER_TASK_MAX = 20;

/** What a new task carries besides its title, in the shape `POST …/tasks` accepts. */
export interface TaskPlan {
  /** `YYYY-MM-DD`, a calendar day with no time zone, or null. */
  due_date: string | null;
  /** `HH:MM`, wall-clock time on `due_date`, or null. */
  due_time: string | null;
  priority: Priority;
  labels: string[];
  repeat: Repeat | null;
}

/** A new task as quick add produces it. */
export interface QuickAddTask extends TaskPlan {
  title: string;
}
