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
