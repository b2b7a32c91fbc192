import * as chrono from 'chrono-node';
import { addDays, endOfMonth, format, isValid, isWeekend, nextMonday, parse, setHours, setMinutes, startOfDay, subMonths } from 'date-fns';
import {
  codePoints,
  LABEL_NAME_MAX,
  LABELS_PER_TASK_MAX,
  REMINDER_MINUTES_MAX,
  REMINDERS_PER_TASK_MAX,
  REPEAT_INTERVAL_MAX,
  TITLE_MAX,
  type PRIORITIES,
  type REPEAT_UNITS,
} from '@/lib/limits';

// Shared by the browser (the quick add line) and the server (the MCP server's create_task): one
// reading of quick-add text. It depends on nothing but the contract's limits, chrono-node and
// date-fns; "today" and "9am" are the local day and time of `now` (the server passes a `now`
// whose local fields are the account's wall clock).

type Priority = (typeof PRIORITIES)[number];
type RepeatUnit = (typeof REPEAT_UNITS)[number];
type Repeat = { every: RepeatUnit; interval: number };

/** A reminder as a write sets it: minutes before the due date and time, or an instant (ISO). */
export type ReminderInput = { minutes_before: number } | { at: string };

/** A new task as quick add reads it, in the shape `POST …/tasks` accepts. */
export interface QuickAddTask {
  title: string;
  due_date: string | null;
  due_time: string | null;
  priority: Priority;
  labels: string[];
  repeat: Repeat | null;
  project_id?: string | null;
  reminders?: ReminderInput[];
}

const DATE_FORMAT = 'yyyy-MM-dd';
const toDateString = (date: Date): string => format(date, DATE_FORMAT);
const parseDateString = (day: string): Date | null => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  const date = parse(day, DATE_FORMAT, new Date(0));
  return isValid(date) ? date : null;
};

/**
 * Quick add: one line of text, read as Todoist reads it.
 * `Pay rent tomorrow 9am !high #home every month` is the task "Pay rent", due tomorrow at
 * 09:00, high priority, labelled home, repeating monthly.
 *
 * Dates come from chrono-node; priorities (`!high`, `!p1`), labels (`#home`), projects
 * (`@home`, `@Home renovation`: only the names of the projects given), repeats
 * (`every 2 weeks`, `daily`) and reminders (`remind 30m before`, `remind 8am`) are plain tokens. Each recognised piece is a part with its range
 * in the text, for the UI to show as a chip. Removing a chip does not edit the text: the UI
 * passes the part's `key` back in `ignored`, and those words stay in the title as typed.
 */

export type QuickAddPart =
  | (PartSpan & { kind: 'due'; due_date: string; due_time: string | null })
  | (PartSpan & { kind: 'priority'; priority: Exclude<Priority, 'none'> })
  | (PartSpan & { kind: 'label'; label: string })
  | (PartSpan & { kind: 'project'; project_id: string; name: string })
  | (PartSpan & { kind: 'repeat'; repeat: Repeat })
  /** `minutes_before` the due date and time, or at a wall-clock `time` (on the due date, else its next occurrence). */
  | (PartSpan & { kind: 'reminder'; minutes_before: number | null; time: string | null });

export type QuickAddPartKind = QuickAddPart['kind'];

interface PartSpan {
  /** Identifies the part across edits of the text: pass it in `ignored` to turn it back into plain words. */
  key: string;
  /** The words as typed ("tomorrow 9am", "#home", "!high", "@home", "every month"). */
  text: string;
  /** The part's range in the text: `text.slice(start, end)`. A date may span other parts ("fri #work 9am"). */
  start: number;
  end: number;
}

export interface QuickAdd extends QuickAddTask {
  /** The project named with `@name`, or null. */
  project_id: string | null;
  /** The reminders named with `remind …`, in the order typed. */
  reminders: ReminderInput[];
  /** The recognised parts, in the order they appear in the text. */
  parts: QuickAddPart[];
}

/**
 * Reads one line of quick add. `now` fixes "today" (the browser's local day) and the time for
 * "9am" (today if still ahead, else tomorrow). Parts whose `key` is in `ignored` stay words.
 * A repeat without a day starts on its first occurrence, today at the earliest ("every monday":
 * the next Monday), since the contract needs a date on a repeating task.
 * `projects` are those a task may be put in with `@name`: an `@word` naming none stays words.
 */
