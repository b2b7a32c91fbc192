import 'server-only';
import { DESCRIPTION_MAX, DUE_DATE_MAX, DUE_DATE_MIN, LABEL_NAME_MAX, LABELS_PER_TASK_MAX, PROJECT_NAME_MAX, TASK_LEVELS_MAX, TASKS_PER_USER_MAX, TITLE_MAX, codePoints } from '@/lib/limits';
import { parseQuickAdd } from '@/lib/quick-add';
import { ImportInvalid } from '@/lib/transfer/errors';
import type { ImportPlan } from '@/lib/transfer/import';
import { ImportedTaskSchema, taskPath, type ImportedTask } from '@/lib/transfer/schemas';

// What the importers of other apps' files share: a draft task per item of the file, made to fit
// this app's rules (anything that does not fit exactly is carried over as well as it can be and
// named in a warning, never dropped silently), then the plan lib/transfer/import.ts writes.

export interface Warning {
  /** `row 13` (CSV), a JSON path (`items[0].items[3]`), or `file.csv: row 13` in a zip. */
  path: string;
  message: string;
}

export interface Draft {
  /** Where the item is in the file, for warnings. */
  path: string;
  title: string;
  description: string | null;
  completed: boolean;
  due_date: string | null;
  due_time: string | null;
  priority: 'none' | 'low' | 'medium' | 'high';
  labels: string[];
  repeat: { every: 'day' | 'weekday' | 'week' | 'month' | 'year'; interval: number } | null;
  /** The project's name; null: the Inbox. */
  project: string | null;
  /** The index of its parent among the drafts (earlier or later), or null. */
  parent: number | null;
  created_at: string | null;
}

export interface ForeignImport {
  plan: ImportPlan;
  warnings: Warning[];
}

/** A refusal of the whole file (it is not the format asked for), at `path`. */
export const notTheFormat = (path: string, message: string) => new ImportInvalid([{ path, message }]);

const cut = (text: string, max: number) => Array.from(text).slice(0, max).join('');

/**
 * A date (and maybe time and repeat) in the words a person typed in another app, read by quick
 * add's parser (so "every monday", "tomorrow 9am", "Dec 24" read as they do when typed here);
 * words it cannot read are warned about, and the task keeps no date rather than a wrong one.
 */
export function readDateWords(words: string, now: Date, path: string, warnings: Warning[]): Pick<Draft, 'due_date' | 'due_time' | 'repeat'> {
  const read = parseQuickAdd(`x ${words}`, now);
  const rest = read.title.replace(/^x\b/, '').trim();
  if (!read.due_date) {
    warnings.push({ path, message: `the date "${words}" could not be read; the task has no date` });
    return { due_date: null, due_time: null, repeat: null };
  }
  if (rest) warnings.push({ path, message: `the date "${words}" was read as ${read.due_date}${read.due_time ? ` ${read.due_time}` : ''}${read.repeat ? `, every ${read.repeat.interval > 1 ? `${read.repeat.interval} ` : ''}${read.repeat.every}` : ''}; "${rest}" could not be kept` });
  return { due_date: read.due_date, due_time: read.due_time, repeat: read.repeat };
}

/**
 * An iCalendar RRULE (TickTick's Repeat) as `repeat`: daily, weekly, monthly, yearly with an
 * interval, and Monday to Friday as `weekday`; anything more (BYDAY of other days, BYSETPOS,
 * COUNT, UNTIL) keeps the frequency and is warned about.
 */
