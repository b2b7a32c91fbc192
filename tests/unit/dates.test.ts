import { describe, expect, it } from 'vitest';
import { addDaysTo, formatDue, groupByDay, isDueTodayOrOverdue, isOverdue, localToday, parseDateString } from '@/lib/client/dates';

// Local times, so the expectations hold in every time zone the tests run in.
const FRIDAY = new Date(2026, 4, 15, 10, 0); // Fri 15 May 2026, 10:00

describe('localToday', () => {
  it("is the browser's local day, not the UTC one", () => {
    expect(localToday(new Date(2026, 0, 1, 0, 5))).toBe('2026-01-01');
    expect(localToday(new Date(2025, 11, 31, 23, 55))).toBe('2025-12-31');
  });
});

describe('parseDateString and addDaysTo', () => {
  it('reads real calendar days only', () => {
    expect(parseDateString('2028-02-29')?.getDate()).toBe(29);
    expect(parseDateString('2026-02-29')).toBeNull();
    expect(parseDateString('2026-02-30')).toBeNull();
    expect(parseDateString('2026-13-01')).toBeNull();
    expect(parseDateString('2026-5-1')).toBeNull();
    expect(parseDateString('tomorrow')).toBeNull();
  });

  it('moves across month and year ends', () => {
    expect(addDaysTo('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDaysTo('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDaysTo('2026-03-01', -1)).toBe('2026-02-28');
    expect(() => addDaysTo('2026-02-30', 1)).toThrow(RangeError);
  });
});

describe('formatDue', () => {
  const table: [string, string | null, string][] = [
    ['2026-05-15', null, 'Today'],
    ['2026-05-15', '09:00', 'Today 09:00'],
    ['2026-05-16', null, 'Tomorrow'],
    ['2026-05-14', '17:30', 'Yesterday 17:30'],
    ['2026-05-17', null, 'Sun'],
    ['2026-05-21', null, 'Thu'],
    ['2026-05-22', null, 'Fri 22 May'],
    ['2026-05-13', null, 'Wed 13 May'],
    ['2026-12-05', '08:05', 'Sat 5 Dec 08:05'],
    ['2027-01-02', null, 'Sat 2 Jan 2027'],
    ['2025-12-31', null, 'Wed 31 Dec 2025'],
  ];
  it.each(table)('%s %s → %s', (date, time, words) => {
    expect(formatDue(date, time, FRIDAY)).toBe(words);
  });

  it('counts calendar days, not 24-hour periods', () => {
    expect(formatDue('2026-05-16', null, new Date(2026, 4, 15, 23, 59))).toBe('Tomorrow');
    expect(formatDue('2026-05-15', null, new Date(2026, 4, 15, 0, 0))).toBe('Today');
  });
});

describe('isOverdue', () => {
  it('is false without a date, and for today without a time', () => {
    expect(isOverdue(null, null, FRIDAY)).toBe(false);
    expect(isOverdue('2026-05-15', null, FRIDAY)).toBe(false);
    expect(isOverdue('2026-05-16', '00:00', FRIDAY)).toBe(false);
  });

  it('is true for an earlier day, and for a time today that has passed', () => {
    expect(isOverdue('2026-05-14', null, FRIDAY)).toBe(true);
    expect(isOverdue('2025-12-31', '23:59', FRIDAY)).toBe(true);
    expect(isOverdue('2026-05-15', '09:59', FRIDAY)).toBe(true);
    expect(isOverdue('2026-05-15', '10:00', FRIDAY)).toBe(false);
    expect(isOverdue('2026-05-15', '10:01', FRIDAY)).toBe(false);
  });
});

describe('isDueTodayOrOverdue', () => {
  it('is what the Today view shows', () => {
    expect(isDueTodayOrOverdue('2026-05-15', FRIDAY)).toBe(true);
    expect(isDueTodayOrOverdue('2026-01-01', FRIDAY)).toBe(true);
    expect(isDueTodayOrOverdue('2026-05-16', FRIDAY)).toBe(false);
    expect(isDueTodayOrOverdue(null, FRIDAY)).toBe(false);
  });
});

describe('groupByDay', () => {
  const task = (id: string, due_date: string | null, due_time: string | null = null) => ({ id, due_date, due_time });

  it('gives the next seven days from today, each with its tasks, timed ones first by time', () => {
    const tasks = [
      task('late', '2026-05-14'),
      task('a', '2026-05-15'),
      task('b', '2026-05-15', '17:00'),
      task('c', '2026-05-15', '08:30'),
      task('d', '2026-05-15'),
      task('sun', '2026-05-17'),
      task('last', '2026-05-21', '23:59'),
      task('beyond', '2026-05-22'),
      task('undated', null),
    ];
    const groups = groupByDay(tasks, FRIDAY);
    expect(groups.map((g) => [g.date, g.label, g.tasks.map((t) => t.id)])).toEqual([
      ['2026-05-15', 'Today', ['c', 'b', 'a', 'd']],
      ['2026-05-16', 'Tomorrow', []],
      ['2026-05-17', 'Sun', ['sun']],
      ['2026-05-18', 'Mon', []],
      ['2026-05-19', 'Tue', []],
      ['2026-05-20', 'Wed', []],
      ['2026-05-21', 'Thu', ['last']],
    ]);
  });

  it('crosses a year end, and takes another number of days', () => {
    const groups = groupByDay([task('ny', '2027-01-01')], new Date(2026, 11, 31, 12), 3);
    expect(groups.map((g) => [g.date, g.tasks.length])).toEqual([
      ['2026-12-31', 0],
      ['2027-01-01', 1],
      ['2027-01-02', 0],
    ]);
  });
});
