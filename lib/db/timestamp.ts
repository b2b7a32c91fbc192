import { customType } from 'drizzle-orm/pg-core';

// PostgreSQL's text form of a timestamptz: `0050-06-01 00:00:00+00`, `2026-12-04 13:42:32.123+05:30`.
const TIMESTAMPTZ = /^(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)(?:\.(\d+))?([+-])(\d\d)(?::(\d\d))?(?::(\d\d))?$/;

/** The latest instant a JavaScript Date can hold (ECMA-262): PostgreSQL's 'infinity' reads as it. */
const DATE_MAX_MS = 8.64e15;

/**
 * A timestamptz as PostgreSQL writes it, read exactly for every year from 1 to 9999. Not with
 * `new Date(text)`: outside its ISO format, JavaScript's parser takes a year below 100 for 19xx
 * (year 50 came back as 1950, and a cursor made from it skipped or repeated tasks).
 */
export function parseTimestamptz(text: string): Date {
  // 'infinity' (a personal token that never expires) as the latest instant a Date can hold.
  if (text === 'infinity' || text === '-infinity') return new Date(text === 'infinity' ? DATE_MAX_MS : -DATE_MAX_MS);
  // Nearly every value: a four-digit year from 1000 on, in UTC (the app's sessions' time zone),
  // which is ISO 8601 once its space is a T; JavaScript reads those exactly, and fast.
  if (text.length >= 22 && text.endsWith('+00') && text[0] !== '0' && text[10] === ' ') {
    return new Date(`${text.slice(0, 10)}T${text.slice(11, -3)}Z`);
  }
  const parts = TIMESTAMPTZ.exec(text);
  if (!parts) throw new Error(`Not a timestamp with time zone between years 1 and 9999: ${text}`);
  const [, year, month, day, hours, minutes, seconds, fraction = '', sign, offsetHours, offsetMinutes = '0', offsetSeconds = '0'] = parts;
  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, takes years 0-99 as they are.
  date.setUTCFullYear(Number(year), Number(month) - 1, Number(day));
  date.setUTCHours(Number(hours), Number(minutes), Number(seconds), Number(fraction.padEnd(3, '0').slice(0, 3)));
  const offsetMs = ((Number(offsetHours) * 60 + Number(offsetMinutes)) * 60 + Number(offsetSeconds)) * 1000;
  return new Date(date.getTime() - (sign === '-' ? -offsetMs : offsetMs));
}

/**
 * `timestamp(3) with time zone` as a Date, on all three drivers (each hands Drizzle the text):
 * milliseconds, what JSON timestamps carry, so an ETag built from updated_at sees every change.
 */
export const timestamptz = customType<{ data: Date; driverData: string }>({
  dataType: () => 'timestamp (3) with time zone',
  fromDriver: parseTimestamptz,
  // ISO 8601 with a four-digit year, which PostgreSQL reads exactly.
  toDriver: (value) => (Math.abs(value.getTime()) === DATE_MAX_MS ? (value.getTime() > 0 ? 'infinity' : '-infinity') : value.toISOString()),
});
