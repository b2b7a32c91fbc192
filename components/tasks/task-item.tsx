'use client';

import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactElement } from 'react';
import type { LabelColor, TaskChanges } from '@/lib/client/api';
import type { Task } from '@/lib/client/task';
import { TaskDetails } from './task-details';
import { TaskMeta } from './task-meta';

interface Props {
  task: Task;
  /** A request for this task is in flight (or it is still being created). */
  busy: boolean;
  saving: boolean;
  now: Date;
  colorOf: (label: string) => LabelColor;
  /** The drag handle, in views that keep the person's own order. */
  dragHandle?: ReactElement;
  onToggle: (task: Task) => void;
  /** Resolves false when the server refused: the details reopen with what was typed. */
  onEdit: (task: Task, changes: TaskChanges) => Promise<boolean>;
  onDelete: (task: Task) => void;
}

/** One task: its checkbox, title and planning, and the ways to edit (a details dialog) or delete it. */
export function TaskItem({ task, busy, saving, now, colorOf, dragHandle, onToggle, onEdit, onDelete }: Props) {
  const id = useId();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
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
    <div className="flex items-start gap-3 p-3 sm:p-4" aria-busy={busy || undefined}>
      {dragHandle}
      <input
        id={`${id}-done`}
        type="checkbox"
        className="mt-0.5 size-5 shrink-0 accent-blue-600 disabled:opacity-60"
        checked={task.completed}
        onChange={() => onToggle(task)}
        disabled={busy}
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
          <TaskMeta task={task} now={now} colorOf={colorOf} />
          {saving && <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">Saving…</p>}
        </div>
        {confirming ? (
          <div className="mt-2 flex flex-wrap items-center gap-2 sm:mt-0 sm:flex-nowrap" role="group" aria-label="Confirm deletion" onKeyDown={keepOnEscape}>
            <span className="text-sm text-zinc-700 dark:text-zinc-300">Delete this task?</span>
            <button type="button" className="btn btn-danger py-1" onClick={() => onDelete(task)} disabled={busy} autoFocus>
              Yes, delete
            </button>
            <button type="button" className="btn btn-secondary py-1" onClick={keep}>
              Keep
            </button>
          </div>
        ) : (
          <div className="-ml-3 mt-1 flex gap-1 sm:mt-0 sm:ml-0">
            <button type="button" className="btn btn-ghost py-1" onClick={() => setEditing(true)} disabled={busy}>
              Edit<span className="sr-only"> {task.title}</span>
            </button>
            <button ref={deleteButton} type="button" className="btn btn-ghost py-1" onClick={() => setConfirming(true)} disabled={busy}>
              Delete<span className="sr-only"> {task.title}</span>
            </button>
          </div>
        )}
      </div>
      {editing && <TaskDetails task={task} onDone={() => setEditing(false)} onSave={onEdit} />}
    </div>
  );
}
