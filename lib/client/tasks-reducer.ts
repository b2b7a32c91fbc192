import type { Task } from './task';

/**
 * The task list as the browser shows it: what the server sent, plus the changes the person
 * made that the server has not confirmed yet. Every optimistic change keeps what it replaced,
 * so a refusal puts the list (and the counts) back exactly as they were.
 */

export interface Counts {
  open: number;
  done: number;
}

/**
 * A request in flight for one task. `generation` is the list it was made on: after the list is
 * reloaded (new filter or search), a late refusal has nothing of its own left to undo.
 */
export type Pending =
  | { kind: 'add'; generation: number }
  | { kind: 'update'; generation: number; previous: Task }
  | { kind: 'remove'; generation: number; previous: Task; index: number };

export interface TaskListState {
  tasks: Task[];
  /** Cursor of the next page, from the API's `Link: <…>; rel="next"`. */
  next: string | null;
  counts: Counts | null;
  pending: Record<string, Pending>;
  /** What is being fetched: the first page of a new list, or one more page. */
  loading: 'list' | 'more' | null;
  /** The last thing that went wrong, shown until dismissed or replaced. */
  message: string | null;
  generation: number;
  /** Moves on whenever a change starts or settles: a list fetched meanwhile may miss it. */
  revision: number;
  /** The revision when the list being fetched was asked for. */
  loadingSince: number;
  /** Moves on when a fetched list was too old to show: the board asks again. */
  reloads: number;
  /** Deleted in this session: a page fetched before the delete must not bring them back. */
  removed: string[];
}

export type TaskListAction =
  | { type: 'pageRequested'; append: boolean }
  | { type: 'pageLoaded'; append: boolean; tasks: Task[]; next: string | null; counts?: Counts }
  | { type: 'pageFailed'; message: string }
  | { type: 'countsLoaded'; counts: Counts; revision: number }
  | { type: 'addStarted'; task: Task }
  | { type: 'addSucceeded'; tempId: string; task: Task }
  | { type: 'addFailed'; tempId: string; message: string }
  | { type: 'updateStarted'; task: Task }
  | { type: 'updateSucceeded'; task: Task }
  | { type: 'updateFailed'; id: string; message: string; gone?: boolean }
  | { type: 'removeStarted'; id: string }
  | { type: 'removeSucceeded'; id: string }
  | { type: 'removeFailed'; id: string; message: string }
  | { type: 'messageShown'; message: string }
  | { type: 'messageDismissed' }
  | { type: 'remoteChanged'; changed: Task[]; deleted: string[] };

export const initialTaskListState: TaskListState = {
  tasks: [],
  next: null,
  counts: null,
  pending: {},
  loading: 'list',
  message: null,
  generation: 0,
  revision: 0,
  loadingSince: 0,
  reloads: 0,
  removed: [],
};

/** Counts after one task went from `before` to `after` (either may be absent: added or removed). */
function recount(counts: Counts | null, before: Task | undefined, after: Task | undefined): Counts | null {
  if (!counts) return counts;
  const next = { ...counts };
  if (before) next[before.completed ? 'done' : 'open'] -= 1;
  if (after) next[after.completed ? 'done' : 'open'] += 1;
  return { open: Math.max(0, next.open), done: Math.max(0, next.done) };
}

function without<V>(record: Record<string, V>, key: string): Record<string, V> {
  const copy = { ...record };
  delete copy[key];
  return copy;
}

function replaceTask(tasks: Task[], id: string, task: Task): Task[] {
  return tasks.map((t) => (t.id === id ? task : t));
}

const CHANGES = new Set<TaskListAction['type']>([
  'addStarted',
  'addSucceeded',
  'addFailed',
  'updateStarted',
  'updateSucceeded',
  'updateFailed',
  'removeStarted',
  'removeSucceeded',
  'removeFailed',
]);

export function tasksReducer(state: TaskListState, action: TaskListAction): TaskListState {
  const next = apply(state, action);
  return CHANGES.has(action.type) && next !== state ? { ...next, revision: state.revision + 1 } : next;
}

/** Tasks of a fetched page that the person has not deleted meanwhile, with their changes still on the way kept. */
function stillThere(state: TaskListState, tasks: Task[]): Task[] {
  const gone = new Set(state.removed);
  const changing = new Map(state.tasks.filter((t) => state.pending[t.id]?.kind === 'update').map((t) => [t.id, t]));
  return tasks.filter((t) => !gone.has(t.id) && state.pending[t.id]?.kind !== 'remove').map((t) => changing.get(t.id) ?? t);
}

