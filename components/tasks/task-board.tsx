'use client';

import { useCallback, useEffect, useId, useMemo, useReducer, useRef, useState } from 'react';
import { endRefusedSession } from '@/lib/auth/actions';
import {
  ApiError,
  createTask,
  deleteTask,
  fetchCounts,
  fetchMembers,
  fetchTask,
  fetchPage,
  listQuery,
  moveTask,
  newIdempotencyKey,
  toggleTask,
  updateTask,
  type LabelColor,
  type NewTask,
  type Project,
  type TaskChanges,
} from '@/lib/client/api';
import { formatDue } from '@/lib/client/dates';
import type { MoveRequest } from '@/lib/client/manual-order';
import type { QuickAddTask } from '@/lib/client/planning';
import { reminderInputs } from '@/lib/client/reminders';
import type { FeedUpdate } from '@/lib/client/sync';
import { matchesFilter, type Task, type TaskFilter } from '@/lib/client/task';
import { initialTaskListState, tasksReducer } from '@/lib/client/tasks-reducer';
import type { TreeChange } from '@/lib/client/task-tree';
import { hasCompletionFilter, isManualOrder, isOneList, viewQuery, viewTitle, type View } from '@/lib/client/views';
import { ProjectActions } from '@/components/projects/project-actions';
import { ConflictNotice } from './conflict-notice';
import { LiveStatus } from './live-status';
import { QuickAdd } from './quick-add';
import { TaskFilters } from './task-filters';
import { TaskList } from './task-list';
import { useLiveUpdates } from './use-live-updates';

const SEARCH_DELAY_MS = 300;

function isAbort(err: unknown): boolean {
  return err instanceof DOMException && err.name === 'AbortError';
}

let tempCounter = 0;

/** The fields of `changes` that differ from `base`: an edit applied again to a newer version changes only what the person changed. */
function changedFields(base: Task, changes: TaskChanges): TaskChanges {
  const edited: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(changes)) {
    // Reminders go out without their ids.
    const current = key === 'reminders' ? reminderInputs(base.reminders) : base[key as keyof Task];
    if (JSON.stringify(value ?? null) !== JSON.stringify(current ?? null)) edited[key] = value;
  }
  return edited as TaskChanges;
}

/** An edit refused because the task had changed elsewhere: the newer version, and the edit to apply again. */
interface Conflict {
  newer: Task;
  changes: TaskChanges;
}

interface Props {
  userId: string;
  view: View;
  /** The person's projects, in their sidebar order. */
  projects: Project[];
  colorOf: (label: string) => LabelColor;
  /** A change has settled on the server: the views' counts and the labels may have changed. */
  onChanged: () => void;
}