export function parseQuickAdd(text: string, now: Date, ignored: Iterable<string> = [], projects: readonly QuickAddProject[] = []): QuickAdd {
  const skip = new Set(ignored);
  const tokens: Token[] = [];
  const ignoredSpans: Span[] = [];
  for (const token of scanTokens(text, projects)) {
    if (token.part !== null && !skip.has(token.part.key)) tokens.push(token);
    else ignoredSpans.push(token);
  }

  // chrono never sees the tokens, recognised or ignored: "every monday" is not also a due date,
  // and an ignored "#friday" stays a label's words.
  const masked = mask(text, [...tokens, ...ignoredSpans]);
  const due = findDue(masked, now, skip);

  const taken: Span[] = [...tokens, ...ignoredSpans, ...(due ? [due] : [])];
  const priority = tokens.find((t) => t.part.kind === 'priority');
  const project = tokens.find((t) => t.part.kind === 'project');
  const repeat = tokens.find((t) => t.part.kind === 'repeat' && (!t.trailingOnly || onlyTakenAfter(text, t.end, taken)));
  const labels = tokens.filter((t) => t.part.kind === 'label');
  const reminders = tokens.filter((t) => t.part.kind === 'reminder');
  if (repeat && due?.timeOnly) {
    // The repeat picks the day: "every monday 7pm" is on Monday, "daily 9am" after 9 is tomorrow.
    const from = due.part.due_time! > format(now, 'HH:mm') ? now : addDays(now, 1);
    due.part.due_date = firstOccurrence(repeat, from);
  }
  const active = [...(priority ? [priority] : []), ...(project ? [project] : []), ...(repeat ? [repeat] : []), ...labels, ...reminders];

  // A date's range may cover other tokens ("fri #work 9am"): those keep their own fate.
  const removed = new Uint8Array(text.length);
  if (due) removed.fill(1, due.start, due.end);
  for (const span of [...tokens, ...ignoredSpans]) removed.fill(0, span.start, span.end);
  for (const token of active) removed.fill(1, token.start, token.end);

  const parts = [...active, ...(due ? [due] : [])].map((t) => t.part).sort((a, b) => a.start - b.start);
  const quickAdd: QuickAdd = { title: collapse(keep(text, removed)), due_date: null, due_time: null, priority: 'none', labels: [], repeat: null, project_id: null, reminders: [], parts };
  for (const part of parts) {
    if (part.kind === 'due') Object.assign(quickAdd, { due_date: part.due_date, due_time: part.due_time });
    else if (part.kind === 'priority') quickAdd.priority = part.priority;
    else if (part.kind === 'project') quickAdd.project_id = part.project_id;
    else if (part.kind === 'repeat') quickAdd.repeat = part.repeat;
    else if (part.kind === 'reminder') continue;
    else if (!quickAdd.labels.some((name) => name.toLocaleLowerCase() === part.label.toLocaleLowerCase())) {
      // Names that differ only in case are one label; the first spelling wins, as on the server.
      quickAdd.labels.push(part.label);
    }
  }
  if (repeat && !due) quickAdd.due_date = firstOccurrence(repeat, now);
  // A reminder's time is on the due date once that is known; without one, its next occurrence.
  for (const { part } of reminders) {
    if (part.kind !== 'reminder') continue;
    const reminder: ReminderInput =
      part.minutes_before !== null ? { minutes_before: part.minutes_before } : { at: reminderInstant(part.time!, quickAdd.due_date, now).toISOString() };
    if (!quickAdd.reminders.some((r) => JSON.stringify(r) === JSON.stringify(reminder))) quickAdd.reminders.push(reminder);
  }
  return quickAdd;
}

/** `time` (HH:MM, the browser's wall clock) on `date`, or without a date its next occurrence after `now`. */
function reminderInstant(time: string, date: string | null, now: Date): Date {
  const [hours, minutes] = time.split(':').map(Number) as [number, number];
  const day = date ? parseDateString(date) : null;
  if (day) return setMinutes(setHours(day, hours), minutes);
  const today = setMinutes(setHours(startOfDay(now), hours), minutes);
  return today > now ? today : addDays(today, 1);
}

