import { describe, expect, it } from 'vitest';
import { nextCursor, nextLink } from '@/lib/client/api';
import type { Task } from '@/lib/client/task';
import { initialTaskListState, tasksReducer, type TaskListAction, type TaskListState } from '@/lib/client/tasks-reducer';

function task(id: string, overrides: Partial<Task> = {}): Task {
  return {
    id,
    user_id: 'u1',
    title: `Task ${id}`,
    description: null,
    completed: false,
    due_date: null,
    due_time: null,
    priority: 'none',
    project_id: null,
    parent_id: null,
    assignee_id: null,
    labels: [],
    reminders: [],
    repeat: null,
    position: `p-${id}`,
    created_at: '2026-01-01T00:00:00.000Z',
    updated_at: '2026-01-01T00:00:00.000Z',
    etag: `"1-${id}"`,
    ...overrides,
  };
}

function run(...actions: TaskListAction[]): TaskListState {
  return actions.reduce(tasksReducer, initialTaskListState);
}

const loaded: TaskListAction = {
  type: 'pageLoaded',
  append: false,
  tasks: [task('a'), task('b', { completed: true }), task('c')],
  next: '/api/u1/tasks?cursor=x',
  counts: { open: 2, done: 1 },
};

const reload: TaskListAction = { type: 'pageRequested', append: false };

const ids = (state: TaskListState) => state.tasks.map((t) => t.id);

describe('tasksReducer: loading', () => {
  it('replaces the list with the first page and keeps the next link and counts', () => {
    const state = run(loaded);
    expect(ids(state)).toEqual(['a', 'b', 'c']);
    expect(state.next).toBe('/api/u1/tasks?cursor=x');
    expect(state.counts).toEqual({ open: 2, done: 1 });
    expect(state.loading).toBeNull();
  });

  it('appends a further page without repeating tasks already shown', () => {
    const state = run(loaded, { type: 'pageLoaded', append: true, tasks: [task('c'), task('d')], next: null });
    expect(ids(state)).toEqual(['a', 'b', 'c', 'd']);
    expect(state.next).toBeNull();
  });

  it('keeps a task that is still being created when the list is reloaded', () => {
    const state = run(loaded, { type: 'addStarted', task: task('temp-1') }, reload, { ...loaded, tasks: [task('x')] });
    expect(ids(state)).toEqual(['temp-1', 'x']);
  });

  it('asks again for a list that was on its way while a change was made', () => {
    // The first page was requested before the add: it may not contain the new task.
    const state = run(
      { type: 'addStarted', task: task('temp-1') },
      { type: 'addSucceeded', tempId: 'temp-1', task: task('n') },
      { ...loaded, counts: { open: 2, done: 1 } },
    );
    expect(ids(state)).toEqual(['n']);
    expect(state.reloads).toBe(1);
    expect(state.loading).toBe('list');
    const again = tasksReducer(state, { ...loaded, tasks: [task('n'), ...loaded.tasks], counts: { open: 3, done: 1 } });
    expect(ids(again)).toEqual(['n', 'a', 'b', 'c']);
    expect(again.counts).toEqual({ open: 3, done: 1 });
    expect(again.reloads).toBe(1);
  });

  it('leaves out of a reloaded list a task whose deletion is still in flight', () => {
    const state = run(loaded, { type: 'removeStarted', id: 'b' }, reload, loaded);
    expect(ids(state)).toEqual(['a', 'c']);
  });

  it('never brings back a deleted task with a later page', () => {
    const state = run(
      loaded,
      { type: 'removeStarted', id: 'c' },
      { type: 'removeSucceeded', id: 'c' },
      { type: 'pageLoaded', append: true, tasks: [task('c'), task('d')], next: null },
    );
    expect(ids(state)).toEqual(['a', 'b', 'd']);
  });

  it('shows why a page could not be loaded', () => {
    const state = run({ type: 'pageRequested', append: false }, { type: 'pageFailed', message: 'offline' });
    expect(state.loading).toBeNull();
    expect(state.message).toBe('offline');
  });
});