export function readRrule(rule: string, path: string, warnings: Warning[]): Draft['repeat'] {
  const parts = new Map(
    rule
      .replace(/^RRULE:/i, '')
      .split(';')
      .map((part) => part.split('=') as [string, string])
      .map(([key, value]) => [key.toUpperCase(), (value ?? '').toUpperCase()]),
  );
  const freq = parts.get('FREQ');
  const interval = Math.max(1, Math.min(365, Number(parts.get('INTERVAL') ?? 1) || 1));
  const byDay = parts.get('BYDAY');
  let repeat: Draft['repeat'];
  if (freq === 'DAILY') repeat = { every: 'day', interval };
  else if (freq === 'WEEKLY' && byDay === 'MO,TU,WE,TH,FR' && interval === 1) repeat = { every: 'weekday', interval: 1 };
  else if (freq === 'WEEKLY') repeat = { every: 'week', interval };
  else if (freq === 'MONTHLY') repeat = { every: 'month', interval };
  else if (freq === 'YEARLY') repeat = { every: 'year', interval };
  else {
    warnings.push({ path, message: `the repeat "${rule}" could not be read; the task does not repeat` });
    return null;
  }
  const extra = [...parts.keys()].filter((key) => !['FREQ', 'INTERVAL', 'WKST'].includes(key) && !(key === 'BYDAY' && repeat.every === 'weekday'));
  const weeklyOnItsDay = repeat.every === 'week' && extra.length === 1 && extra[0] === 'BYDAY' && byDay !== undefined && !byDay.includes(',');
  if (extra.length > 0 && !weeklyOnItsDay) warnings.push({ path, message: `the repeat "${rule}" became every ${interval > 1 ? `${interval} ` : ''}${repeat.every} (${extra.join(', ')} cannot be kept)` });
  return repeat;
}

/**
 * The plan of a file's drafts: each made to fit (title, description and label lengths, labels per
 * task, project names, subtask depth), every change warned about, then validated as an import of
 * this app's own format would be.
 */
export function planOf(kind: ImportPlan['kind'], drafts: Draft[], warnings: Warning[]): ForeignImport {
  if (drafts.length > TASKS_PER_USER_MAX) throw tooManyTasks(drafts.length);
  const parents = drafts.map((d) => d.parent);
  breakCycles(drafts, parents, warnings);
  const levels = flattenDeep(drafts, parents, warnings);
  const problems: Warning[] = [];
  const tasks = drafts.map((draft, i) => {
    const fit = fitted(draft, warnings);
    const parent = parents[i];
    // A subtask lives in its parent's project.
    const project = parent === null || parent === undefined ? fit.project : null;
    const parsed = ImportedTaskSchema.safeParse({ ...fit, project, parent: parent === null || parent === undefined ? null : taskPath(parent) });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push({ path: `${draft.path}: ${issue.path.join('.') || 'task'}`, message: issue.message });
      return undefined;
    }
    return parsed.data;
  });
  if (problems.length > 0) throw new ImportInvalid(problems.slice(0, 100), problems.length);
  return { plan: { kind, tasks: tasks as ImportedTask[], levels, labels: [], projects: [] }, warnings };
}

/** An account holds at most TASKS_PER_USER_MAX tasks: a bigger file is refused before it is read further. */
export const tooManyTasks = (count: number | 'more') =>
  new ImportInvalid([{ path: 'tasks', message: `the file has ${count === 'more' ? 'more than ' : ''}${count === 'more' ? TASKS_PER_USER_MAX : count} tasks; an account holds at most ${TASKS_PER_USER_MAX}` }]);

/**
 * A task whose parent chain comes back to itself (a file naming each other as parents) is made
 * top-level, one per loop: walked once from each task, linear in the file.
 */
function breakCycles(drafts: Draft[], parents: (number | null)[], warnings: Warning[]): void {
  const state = new Uint8Array(drafts.length); // 0 unseen, 1 on the current walk, 2 done
  for (let start = 0; start < drafts.length; start++) {
    const walk: number[] = [];
    let i: number | null = start;
    while (i !== null && state[i] === 0) {
      state[i] = 1;
      walk.push(i);
      i = parents[i] ?? null;
    }
    if (i !== null && state[i] === 1) {
      warnings.push({ path: drafts[i]!.path, message: 'its parent is also its subtask; it is imported as a top-level task' });
      parents[i] = null;
    }
    for (const done of walk) state[done] = 2;
  }
}

