import { TASK_LEVELS_MAX } from '@/lib/limits';
import type { MoveRequest } from './manual-order';
import type { Task } from './task';

/**
 * One list's tasks as an outline: each task under its parent, siblings in the list's manual
 * order (their positions), as the Inbox and a project show them. Positions are one order for
 * the whole list, so a task's place among its siblings is set with the move route against a
 * sibling: "after my previous sibling" lands between it and the next one, whatever the
 * subtasks' own positions are.
 */

export interface TreeRow {
  task: Task;
  /** 0 for a task at the top; a subtask is one deeper than its parent. */
  depth: number;
  /** The row's parent among the rows, or null at the top (also for a subtask whose parent is not loaded). */
  parentId: string | null;
  /** Its direct subtasks among the tasks, and how many of them are done: "2/5". */
  subtasks: number;
  done: number;
}

/** A change of place in the outline: the new parent (when it changes) and the move among the new siblings. */
export interface TreeChange {
  parent_id?: string | null;
  move?: MoveRequest;
}

const byPosition = (a: Task, b: Task) => (a.position < b.position ? -1 : a.position > b.position ? 1 : 0);

/**
 * The rows in outline order: depth first, siblings by position. The subtasks of a task in
 * `collapsed` are left out. A subtask whose parent is not among `tasks` (not loaded yet, or
 * filtered out) is shown at the top, so that nothing loaded goes missing.
 */
export function treeRows(tasks: readonly Task[], collapsed: ReadonlySet<string> = new Set()): TreeRow[] {
  const ids = new Set(tasks.map((t) => t.id));
  const children = new Map<string | null, Task[]>();
  for (const task of tasks) {
    const parent = task.parent_id !== null && ids.has(task.parent_id) ? task.parent_id : null;
    const siblings = children.get(parent);
    if (siblings) siblings.push(task);
    else children.set(parent, [task]);
  }
  for (const list of children.values()) list.sort(byPosition);
  const rows: TreeRow[] = [];
  const visit = (task: Task, depth: number, parentId: string | null) => {
    const below = children.get(task.id) ?? [];
    rows.push({ task, depth, parentId, subtasks: below.length, done: below.filter((t) => t.completed).length });
    if (!collapsed.has(task.id)) for (const child of below) visit(child, depth + 1, task.id);
  };
  for (const task of children.get(null) ?? []) visit(task, 0, null);
  return rows;
}

/** How many levels the row's subtree has below it among `rows` (0 for a task without subtasks). */
function levelsBelow(rows: readonly TreeRow[], id: string): number {
  const at = rows.findIndex((r) => r.task.id === id);
  let deepest = rows[at]!.depth;
  for (let i = at + 1; i < rows.length && rows[i]!.depth > rows[at]!.depth; i++) deepest = Math.max(deepest, rows[i]!.depth);
  return deepest - rows[at]!.depth;
}

function siblingsOf(rows: readonly TreeRow[], parentId: string | null): TreeRow[] {
  return rows.filter((r) => r.parentId === parentId);
}

/** The move that puts `id` last among `parentId`'s children (the row itself left out); none when it has no other. */
function lastAmong(rows: readonly TreeRow[], parentId: string | null, id: string): MoveRequest | undefined {
  const last = siblingsOf(rows, parentId)
    .filter((r) => r.task.id !== id)
    .at(-1);
  return last ? { after: last.task.id } : undefined;
}

/**
 * Tab: the row becomes the last subtask of the sibling above it. Null when there is none, or
 * when its subtree would go past the deepest level.
 */
export function indent(rows: readonly TreeRow[], id: string): TreeChange | null {
  const row = rows.find((r) => r.task.id === id);
  if (!row) return null;
  const siblings = siblingsOf(rows, row.parentId);
  const above = siblings[siblings.indexOf(row) - 1];
  if (!above || row.depth + 1 + levelsBelow(rows, id) >= TASK_LEVELS_MAX) return null;
  return { parent_id: above.task.id, move: lastAmong(rows, above.task.id, id) };
}

/** Shift+Tab: the row leaves its parent and comes just after it. Null at the top. */
export function outdent(rows: readonly TreeRow[], id: string): TreeChange | null {
  const row = rows.find((r) => r.task.id === id);
  const parent = row && rows.find((r) => r.task.id === row.parentId);
  if (!row || !parent) return null;
  return { parent_id: parent.parentId, move: { after: parent.task.id } };
}

/** Alt+↑/↓: the row swaps places with the sibling above (-1) or below (+1). Null at either end. */
export function moveAmongSiblings(rows: readonly TreeRow[], id: string, offset: -1 | 1): MoveRequest | null {
  const row = rows.find((r) => r.task.id === id);
  if (!row) return null;
  const siblings = siblingsOf(rows, row.parentId);
  const other = siblings[siblings.indexOf(row) + offset];
  if (!other) return null;
  return offset < 0 ? { before: other.task.id } : { after: other.task.id };
}

/**
 * Where a dragged row lands: dropped over row `overId`, `levels` columns right (+) or left (-)
 * of where it started. As dnd-kit's sortable tree example projects it: the depth may go one
 * deeper than the row above it and no shallower than the row below it; its new parent is the
 * nearest row above at one level up. `rows` must leave out the dragged row's own subtasks
 * (they move with it). Null when nothing changes.
 */
export function dropChange(rows: readonly TreeRow[], activeId: string, overId: string, levels: number): TreeChange | null {
  const from = rows.findIndex((r) => r.task.id === activeId);
  const to = rows.findIndex((r) => r.task.id === overId);
  if (from === -1 || to === -1) return null;
  const active = rows[from]!;
  const order = [...rows];
  order.splice(from, 1);
  order.splice(to, 0, active);
  const above = order[to - 1];
  const below = order[to + 1];
  const deepest = Math.min(above ? above.depth + 1 : 0, TASK_LEVELS_MAX - 1 - levelsBelow(rows, activeId));
  const shallowest = below ? below.depth : 0;
  // A subtree too deep to go anywhere between these two rows.
  if (shallowest > deepest) return null;
  const depth = Math.max(shallowest, Math.min(deepest, active.depth + levels));

  let parentId: string | null = null;
  for (let i = to - 1; i >= 0 && depth > 0; i--) {
    if (order[i]!.depth === depth - 1) {
      parentId = order[i]!.task.id;
      break;
    }
  }
  // Its new siblings are the rows of that parent at that depth; it goes after the one above it, or before the first.
  const previous = order
    .slice(0, to)
    .reverse()
    .find((r) => r.depth === depth && r.parentId === parentId);
  const next = order.slice(to + 1).find((r) => r.depth <= depth);
  const sameNext = next?.depth === depth ? next : undefined;
  const move: MoveRequest | undefined = previous ? { after: previous.task.id } : sameNext ? { before: sameNext.task.id } : undefined;
  const change: TreeChange = {};
  if (parentId !== active.parentId) change.parent_id = parentId;
  if (move && (from !== to || change.parent_id !== undefined)) change.move = move;
  return change.parent_id === undefined && change.move === undefined ? null : change;
}
