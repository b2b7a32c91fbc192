import { describe, expect, it } from 'vitest';
import { parseQuickAdd, quickAddProblem, type QuickAdd } from '@/lib/quick-add';

// Local times, so the expectations hold in every time zone the tests run in.
const FRIDAY = new Date(2026, 4, 15, 10, 0); // Fri 15 May 2026, 10:00
const at = (y: number, m: number, d: number, h = 8, min = 0) => new Date(y, m - 1, d, h, min);

const plain = { due_date: null, due_time: null, priority: 'none', labels: [], repeat: null, project_id: null, reminders: [] } as const;

type Expected = Partial<Omit<QuickAdd, 'parts'>>;

function fields(quickAdd: QuickAdd): Omit<QuickAdd, 'parts'> {
  const { parts: _parts, ...rest } = quickAdd;
  return rest;
}

describe('parseQuickAdd: the example from the issue', () => {
  it('reads title, date, time, priority, label and repeat, each as a part with its range', () => {
    const text = 'Pay rent tomorrow 9am !high #home every month';
    const quickAdd = parseQuickAdd(text, FRIDAY);
    expect(fields(quickAdd)).toEqual({
      title: 'Pay rent',
      due_date: '2026-05-16',
      due_time: '09:00',
      priority: 'high',
      labels: ['home'],
      repeat: { every: 'month', interval: 1 },
      project_id: null,
      reminders: [],
    });
    expect(quickAdd.parts.map((p) => [p.kind, p.text, text.slice(p.start, p.end)])).toEqual([
      ['due', 'tomorrow 9am', 'tomorrow 9am'],
      ['priority', '!high', '!high'],
      ['label', '#home', '#home'],
      ['repeat', 'every month', 'every month'],
    ]);
  });
});

describe('parseQuickAdd: dates and times (now: Fri 15 May 2026, 10:00)', () => {
  const table: [string, Expected][] = [
    ['Call mom today', { title: 'Call mom', due_date: '2026-05-15' }],
    ['Call mom tomorrow', { title: 'Call mom', due_date: '2026-05-16' }],
    ['Call mom fri', { title: 'Call mom', due_date: '2026-05-15' }],
    ['Call mom next fri', { title: 'Call mom', due_date: '2026-05-22' }],
    ['Call mom on monday', { title: 'Call mom', due_date: '2026-05-18' }],
    ['Gift 5 dec', { title: 'Gift', due_date: '2026-12-05' }],
    ['Gift dec 5', { title: 'Gift', due_date: '2026-12-05' }],
    ['Gift dec 5 9:15pm', { title: 'Gift', due_date: '2026-12-05', due_time: '21:15' }],
    ['Renew passport 5 dec 2030', { title: 'Renew passport', due_date: '2030-12-05' }],
    ['Renew 2026-12-01', { title: 'Renew', due_date: '2026-12-01' }],
    ['Dentist in 3 days', { title: 'Dentist', due_date: '2026-05-18' }],
    ['Dentist in 2 weeks', { title: 'Dentist', due_date: '2026-05-29' }],
    ['Report today 17:30', { title: 'Report', due_date: '2026-05-15', due_time: '17:30' }],
    // An explicit day keeps its time even when it has passed: the task is simply overdue.
    ['Report today 9am', { title: 'Report', due_date: '2026-05-15', due_time: '09:00' }],
    // A time alone is its next occurrence.
    ['Report 17:30', { title: 'Report', due_date: '2026-05-15', due_time: '17:30' }],
    ['Report 9am', { title: 'Report', due_date: '2026-05-16', due_time: '09:00' }],
    ['Call mom at 5', { title: 'Call mom', due_date: '2026-05-15', due_time: '17:00' }],
    ['Call mom at 5am', { title: 'Call mom', due_date: '2026-05-16', due_time: '05:00' }],
    ['Meet at noon', { title: 'Meet', due_date: '2026-05-15', due_time: '12:00' }],
    ['Pay rent by friday', { title: 'Pay rent', due_date: '2026-05-15' }],
    ['Read chapter 3 tonight', { title: 'Read chapter 3', due_date: '2026-05-15', due_time: null }],
    ['Plan fri #work 9am', { title: 'Plan', due_date: '2026-05-22', due_time: '09:00', labels: ['work'] }],
  ];
  it.each(table)('%s', (text, expected) => {
    expect(fields(parseQuickAdd(text, FRIDAY))).toEqual({ ...plain, ...expected });
  });

  it('"next fri" is the Friday of next week, also when asked on a Thursday', () => {
    expect(parseQuickAdd('x next fri', at(2026, 5, 14)).due_date).toBe('2026-05-22');
  });

  it('a date that has passed this year is next year', () => {
    expect(parseQuickAdd('Gift 5 dec', at(2026, 12, 6)).due_date).toBe('2027-12-05');
    expect(parseQuickAdd('Party tomorrow', at(2026, 12, 31, 23, 59)).due_date).toBe('2027-01-01');
  });

  it('months end where they end: one month after Jan 31 is the last day of February', () => {
    expect(parseQuickAdd('Invoice in 1 month', at(2026, 1, 31)).due_date).toBe('2026-02-28');
    expect(parseQuickAdd('Invoice in 1 month', at(2028, 1, 31)).due_date).toBe('2028-02-29');
    expect(parseQuickAdd('Invoice end of month', at(2027, 2, 10)).due_date).toBe('2027-02-28');
    expect(parseQuickAdd('Leap 29 feb 2028', FRIDAY).due_date).toBe('2028-02-29');
    expect(parseQuickAdd('Dentist in 3 days', at(2026, 2, 27)).due_date).toBe('2026-03-02');
  });

  it('a day that does not exist is not a date', () => {
    expect(fields(parseQuickAdd('Pay feb 30', FRIDAY))).toEqual({ ...plain, title: 'Pay feb 30' });
  });

  it('takes the first date and leaves a second one in the title', () => {
    expect(fields(parseQuickAdd('Move meeting from tomorrow to fri', FRIDAY))).toMatchObject({ due_date: '2026-05-16' });
  });
});

