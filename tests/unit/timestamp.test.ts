import { describe, expect, it } from 'vitest';
import { parseTimestamptz } from '@/lib/db/timestamp';

describe('parseTimestamptz(): PostgreSQL text to a Date', () => {
  it.each([
    ['0001-01-01 00:00:00+00', '0001-01-01T00:00:00.000Z'],
    ['0050-06-01 00:00:00+00', '0050-06-01T00:00:00.000Z'],
    ['0099-12-31 23:59:59.999+00', '0099-12-31T23:59:59.999Z'],
    ['0100-01-01 00:00:00+00', '0100-01-01T00:00:00.000Z'],
    ['1969-12-31 23:59:59.5+00', '1969-12-31T23:59:59.500Z'],
    ['2026-12-04 13:42:32.123+00', '2026-12-04T13:42:32.123Z'],
    ['2026-12-04 13:42:32.123456+00', '2026-12-04T13:42:32.123Z'],
    ['9999-12-31 23:59:59.999+00', '9999-12-31T23:59:59.999Z'],
  ])('reads %s as %s (years below 100 are not taken for 19xx)', (text, iso) => {
    expect(parseTimestamptz(text).toISOString()).toBe(iso);
  });

  it('applies the offset the server wrote, hours, minutes and seconds', () => {
    expect(parseTimestamptz('2026-01-01 05:30:00+05:30').toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(parseTimestamptz('2025-12-31 21:00:00-03').toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(parseTimestamptz('0050-01-01 00:00:00-00:01:15').toISOString()).toBe('0050-01-01T00:01:15.000Z');
  });

  it("reads 'infinity' (a personal token without an expiry) as the latest Date, later than every timestamp", () => {
    expect(parseTimestamptz('infinity').getTime()).toBe(8.64e15);
    expect(parseTimestamptz('-infinity').getTime()).toBe(-8.64e15);
    expect(parseTimestamptz('infinity') > parseTimestamptz('9999-12-31 23:59:59.999+00')).toBe(true);
  });

  it('refuses what no column of ours can hold (a BC date, a year past 9999)', () => {
    expect(() => parseTimestamptz('0001-12-31 10:00:00+00 BC')).toThrow();
    expect(() => parseTimestamptz('10000-01-01 00:00:00+00')).toThrow();
  });
});