function apply(state: TaskListState, action: TaskListAction): TaskListState {
  switch (action.type) {
    case 'pageRequested':
      return action.append ? { ...state, loading: 'more' } : { ...state, loading: 'list', loadingSince: state.revision };

    case 'pageLoaded': {
      if (action.append) {
        const known = new Set(state.tasks.map((t) => t.id));
        const fresh = stillThere(state, action.tasks).filter((t) => !known.has(t.id));
        return { ...state, tasks: [...state.tasks, ...fresh], next: action.next, loading: null };
      }
      // A change made while this list was on its way may be missing from it: fetch it again.
      if (state.revision !== state.loadingSince) {
        return { ...state, loadingSince: state.revision, reloads: state.reloads + 1 };
      }
      // Tasks still being created stay on top: their requests may yet succeed.
      const adding = state.tasks.filter((t) => state.pending[t.id]?.kind === 'add');
      const loaded = new Set(action.tasks.map((t) => t.id));
      return {
        ...state,
        tasks: [...adding.filter((t) => !loaded.has(t.id)), ...stillThere(state, action.tasks)],
        next: action.next,
        counts: action.counts ?? state.counts,
        loading: null,
        generation: state.generation + 1,
      };
    }

    case 'pageFailed':
      return { ...state, loading: null, message: action.message };

    case 'countsLoaded':
      return action.revision === state.revision ? { ...state, counts: action.counts } : state;

    case 'addStarted':
      return {
        ...state,
        tasks: [action.task, ...state.tasks],
        counts: recount(state.counts, undefined, action.task),
        pending: { ...state.pending, [action.task.id]: { kind: 'add', generation: state.generation } },
      };

    case 'addSucceeded': {
      const temp = state.tasks.find((t) => t.id === action.tempId);
      const pending = without(state.pending, action.tempId);
      if (!temp) return { ...state, pending };
      // A reload may already have brought the new task: keep one copy.
      const tasks = state.tasks.some((t) => t.id === action.task.id)
        ? state.tasks.filter((t) => t.id !== action.tempId)
        : replaceTask(state.tasks, action.tempId, action.task);
      return { ...state, tasks, pending, counts: recount(state.counts, temp, action.task) };
    }

    case 'addFailed': {
      const temp = state.tasks.find((t) => t.id === action.tempId);
      const entry = state.pending[action.tempId];
      const counted = entry?.generation === state.generation;
      return {
        ...state,
        tasks: state.tasks.filter((t) => t.id !== action.tempId),
        pending: without(state.pending, action.tempId),
        counts: temp && counted ? recount(state.counts, temp, undefined) : state.counts,
        message: action.message,
      };
    }

    case 'updateStarted': {
      const previous = state.tasks.find((t) => t.id === action.task.id);
      if (!previous) return state;
      return {
        ...state,
        tasks: replaceTask(state.tasks, previous.id, action.task),
        counts: recount(state.counts, previous, action.task),
        pending: { ...state.pending, [previous.id]: { kind: 'update', generation: state.generation, previous } },
      };
    }

    case 'updateSucceeded': {
      const current = state.tasks.find((t) => t.id === action.task.id);
      const pending = without(state.pending, action.task.id);
      if (!current) return { ...state, pending };
      return {
        ...state,
        tasks: replaceTask(state.tasks, current.id, action.task),
        counts: recount(state.counts, current, action.task),
        pending,
      };
    }

    case 'updateFailed': {
      const entry = state.pending[action.id];
      const current = state.tasks.find((t) => t.id === action.id);
      const pending = without(state.pending, action.id);
      if (!current) return { ...state, pending, message: action.message };
      if (action.gone) {
        return {
          ...state,
          tasks: state.tasks.filter((t) => t.id !== action.id),
          counts: recount(state.counts, current, undefined),
          pending,
          message: action.message,
        };
      }
      if (entry?.kind !== 'update') return { ...state, pending, message: action.message };
      return {
        ...state,
        tasks: replaceTask(state.tasks, action.id, entry.previous),
        counts: recount(state.counts, current, entry.previous),
        pending,
        message: action.message,
      };
    }

    case 'removeStarted': {
      const index = state.tasks.findIndex((t) => t.id === action.id);
      const previous = state.tasks[index];
      if (!previous) return state;
      return {
        ...state,
        tasks: state.tasks.filter((t) => t.id !== action.id),
        counts: recount(state.counts, previous, undefined),
        pending: { ...state.pending, [action.id]: { kind: 'remove', generation: state.generation, previous, index } },
      };
    }

    case 'removeSucceeded':
      return {
        ...state,
        tasks: state.tasks.filter((t) => t.id !== action.id),
        pending: without(state.pending, action.id),
        removed: [...state.removed, action.id],
      };

    case 'removeFailed': {
      const entry = state.pending[action.id];
      const pending = without(state.pending, action.id);
      const restorable =
        entry?.kind === 'remove' && entry.generation === state.generation && !state.tasks.some((t) => t.id === action.id);
      if (!restorable) return { ...state, pending, message: action.message };
      const tasks = [...state.tasks];
      tasks.splice(Math.min(entry.index, tasks.length), 0, entry.previous);
      return { ...state, tasks, pending, counts: recount(state.counts, undefined, entry.previous), message: action.message };
    }

    case 'messageShown':
      return { ...state, message: action.message };

    case 'messageDismissed':
      return { ...state, message: null };

    case 'remoteChanged': {
      // Another device's changes: shown in place at once (unless this device is changing that
      // task itself), then the list is fetched again, since a change can move a task into or
      // out of this view, or elsewhere in its order. A feed read before this device's own
      // write may answer after it: an older version never replaces a newer one (updated_at
      // moves strictly forward with every change).
      const deleted = new Set(action.deleted);
      const changed = new Map(action.changed.map((t) => [t.id, t]));
      const newer = (t: Task) => {
        const theirs = changed.get(t.id);
        return theirs && Date.parse(theirs.updated_at) >= Date.parse(t.updated_at) ? theirs : t;
      };
      const tasks = state.tasks
        .filter((t) => !deleted.has(t.id) || state.pending[t.id])
        .map((t) => (state.pending[t.id] ? t : newer(t)));
      return { ...state, tasks, removed: [...state.removed, ...action.deleted], reloads: state.reloads + 1 };
    }
  }
}