/** Why a quick add cannot be sent as it stands, in words for the person typing, or null. */
export function quickAddProblem(quickAdd: QuickAdd): string | null {
  const title = quickAdd.title.trim();
  const titleProblem = !title ? 'Give the task a title.' : codePoints(title) > TITLE_MAX ? `Keep the title under ${TITLE_MAX + 1} characters.` : null;
  if (titleProblem) return quickAdd.parts.length > 0 && !quickAdd.title ? 'Give the task a title besides its date, labels and the like.' : titleProblem;
  if (quickAdd.labels.length > LABELS_PER_TASK_MAX) return `A task can have at most ${LABELS_PER_TASK_MAX} labels.`;
  if (quickAdd.reminders.length > REMINDERS_PER_TASK_MAX) return `A task can have at most ${REMINDERS_PER_TASK_MAX} reminders.`;
  if (!quickAdd.due_date && quickAdd.reminders.some((r) => 'minutes_before' in r)) return 'A reminder before the task is due needs a due date: add one, like "tomorrow 9am".';
  return null;
}

interface Span {
  start: number;
  end: number;
}

/** A project quick add can name: its id, and the name typed after `@`. */
export interface QuickAddProject {
  id: string;
  name: string;
}

interface Token extends Span {
  part: QuickAddPart;
  /** "daily" and friends: a repeat only at the end of the text ("water plants daily"), not before a word ("weekly review"). */
  trailingOnly?: boolean;
  /** "every monday": the repeat's first day when no date is given. */
  weekday?: string;
}

const PRIORITY = /(?<=^|\s)!(high|medium|med|low|p[123])(?=\s|$)/giu;
const PRIORITY_WORDS: Record<string, Exclude<Priority, 'none'>> = { high: 'high', p1: 'high', medium: 'medium', med: 'medium', p2: 'medium', low: 'low', p3: 'low' };

// Letters, digits and combining marks of any script, `_`, `-`, and emoji (with their joiners).
const LABEL = /(?<=^|\s)#([\p{L}\p{M}\p{N}\p{Pc}\p{Pd}\p{Extended_Pictographic}\u200d\ufe0f]+)/gu;

const WEEKDAY_NAMES = 'monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun';
const EVERY = new RegExp(
  `(?<=^|\\s)every\\s+(?:(other)\\s+|(\\d{1,3})\\s+)?(?:(day|weekday|week|month|year)s?|(${WEEKDAY_NAMES})s?)(?=[\\s,.;!?]|$)`,
  'giu',
);
const ADVERB = /(?<=^|\s)(daily|weekly|monthly|yearly|annually)(?=\s|$)/giu;

// "remind 30m before", "remind me 2 hours before", "remind 8am", "remind me at 18:30".
const REMIND_BEFORE = /(?<=^|\s)remind(?:\s+me)?\s+(\d{1,5})\s*(m|mins?|minutes?|h|hrs?|hours?|d|days?|w|weeks?)\s+before(?=[\s,.;!?]|$)/giu;
const REMIND_AT = /(?<=^|\s)remind(?:\s+me)?\s+(?:at\s+)?(\d{1,2})(?::(\d{2}))?\s*(am|pm)?(?=[\s,.;!?]|$)/giu;
const UNIT_MINUTES: Record<string, number> = { m: 1, h: 60, d: 1440, w: 10080 };
const ADVERB_UNITS: Record<string, RepeatUnit> = { daily: 'day', weekly: 'week', monthly: 'month', yearly: 'year', annually: 'year' };

type Scanned = Token | (Span & { part: null });

/**
 * Every token in the text; one whose part is null looks like a token but breaks a rule ("every
 * 400 days") and stays words. A project's name is all project: "@Chores every day" names the
 * project "Chores every day" and repeats nothing.
 */
function* scanTokens(text: string, projects: readonly QuickAddProject[]): Generator<Scanned> {
  const named = [...scanProjects(text, projects)];
  yield* named;
  for (const token of scanWords(text)) {
    if (!named.some((project) => token.start < project.end && project.start < token.end)) yield token;
  }
}

const AT = /(?<=^|\s)@/gu;
// A name ends where a word does: "@Home" is not in "@Homework", nor "@Work" in "@Work-life".
const WORD_GOES_ON = '(?![\\p{L}\\p{M}\\p{N}\\p{Pc}\\p{Pd}])';

