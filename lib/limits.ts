// The contract's limits and the two checks behind them, in one zod-free module: the server's
// schemas (lib/auth/schemas.ts, lib/tasks/schemas.ts) and the browser's form checks
// (lib/client/limits.ts) share it, so they cannot drift apart. Lengths are Unicode code points,
// as the contract counts them (zod's `.max()` and an HTML maxLength count UTF-16 units).

export const TITLE_MAX = 500;
export const DESCRIPTION_MAX = 5000;
export const QUERY_MAX = 200;

export const EMAIL_MAX = 254;
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;
export const NAME_MAX = 100;

export function codePoints(text: string): number {
  return [...text].length;
}

/** PostgreSQL cannot store U+0000 in text: such input is refused before it reaches the driver. */
export function hasNoNul(text: string): boolean {
  return !text.includes('\u0000');
}

// Planning fields (v2): the values and limits the API, its OpenAPI document and the app share.
export const PRIORITIES = ['none', 'low', 'medium', 'high'] as const;
export const REPEAT_UNITS = ['day', 'weekday', 'week', 'month', 'year'] as const;
export const REPEAT_INTERVAL_MAX = 365;
export const DUE_DATE_MIN = '1900-01-01';
export const DUE_DATE_MAX = '9999-12-31';
export const LABEL_NAME_MAX = 60;
export const LABELS_PER_TASK_MAX = 20;
export const LABELS_PER_USER_MAX = 500;
export const LABEL_COLORS = ['grey', 'red', 'orange', 'yellow', 'green', 'teal', 'blue', 'purple', 'pink'] as const;

// Projects and subtasks (v3). A project's colour is one of the labels' colours.
export const PROJECT_NAME_MAX = 120;
export const PROJECTS_PER_USER_MAX = 300;
/** Members and pending invitations of one project, together (drizzle/0012). */
export const PROJECT_MEMBERS_MAX = 50;
/** How long an invitation waits to be accepted. */
export const INVITATION_DAYS = 14;
/** Levels of a subtask tree: a task, its subtasks, theirs, theirs. */
export const TASK_LEVELS_MAX = 4;

// Reminders (v3): per user per task; relative ones at most 4 weeks before.
export const REMINDERS_PER_TASK_MAX = 5;
export const REMINDER_MINUTES_MAX = 40_320;

// Personal access tokens (v3): per user, and the longest expiry.
export const PERSONAL_TOKENS_PER_USER_MAX = 50;
export const PERSONAL_TOKEN_DAYS_MAX = 365;

// Webhooks (v3): per user, and the longest URL.
export const WEBHOOKS_PER_USER_MAX = 20;
export const WEBHOOK_URL_MAX = 2000;

// Export and import (v2).
export const TASKS_PER_USER_MAX = 50_000;
export const IMPORT_MAX_BYTES = 10 * 1024 * 1024;