describe('tasksReducer: adding', () => {
  it('shows a new task at once, marked pending, and counts it as open', () => {
    const state = run(loaded, { type: 'addStarted', task: task('temp-1') });
    expect(ids(state)).toEqual(['temp-1', 'a', 'b', 'c']);
    expect(state.pending['temp-1']?.kind).toBe('add');
    expect(state.counts).toEqual({ open: 3, done: 1 });
  });

  it('swaps the placeholder for the server task on success', () => {
    const state = run(
      loaded,
      { type: 'addStarted', task: task('temp-1') },
      { type: 'addSucceeded', tempId: 'temp-1', task: task('n', { title: 'Server title' }) },
    );
    expect(ids(state)).toEqual(['n', 'a', 'b', 'c']);
    expect(state.tasks[0]?.title).toBe('Server title');
    expect(state.pending).toEqual({});
    expect(state.counts).toEqual({ open: 3, done: 1 });
  });

  it('keeps one copy when a reload already brought the new task', () => {
    const state = run(
      loaded,
      { type: 'addStarted', task: task('temp-1') },
      reload,
      { ...loaded, tasks: [task('n'), ...loaded.tasks] },
      { type: 'addSucceeded', tempId: 'temp-1', task: task('n') },
    );
    expect(ids(state)).toEqual(['n', 'a', 'b', 'c']);
  });

  it('removes the placeholder, restores the counts and says why on failure', () => {
    const before = run(loaded);
    const state = run(loaded, { type: 'addStarted', task: task('temp-1') }, { type: 'addFailed', tempId: 'temp-1', message: 'no' });
    expect(state.tasks).toEqual(before.tasks);
    expect(state.counts).toEqual(before.counts);
    expect(state.pending).toEqual({});
    expect(state.message).toBe('no');
  });
});

describe('tasksReducer: updating', () => {
  const toggled = task('a', { completed: true });

  it('applies the change at once and moves the task between the counts', () => {
    const state = run(loaded, { type: 'updateStarted', task: toggled });
    expect(state.tasks[0]).toEqual(toggled);
    expect(state.counts).toEqual({ open: 1, done: 2 });
    expect(state.pending.a?.kind).toBe('update');
  });

  it('takes the server version on success', () => {
    const fromServer = { ...toggled, updated_at: '2026-01-02T00:00:00.000Z' };
    const state = run(loaded, { type: 'updateStarted', task: toggled }, { type: 'updateSucceeded', task: fromServer });
    expect(state.tasks[0]).toEqual(fromServer);
    expect(state.counts).toEqual({ open: 1, done: 2 });
    expect(state.pending).toEqual({});
  });

  it('rolls the task and the counts back when the server refuses', () => {
    const before = run(loaded);
    const state = run(loaded, { type: 'updateStarted', task: task('a', { title: 'Renamed', completed: true }) }, {
      type: 'updateFailed',
      id: 'a',
      message: 'refused',
    });
    expect(state.tasks).toEqual(before.tasks);
    expect(state.counts).toEqual(before.counts);
    expect(state.message).toBe('refused');
    expect(state.pending).toEqual({});
  });

  it('drops a task the server says no longer exists', () => {
    const state = run(loaded, { type: 'updateStarted', task: toggled }, { type: 'updateFailed', id: 'a', message: 'gone', gone: true });
    expect(ids(state)).toEqual(['b', 'c']);
    expect(state.counts).toEqual({ open: 1, done: 1 });
  });

  it('ignores a change to a task that is not in the list', () => {
    const before = run(loaded);
    expect(tasksReducer(before, { type: 'updateStarted', task: task('zzz') })).toBe(before);
  });
});

describe('tasksReducer: removing', () => {
  it('removes the task at once and uncounts it', () => {
    const state = run(loaded, { type: 'removeStarted', id: 'b' });
    expect(ids(state)).toEqual(['a', 'c']);
    expect(state.counts).toEqual({ open: 2, done: 0 });
    expect(state.pending.b?.kind).toBe('remove');
  });

  it('forgets the task for good on success', () => {
    const state = run(loaded, { type: 'removeStarted', id: 'b' }, { type: 'removeSucceeded', id: 'b' });
    expect(ids(state)).toEqual(['a', 'c']);
    expect(state.pending).toEqual({});
  });

  it('puts the task back in its place when the server refuses', () => {
    const before = run(loaded);
    const state = run(loaded, { type: 'removeStarted', id: 'b' }, { type: 'removeFailed', id: 'b', message: 'offline' });
    expect(state.tasks).toEqual(before.tasks);
    expect(state.counts).toEqual(before.counts);
    expect(state.message).toBe('offline');
  });

  it('does not resurrect a task into a list that was reloaded meanwhile', () => {
    const state = run(
      loaded,
      { type: 'removeStarted', id: 'b' },
      reload,
      { ...loaded, tasks: [task('a')], counts: { open: 1, done: 0 } },
      { type: 'removeFailed', id: 'b', message: 'offline' },
    );
    expect(ids(state)).toEqual(['a']);
    expect(state.counts).toEqual({ open: 1, done: 0 });
    expect(state.message).toBe('offline');
  });
});