describe('parseQuickAdd: titles that only look like dates stay titles', () => {
  it.each([
    'Read 1984',
    'Call May',
    'Call May about the car',
    'Book for March',
    'Buy 2 apples',
    'Take 5',
    'Do it now',
    'Sun',
    'Weekly review',
    'Fix bug 12/5',
    'Write the monthly report',
  ])('%s', (text) => {
    expect(parseQuickAdd(text, FRIDAY)).toEqual({ ...plain, title: text, parts: [] });
  });

  it('"sun" as a word stays, "on sat" is a date', () => {
    expect(fields(parseQuickAdd('Buy sun cream on sat', FRIDAY))).toEqual({ ...plain, title: 'Buy sun cream', due_date: '2026-05-16' });
  });
});

describe('parseQuickAdd: priorities and labels', () => {
  const table: [string, Expected][] = [
    ['Taxes !high', { title: 'Taxes', priority: 'high' }],
    ['Taxes !MEDIUM', { title: 'Taxes', priority: 'medium' }],
    ['Taxes !med', { title: 'Taxes', priority: 'medium' }],
    ['!low Taxes', { title: 'Taxes', priority: 'low' }],
    ['Taxes !p1', { title: 'Taxes', priority: 'high' }],
    ['Taxes !p2', { title: 'Taxes', priority: 'medium' }],
    ['Taxes !p3', { title: 'Taxes', priority: 'low' }],
    // Only the first priority counts; the second stays in the title, where the person sees it.
    ['Taxes !high !low', { title: 'Taxes !low', priority: 'high' }],
    ['Wow!high', { title: 'Wow!high' }],
    ['Taxes !urgent', { title: 'Taxes !urgent' }],
    ['Milk #home #errands', { title: 'Milk', labels: ['home', 'errands'] }],
    ['Milk #Home #home #HOME', { title: 'Milk', labels: ['Home'] }],
    ['Café #café #日本語 #📚 #naïve', { title: 'Café', labels: ['café', '日本語', '📚', 'naïve'] }],
    ['Fix #to-do_list', { title: 'Fix', labels: ['to-do_list'] }],
    ['Issue#12 and # alone', { title: 'Issue#12 and # alone' }],
    [`Milk #${'a'.repeat(60)}`, { title: 'Milk', labels: ['a'.repeat(60)] }],
    [`Milk #${'a'.repeat(61)}`, { title: `Milk #${'a'.repeat(61)}` }],
  ];
  it.each(table)('%s', (text, expected) => {
    expect(fields(parseQuickAdd(text, FRIDAY))).toEqual({ ...plain, ...expected });
  });
});

