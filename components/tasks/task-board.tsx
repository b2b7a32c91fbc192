'use client';

import { useCallback, useEffect, useId, useReducer, useRef, useState } from 'react';
import { endRefusedSession } from '@/lib/auth/actions';
import {
  ApiError,
  createTask,
  deleteTask,
  fetchCounts,
  fetchPage,
  listQuery,
  toggleTask,
  updateTask,
  type TaskDraft,
} from '@/lib/client/api';
import { matchesFilter, type Task, type TaskFilter } from '@/lib/client/task';
import { initialTaskListState, tasksReducer } from '@/lib/client/tasks-reducer';
import { NewTaskForm } from './new-task-form';
import { TaskFilters } from './task-filters';
import { TaskItem } from './task-item';

const SEARCH_DELAY_MS = 300;

function isAbort(err: unknown): boolean {
  return err instanceof DOMException && err.name === 'AbortError';
}

let tempCounter = 0;

export function TaskBoard({ userId }: { userId: string }) {
  const id = useId();
  const [state, dispatch] = useReducer(tasksReducer, initialTaskListState);
  const [filter, setFilter] = useState<TaskFilter>('all');
  const [searchText, setSearchText] = useState('');
  const [query, setQuery] = useState('');
  const moreController = useRef<AbortController | null>(null);
  const leaving = useRef(false);
  const listHeading = useRef<HTMLHeadingElement>(null);

  /** The person's words for a failure; a session the API refuses is ended, then sign-in offered. */
  const explain = useCallback((err: unknown): string => {
    if (!(err instanceof ApiError)) return 'Something went wrong. Try again.';
    if (err.status === 401 && !leaving.current) {
      leaving.current = true;
      void endRefusedSession();
    }
    return err.message;
  }, []);

  // Typing waits for a pause before it searches: one request per word, not per key.
  useEffect(() => {
    const trimmed = searchText.trim();
    if (trimmed === query) return;
    const timer = setTimeout(() => {
      dispatch({ type: 'pageRequested', append: false });
      setQuery(trimmed);
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [searchText, query]);

  // The first page of the list and the counts, again whenever the filter or search changes (or
  // the reducer found the last answer older than a change); a newer request cancels the older
  // one, so a slow answer never overwrites a fresh one.
  const { reloads } = state;
  useEffect(() => {
    const controller = new AbortController();
    moreController.current?.abort();
    Promise.all([fetchPage(userId, listQuery(filter, query), null, controller.signal), fetchCounts(userId, controller.signal)])
      .then(([page, counts]) => dispatch({ type: 'pageLoaded', append: false, ...page, counts }))
      .catch((err: unknown) => {
        if (!isAbort(err)) dispatch({ type: 'pageFailed', message: `Could not load your tasks. ${explain(err)}` });
      });
    return () => controller.abort();
  }, [userId, filter, query, reloads, explain]);

  // Once every change has settled, the counts are checked with the server: optimistic
  // arithmetic cannot know about a change that raced with a reload.
  const idle = Object.keys(state.pending).length === 0;
  const { revision } = state;
  useEffect(() => {
    if (!idle || revision === 0) return;
    const controller = new AbortController();
    fetchCounts(userId, controller.signal)
      .then((counts) => dispatch({ type: 'countsLoaded', counts, revision }))
      // Best effort: the counts shown stay as they are, and the next change checks again.
      .catch(() => {});
    return () => controller.abort();
  }, [idle, revision, userId]);

  function chooseFilter(next: TaskFilter) {
    if (next === filter) return;
    dispatch({ type: 'pageRequested', append: false });
    setFilter(next);
  }

  async function loadMore() {
    if (!state.next) return;
    const controller = new AbortController();
    moreController.current = controller;
    dispatch({ type: 'pageRequested', append: true });
    try {
      const page = await fetchPage(userId, listQuery(filter, query), state.next, controller.signal);
      dispatch({ type: 'pageLoaded', append: true, ...page });
    } catch (err) {
      if (!isAbort(err)) dispatch({ type: 'pageFailed', message: `Could not load more tasks. ${explain(err)}` });
    }
  }

  const add = useCallback(
    async (draft: TaskDraft, idempotencyKey: string): Promise<boolean> => {
      const now = new Date().toISOString();
      tempCounter += 1;
      const temp: Task = {
        id: `temp-${tempCounter}`,
        user_id: userId,
        due_date: null,
        due_time: null,
        priority: 'none',
        labels: [],
        repeat: null,
        position: '',
        ...draft,
        completed: false,
        created_at: now,
        updated_at: now,
      };
      dispatch({ type: 'addStarted', task: temp });
      try {
        dispatch({ type: 'addSucceeded', tempId: temp.id, task: await createTask(userId, draft, idempotencyKey) });
        return true;
      } catch (err) {
        dispatch({ type: 'addFailed', tempId: temp.id, message: `Could not add “${draft.title}”. ${explain(err)}` });
        return false;
      }
    },
    [userId, explain],
  );

  async function toggle(task: Task) {
    dispatch({ type: 'updateStarted', task: { ...task, completed: !task.completed } });
    try {
      dispatch({ type: 'updateSucceeded', task: await toggleTask(userId, task.id) });
    } catch (err) {
      const action = task.completed ? 'reopen' : 'complete';
      const gone = err instanceof ApiError && err.status === 404;
      dispatch({ type: 'updateFailed', id: task.id, gone, message: `Could not ${action} “${task.title}”. ${explain(err)}` });
    }
  }

  async function edit(task: Task, changes: TaskDraft): Promise<boolean> {
    dispatch({ type: 'updateStarted', task: { ...task, ...changes } });
    try {
      dispatch({ type: 'updateSucceeded', task: await updateTask(userId, task.id, changes) });
      return true;
    } catch (err) {
      const gone = err instanceof ApiError && err.status === 404;
      dispatch({ type: 'updateFailed', id: task.id, gone, message: `Could not save “${changes.title}”. ${explain(err)}` });
      return gone;
    }
  }

  async function remove(task: Task) {
    // The focused button goes with the task: keep keyboard users at the list instead of the page top.
    listHeading.current?.focus();
    dispatch({ type: 'removeStarted', id: task.id });
    try {
      await deleteTask(userId, task.id);
      dispatch({ type: 'removeSucceeded', id: task.id });
    } catch (err) {
      // Already gone is what the person wanted.
      if (err instanceof ApiError && err.status === 404) dispatch({ type: 'removeSucceeded', id: task.id });
      else dispatch({ type: 'removeFailed', id: task.id, message: `Could not delete “${task.title}”. ${explain(err)}` });
    }
  }

  const visible = state.tasks.filter((task) => matchesFilter(task, filter));
  const counts = state.counts;
  const noTasksAtAll = counts !== null && counts.open + counts.done === 0 && state.tasks.length === 0;

  return (
    <div className="space-y-6">
      <section className="rounded-lg border border-zinc-200 bg-white p-4 shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
        <NewTaskForm onAdd={add} />
      </section>

      {state.message && (
        <div role="alert" data-testid="task-error" className="alert-error flex items-start justify-between gap-3">
          <p className="wrap-anywhere">{state.message}</p>
          <button type="button" className="btn btn-ghost -my-1 shrink-0 px-2 py-1" onClick={() => dispatch({ type: 'messageDismissed' })}>
            Dismiss
          </button>
        </div>
      )}

      <section aria-labelledby={`${id}-heading`} className="space-y-3">
        <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
          <h2 id={`${id}-heading`} ref={listHeading} tabIndex={-1} className="text-lg font-semibold">
            Your tasks
          </h2>
          {counts && (
            <p data-testid="task-counts" className="text-sm text-zinc-600 dark:text-zinc-400" aria-live="polite">
              {counts.open} open · {counts.done} done
            </p>
          )}
        </div>

        <TaskFilters
          filter={filter}
          onFilter={chooseFilter}
          search={searchText}
          onSearch={setSearchText}
        />

        {state.loading === 'list' && state.tasks.length === 0 ? (
          <p className="py-6 text-center text-sm text-zinc-500 dark:text-zinc-400">Loading your tasks…</p>
        ) : visible.length === 0 ? (
          <EmptyState noTasksAtAll={noTasksAtAll} filter={filter} query={query} />
        ) : (
          <ul
            aria-label="Tasks"
            aria-busy={state.loading === 'list' || undefined}
            className="divide-y divide-zinc-200 rounded-lg border border-zinc-200 bg-white dark:divide-zinc-800 dark:border-zinc-800 dark:bg-zinc-900"
          >
            {visible.map((task) => (
              <TaskItem
                key={task.id}
                task={task}
                busy={Boolean(state.pending[task.id])}
                saving={state.pending[task.id]?.kind === 'add'}
                onToggle={toggle}
                onEdit={edit}
                onDelete={remove}
              />
            ))}
          </ul>
        )}

        {state.next && (
          <div className="flex justify-center">
            <button type="button" className="btn btn-secondary" onClick={loadMore} disabled={state.loading !== null}>
              {state.loading === 'more' ? 'Loading…' : 'Load more'}
            </button>
          </div>
        )}
      </section>
    </div>
  );
}

function EmptyState({ noTasksAtAll, filter, query }: { noTasksAtAll: boolean; filter: TaskFilter; query: string }) {
  let text: string;
  if (noTasksAtAll) text = 'No tasks yet. Type a title above and press Enter (or Add task) to add your first one.';
  else if (query) text = `No ${filter === 'all' ? '' : `${filter} `}tasks match “${query}”. Try other words or clear the search.`;
  else if (filter === 'active') text = 'Nothing left to do. Everything is done!';
  else if (filter === 'completed') text = 'No completed tasks yet. Tick a task’s checkbox when it is done.';
  else text = 'No tasks here.';
  return (
    <p
      data-testid="empty-state"
      className="rounded-lg border border-dashed border-zinc-300 px-4 py-8 text-center text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400"
    >
      {text}
    </p>
  );
}
