import type { Task } from '@/lib/client/task';
import type { ReminderInput } from './planning';

// Reminders as the app shows and offers them.

export type Reminder = Task['reminders'][number];

/** "30 minutes", "1 hour", "2 days", "1 week", "90 minutes": the largest unit that divides evenly. */
export function describeMinutes(minutes: number): string {
  const units: [number, string][] = [
    [10_080, 'week'],
    [1_440, 'day'],
    [60, 'hour'],
  ];
  for (const [size, name] of units) {
    if (minutes >= size && minutes % size === 0) return plural(minutes / size, name);
  }
  return plural(minutes, 'minute');
}

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;

/** What the details dialog offers, relative to the due date and time. */
export const REMINDER_PRESETS = [0, 10, 30, 60, 1_440] as const;

/** One reminder in words: "30 minutes before", "at the due time", "Fri 4 Dec, 08:00". */
export function describeReminder(reminder: Reminder | ReminderInput, formatInstant: (date: Date) => string): string {
  if ('minutes_before' in reminder) return reminder.minutes_before === 0 ? 'At the due time' : `${describeMinutes(reminder.minutes_before)} before`;
  return formatInstant(new Date(reminder.at));
}

/** The reminders as a write sets them: without ids. */
export function reminderInputs(reminders: readonly (Reminder | ReminderInput)[]): ReminderInput[] {
  return reminders.map((r) => ('minutes_before' in r ? { minutes_before: r.minutes_before } : { at: r.at }));
}