describe('parseQuickAdd: repeats', () => {
  const table: [string, Expected][] = [
    // A repeat without a day starts today: the contract needs a date on a repeating task.
    ['Water plants every day', { title: 'Water plants', repeat: { every: 'day', interval: 1 }, due_date: '2026-05-15' }],
    ['Water plants daily', { title: 'Water plants', repeat: { every: 'day', interval: 1 }, due_date: '2026-05-15' }],
    ['Review weekly #work', { title: 'Review', repeat: { every: 'week', interval: 1 }, due_date: '2026-05-15', labels: ['work'] }],
    ['Rent monthly', { title: 'Rent', repeat: { every: 'month', interval: 1 }, due_date: '2026-05-15' }],
    ['Birthday yearly', { title: 'Birthday', repeat: { every: 'year', interval: 1 }, due_date: '2026-05-15' }],
    ['Bins every 2 weeks', { title: 'Bins', repeat: { every: 'week', interval: 2 }, due_date: '2026-05-15' }],
    ['Bins every other week', { title: 'Bins', repeat: { every: 'week', interval: 2 }, due_date: '2026-05-15' }],
    ['Filter every 3 months', { title: 'Filter', repeat: { every: 'month', interval: 3 }, due_date: '2026-05-15' }],
    ['Standup every weekday', { title: 'Standup', repeat: { every: 'weekday', interval: 1 }, due_date: '2026-05-15' }],
    ['Gym every monday', { title: 'Gym', repeat: { every: 'week', interval: 1 }, due_date: '2026-05-18' }],
    ['Gym every fri', { title: 'Gym', repeat: { every: 'week', interval: 1 }, due_date: '2026-05-15' }],
    ['Gym every other mon 7pm', { title: 'Gym', repeat: { every: 'week', interval: 2 }, due_date: '2026-05-18', due_time: '19:00' }],
    // With a time that has passed today, a daily task starts tomorrow; an explicit date wins.
    ['Pills daily 9am', { title: 'Pills', repeat: { every: 'day', interval: 1 }, due_date: '2026-05-16', due_time: '09:00' }],
    ['Rent every month 1 jun', { title: 'Rent', repeat: { every: 'month', interval: 1 }, due_date: '2026-06-01' }],
    // Outside the contract's range: words, and not a date either.
    ['Wait every 400 days', { title: 'Wait every 400 days' }],
    ['Standup every 2 weekdays', { title: 'Standup every 2 weekdays' }],
  ];
  it.each(table)('%s', (text, expected) => {
    expect(fields(parseQuickAdd(text, FRIDAY))).toEqual({ ...plain, ...expected });
  });

  it('"every weekday" typed at the weekend starts on Monday', () => {
    expect(parseQuickAdd('Standup every weekday 9:30', at(2026, 5, 16)).due_date).toBe('2026-05-18');
  });

  it('"every monday" on a Monday starts that day', () => {
    expect(parseQuickAdd('Gym every monday', at(2026, 5, 18)).due_date).toBe('2026-05-18');
  });

  it('"every monday" is a repeat, not also a due date Monday', () => {
    const { parts } = parseQuickAdd('Gym every monday', FRIDAY);
    expect(parts.map((p) => p.kind)).toEqual(['repeat']);
  });
});

