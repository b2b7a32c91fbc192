import 'server-only';
import { parse } from 'csv-parse/sync';
import { unzipSync } from 'fflate';
import { TASKS_PER_USER_MAX } from '@/lib/limits';
import { notTheFormat, planOf, tooManyTasks, readDateWords, type Draft, type ForeignImport, type Warning } from '@/lib/transfer/foreign/common';

/*
 * Todoist's project CSV (its help: "Format a CSV file to import into Todoist"): a header row
 * `TYPE,CONTENT,DESCRIPTION,PRIORITY,INDENT,AUTHOR,RESPONSIBLE,DATE,DATE_LANG,TIMEZONE,…`, then
 * one row per task, section or note. CONTENT carries labels as `@name`; PRIORITY 1 is p1, the
 * highest (empty is p1 too, as documented); INDENT 1–4 nests a task under the task above with
 * one less; DATE is the due date as typed ("every monday", "Dec 24 9am"), read by quick add's
 * parser; a note is a comment on the task above. A zip holds one such CSV per project.
 */

const PRIORITY: Record<string, Draft['priority']> = { '': 'high', '1': 'high', '2': 'medium', '3': 'low', '4': 'none' };
const LABEL = /(^|\s)@([^\s@]+)/gu;
// A zip's entries, and what they may add up to once inflated: a few projects' CSVs, not a bomb.
const ZIP_ENTRIES_MAX = 300;
const ZIP_INFLATED_MAX = 50 * 1024 * 1024;

function rowsOf(text: string, where: string): string[][] {
  try {
    return parse(text, { bom: true, relax_column_count: true, skip_empty_lines: false }) as string[][];
  } catch (err) {
    throw notTheFormat(where, `is not a readable CSV file (${(err as Error).message.split('\n')[0]})`);
  }
}

/** The drafts of one project's CSV; `prefix` names the file inside a zip. */
function draftsOf(text: string, project: string, prefix: string, now: Date, drafts: Draft[], warnings: Warning[]): void {
  const at = (row: number) => `${prefix}row ${row}`;
  const rows = rowsOf(text, `${prefix}row 1`);
  const header = (rows[0] ?? []).map((cell) => cell.trim().toUpperCase());
  const column = (name: string) => header.indexOf(name);
  if (column('TYPE') < 0 || column('CONTENT') < 0) throw notTheFormat(at(1), 'the header must name TYPE and CONTENT columns (a Todoist project CSV)');
  const cell = (cells: string[], name: string) => (column(name) < 0 ? '' : (cells[column(name)] ?? '').trim());
  // The last task at each indent: a task at indent n is a subtask of the last one at n - 1.
  const lastAt: (number | undefined)[] = [];
  let lastTask: number | undefined;
  const sections = new Set<string>();
  rows.slice(1).forEach((cells, i) => {
    const row = i + 2;
    const type = cell(cells, 'TYPE').toLowerCase();
    const content = cell(cells, 'CONTENT');
    if (type === 'section') {
      if (content && !sections.has(content)) warnings.push({ path: at(row), message: `the section "${content}" is not kept: its tasks are imported into "${project}" without it` });
      sections.add(content);
      return;
    }
    if (type === 'note') {
      const task = lastTask === undefined ? undefined : drafts[lastTask];
      if (!task) warnings.push({ path: at(row), message: 'a comment with no task above it is not imported' });
      else if (content) {
        task.description = [task.description, `Comment: ${content}`].filter(Boolean).join('\n\n');
        warnings.push({ path: at(row), message: `the comment is kept in the description of "${task.title}"` });
      }
      return;
    }
    if (type !== 'task') {
      // Blank separator rows and `meta` rows (the project's view) carry no task.
      if (type && type !== 'meta') warnings.push({ path: at(row), message: `a row of TYPE "${type}" is not a task, section or note: not imported` });
      return;
    }
    const labels: string[] = [];
    const title = content.replace(LABEL, (_, space: string, name: string) => {
      labels.push(name);
      return space;
    }).replace(/\s+/g, ' ').trim();
    const priorityCell = cell(cells, 'PRIORITY');
    const priority = PRIORITY[priorityCell];
    if (!priority) warnings.push({ path: at(row), message: `PRIORITY "${priorityCell}" is not 1 to 4; the task has none` });
    const indentCell = cell(cells, 'INDENT') || '1';
    let indent = /^[1-9]$/.test(indentCell) ? Number(indentCell) : 1;
    if (String(indent) !== indentCell) warnings.push({ path: at(row), message: `INDENT "${indentCell}" is not 1 to 4; the task is not indented` });
    // A task indented deeper than the one above it can be goes one level under it.
    while (indent > 1 && lastAt[indent - 1] === undefined) indent--;
    const dateWords = cell(cells, 'DATE') || cell(cells, 'DEADLINE');
    if (!cell(cells, 'DATE') && cell(cells, 'DEADLINE')) warnings.push({ path: at(row), message: 'its deadline is imported as its due date' });
    const when = dateWords ? readDateWords(dateWords, now, at(row), warnings) : { due_date: null, due_time: null, repeat: null };
    if (cell(cells, 'RESPONSIBLE')) warnings.push({ path: at(row), message: `it was assigned to ${cell(cells, 'RESPONSIBLE')}; assignees are not carried over` });
    if (cell(cells, 'DURATION')) warnings.push({ path: at(row), message: 'its duration is not carried over' });
    // Before anything costly is done for more: an account holds at most that many.
    if (drafts.length >= TASKS_PER_USER_MAX) throw tooManyTasks('more');
    const index = drafts.length;
    drafts.push({
      path: at(row),
      title,
      description: cell(cells, 'DESCRIPTION') || null,
      completed: false,
      ...when,
      priority: priority ?? 'none',
      labels,
      project,
      parent: indent > 1 ? lastAt[indent - 1]! : null,
      created_at: null,
    });
    lastAt[indent] = index;
    lastAt.length = indent + 1;
    lastTask = index;
  });
}