/**
 * Each task's level (1: top-level), parents before their subtasks; a task deeper than
 * TASK_LEVELS_MAX goes under its ancestor at the last level there is (a sibling of its parent,
 * or higher), with a warning. Breadth-first from the top-level tasks: linear in the file.
 */
function flattenDeep(drafts: Draft[], parents: (number | null)[], warnings: Warning[]): number[] {
  const children: number[][] = drafts.map(() => []);
  const queue: number[] = [];
  parents.forEach((parent, i) => (parent === null ? queue.push(i) : children[parent]!.push(i)));
  const levels = new Array<number>(drafts.length).fill(1);
  for (let head = 0; head < queue.length; head++) {
    const task = queue[head]!;
    for (const child of children[task]!) {
      if (levels[task]! >= TASK_LEVELS_MAX) {
        // Under the same parent as `task`: one level up.
        parents[child] = parents[task]!;
        levels[child] = TASK_LEVELS_MAX;
        warnings.push({ path: drafts[child]!.path, message: `subtasks go ${TASK_LEVELS_MAX} levels deep here: it is a subtask of "${drafts[parents[task]!]!.title}" instead` });
      } else levels[child] = levels[task]! + 1;
      queue.push(child);
    }
  }
  return levels;
}

/** A draft within this app's limits, each cut warned about. */
function fitted(draft: Draft, warnings: Warning[]) {
  const { path } = draft;
  let title = draft.title.trim();
  if (!title) {
    title = '(untitled)';
    warnings.push({ path, message: 'it has no title; it is imported as "(untitled)"' });
  }
  if (codePoints(title) > TITLE_MAX) {
    title = cut(title, TITLE_MAX);
    warnings.push({ path, message: `its title is longer than ${TITLE_MAX} characters and was cut` });
  }
  let description = draft.description?.trim() || null;
  if (description && codePoints(description) > DESCRIPTION_MAX) {
    description = cut(description, DESCRIPTION_MAX);
    warnings.push({ path, message: `its description is longer than ${DESCRIPTION_MAX} characters and was cut` });
  }
  let labels = [...new Map(draft.labels.map((l) => l.trim()).filter(Boolean).map((l) => [l.toLowerCase(), l])).values()];
  if (labels.some((l) => codePoints(l) > LABEL_NAME_MAX)) {
    labels = labels.map((l) => cut(l, LABEL_NAME_MAX));
    warnings.push({ path, message: `a label longer than ${LABEL_NAME_MAX} characters was cut` });
  }
  if (labels.length > LABELS_PER_TASK_MAX) {
    warnings.push({ path, message: `it has ${labels.length} labels; the first ${LABELS_PER_TASK_MAX} are kept` });
    labels = labels.slice(0, LABELS_PER_TASK_MAX);
  }
  let project = draft.project?.trim() || null;
  if (project && codePoints(project) > PROJECT_NAME_MAX) {
    project = cut(project, PROJECT_NAME_MAX);
    warnings.push({ path, message: `its list's name is longer than ${PROJECT_NAME_MAX} characters and was cut` });
  }
  let { repeat, due_time: dueTime, due_date: dueDate } = draft;
  if (dueDate && (dueDate < DUE_DATE_MIN || dueDate > DUE_DATE_MAX)) {
    warnings.push({ path, message: `its date ${dueDate} is outside ${DUE_DATE_MIN} to ${DUE_DATE_MAX}; the task has no date` });
    dueDate = null;
  }
  if (repeat && !dueDate) {
    warnings.push({ path, message: 'it repeats but has no date; it is imported without the repeat' });
    repeat = null;
  }
  if (dueTime && !dueDate) dueTime = null;
  return {
    title,
    description,
    completed: draft.completed,
    due_date: dueDate,
    due_time: dueTime,
    priority: draft.priority,
    labels,
    repeat,
    project,
    ...(draft.created_at && { created_at: draft.created_at }),
  };
}
