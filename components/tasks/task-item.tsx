'use client';

import { usePathname, useSearchParams } from 'next/navigation';
import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent, type ReactElement } from 'react';
import type { LabelColor, Project, TaskChanges } from '@/lib/client/api';
import { draftProblem } from '@/lib/client/limits';
import type { Task } from '@/lib/client/task';
import { TASK_LEVELS_MAX } from '@/lib/client/limits';
import { TaskDetails } from './task-details';
import { TaskMeta } from './task-meta';

interface Props {
  userId: string;
  task: Task;
  /** The person may only read the task (a viewer of its project): they set their labels alone. */
  readOnly?: boolean;
  /** Whom the task is assigned to: the person, a member (their name), or one not known here. */
  assignee?: 'you' | 'someone' | { name: string | null; email: string };
  /** A request for this task is in flight (or it is still being created). */
  saving: boolean;
  now: Date;
  colorOf: (label: string) => LabelColor;
  /** The drag handle, in views that keep the person's own order. */
  dragHandle?: ReactElement;
  /** In an outline (the Inbox, a project): how deep the task is, and its subtasks. */
  outline?: {
    depth: number;
    subtasks: number;
    done: number;
    collapsed: boolean;
    onCollapse: (collapsed: boolean) => void;
    /** Resolves true once the server has the subtask. */
    onAddSubtask: (title: string) => Promise<boolean>;
  };
  /** The task's project, named on the row where several lists show. */
  project?: Project;
  /** The projects the details dialog may move the task to. */
  projects: Project[];
  onToggle: (task: Task) => void;
  /** Resolves false when the server refused: the details reopen with what was typed. */
  onEdit: (task: Task, changes: TaskChanges) => Promise<boolean>;
  onDelete: (task: Task) => void;
}

/** A subtask's indent per level, in rem (the drag's projection counts levels in the same step). */
export const INDENT_REM = 1.75;

/**
 * One task: its checkbox, title and planning, and the ways to edit (a details dialog) or delete
 * it; in an outline, its subtasks' progress, a way to fold them and to add one.
 */
