import { describe, expect, it } from 'vitest';
import type { Task } from '@/lib/client/task';
import { dropChange, indent, moveAmongSiblings, outdent, treeRows, type TreeRow } from '@/lib/client/task-tree';

function task(id: string, position: string, parent_id: string | null = null, completed = false): Task {
  return {
    id,
    user_id: 'u',
    title: id,
    description: null,
    completed,
    due_date: null,
    due_time: null,
    priority: 'none',
    labels: [],
    reminders: [],
    repeat: null,
    position,
    project_id: null,
    parent_id,
    assignee_id: null,
    created_at: '2026-12-01T00:00:00.000Z',
    updated_at: '2026-12-01T00:00:00.000Z',
    etag: '"1-x"',
  };
}

const outline = (rows: TreeRow[]) => rows.map((r) => `${'  '.repeat(r.depth)}${r.task.id}`);

// a            (positions are one order for the whole list: subtasks' are anywhere in it)
//   a1
//   a2
//     a2x
// b
// c
const TASKS = [task('b', '5'), task('a', '2'), task('a2', '7', 'a'), task('c', '9'), task('a1', '1', 'a', true), task('a2x', '3', 'a2')];
const ROWS = treeRows(TASKS);

describe('treeRows', () => {
  it('puts each task under its parent, siblings by position, depth first', () => {
    expect(outline(ROWS)).toEqual(['a', '  a1', '  a2', '    a2x', 'b', 'c']);
  });

  it('counts each task\'s direct subtasks and the done ones', () => {
    expect(ROWS.find((r) => r.task.id === 'a')).toMatchObject({ subtasks: 2, done: 1 });
    expect(ROWS.find((r) => r.task.id === 'b')).toMatchObject({ subtasks: 0, done: 0 });
  });

  it('leaves out the subtasks of a collapsed task, and shows an orphan at the top', () => {
    expect(outline(treeRows(TASKS, new Set(['a'])))).toEqual(['a', 'b', 'c']);
    expect(outline(treeRows([task('x', '1', 'not-loaded'), task('y', '2')]))).toEqual(['x', 'y']);
  });
});

describe('indent and outdent (Tab, Shift+Tab)', () => {
  it('makes a task the last subtask of the sibling above', () => {
    expect(indent(ROWS, 'b')).toEqual({ parent_id: 'a', move: { after: 'a2' } });
    expect(indent(ROWS, 'a2')).toEqual({ parent_id: 'a1', move: undefined });
  });

  it('refuses the first sibling, and a subtree that would go past 4 levels', () => {
    expect(indent(ROWS, 'a')).toBeNull();
    expect(indent(ROWS, 'a1')).toBeNull();
    const deep = treeRows([task('p', '1'), task('q', '2'), task('q1', '3', 'q'), task('q2', '4', 'q1'), task('q3', '5', 'q2')]);
    expect(indent(deep, 'q')).toBeNull();
  });

  it('moves a subtask out, just after its parent; a top-level task stays', () => {
    expect(outdent(ROWS, 'a2x')).toEqual({ parent_id: 'a', move: { after: 'a2' } });
    expect(outdent(ROWS, 'a1')).toEqual({ parent_id: null, move: { after: 'a' } });
    expect(outdent(ROWS, 'b')).toBeNull();
  });
});

describe('moveAmongSiblings (Alt+Up, Alt+Down)', () => {
  it('swaps with the sibling above or below, over their subtasks', () => {
    expect(moveAmongSiblings(ROWS, 'b', -1)).toEqual({ before: 'a' });
    expect(moveAmongSiblings(ROWS, 'a', 1)).toEqual({ after: 'b' });
    expect(moveAmongSiblings(ROWS, 'a1', -1)).toBeNull();
    expect(moveAmongSiblings(ROWS, 'c', 1)).toBeNull();
  });
});

describe('dropChange (drag)', () => {
  // While a row is dragged its own subtasks go with it: the rows without them.
  const without = (id: string) => {
    const at = ROWS.findIndex((r) => r.task.id === id);
    const end = ROWS.findIndex((r, i) => i > at && r.depth <= ROWS[at]!.depth);
    return [...ROWS.slice(0, at + 1), ...ROWS.slice(end === -1 ? ROWS.length : end)];
  };

  it('reorders at the same depth', () => {
    // Between a's subtree and b, at the top: after a (so before b).
    expect(dropChange(ROWS, 'c', 'b', 0)).toEqual({ move: { after: 'a' } });
    expect(dropChange(ROWS, 'b', 'a', 0)).toEqual({ move: { before: 'a' } });
    expect(dropChange(without('a'), 'a', 'c', 0)).toEqual({ move: { after: 'c' } });
  });

  it('nests a row dragged to the right under the row above, and takes it out to the left', () => {
    expect(dropChange(ROWS, 'c', 'c', 1)).toEqual({ parent_id: 'b', move: undefined });
    expect(dropChange(ROWS, 'b', 'b', 1)).toEqual({ parent_id: 'a', move: { after: 'a2' } });
    expect(dropChange(ROWS, 'a2x', 'a2x', -2)).toEqual({ parent_id: null, move: { after: 'a' } });
  });

  it('keeps the depth between the rows it lands between', () => {
    // Dropped between a2x (depth 2) and b (depth 0) with a big move right: at most one deeper than a2x.
    expect(dropChange(ROWS, 'c', 'b', 9)).toEqual({ parent_id: 'a2x', move: undefined });
  });

  it('answers null when nothing changes', () => {
    expect(dropChange(ROWS, 'b', 'b', 0)).toBeNull();
    expect(dropChange(ROWS, 'a', 'a', 5)).toBeNull();
  });
});