describe('parseQuickAdd: removing a part keeps its words in the title', () => {
  const text = 'Pay rent tomorrow 9am !high #home every month';
  const keyOf = (kind: string) => parseQuickAdd(text, FRIDAY).parts.find((p) => p.kind === kind)!.key;

  it('without the date', () => {
    expect(fields(parseQuickAdd(text, FRIDAY, [keyOf('due')]))).toEqual({
      title: 'Pay rent tomorrow 9am',
      due_date: '2026-05-15', // the repeat still needs a start
      due_time: null,
      priority: 'high',
      labels: ['home'],
      repeat: { every: 'month', interval: 1 },
      project_id: null,
      reminders: [],
    });
  });

  it('without each of the others', () => {
    expect(parseQuickAdd(text, FRIDAY, [keyOf('priority')])).toMatchObject({ title: 'Pay rent !high', priority: 'none' });
    expect(parseQuickAdd(text, FRIDAY, [keyOf('label')])).toMatchObject({ title: 'Pay rent #home', labels: [] });
    expect(parseQuickAdd(text, FRIDAY, [keyOf('repeat')])).toMatchObject({ title: 'Pay rent every month', repeat: null, due_date: '2026-05-16' });
  });

  it('without all of them: the text as typed', () => {
    const keys = parseQuickAdd(text, FRIDAY).parts.map((p) => p.key);
    expect(parseQuickAdd(text, FRIDAY, keys)).toEqual({ ...plain, title: text, parts: [] });
  });

  it('stays removed while the person keeps typing', () => {
    const [due] = parseQuickAdd('Watch Friday night lights', FRIDAY).parts;
    expect(due?.text).toBe('Friday night');
    expect(parseQuickAdd('Watch Friday night lights tomorrow', FRIDAY, [due!.key])).toMatchObject({
      title: 'Watch Friday night lights',
      due_date: '2026-05-16',
    });
  });

  it('an ignored repeat does not turn into a date', () => {
    const [repeat] = parseQuickAdd('Gym every monday', FRIDAY).parts;
    expect(parseQuickAdd('Gym every monday', FRIDAY, [repeat!.key])).toEqual({ ...plain, title: 'Gym every monday', parts: [] });
  });

  it('a date around a label: ignoring the label keeps the label words only', () => {
    const text = 'Plan fri #work 9am';
    const label = parseQuickAdd(text, FRIDAY).parts.find((p) => p.kind === 'label')!;
    expect(parseQuickAdd(text, FRIDAY, [label.key])).toMatchObject({ title: 'Plan #work', labels: [], due_time: '09:00' });
  });
});