/**
 * `@` and a project's name, case-insensitively, any run of spaces matching the name's spaces.
 * Where several names fit ("@Home" and "@Home office"), the longest does; between equal names
 * (one's own and a shared one), the first in the list.
 */
function* scanProjects(text: string, projects: readonly QuickAddProject[]): Generator<Token> {
  if (projects.length === 0) return;
  const patterns = projects.map((project) => ({
    project,
    pattern: new RegExp(project.name.trim().split(/\s+/u).map(escapeRegExp).join('\\s+') + WORD_GOES_ON, 'iuy'),
  }));
  let scannedTo = 0;
  for (const at of text.matchAll(AT)) {
    // An `@` inside a name just read ("@Mail @ work") belongs to that name.
    if (at.index! < scannedTo) continue;
    let best: { project: QuickAddProject; length: number } | null = null;
    for (const { project, pattern } of patterns) {
      pattern.lastIndex = at.index! + 1;
      const length = pattern.exec(text)?.[0].length ?? 0;
      if (length > (best?.length ?? 0)) best = { project, length };
    }
    if (!best) continue;
    scannedTo = at.index! + 1 + best.length;
    yield token(at.index!, text.slice(at.index!, scannedTo), { kind: 'project', project_id: best.project.id, name: best.project.name });
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
}

function* scanWords(text: string): Generator<Scanned> {
  for (const m of text.matchAll(PRIORITY)) {
    yield token(m.index!, m[0], { kind: 'priority', priority: PRIORITY_WORDS[m[1]!.toLowerCase()]! });
  }
  for (const m of text.matchAll(LABEL)) {
    const label = m[1]!;
    if ([...label].length <= LABEL_NAME_MAX) yield token(m.index!, m[0], { kind: 'label', label });
  }
  for (const m of text.matchAll(EVERY)) {
    const [, other, count, unit, weekday] = m;
    const interval = other ? 2 : count ? Number(count) : 1;
    const every: RepeatUnit = unit ? (unit.toLowerCase() as RepeatUnit) : 'week';
    if (interval < 1 || interval > REPEAT_INTERVAL_MAX || (every === 'weekday' && interval !== 1)) {
      yield { start: m.index!, end: m.index! + m[0].length, part: null };
      continue;
    }
    yield { ...token(m.index!, m[0], { kind: 'repeat', repeat: { every, interval } }), weekday };
  }
  for (const m of text.matchAll(REMIND_BEFORE)) {
    const minutes = Number(m[1]) * UNIT_MINUTES[m[2]!.toLowerCase()[0]!]!;
    if (minutes > REMINDER_MINUTES_MAX) yield { start: m.index!, end: m.index! + m[0].length, part: null };
    else yield token(m.index!, m[0], { kind: 'reminder', minutes_before: minutes, time: null });
  }
  for (const m of text.matchAll(REMIND_AT)) {
    const time = clockTime(Number(m[1]), Number(m[2] ?? 0), m[3]?.toLowerCase());
    // "remind 5" says no time: a bare hour needs minutes or am/pm.
    if (time === null || (m[2] === undefined && m[3] === undefined)) yield { start: m.index!, end: m.index! + m[0].length, part: null };
    else yield token(m.index!, m[0], { kind: 'reminder', minutes_before: null, time });
  }
  for (const m of text.matchAll(ADVERB)) {
    yield { ...token(m.index!, m[0], { kind: 'repeat', repeat: { every: ADVERB_UNITS[m[1]!.toLowerCase()]!, interval: 1 } }), trailingOnly: true };
  }
}

/** HH:MM of an hour, minutes and am/pm as typed, or null when it is no time of day. */
function clockTime(hour: number, minute: number, meridiem: string | undefined): string | null {
  if (minute > 59) return null;
  if (meridiem) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (meridiem === 'pm' ? 12 : 0);
  } else if (hour > 23) return null;
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
type PartFields = DistributiveOmit<QuickAddPart, keyof PartSpan>;

function token(start: number, text: string, fields: PartFields): Token {
  const end = start + text.length;
  const part = { ...fields, key: `${fields.kind}:${text.toLowerCase()}`, text, start, end } as QuickAddPart;
  return { start, end, part };
}

// Words chrono reads as dates that are more often just words in a title ("Sun cream", "Do it
// now"). Written with "on" ("on sat") or in full ("saturday") they still count.
const WORDS_NOT_DATES = new Set(['sun', 'sat', 'wed', 'now']);

interface Due extends Span {
  part: Extract<QuickAddPart, { kind: 'due' }>;
  /** Only a time was given ("9am"), no day. */
  timeOnly: boolean;
}

// "Pay rent by friday", "Meet at noon": the little word before a date goes with it.
const LEAD_IN = /(?:^|\s)((?:on|at|by|due|before|until)\s+)$/i;

function findDue(masked: string, now: Date, skip: ReadonlySet<string>): Due | null {
  for (const result of chrono.casual.parse(masked, now, { forwardDate: true })) {
    if (!isPlausibleDate(result)) continue;
    const leadIn = LEAD_IN.exec(masked.slice(0, result.index))?.[1] ?? '';
    const start = result.index - leadIn.length;
    const end = result.index + result.text.length;
    const text = collapse(masked.slice(start, end));
    const key = `due:${text.toLowerCase()}`;
    if (skip.has(key)) continue;
    const { due_date, due_time, timeOnly } = dueOf(result, now);
    return { start, end, timeOnly, part: { kind: 'due', key, text, start, end, due_date, due_time } };
  }
  return null;
}

function isPlausibleDate(result: chrono.ParsedResult): boolean {
  const text = result.text.trim();
  if (WORDS_NOT_DATES.has(text.toLowerCase())) return false;
  // "12/5" is 12 May or 5 December depending on who typed it: ask for words instead.
  if (/\d\s*\/\s*\d/.test(text)) return false;
  // A bare month ("Book for March") or number says no day; a year alone ("next year") does.
  const { start } = result;
  return start.isCertain('day') || start.isCertain('weekday') || start.isCertain('hour') || start.isCertain('year');
}

function dueOf(result: chrono.ParsedResult, now: Date): { due_date: string; due_time: string | null; timeOnly: boolean } {
  const { start } = result;
  let date = start.date();
  // chrono adds months by overflowing (Jan 31 + 1 month = Mar 3); clamp to the month's end, as
  // the contract's repeats do.
  if (start.tags().has('result/relativeDate') && start.isCertain('month') && !start.isCertain('day') && date.getDate() !== now.getDate()) {
    date = endOfMonth(subMonths(date, 1));
  }
  if (!start.isCertain('hour')) return { due_date: toDateString(date), due_time: null, timeOnly: false };

  let hour = date.getHours();
  // A bare "at 5" on a to-do means the afternoon, not 5 in the morning.
  if (!start.isCertain('meridiem') && hour >= 1 && hour <= 7) hour += 12;
  const time = `${String(hour).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
  const dayGiven = start.isCertain('day') || start.isCertain('weekday') || start.isCertain('month') || start.isCertain('year');
  // A time alone is its next occurrence: today if still ahead, else tomorrow.
  if (!dayGiven) return { due_date: toDateString(time > format(now, 'HH:mm') ? now : addDays(now, 1)), due_time: time, timeOnly: true };
  return { due_date: toDateString(date), due_time: time, timeOnly: false };
}

/** The first day on or after `from` that the repeat falls on. */
function firstOccurrence(repeat: Token, from: Date): string {
  if (repeat.weekday) {
    const day = chrono.casual.parseDate(repeat.weekday, from, { forwardDate: true });
    if (day) return toDateString(day);
  }
  if (repeat.part.kind === 'repeat' && repeat.part.repeat.every === 'weekday' && isWeekend(from)) return toDateString(nextMonday(from));
  return toDateString(from);
}

/** Whether everything after `from` is whitespace or belongs to one of `taken`. */
function onlyTakenAfter(text: string, from: number, taken: readonly Span[]): boolean {
  for (let i = from; i < text.length; i++) {
    if (/\s/.test(text[i]!)) continue;
    if (!taken.some((span) => i >= span.start && i < span.end)) return false;
  }
  return true;
}

function mask(text: string, spans: readonly Span[]): string {
  const chars = text.split('');
  for (const { start, end } of spans) chars.fill(' ', start, end);
  return chars.join('');
}

function keep(text: string, removed: Uint8Array): string {
  let kept = '';
  for (let i = 0; i < text.length; i++) kept += removed[i] ? ' ' : text[i];
  return kept;
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