export function TaskBoard({ userId, view: viewOnMount, projects, colorOf, onChanged }: Props) {
  const id = useId();
  // The planner keys the board by the view's URL, so a board shows one view for its whole life.
  const [view] = useState(viewOnMount);
  const [state, dispatch] = useReducer(tasksReducer, initialTaskListState);
  // The browser's day when the view opened: Today and Upcoming are counted from it.
  const [now] = useState(() => new Date());
  const [filter, setFilter] = useState<TaskFilter>('all');
  const [searchText, setSearchText] = useState('');
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState('');
  const moreController = useRef<AbortController | null>(null);
  const leaving = useRef(false);
  const listHeading = useRef<HTMLHeadingElement>(null);
  const baseQuery = useMemo(() => viewQuery(view, now), [view, now]);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  // Tasks whose subtasks are folded away, in this view.
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());

  // Other devices' and tabs' changes, as they happen.
  const { connected } = useLiveUpdates(
    userId,
    useCallback(
      (update: FeedUpdate) => {
        if (update.full || update.changed.length || update.deleted.length) {
          dispatch({ type: 'remoteChanged', changed: update.changed, deleted: update.deleted });
          onChanged();
        } else if (update.projectsChanged) onChanged();
      },
      [onChanged],
    ),
    onChanged,
  );

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
    Promise.all([fetchPage(userId, listQuery(baseQuery, filter, query), null, controller.signal), fetchCounts(userId, baseQuery, controller.signal)])
      .then(([page, counts]) => dispatch({ type: 'pageLoaded', append: false, ...page, counts }))
      .catch((err: unknown) => {
        if (!isAbort(err)) dispatch({ type: 'pageFailed', message: `Could not load your tasks. ${explain(err)}` });
      });
    return () => controller.abort();
  }, [userId, baseQuery, filter, query, reloads, explain]);

  // Once every change has settled, the counts are checked with the server: optimistic
  // arithmetic cannot know about a change that raced with a reload.
  const idle = Object.keys(state.pending).length === 0;
  const { revision } = state;
  useEffect(() => {
    if (!idle || revision === 0) return;
    onChanged();
    const controller = new AbortController();
    fetchCounts(userId, baseQuery, controller.signal)
      .then((counts) => dispatch({ type: 'countsLoaded', counts, revision }))
      // Best effort: the counts shown stay as they are, and the next change checks again.
      .catch(() => {});
    return () => controller.abort();
  }, [idle, revision, userId, baseQuery, onChanged]);

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
      const page = await fetchPage(userId, listQuery(baseQuery, filter, query), state.next, controller.signal);
      dispatch({ type: 'pageLoaded', append: true, ...page });
    } catch (err) {
      if (!isAbort(err)) dispatch({ type: 'pageFailed', message: `Could not load more tasks. ${explain(err)}` });
    }
  }

  /** Whether a task belongs in this view's list (a task moved to another project leaves the Inbox's). */
  const belongs = useCallback(
    (task: Task) => (view.kind === 'inbox' ? task.project_id === null : view.kind === 'project' ? task.project_id === view.id : true),
    [view],
  );
  const projectName = useCallback((projectId: string | null) => (projectId === null ? 'Inbox' : (projects.find((p) => p.id === projectId)?.name ?? 'another project')), [projects]);

  /** After a change saved elsewhere in the list: a task that left this view's list leaves the board too. */
  const settle = useCallback(
    (saved: Task) => {
      dispatch({ type: 'updateSucceeded', task: saved });
      if (belongs(saved)) return;
      dispatch({ type: 'removeStarted', id: saved.id });
      dispatch({ type: 'removeSucceeded', id: saved.id });
      setStatus(`“${saved.title}” moved to ${projectName(saved.project_id)}.`);
    },
    [belongs, projectName],
  );

  /** Shows a new task at once, saves it, and swaps in the server's copy (or takes it back). */
  const create = useCallback(
    async (draft: NewTask, idempotencyKey: string): Promise<Task | null> => {
      const createdAt = new Date().toISOString();
      tempCounter += 1;
      const temp: Task = {
        id: `temp-${tempCounter}`,
        user_id: userId,
        description: null,
        due_date: null,
        due_time: null,
        priority: 'none',
        labels: [],
        repeat: null,
        ...draft,
        project_id: draft.project_id ?? null,
        parent_id: draft.parent_id ?? null,
        assignee_id: draft.assignee_id ?? null,
        // Shown with ids once saved.
        reminders: [],
        position: '',
        completed: false,
        created_at: createdAt,
        updated_at: createdAt,
        // Not saved yet: it has no version to name.
        etag: '',
      };
      dispatch({ type: 'addStarted', task: temp });
      try {
        const task = await createTask(userId, draft, idempotencyKey);
        dispatch({ type: 'addSucceeded', tempId: temp.id, task });
        return task;
      } catch (err) {
        dispatch({ type: 'addFailed', tempId: temp.id, message: `Could not add “${draft.title}”. ${explain(err)}` });
        return null;
      }
    },
    [userId, explain],
  );

  const add = useCallback(
    async ({ project_id: named, ...planned }: QuickAddTask, idempotencyKey: string): Promise<boolean> => {
      // A task added in a label's view carries that label; in a project's view it goes to that
      // project, unless quick add named another (`@project`).
      const labels = view.kind === 'label' && !planned.labels.some((l) => l.toLocaleLowerCase() === view.name.toLocaleLowerCase()) ? [...planned.labels, view.name] : planned.labels;
      const projectId = named ?? (view.kind === 'project' ? view.id : null);
      const task = await create({ ...planned, labels, ...(projectId && { project_id: projectId }) }, idempotencyKey);
      if (task && !belongs(task)) {
        dispatch({ type: 'removeStarted', id: task.id });
        dispatch({ type: 'removeSucceeded', id: task.id });
        setStatus(`Added “${task.title}” to ${projectName(task.project_id)}.`);
      }
      return task !== null;
    },
    [view, create, belongs, projectName],
  );

  /** A subtask goes to its parent's list, last among the parent's subtasks. */
  async function addSubtask(parent: Task, title: string): Promise<boolean> {
    const last = state.tasks
      .filter((t) => t.parent_id === parent.id && !t.id.startsWith('temp-'))
      .sort((a, b) => (a.position < b.position ? -1 : 1))
      .at(-1);
    const task = await create({ title, parent_id: parent.id }, newIdempotencyKey());
    if (!task) return false;
    setCollapsed((current) => {
      const next = new Set(current);
      next.delete(parent.id);
      return next;
    });
    if (last) {
      try {
        dispatch({ type: 'updateSucceeded', task: await moveTask(userId, task.id, { after: last.id }) });
      } catch {
        // It was added, on top of the subtasks: the order is the person's to change.
      }
    }
    setStatus(`Added “${task.title}” as a subtask of “${parent.title}”.`);
    return true;
  }

  /** A new place in the outline: the new parent first, then the place among its subtasks. */
  async function changePlace(task: Task, change: TreeChange): Promise<boolean> {
    if (state.pending[task.id]) return false;
    try {
      let saved = task;
      if (change.parent_id !== undefined) {
        dispatch({ type: 'updateStarted', task: { ...task, parent_id: change.parent_id } });
        saved = await updateTask(userId, task.id, { parent_id: change.parent_id });
        dispatch({ type: 'updateSucceeded', task: saved });
        if (change.parent_id) {
          setCollapsed((current) => {
            const next = new Set(current);
            next.delete(change.parent_id!);
            return next;
          });
        }
      }
      if (change.move) dispatch({ type: 'updateSucceeded', task: await moveTask(userId, task.id, change.move) });
      return true;
    } catch (err) {
      dispatch({ type: 'updateFailed', id: task.id, message: `Could not move “${task.title}”. ${explain(err)}` });
      return false;
    }
  }

  async function toggle(task: Task) {
    dispatch({ type: 'updateStarted', task: { ...task, completed: !task.completed } });
    try {
      const saved = await toggleTask(userId, task.id);
      dispatch({ type: 'updateSucceeded', task: saved });
      // Its subtasks were completed (or reopened) with it: show them as they are now.
      if (state.tasks.some((t) => t.parent_id === task.id)) dispatch({ type: 'remoteChanged', changed: [], deleted: [] });
      // A repeating task is not done: it moves on to its next date.
      if (task.repeat && !saved.completed && saved.due_date) setStatus(`“${saved.title}” repeats: next due ${formatDue(saved.due_date, saved.due_time, new Date())}.`);
    } catch (err) {
      const action = task.completed ? 'reopen' : 'complete';
      const gone = err instanceof ApiError && err.status === 404;
      dispatch({ type: 'updateFailed', id: task.id, gone, message: `Could not ${action} “${task.title}”. ${explain(err)}` });
    }
  }

  /**
   * Saves an edit of `base`, the version the person edited, and only if the task is still that
   * version (If-Match): a newer one saved elsewhere is never silently overwritten; the person
   * sees it and may apply the edit to it.
   */
  async function edit(base: Task, edits: TaskChanges): Promise<boolean> {
    const changes = changedFields(base, edits);
    if (Object.keys(changes).length === 0) return true;
    const current = state.tasks.find((t) => t.id === base.id) ?? base;
    setConflict(null);
    const { reminders: _, ...shown } = changes;
    dispatch({ type: 'updateStarted', task: { ...current, ...shown, due_time: changes.due_date === null ? null : (changes.due_time ?? current.due_time) } });
    try {
      settle(await updateTask(userId, base.id, changes, base.etag || undefined));
      return true;
    } catch (err) {
      if (err instanceof ApiError && err.status === 412) {
        try {
          const newer = await fetchTask(userId, base.id);
          dispatch({ type: 'updateSucceeded', task: newer });
          setConflict({ newer, changes });
          return true;
        } catch (fetchErr) {
          err = fetchErr;
        }
      }
      const gone = err instanceof ApiError && err.status === 404;
      dispatch({ type: 'updateFailed', id: base.id, gone, message: `Could not save “${changes.title ?? base.title}”. ${explain(err)}` });
      return gone;
    }
  }

  async function move(task: Task, request: MoveRequest): Promise<boolean> {
    if (state.pending[task.id]) return false;
    try {
      dispatch({ type: 'updateSucceeded', task: await moveTask(userId, task.id, request) });
      return true;
    } catch (err) {
      dispatch({ type: 'messageShown', message: `Could not move “${task.title}”. ${explain(err)}` });
      return false;
    }
  }

  async function remove(task: Task) {
    // The focused button goes with the task: keep keyboard users at the list instead of the page top.
    listHeading.current?.focus();
    dispatch({ type: 'removeStarted', id: task.id });
    try {
      await deleteTask(userId, task.id);
      dispatch({ type: 'removeSucceeded', id: task.id });
      // Its subtasks went with it.
      const below = state.tasks.filter((t) => t.parent_id === task.id).map((t) => t.id);
      if (below.length) dispatch({ type: 'remoteChanged', changed: [], deleted: below });
    } catch (err) {
      // Already gone is what the person wanted.
      if (err instanceof ApiError && err.status === 404) dispatch({ type: 'removeSucceeded', id: task.id });
      else dispatch({ type: 'removeFailed', id: task.id, message: `Could not delete “${task.title}”. ${explain(err)}` });
    }
  }

  const visible = useMemo(() => {
    const shown = state.tasks.filter((task) => matchesFilter(task, filter));
    if (!isManualOrder(view)) return shown;
    // In manual order the server's positions are the order, so a move shows once it is saved:
    // list by list (the Inbox, then the sidebar's order), each by position.
    const rank = new Map(projects.map((project, i) => [project.id, i]));
    const listRank = (task: Task) => (task.project_id === null ? -1 : (rank.get(task.project_id) ?? projects.length));
    return shown.sort((a, b) => listRank(a) - listRank(b) || (a.position < b.position ? -1 : a.position > b.position ? 1 : 0));
  }, [state.tasks, filter, view, projects]);
  // One list, whole: an outline. Filtered or searched, the matching tasks alone, in order.
  const outline = isOneList(view) && filter === 'all' && !query;
  const currentProject = view.kind === 'project' ? projects.find((p) => p.id === view.id) : undefined;
  const people = usePeople(userId, currentProject);
  const title = viewTitle(view, (projectId) => projects.find((p) => p.id === projectId)?.name);
  const counts = state.counts;
  const noTasksAtAll = view.kind === 'inbox' && counts !== null && counts.open + counts.done === 0 && state.tasks.length === 0;
  const completionFilter = hasCompletionFilter(view);

  return (
    <div className="space-y-6">
      {currentProject?.role !== 'viewer' && (
        <section className="rounded-lg border border-zinc-200 bg-white p-4 shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
          <QuickAdd projects={projects} onSubmit={add} />
        </section>
      )}

      <LiveStatus connected={connected} />
      {conflict && (
        <ConflictNotice
          newer={conflict.newer}
          onApply={() => void edit(conflict.newer, { ...conflict.changes })}
          onDismiss={() => setConflict(null)}
        />
      )}
      {state.message && (
        <div role="alert" data-testid="task-error" className="alert-error flex items-start justify-between gap-3">
          <p className="wrap-anywhere">{state.message}</p>
          <button type="button" className="btn btn-ghost -my-1 shrink-0 px-2 py-1" onClick={() => dispatch({ type: 'messageDismissed' })}>
            Dismiss
          </button>
        </div>
      )}
      <p role="status" data-testid="task-status" className={status ? 'rounded-md bg-blue-50 px-3 py-2 text-sm text-blue-900 dark:bg-blue-950 dark:text-blue-100' : 'sr-only'}>
        {status}
      </p>

      <section aria-labelledby={`${id}-heading`} className="space-y-3">
        <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
          <h1 id={`${id}-heading`} ref={listHeading} tabIndex={-1} className="text-xl font-semibold wrap-anywhere">
            {view.kind === 'label' ? `#${title}` : title}
          </h1>
          {counts && (
            <p data-testid="task-counts" className="text-sm text-zinc-600 dark:text-zinc-400" aria-live="polite">
              {completionFilter ? `${counts.open} open · ${counts.done} done` : `${counts.open} open`}
            </p>
          )}
        </div>
        {currentProject && <ProjectActions userId={userId} project={currentProject} onChanged={onChanged} />}

        {completionFilter && <TaskFilters filter={filter} onFilter={chooseFilter} search={searchText} onSearch={setSearchText} />}

        {state.loading === 'list' && state.tasks.length === 0 ? (
          <p className="py-6 text-center text-sm text-zinc-600 dark:text-zinc-400">Loading your tasks…</p>
        ) : visible.length === 0 && view.kind !== 'upcoming' ? (
          <EmptyState noTasksAtAll={noTasksAtAll} view={view} filter={filter} query={query} />
        ) : (
          <TaskList
            userId={userId}
            people={people}
            view={view}
            tasks={visible}
            outline={outline}
            now={now}
            busy={state.loading === 'list'}
            pending={state.pending}
            projects={projects}
            colorOf={colorOf}
            collapsed={collapsed}
            onCollapse={(task, fold) =>
              setCollapsed((current) => {
                const next = new Set(current);
                if (fold) next.add(task.id);
                else next.delete(task.id);
                return next;
              })
            }
            onToggle={toggle}
            onEdit={edit}
            onDelete={remove}
            onMove={move}
            onTreeChange={changePlace}
            onAddSubtask={addSubtask}
          />
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

const NO_PEOPLE: ReadonlyMap<string, { name: string | null; email: string }> = new Map();

/** The members of the shared project on screen, by user id: whom its rows name as assignees. */
function usePeople(userId: string, project: Project | undefined) {
  const [loaded, setLoaded] = useState<{ projectId: string; people: ReadonlyMap<string, { name: string | null; email: string }> } | null>(null);
  const projectId = project?.shared ? project.id : undefined;
  useEffect(() => {
    if (!projectId) return;
    const controller = new AbortController();
    fetchMembers(userId, projectId, controller.signal)
      .then((members) => setLoaded({ projectId, people: new Map(members.map((m) => [m.user_id, { name: m.name, email: m.email }])) }))
      .catch(() => {});
    return () => controller.abort();
  }, [userId, projectId]);
  return projectId && loaded?.projectId === projectId ? loaded.people : NO_PEOPLE;
}

function EmptyState({ noTasksAtAll, view, filter, query }: { noTasksAtAll: boolean; view: View; filter: TaskFilter; query: string }) {
  let text: string;
  if (noTasksAtAll) text = 'No tasks yet. Type one above and press Enter (or Add task) to add your first one.';
  else if (query) text = `No ${filter === 'all' ? '' : `${filter} `}tasks match “${query}”. Try other words or clear the search.`;
  else if (view.kind === 'today') text = 'Nothing due today. Enjoy the day!';
  else if (view.kind === 'assigned') text = 'Nothing is assigned to you. In a shared project, a task’s details assign it.';
  else if (filter === 'active') text = 'Nothing left to do. Everything is done!';
  else if (filter === 'completed') text = 'No completed tasks yet. Tick a task’s checkbox when it is done.';
  else if (view.kind === 'label') text = `No tasks with the label ${view.name}. Add one above: it gets the label.`;
  else if (view.kind === 'project') text = 'No tasks in this project yet. Add one above: it goes here.';
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