describe('parseQuickAdd: @project', () => {
  const HOME = { id: 'p-home', name: 'Home' };
  const RENOVATION = { id: 'p-renovation', name: 'Home renovation' };
  const WORK = { id: 'p-work', name: 'Work' };
  const projects = [HOME, RENOVATION, WORK];
  const parse = (text: string, ignored: string[] = []) => parseQuickAdd(text, FRIDAY, ignored, projects);

  it('reads a project by its name, as a part with its range, and takes it out of the title', () => {
    const text = 'Fix the tap @home now';
    const quickAdd = parse(text);
    expect(fields(quickAdd)).toEqual({ ...plain, title: 'Fix the tap now', project_id: 'p-home' });
    expect(quickAdd.parts).toEqual([{ kind: 'project', project_id: 'p-home', name: 'Home', key: 'project:@home', text: '@home', start: 12, end: 17 }]);
    expect(text.slice(12, 17)).toBe('@home');
  });

  const table: [string, Expected][] = [
    ['Fix the tap @HOME', { title: 'Fix the tap', project_id: 'p-home' }],
    ['@Work Send the report', { title: 'Send the report', project_id: 'p-work' }],
    // The longest name that fits, on a word boundary; any run of spaces matches a space.
    ['Order tiles @home renovation', { title: 'Order tiles', project_id: 'p-renovation' }],
    ['Order tiles @Home   Renovation by the window', { title: 'Order tiles by the window', project_id: 'p-renovation' }],
    ['Order tiles @home renovations', { title: 'Order tiles renovations', project_id: 'p-home' }],
    ['Finish @homework', { title: 'Finish @homework' }],
    ['Balance @work-life', { title: 'Balance @work-life' }],
    // A name no project has, and an @ inside a word, stay in the title.
    ['Email @bob about lunch', { title: 'Email @bob about lunch' }],
    ['Write to me@home.example', { title: 'Write to me@home.example' }],
    ['Just @ home', { title: 'Just @ home' }],
    // Only the first project counts; the second stays in the title, where the person sees it.
    ['Call the plumber @home @work', { title: 'Call the plumber @work', project_id: 'p-home' }],
  ];
  it.each(table)('%s', (text, expected) => {
    expect(fields(parse(text))).toEqual({ ...plain, ...expected });
  });

  it('goes with labels, priorities, dates and repeats, wherever it is in the line', () => {
    const text = 'Pay the builder tomorrow 9am @Home renovation !high #bills every month';
    const quickAdd = parse(text);
    expect(fields(quickAdd)).toEqual({
      title: 'Pay the builder',
      due_date: '2026-05-16',
      due_time: '09:00',
      priority: 'high',
      labels: ['bills'],
      repeat: { every: 'month', interval: 1 },
      project_id: 'p-renovation',
      reminders: [],
    });
    expect(quickAdd.parts.map((p) => [p.kind, text.slice(p.start, p.end)])).toEqual([
      ['due', 'tomorrow 9am'],
      ['project', '@Home renovation'],
      ['priority', '!high'],
      ['label', '#bills'],
      ['repeat', 'every month'],
    ]);
    expect(fields(parse('Plan fri @work 9am'))).toEqual({ ...plain, title: 'Plan', due_date: '2026-05-22', due_time: '09:00', project_id: 'p-work' });
    expect(fields(parse('Water plants daily @home'))).toMatchObject({ title: 'Water plants', repeat: { every: 'day', interval: 1 }, project_id: 'p-home' });
  });

  it("a project's name is all project: its words are not also a date, a label or a repeat", () => {
    const odd = [
      { id: 'p-friday', name: 'Friday night' },
      { id: 'p-chores', name: 'Chores every day' },
      { id: 'p-tagged', name: 'Launch #2' },
      { id: 'p-cpp', name: 'C++ (work)' },
    ];
    expect(fields(parseQuickAdd('Book a table @friday night', FRIDAY, [], odd))).toEqual({ ...plain, title: 'Book a table', project_id: 'p-friday' });
    expect(fields(parseQuickAdd('Sweep @chores every day', FRIDAY, [], odd))).toEqual({ ...plain, title: 'Sweep', project_id: 'p-chores' });
    expect(fields(parseQuickAdd('Press kit @launch #2 #press', FRIDAY, [], odd))).toEqual({ ...plain, title: 'Press kit', labels: ['press'], project_id: 'p-tagged' });
    expect(fields(parseQuickAdd('Fix the build @c++ (work) !low', FRIDAY, [], odd))).toEqual({ ...plain, title: 'Fix the build', priority: 'low', project_id: 'p-cpp' });
  });

  it('between projects of the same name (one of them shared), the first in the list', () => {
    const shared = { id: 'p-shared-home', name: 'HOME' };
    expect(parseQuickAdd('Fix the tap @home', FRIDAY, [], [shared, HOME]).project_id).toBe('p-shared-home');
    expect(parseQuickAdd('Fix the tap @home', FRIDAY, [], [HOME, shared]).project_id).toBe('p-home');
  });

  it('without projects, every @word is words', () => {
    expect(fields(parseQuickAdd('Fix the tap @home', FRIDAY))).toEqual({ ...plain, title: 'Fix the tap @home' });
  });

  it('removing the chip keeps the name in the title, and its words stay words', () => {
    const text = 'Pay rent @home !high';
    const project = parse(text).parts.find((p) => p.kind === 'project')!;
    expect(fields(parse(text, [project.key]))).toEqual({ ...plain, title: 'Pay rent @home', priority: 'high' });

    const friday = [{ id: 'p-friday', name: 'Friday night' }];
    const [chip] = parseQuickAdd('Book a table @friday night', FRIDAY, [], friday).parts;
    expect(fields(parseQuickAdd('Book a table @friday night', FRIDAY, [chip!.key], friday))).toEqual({ ...plain, title: 'Book a table @friday night' });
  });

  it('a line that is only a project has no title', () => {
    expect(quickAddProblem(parse('@home'))).toMatch(/title besides/);
    expect(quickAddProblem(parse('Fix the tap @home'))).toBeNull();
  });
});

