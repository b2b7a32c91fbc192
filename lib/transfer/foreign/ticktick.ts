import 'server-only';
import { parse } from 'csv-parse/sync';
import { canonicalTimeZone, wallClockOf } from '@/lib/time-zone';
import { TASKS_PER_USER_MAX } from '@/lib/limits';
import { notTheFormat, planOf, tooManyTasks, readRrule, type Draft, type ForeignImport, type Warning } from '@/lib/transfer/foreign/common';

/*
 * TickTick's backup CSV (Settings → Backup): a few preamble lines ("Date: …", "Version: …",
 * "Status: …"), then the header `"Folder Name","List Name","Title","Kind","Tags","Content",
 * "Is Check list","Start Date","Due Date","Reminder","Repeat","Priority","Status",
 * "Created Time","Completed Time","Order","Timezone","Is All Day","Is Floating",
 * "Column Name","Column Order","View Mode","taskId","parentId"`, one row per task. Lists become
 * projects (its "Inbox" is the Inbox), Priority 5/3/1/0 high/medium/low/none, Status 1 or 2 is
 * done, Repeat is an RRULE, dates are instants shown in the task's Timezone.
 */

const PRIORITY: Record<string, Draft['priority']> = { '5': 'high', '3': 'medium', '1': 'low', '0': 'none', '': 'none' };

/** An instant as TickTick writes it (`2026-12-24T09:00:00+0000`), or undefined. */
function instant(text: string): Date | undefined {
  const iso = text.replace(/([+-]\d\d)(\d\d)$/, '$1:$2');
  const date = new Date(iso);
  return text && !Number.isNaN(date.getTime()) ? date : undefined;
}

export function fromTickTick(text: string): ForeignImport {
  let rows: string[][];
  try {
    rows = parse(text, { bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: false }) as string[][];
  } catch (err) {
    throw notTheFormat('row 1', `is not a readable CSV file (${(err as Error).message.split('\n')[0]})`);
  }
  const headerAt = rows.findIndex((cells) => cells[0]?.trim() === 'Folder Name' && cells.includes('Title'));
  if (headerAt < 0) throw notTheFormat('row 1', 'no header row starting "Folder Name","List Name","Title" (a TickTick backup CSV)');
  const header = rows[headerAt]!.map((cell) => cell.trim());
  const cell = (cells: string[], name: string) => (cells[header.indexOf(name)] ?? '').trim();
  const drafts: Draft[] = [];
  const warnings: Warning[] = [];
  const byId = new Map<string, number>();
  const parentIds: string[] = [];
  const folders = new Set<string>();
  const columns = new Set<string>();
  rows.slice(headerAt + 1).forEach((cells, i) => {
    const row = headerAt + 2 + i;
    const path = `row ${row}`;
    if (cells.every((c) => !c.trim())) return;
    const list = cell(cells, 'List Name');
    const folder = cell(cells, 'Folder Name');
    if (folder && !folders.has(folder)) {
      folders.add(folder);
      warnings.push({ path, message: `the folder "${folder}" is not kept: its lists are imported as projects without it` });
    }
    const column = cell(cells, 'Column Name');
    if (column && !columns.has(`${list}/${column}`)) {
      columns.add(`${list}/${column}`);
      warnings.push({ path, message: `the column "${column}" of "${list}" is not kept` });
    }
    const zone = canonicalTimeZone(cell(cells, 'Timezone')) ?? 'UTC';
    const allDay = cell(cells, 'Is All Day').toLowerCase() === 'true';
    const due = instant(cell(cells, 'Due Date')) ?? instant(cell(cells, 'Start Date'));
    if (!cell(cells, 'Due Date') && due) warnings.push({ path, message: 'its start date is imported as its due date' });
    else if (cell(cells, 'Start Date') && cell(cells, 'Start Date') !== cell(cells, 'Due Date')) warnings.push({ path, message: 'its start date is not carried over (only its due date)' });
    const wall = due ? wallClockOf(due, zone) : undefined;
    const priorityCell = cell(cells, 'Priority');
    if (!(priorityCell in PRIORITY)) warnings.push({ path, message: `Priority "${priorityCell}" is not 0, 1, 3 or 5; the task has none` });
    const status = cell(cells, 'Status');
    const kind = cell(cells, 'Kind').toUpperCase();
    let description = cell(cells, 'Content') || null;
    if (kind === 'CHECKLIST' || cell(cells, 'Is Check list').toUpperCase() === 'Y') {
      warnings.push({ path, message: 'its checklist items are kept as lines of its description' });
    }
    if (kind === 'NOTE') warnings.push({ path, message: 'a note is imported as a task' });
    if (cell(cells, 'Reminder')) warnings.push({ path, message: 'its reminder is not carried over' });
    const repeatCell = cell(cells, 'Repeat');
    const created = instant(cell(cells, 'Created Time'));
    // Before anything costly is done for more: an account holds at most that many.
    if (drafts.length >= TASKS_PER_USER_MAX) throw tooManyTasks('more');
    const id = cell(cells, 'taskId');
    if (id) byId.set(id, drafts.length);
    parentIds.push(cell(cells, 'parentId'));
    description = description?.replace(/\r\n/g, '\n') ?? null;
    drafts.push({
      path,
      title: cell(cells, 'Title'),
      description,
      completed: status === '1' || status === '2',
      due_date: wall?.date ?? null,
      due_time: wall && !allDay ? wall.time : null,
      priority: PRIORITY[priorityCell] ?? 'none',
      labels: cell(cells, 'Tags').split(',').map((tag) => tag.trim()).filter(Boolean),
      repeat: repeatCell ? readRrule(repeatCell, path, warnings) : null,
      // TickTick's Inbox is the Inbox.
      project: !list || list === 'Inbox' ? null : list,
      parent: null,
      created_at: created?.toISOString() ?? null,
    });
  });
  parentIds.forEach((parentId, i) => {
    if (!parentId) return;
    const parent = byId.get(parentId);
    if (parent === undefined || parent === i) warnings.push({ path: drafts[i]!.path, message: 'its parent task is not in the file; it is imported as a top-level task' });
    else if (drafts[parent]!.project !== drafts[i]!.project) warnings.push({ path: drafts[i]!.path, message: 'its parent task is in another list; it is imported as a top-level task' });
    else drafts[i]!.parent = parent;
  });
  return planOf('csv', drafts, warnings);
}
