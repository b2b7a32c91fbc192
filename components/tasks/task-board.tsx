'use client';

import { startTransition, useCallback, useDeferredValue, useEffect, useId, useMemo, useRef, useState } from 'react';
import { fetchMembers, newIdempotencyKey, type LabelColor, type NewTask, type Project, type TaskChanges } from '@/lib/client/api';
import { formatDue } from '@/lib/client/dates';
import { viewCounts, viewTasks } from '@/lib/client/local-list';
import type { MoveRequest } from '@/lib/client/manual-order';
import { newTemporaryId } from '@/lib/client/outbox';
import type { QuickAddTask } from '@/lib/client/planning';
import { reminderInputs } from '@/lib/client/reminders';
import type { Task, TaskFilter } from '@/lib/client/task';
import type { TreeChange } from '@/lib/client/task-tree';
import { hasCompletionFilter, isOneList, viewTitle, type View } from '@/lib/client/views';
import { ProjectActions } from '@/components/projects/project-actions';
import { ConflictNotice } from './conflict-notice';
import { KEEP_FAILED, useLocalTasks } from './local-tasks';
import { OfflineStatus } from './offline-status';
import { QuickAdd } from './quick-add';
import { TaskFilters } from './task-filters';
import { TaskList } from './task-list';

/** Rows shown at first, and added by "Load more": the list is on the device, the page's size is the DOM's. */
const SHOWN_STEP = 50;
/**
 * Rows drawn in a view's first frame, about a screenful: the rest of the first step follows in a
 * transition, after the frame, so that a switch to a long list shows at once (docs/performance.md).
 */
const FIRST_FRAME_ROWS = 20;

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

interface Props {
  userId: string;
  /** The planner keys the board by the view's URL: one view for the board's life (a project made here takes its saved id). */
  view: View;
  /** The person's projects, in their sidebar order. */
  projects: Project[];
  colorOf: (label: string) => LabelColor;
  /** A project was changed here (renamed, shared, left, deleted): the sidebar asks again. */
  onChanged: () => void;
}

/**
 * One view's tasks, read from the device's copy (every view, filter and search is computed here,
 * with no request), and the person's changes to them, queued in the outbox: shown at once,
 * sent when the server can be reached.
 */
