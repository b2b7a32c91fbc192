import 'server-only';
import { z } from 'zod';

/**
 * The runtime's name for an IANA time zone (`europe/berlin` → `Europe/Berlin`), or undefined for
 * anything else: an unknown name, and the UTC offsets (`+01:00`) that Intl also accepts but that
 * have no daylight saving rules to follow.
 */
export function canonicalTimeZone(name: string): string | undefined {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/.test(name)) return undefined;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

export const TIME_ZONE_EXAMPLE = 'Europe/Berlin';

export const TimeZone = z
  .string()
  .refine((name) => canonicalTimeZone(name) !== undefined, `must be an IANA time zone name, such as ${TIME_ZONE_EXAMPLE}`)
  .overwrite((name) => canonicalTimeZone(name) ?? name)
  .meta({
    maxLength: 64,
    description: 'An IANA time zone name, in any casing (stored as the IANA database spells it). Reminders and the calendar feed use it.',
    examples: [TIME_ZONE_EXAMPLE, 'America/New_York', 'UTC'],
  });

/**
 * `now` as a Date whose local fields (getFullYear, getHours, …) are the wall clock in `timeZone`:
 * for code that reads local fields, as quick add does (lib/quick-add.ts), on a server in any zone.
 */
export function wallClockNow(timeZone: string, now = new Date()): Date {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' })
      .formatToParts(now)
      .map((part) => [part.type, Number(part.value)]),
  ) as Record<string, number>;
  return new Date(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
}

/** The instant a local-fields Date (see wallClockNow) stands for in `timeZone`. */
export function instantOf(local: Date, timeZone: string): Date {
  const asUtc = Date.UTC(local.getFullYear(), local.getMonth(), local.getDate(), local.getHours(), local.getMinutes());
  // The zone's offset at that moment, found from the guess and corrected once (DST edges).
  let instant = asUtc;
  for (let i = 0; i < 2; i++) {
    const seen = wallClockNow(timeZone, new Date(instant));
    instant = asUtc - (Date.UTC(seen.getFullYear(), seen.getMonth(), seen.getDate(), seen.getHours(), seen.getMinutes()) - instant);
  }
  return new Date(instant);
}

/** The wall clock of `instant` in `timeZone`: its date `YYYY-MM-DD` and time `HH:MM`. */
export function wallClockOf(instant: Date, timeZone: string): { date: string; time: string } {
  const local = wallClockNow(timeZone, instant);
  const pad = (n: number) => String(n).padStart(2, '0');
  return { date: `${local.getFullYear()}-${pad(local.getMonth() + 1)}-${pad(local.getDate())}`, time: `${pad(local.getHours())}:${pad(local.getMinutes())}` };
}