export function TaskItem({ userId, task, readOnly = false, assignee, saving, now, colorOf, dragHandle, outline, project, projects, onToggle, onEdit, onDelete }: Props) {
  const id = useId();
  // `?task=<id>` (a notification's link) opens this task's details once the list shows it.
  const searchParams = useSearchParams();
  const pathname = usePathname();
  const linked = searchParams.get('task') === task.id;
  const [editing, setEditing] = useState(linked);
  // Linked while already shown (the bell's link on this page): open it then too.
  const [wasLinked, setWasLinked] = useState(linked);
  if (linked !== wasLinked) {
    setWasLinked(linked);
    if (linked) setEditing(true);
  }

  function doneEditing() {
    setEditing(false);
    if (!linked) return;
    // Closed: the link has done its work, and a reload should not open it again.
    const rest = new URLSearchParams(searchParams);
    rest.delete('task');
    // The same view without the parameter: no request (Next keeps useSearchParams in step).
    window.history.replaceState(null, '', rest.size > 0 ? `${pathname}?${rest}` : pathname);
  }
  const [confirming, setConfirming] = useState(false);
  const [addingSubtask, setAddingSubtask] = useState(false);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const focusDelete = useRef(false);

  useEffect(() => {
    if (confirming || !focusDelete.current) return;
    deleteButton.current?.focus();
    focusDelete.current = false;
  }, [confirming]);

  function keep() {
    focusDelete.current = true;
    setConfirming(false);
  }

  function keepOnEscape(event: KeyboardEvent) {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    keep();
  }

  return (
    <div
      className="flex items-start gap-3 p-3 sm:p-4"
      style={outline?.depth ? { paddingLeft: `calc(${outline.depth * INDENT_REM}rem + 0.75rem)` } : undefined}
    >
      {dragHandle}
      {outline && (
        <button
          type="button"
          className={`-my-1 inline-flex size-8 shrink-0 items-center justify-center rounded-md text-zinc-600 hover:bg-zinc-100 dark:text-zinc-400 dark:hover:bg-zinc-800 ${outline.subtasks ? '' : 'invisible'}`}
          aria-expanded={outline.subtasks ? !outline.collapsed : undefined}
          aria-label={`${outline.collapsed ? 'Show' : 'Hide'} the subtasks of ${task.title}`}
          hidden={!outline.subtasks}
          onClick={() => outline.onCollapse(!outline.collapsed)}
        >
          <span aria-hidden="true">{outline.collapsed ? '▸' : '▾'}</span>
        </button>
      )}
      <input
        id={`${id}-done`}
        type="checkbox"
        className="mt-0.5 size-5 shrink-0 accent-blue-600 disabled:opacity-60"
        checked={task.completed}
        onChange={() => onToggle(task)}
        disabled={readOnly}
      />
      {/* On a phone the actions sit under the text, which keeps the whole width. */}
      <div className="min-w-0 flex-1 sm:flex sm:items-start sm:gap-3">
        <div className="min-w-0 flex-1">
          <label
            htmlFor={`${id}-done`}
            className={`block font-medium wrap-anywhere ${task.completed ? 'text-zinc-500 line-through dark:text-zinc-400' : ''}`}
          >
            {task.title}
          </label>
          {task.description && (
            <p className="mt-1 text-sm whitespace-pre-line text-zinc-600 wrap-anywhere dark:text-zinc-400">{task.description}</p>
          )}
          {outline && outline.subtasks > 0 && (
            <p data-testid="subtask-progress" className="mt-1 text-xs tabular-nums text-zinc-600 dark:text-zinc-400">
              {outline.done}/{outline.subtasks}
              <span className="sr-only"> subtasks done</span>
            </p>
          )}
          <TaskMeta task={task} now={now} colorOf={colorOf} project={project && { name: project.name, color: project.color }} />
          {assignee && <Assignee who={assignee} />}
          {saving && <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">Saving…</p>}
          {outline && addingSubtask && (
            <SubtaskForm parent={task.title} onAdd={outline.onAddSubtask} onDone={() => setAddingSubtask(false)} />
          )}
        </div>
        {confirming ? (
          <div className="mt-2 flex flex-wrap items-center gap-2 sm:mt-0 sm:flex-nowrap" role="group" aria-label="Confirm deletion" onKeyDown={keepOnEscape}>
            <span className="text-sm text-zinc-700 dark:text-zinc-300">Delete this task?</span>
            <button type="button" className="btn btn-danger py-1" onClick={() => onDelete(task)} autoFocus>
              Yes, delete
            </button>
            <button type="button" className="btn btn-secondary py-1" onClick={keep}>
              Keep
            </button>
          </div>
        ) : (
          <div className="-ml-3 mt-1 flex flex-wrap gap-1 sm:mt-0 sm:ml-0 sm:flex-nowrap">
            {outline && !readOnly && outline.depth < TASK_LEVELS_MAX - 1 && (
              <button type="button" className="btn btn-ghost py-1" onClick={() => setAddingSubtask(true)} disabled={addingSubtask}>
                Add subtask<span className="sr-only"> to {task.title}</span>
              </button>
            )}
            <button type="button" className="btn btn-ghost py-1" onClick={() => setEditing(true)}>
              Edit<span className="sr-only"> {task.title}</span>
            </button>
            {!readOnly && (
              <button ref={deleteButton} type="button" className="btn btn-ghost py-1" onClick={() => setConfirming(true)}>
                Delete<span className="sr-only"> {task.title}</span>
              </button>
            )}
          </div>
        )}
      </div>
      {editing && <TaskDetails userId={userId} task={task} projects={projects} onDone={doneEditing} onSave={onEdit} />}
    </div>
  );
}

/** Who the task is assigned to, as initials in a circle (the full name for screen readers and on hover). */
function Assignee({ who }: { who: NonNullable<Props['assignee']> }) {
  const name = who === 'you' ? 'you' : who === 'someone' ? 'another member' : (who.name ?? who.email);
  const initials =
    who === 'you'
      ? 'Me'
      : who === 'someone'
        ? '?'
        : name
            .split(/[\s@.]+/)
            .filter(Boolean)
            .slice(0, 2)
            .map((part) => part[0]!.toLocaleUpperCase())
            .join('');
  return (
    <p className="mt-1 flex items-center gap-1 text-xs text-zinc-700 dark:text-zinc-300" data-testid="assignee" title={`Assigned to ${name}`}>
      <span aria-hidden="true" className="inline-flex size-5 items-center justify-center rounded-full bg-violet-100 text-[0.6rem] font-semibold text-violet-900 dark:bg-violet-900 dark:text-violet-100">
        {initials}
      </span>
      <span className="sr-only">Assigned to {name}</span>
    </p>
  );
}

/** One line under a task for a new subtask: Enter adds it and leaves the line open for the next, Escape closes it. */
function SubtaskForm({ parent, onAdd, onDone }: { parent: string; onAdd: (title: string) => Promise<boolean>; onDone: () => void }) {
  const id = useId();
  const [title, setTitle] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const invalid = draftProblem(title, '');
    setProblem(invalid);
    if (invalid) return;
    setSaving(true);
    const added = await onAdd(title.trim());
    setSaving(false);
    if (added) setTitle('');
  }

  return (
    <form onSubmit={submit} className="mt-2 flex flex-wrap items-start gap-2" onKeyDown={(event) => event.key === 'Escape' && onDone()}>
      <label htmlFor={`${id}-title`} className="sr-only">
        New subtask of {parent}
      </label>
      <input
        id={`${id}-title`}
        className="field min-w-0 flex-1 py-1"
        placeholder="Subtask"
        value={title}
        onChange={(event) => setTitle(event.target.value)}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `${id}-problem` : undefined}
        autoComplete="off"
        autoFocus
      />
      <button type="submit" className="btn btn-primary py-1" disabled={saving}>
        Add
      </button>
      <button type="button" className="btn btn-secondary py-1" onClick={onDone}>
        Done
      </button>
      {problem && (
        <p id={`${id}-problem`} role="alert" className="w-full text-sm text-red-700 dark:text-red-300">
          {problem}
        </p>
      )}
    </form>
  );
}
