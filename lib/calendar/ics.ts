import 'server-only';
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical from 'ical-generator';
import { Temporal } from 'temporal-polyfill';
import type { CalendarTask } from '@/lib/calendar/feed';

// The calendar feed as text/calendar (RFC 5545), by ical-generator: one VEVENT per task, all-day
// for a date alone, timed in the account's time zone (with its VTIMEZONE) for a date and time.

const WEEKDAYS = 'MO,TU,WE,TH,FR';

/** Goes into the feed's ETag: change it with anything that changes the text for the same tasks. */
export const CALENDAR_FORMAT = '1';

/**
 * A task's `repeat` as an RRULE. The app clamps a month's or a year's step to the month's end
 * (Jan 31 → Feb 28); the rule does the same with the last existing day of 28…d
 * (BYSETPOS=-1), which matches the app's next date (the app then counts on from the clamped day).
 */
export function rruleOf(task: Pick<CalendarTask, 'dueDate' | 'repeatEvery' | 'repeatInterval'>): string | null {
  const interval = task.repeatInterval ?? 1;
  const every = `;INTERVAL=${interval}`;
  const [, month, day] = task.dueDate.split('-').map(Number) as [number, number, number];
  const lastDays = (upTo: number) => `;BYMONTHDAY=${Array.from({ length: upTo - 27 }, (_, i) => 28 + i).join(',')};BYSETPOS=-1`;
  switch (task.repeatEvery) {
    case 'day':
      return `FREQ=DAILY${every}`;
    case 'weekday':
      return `FREQ=WEEKLY;BYDAY=${WEEKDAYS}`;
    case 'week':
      return `FREQ=WEEKLY${every}`;
    case 'month':
      return `FREQ=MONTHLY${every}${day > 28 ? lastDays(day) : ''}`;
    case 'year':
      return `FREQ=YEARLY${every}${month === 2 && day === 29 ? `;BYMONTH=2${lastDays(29)}` : ''}`;
    default:
      return null;
  }
}

/** The feed's text for `tasks`, timed ones in `timeZone` (the account's). */
export function calendarText(tasks: CalendarTask[], timeZone: string): string {
  // A zone the VTIMEZONE library does not know (one newer than its data) gets UTC times instead.
  const zoned = timeZone !== 'UTC' && getVtimezoneComponent(timeZone) !== null;
  const calendar = ical({ name: 'Todo', prodId: { company: 'Todo', product: 'Tasks', language: 'EN' } });
  // No calendar-wide zone (ical-generator would write DTSTAMP in it, not in UTC): the timed
  // events name it, and the generator writes its VTIMEZONE once.
  if (zoned) calendar.timezone({ name: null, generator: getVtimezoneComponent });
  for (const task of tasks) {
    calendar.createEvent({
      id: task.id,
      summary: task.title,
      description: task.description,
      stamp: task.updatedAt,
      repeating: rruleOf(task),
      ...(task.dueTime === null
        ? { start: Temporal.PlainDate.from(task.dueDate), allDay: true }
        : zoned
          ? { start: Temporal.PlainDateTime.from(`${task.dueDate}T${task.dueTime}`), timezone: timeZone }
          : { start: Temporal.PlainDateTime.from(`${task.dueDate}T${task.dueTime}`).toZonedDateTime(timeZone).toInstant() }),
    });
  }
  return calendar.toString();
}
