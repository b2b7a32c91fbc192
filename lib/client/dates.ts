import { addDays, differenceInCalendarDays, format, isValid, parse } from 'date-fns';

/**
 * Due dates as the browser shows them. A due date is a calendar day with no time zone
 * (`YYYY-MM-DD`), so "today" is the browser's own day: every function takes `now` and reads its
 * local date, never its UTC one.
 */

const DATE_FORMAT = 'yyyy-MM-dd';
const DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;

/** The local calendar day of `date`, as `YYYY-MM-DD`. */
export function toDateString(date: Date): string {
  return format(date, DATE_FORMAT);
}

/** The browser's today, as `YYYY-MM-DD`. */
export function localToday(now: Date = new Date()): string {
  return toDateString(now);
}

/** Local midnight of a `YYYY-MM-DD` day, or null when it is not a real calendar date (2026-02-30). */
export function parseDateString(day: string): Date | null {
  if (!DATE_SHAPE.test(day)) return null;
  const date = parse(day, DATE_FORMAT, new Date(0));
  return isValid(date) ? date : null;
}

/** The day `days` after `day` (negative: before), as `YYYY-MM-DD`. */
export function addDaysTo(day: string, days: number): string {
  return toDateString(addDays(requireDate(day), days));
}

function requireDate(day: string): Date {
  const date = parseDateString(day);
  if (!date) throw new RangeError(`Not a calendar date: ${day}`);
  return date;
}

/**
 * The due date in words, relative to the local day of `now`: "Today", "Tomorrow",
 * "Yesterday", the weekday within the next six days ("Fri"), else "Fri 5 Dec", with the year
 * when it is not this year ("Fri 5 Dec 2027"); then the time when set ("Today 09:00").
 */
export function formatDue(dueDate: string, dueTime: string | null, now: Date): string {
  const date = requireDate(dueDate);
  const days = differenceInCalendarDays(date, now);
  let words: string;
  if (days === 0) words = 'Today';
  else if (days === 1) words = 'Tomorrow';
  else if (days === -1) words = 'Yesterday';
  else if (days > 1 && days < 7) words = format(date, 'EEE');
  else if (date.getFullYear() === now.getFullYear()) words = format(date, 'EEE d MMM');
  else words = format(date, 'EEE d MMM yyyy');
  return dueTime ? `${words} ${dueTime}` : words;
}

/**
 * A task is overdue once its day has passed, or, when it has a time, once that minute has
 * passed today. A task due today without a time is not overdue until tomorrow.
 */
export function isOverdue(dueDate: string | null, dueTime: string | null, now: Date): boolean {
  if (!dueDate) return false;
  const today = localToday(now);
  if (dueDate !== today) return dueDate < today;
  return dueTime !== null && dueTime < format(now, 'HH:mm');
}

/** What the Today view shows: due today or earlier. */
export function isDueTodayOrOverdue(dueDate: string | null, now: Date): boolean {
  return dueDate !== null && dueDate <= localToday(now);
}

export interface DayGroup<T> {
  /** `YYYY-MM-DD` */
  date: string;
  /** The day in words, as `formatDue` writes it: "Today", "Tomorrow", "Sun", … */
  label: string;
  tasks: T[];
}

interface Dated {
  due_date: string | null;
  due_time: string | null;
}

/**
 * The Upcoming view: one group for each of the `days` days starting today (empty days
 * included, so the UI decides whether to show them), each day's tasks with a time first, by
 * time, then the rest in the order given. Tasks due before today or after the last day, and
 * tasks without a date, are left out.
 */
export function groupByDay<T extends Dated>(tasks: readonly T[], now: Date, days = 7): DayGroup<T>[] {
  const today = localToday(now);
  const groups = Array.from({ length: days }, (_, i): DayGroup<T> => {
    const date = addDaysTo(today, i);
    return { date, label: formatDue(date, null, now), tasks: [] };
  });
  const byDate = new Map(groups.map((group) => [group.date, group]));
  for (const task of tasks) {
    if (task.due_date) byDate.get(task.due_date)?.tasks.push(task);
  }
  for (const group of groups) group.tasks.sort(byTimeThenUntimed);
  return groups;
}

// Array.prototype.sort is stable, so untimed tasks keep the order they came in.
function byTimeThenUntimed(a: Dated, b: Dated): number {
  if (a.due_time === b.due_time) return 0;
  if (a.due_time === null) return 1;
  if (b.due_time === null) return -1;
  return a.due_time < b.due_time ? -1 : 1;
}