const decoder = new TextDecoder('utf-8', { fatal: true });

function text(bytes: Uint8Array, where: string): string {
  try {
    return decoder.decode(bytes);
  } catch {
    throw notTheFormat(where, 'is not UTF-8 text');
  }
}

/** A project CSV (`project` names it) or a zip of several (each named by its file). */
export function fromTodoist(bytes: Uint8Array, mediaType: 'text/csv' | 'application/zip', { project, now }: { project?: string; now: Date }): ForeignImport {
  const drafts: Draft[] = [];
  const warnings: Warning[] = [];
  if (mediaType === 'text/csv') {
    draftsOf(text(bytes, 'row 1'), project ?? 'Imported from Todoist', '', now, drafts, warnings);
    return planOf('csv', drafts, warnings);
  }
  let entries: Record<string, Uint8Array>;
  let count = 0;
  let inflated = 0;
  try {
    entries = unzipSync(bytes, {
      filter: (file) => {
        if (!/\.csv$/i.test(file.name) || file.name.endsWith('/') || /(^|\/)(__MACOSX|\.)/.test(file.name)) return false;
        count++;
        inflated += file.originalSize;
        if (count > ZIP_ENTRIES_MAX || inflated > ZIP_INFLATED_MAX) throw new RangeError('too big');
        return true;
      },
    });
  } catch (err) {
    if (err instanceof RangeError) throw notTheFormat('file', `a zip may hold at most ${ZIP_ENTRIES_MAX} CSV files and ${ZIP_INFLATED_MAX / 1024 / 1024} MiB of them`);
    throw notTheFormat('file', 'is not a readable zip file');
  }
  const names = Object.keys(entries).sort();
  if (names.length === 0) throw notTheFormat('file', 'the zip holds no CSV file (Todoist exports one per project)');
  for (const name of names) {
    const base = name.split('/').pop()!.replace(/\.csv$/i, '');
    // Todoist names an export after its project, sometimes with an id: "Groceries [1234567]".
    draftsOf(text(entries[name]!, `${name}: row 1`), base.replace(/\s*\[\d+\]$/, '') || 'Imported from Todoist', `${name}: `, now, drafts, warnings);
  }
  return planOf('csv', drafts, warnings);
}