describe('parseQuickAdd: reminders (now: Fri 15 May 2026, 10:00)', () => {
  it('reads "remind 30m before" and its wordier forms as minutes before the due date and time', () => {
    const table: [string, number][] = [
      ['Call Bob tomorrow 9am remind 30m before', 30],
      ['Call Bob tomorrow 9am remind me 2 hours before', 120],
      ['Call Bob tomorrow 9am remind 1 day before', 1440],
      ['Call Bob tomorrow 9am remind me 1 week before', 10080],
      ['Call Bob tomorrow 9am remind 0 min before', 0],
    ];
    for (const [text, minutes] of table) {
      const quickAdd = parseQuickAdd(text, FRIDAY);
      expect(fields(quickAdd), text).toEqual({ ...plain, title: 'Call Bob', due_date: '2026-05-16', due_time: '09:00', reminders: [{ minutes_before: minutes }] });
      expect(quickAdd.parts.map((p) => p.kind)).toEqual(['due', 'reminder']);
    }
  });

  it('reads "remind 8am" as that time on the due date, or without one its next occurrence, in the browser\'s time', () => {
    expect(parseQuickAdd('Bins out monday remind 8am', FRIDAY).reminders).toEqual([{ at: at(2026, 5, 18, 8).toISOString() }]);
    expect(parseQuickAdd('Bins out remind me at 18:30', FRIDAY).reminders).toEqual([{ at: at(2026, 5, 15, 18, 30).toISOString() }]);
    // 8am has passed today: tomorrow.
    expect(fields(parseQuickAdd('Bins out remind 8am', FRIDAY))).toEqual({ ...plain, title: 'Bins out', reminders: [{ at: at(2026, 5, 16, 8).toISOString() }] });
    // Two reminders, and one typed twice, collapse as the server's do.
    expect(parseQuickAdd('Pay tomorrow remind 1h before remind 9am remind 60 min before', FRIDAY).reminders).toEqual([
      { minutes_before: 60 },
      { at: at(2026, 5, 16, 9).toISOString() },
    ]);
  });

  it('leaves what is no reminder as words: no time, an impossible time, more than 4 weeks', () => {
    for (const text of ['remind 5', 'remind 25:00', 'remind 13pm', 'remind 5 weeks before', 'reminder 8am']) {
      const quickAdd = parseQuickAdd(`Water ${text}`, FRIDAY);
      expect(quickAdd.reminders, text).toEqual([]);
      expect(quickAdd.parts.some((p) => p.kind === 'reminder'), text).toBe(false);
    }
  });

  it('asks for a due date before a reminder relative to it, and refuses more than 5', () => {
    expect(quickAddProblem(parseQuickAdd('Call Bob remind 30m before', FRIDAY))).toMatch(/needs a due date/);
    expect(quickAddProblem(parseQuickAdd('Call Bob today remind 30m before', FRIDAY))).toBeNull();
    const six = 'Call Bob today ' + [1, 2, 3, 4, 5, 6].map((n) => `remind ${n}m before`).join(' ');
    expect(quickAddProblem(parseQuickAdd(six, FRIDAY))).toMatch(/at most 5 reminders/);
  });
});

describe('quickAddProblem', () => {
  it('accepts a title with parts', () => {
    expect(quickAddProblem(parseQuickAdd('Pay rent tomorrow', FRIDAY))).toBeNull();
  });

  it('refuses an empty line, and a line that is all parts, with words that say why', () => {
    expect(quickAddProblem(parseQuickAdd('   ', FRIDAY))).toBe('Give the task a title.');
    const allParts = parseQuickAdd('tomorrow 9am !high #home', FRIDAY);
    expect(allParts.title).toBe('');
    expect(quickAddProblem(allParts)).toMatch(/title besides/);
  });

  it('refuses more labels than a task can carry', () => {
    const labels = Array.from({ length: 21 }, (_, i) => `#l${i}`).join(' ');
    expect(quickAddProblem(parseQuickAdd(`Milk ${labels}`, FRIDAY))).toMatch(/at most 20 labels/);
    expect(quickAddProblem(parseQuickAdd(`Milk ${labels.replace(' #l20', '')}`, FRIDAY))).toBeNull();
  });

  it('refuses a title over the limit', () => {
    expect(quickAddProblem(parseQuickAdd(`${'x'.repeat(501)} tomorrow`, FRIDAY))).toMatch(/under 501/);
  });
});