export function TaskBoard({ userId, view, projects, colorOf, onChanged }: Props) {
  const id = useId();
  const local = useLocalTasks();
  const { tasks, queue } = local;
  // The browser's day when the view opened: Today and Upcoming are counted from it.
  const [now] = useState(() => new Date());
  const [filter, setFilter] = useState<TaskFilter>('all');
  const [searchText, setSearchText] = useState('');
  const query = useDeferredValue(searchText.trim());
  const [shownRows, setShownRows] = useState(FIRST_FRAME_ROWS);
  useEffect(() => startTransition(() => setShownRows((shown) => Math.max(shown, SHOWN_STEP))), []);
  const [status, setStatus] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const listHeading = useRef<HTMLHeadingElement>(null);
  // Tasks whose subtasks are folded away, in this view.
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());

  const projectName = useCallback((projectId: string | null) => (projectId === null ? 'Inbox' : (projects.find((p) => p.id === projectId)?.name ?? 'another project')), [projects]);
  /** Whether a task belongs in this view's list (a task moved to another project leaves the Inbox's). */
  const belongs = useCallback(
    (projectId: string | null) => (view.kind === 'inbox' ? projectId === null : view.kind === 'project' ? projectId === view.id : true),
    [view],
  );

  // What the outbox heard from the server: conflicts and refusals are the person's to see.
  const { onEvent } = local;
  useEffect(
    () =>
      onEvent((event) => {
        if (event.kind === 'refused') setMessage(event.message);
        else if (event.kind === 'saved' && event.write.kind === 'toggle' && event.task?.repeat && !event.task.completed && event.task.due_date) {
          // A repeating task is not done: it moves on to its next date.
          setStatus(`“${event.task.title}” repeats: next due ${formatDue(event.task.due_date, event.task.due_time, new Date())}.`);
        }
      }),
    [onEvent],
  );

  /**
   * Queues writes, in order; only this device's storage failing makes it fail. All of them show
   * at once (before any is stored), so a next keystroke is worked out from where they leave the task.
   */
  const write = useCallback(
    async (...writes: Parameters<typeof queue>[0][]): Promise<boolean> => {
      try {
        await Promise.all(writes.map((each) => queue(each)));
        return true;
      } catch {
        setMessage(KEEP_FAILED);
        return false;
      }
    },
    [queue],
  );

  /** Shows a new task at once and queues it; resolves to its (temporary) id. */
  const create = useCallback(
    async (body: NewTask, idempotencyKey = newIdempotencyKey()): Promise<string | null> => {
      const taskId = newTemporaryId();
      return (await write({ kind: 'create', task: taskId, body, key: idempotencyKey })) ? taskId : null;
    },
    [write],
  );

  const add = useCallback(
    async ({ project_id: named, ...planned }: QuickAddTask, idempotencyKey: string): Promise<boolean> => {
      // A task added in a label's view carries that label; in a project's view it goes to that
      // project, unless quick add named another (`@project`).
      const labels = view.kind === 'label' && !planned.labels.some((l) => l.toLocaleLowerCase() === view.name.toLocaleLowerCase()) ? [...planned.labels, view.name] : planned.labels;
      const projectId = named ?? (view.kind === 'project' ? view.id : null);
      const added = await create({ ...planned, labels, ...(projectId && { project_id: projectId }) }, idempotencyKey);
      if (added && !belongs(projectId)) setStatus(`Added “${planned.title}” to ${projectName(projectId)}.`);
      return added !== null;
    },
    [view, create, belongs, projectName],
  );

  /** A subtask goes to its parent's list, last among the parent's subtasks. */
  async function addSubtask(parent: Task, title: string): Promise<boolean> {
    const last = [...tasks.values()]
      .filter((t) => t.parent_id === parent.id)
      .sort((a, b) => (a.position < b.position ? -1 : 1))
      .at(-1);
    const taskId = await create({ title, parent_id: parent.id });
    if (!taskId) return false;
    if (last) await write({ kind: 'move', task: taskId, move: { after: last.id }, ifMatch: '' });
    setCollapsed((current) => {
      const next = new Set(current);
      next.delete(parent.id);
      return next;
    });
    setStatus(`Added “${title}” as a subtask of “${parent.title}”.`);
    return true;
  }

  /** A new place in the outline: the new parent first, then the place among its subtasks. */
  async function changePlace(task: Task, change: TreeChange): Promise<boolean> {
    const writes: Parameters<typeof queue>[0][] = [];
    if (change.parent_id !== undefined) writes.push({ kind: 'update', task: task.id, changes: { parent_id: change.parent_id }, ifMatch: task.etag });
    if (change.move) writes.push({ kind: 'move', task: task.id, move: change.move, ifMatch: task.etag });
    if (!(await write(...writes))) return false;
    if (change.parent_id) {
      setCollapsed((current) => {
        const next = new Set(current);
        next.delete(change.parent_id!);
        return next;
      });
    }
    return true;
  }

  function toggle(task: Task) {
    void write({ kind: 'toggle', task: task.id, completed: !task.completed, due: task.due_date, ifMatch: task.etag });
  }

  /**
   * Queues an edit of `base`, the version the person edited, to be saved only if the task is
   * still that version (If-Match): a newer one saved elsewhere is never silently overwritten;
   * the person sees it and may apply the edit to it.
   */
  async function edit(base: Task, edits: TaskChanges): Promise<boolean> {
    const changes = changedFields(base, edits);
    if (Object.keys(changes).length === 0) return true;
    if (!(await write({ kind: 'update', task: base.id, changes, ifMatch: base.etag }))) return false;
    if (changes.project_id !== undefined && !belongs(changes.project_id)) setStatus(`“${changes.title ?? base.title}” moved to ${projectName(changes.project_id)}.`);
    return true;
  }

  async function move(task: Task, request: MoveRequest): Promise<boolean> {
    return write({ kind: 'move', task: task.id, move: request, ifMatch: task.etag });
  }

  function remove(task: Task) {
    // The focused button goes with the task: keep keyboard users at the list instead of the page top.
    listHeading.current?.focus();
    void write({ kind: 'delete', task: task.id });
  }

  const projectOrder = useMemo(() => projects.map((project) => project.id), [projects]);
  const listed = useMemo(() => viewTasks(tasks.values(), view, { userId, now, filter, q: query, projectOrder }), [tasks, view, userId, now, filter, query, projectOrder]);
  const counts = useMemo(() => (local.ready ? viewCounts(tasks.values(), view, { userId, now }) : null), [local.ready, tasks, view, userId, now]);
  const visible = listed.length > shownRows ? listed.slice(0, shownRows) : listed;
  // One list, whole: an outline. Filtered or searched, the matching tasks alone, in order.
  const outline = isOneList(view) && filter === 'all' && !query;
  const currentProject = view.kind === 'project' ? projects.find((p) => p.id === view.id) : undefined;
  const people = usePeople(userId, currentProject);
  const title = viewTitle(view, (projectId) => projects.find((p) => p.id === projectId)?.name);
  const noTasksAtAll = view.kind === 'inbox' && counts !== null && counts.open + counts.done === 0;
  const completionFilter = hasCompletionFilter(view);

  return (
    <div className="space-y-6">
      {currentProject?.role !== 'viewer' && (
        <section className="rounded-lg border border-zinc-200 bg-white p-4 shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
          <QuickAdd projects={projects} onSubmit={add} />
        </section>
      )}

      <OfflineStatus connected={local.connected} waiting={local.waiting} known={local.opened && !local.unavailable} />
      {local.conflicts.map((conflict) => (
        <ConflictNotice
          key={conflict.newer.id}
          newer={conflict.newer}
          onApply={() => local.resolveConflict(conflict.newer.id, true)}
          onDismiss={() => local.resolveConflict(conflict.newer.id, false)}
        />
      ))}
      {message && (
        <div role="alert" data-testid="task-error" className="alert-error flex items-start justify-between gap-3">
          <p className="wrap-anywhere">{message}</p>
          <button type="button" className="btn btn-ghost -my-1 shrink-0 px-2 py-1" onClick={() => setMessage(null)}>
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
        {currentProject && <ProjectActions userId={userId} project={currentProject} projects={projects} onChanged={onChanged} />}

        {completionFilter && <TaskFilters filter={filter} onFilter={setFilter} search={searchText} onSearch={setSearchText} />}

        {local.unavailable ? (
          <p role="alert" className="alert-error">
            Your tasks cannot be shown in this browser: it does not let the app keep data on this device (some private windows and privacy settings refuse it). Open the app in a
            normal window, or another browser.
          </p>
        ) : !local.ready && listed.length === 0 ? (
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

        {listed.length > shownRows && shownRows >= SHOWN_STEP && (
          <div className="flex justify-center">
            <button type="button" className="btn btn-secondary" onClick={() => setShownRows((shown) => shown + SHOWN_STEP)}>
              Load more
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