describe('tasksReducer: counts from the server', () => {
  it('takes counts fetched after the last change', () => {
    const settled = run(loaded, { type: 'updateStarted', task: task('a', { completed: true }) }, { type: 'updateSucceeded', task: task('a', { completed: true }) });
    const state = tasksReducer(settled, { type: 'countsLoaded', counts: { open: 4, done: 5 }, revision: settled.revision });
    expect(state.counts).toEqual({ open: 4, done: 5 });
  });

  it('ignores counts fetched before a change that came after', () => {
    const settled = run(loaded, { type: 'removeStarted', id: 'a' }, { type: 'removeSucceeded', id: 'a' });
    const later = tasksReducer(settled, { type: 'removeStarted', id: 'b' });
    const state = tasksReducer(later, { type: 'countsLoaded', counts: { open: 9, done: 9 }, revision: settled.revision });
    expect(state.counts).toEqual({ open: 1, done: 0 });
  });
});

describe('tasksReducer: messages', () => {
  it('clears the message when dismissed', () => {
    const state = run({ type: 'pageFailed', message: 'x' }, { type: 'messageDismissed' });
    expect(state.message).toBeNull();
  });
});

describe('nextLink', () => {
  it('finds the rel="next" target among several links', () => {
    expect(nextLink('</a?cursor=1>; rel="prev", </a?cursor=2>; rel="next"')).toBe('/a?cursor=2');
  });

  it('accepts an unquoted rel and a rel with several values', () => {
    expect(nextLink('<https://x.test/a?c=1,2>; rel=next')).toBe('https://x.test/a?c=1,2');
    expect(nextLink('</a>; rel="last next"')).toBe('/a');
  });

  it('answers null without a next link', () => {
    expect(nextLink(null)).toBeNull();
    expect(nextLink('</a>; rel="prev"')).toBeNull();
  });
});

describe('nextCursor', () => {
  it("takes the cursor from the next page's URL, decoded", () => {
    expect(nextCursor('</api/u1/tasks?limit=20&completed=false&cursor=eyJ2%3D%3D>; rel="next"')).toBe('eyJ2==');
    expect(nextCursor('</api/u1/tasks?limit=20>; rel="prev"')).toBeNull();
    expect(nextCursor(null)).toBeNull();
  });
});

describe("another device's changes", () => {
  it('show in place and remove deleted tasks, leave a task this device is changing alone, and ask for the list again', () => {
    const editing = run(loaded, { type: 'updateStarted', task: task('c', { title: 'mine' }) });
    const state = tasksReducer(editing, { type: 'remoteChanged', changed: [task('a', { title: 'renamed elsewhere' }), task('c', { title: 'theirs' })], deleted: ['b'] });
    expect(state.tasks.map((t) => [t.id, t.title])).toEqual([
      ['a', 'renamed elsewhere'],
      ['c', 'mine'],
    ]);
    expect(state.removed).toContain('b');
    expect(state.reloads).toBe(editing.reloads + 1);
    // A page fetched before the deletion does not bring it back.
    expect(ids(tasksReducer(state, loaded))).not.toContain('b');
  });

  it("never replace a newer version with an older one (a feed read before this device's own write, answered after it)", () => {
    const moved = task('a', { position: 'p-z', updated_at: '2026-01-01T00:00:05.000Z' });
    const state = run(loaded, { type: 'updateSucceeded', task: moved });
    const late = tasksReducer(state, { type: 'remoteChanged', changed: [task('a', { updated_at: '2026-01-01T00:00:04.999Z' })], deleted: [] });
    expect(late.tasks.find((t) => t.id === 'a')).toEqual(moved);
    // The list is still fetched again.
    expect(late.reloads).toBe(state.reloads + 1);
    const newer = task('a', { title: 'renamed elsewhere', updated_at: '2026-01-01T00:00:06.000Z' });
    expect(tasksReducer(late, { type: 'remoteChanged', changed: [newer], deleted: [] }).tasks.find((t) => t.id === 'a')).toEqual(newer);
  });

  it('a list fetched while a change is on its way shows the change, not the version before it', () => {
    const state = run(loaded, { type: 'pageRequested', append: false }, { type: 'updateStarted', task: task('a', { parent_id: 'c' }) });
    // Asked for after the change started: not too old to show.
    const shown = tasksReducer({ ...state, loadingSince: state.revision }, loaded);
    expect(shown.tasks.find((t) => t.id === 'a')?.parent_id).toBe('c');
  });
});
