'use client';

import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { TaskDraft } from '@/lib/client/api';
import { draftProblem } from '@/lib/client/limits';
import type { Task } from '@/lib/client/task';

interface Props {
  task: Task;
  /** A request for this task is in flight (or it is still being created). */
  busy: boolean;
  saving: boolean;
  onToggle: (task: Task) => void;
  /** Resolves false when the server refused: the editor reopens with what was typed. */
  onEdit: (task: Task, changes: TaskDraft) => Promise<boolean>;
  onDelete: (task: Task) => void;
}

type Mode = 'view' | 'edit' | 'confirm-delete';

export function TaskItem({ task, busy, saving, onToggle, onEdit, onDelete }: Props) {
  const id = useId();
  const [mode, setMode] = useState<Mode>('view');
  const [title, setTitle] = useState(task.title);
  const [description, setDescription] = useState(task.description ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const deleteButton = useRef<HTMLButtonElement>(null);
  // Where focus goes when the item returns to its normal view, so keyboard users stay in place.
  const focusAfterView = useRef<'edit' | 'delete' | null>(null);

  useEffect(() => {
    if (mode !== 'view' || !focusAfterView.current) return;
    (focusAfterView.current === 'edit' ? editButton : deleteButton).current?.focus();
    focusAfterView.current = null;
  }, [mode]);

  function startEditing() {
    setTitle(task.title);
    setDescription(task.description ?? '');
    setProblem(null);
    setMode('edit');
  }

  function backToView(focus: 'edit' | 'delete') {
    focusAfterView.current = focus;
    setMode('view');
  }

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const invalid = draftProblem(title, description);
    setProblem(invalid);
    if (invalid) return;
    const changes = { title: title.trim(), description: description.trim() || null };
    if (changes.title === task.title && changes.description === task.description) {
      backToView('edit');
      return;
    }
    backToView('edit');
    if (!(await onEdit(task, changes))) setMode('edit');
  }

  function cancelOnEscape(event: KeyboardEvent, back: 'edit' | 'delete') {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    backToView(back);
  }

  if (mode === 'edit') {
    return (
      <li className="p-3 sm:p-4">
        <form onSubmit={save} onKeyDown={(e) => cancelOnEscape(e, 'edit')} className="space-y-3" noValidate>
          <div>
            <label htmlFor={`${id}-title`} className="label">
              Title
            </label>
            <input
              id={`${id}-title`}
              className="field"
              value={title}
              onChange={(e) => setTitle(e.target.value)}
              autoFocus
              autoComplete="off"
              aria-invalid={problem ? true : undefined}
            />
          </div>
          <div>
            <label htmlFor={`${id}-description`} className="label">
              Description
            </label>
            <textarea
              id={`${id}-description`}
              className="field resize-y"
              rows={2}
              value={description}
              onChange={(e) => setDescription(e.target.value)}
            />
          </div>
          {problem && (
            <p role="alert" data-testid="form-error" className="alert-error">
              {problem}
            </p>
          )}
          <div className="flex gap-2">
            <button type="submit" className="btn btn-primary" disabled={busy}>
              Save
            </button>
            <button type="button" className="btn btn-secondary" onClick={() => backToView('edit')}>
              Cancel
            </button>
          </div>
        </form>
      </li>
    );
  }

  return (
    <li className="flex items-start gap-3 p-3 sm:p-4" aria-busy={busy || undefined}>
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
          {saving && <p className="mt-1 text-xs text-zinc-500 dark:text-zinc-400">Saving…</p>}
        </div>
        {mode === 'confirm-delete' ? (
          <div
            className="mt-2 flex flex-wrap items-center gap-2 sm:mt-0 sm:flex-nowrap"
            role="group"
            aria-label="Confirm deletion"
            onKeyDown={(e) => cancelOnEscape(e, 'delete')}
          >
            <span className="text-sm text-zinc-700 dark:text-zinc-300">Delete this task?</span>
            <button type="button" className="btn btn-danger py-1" onClick={() => onDelete(task)} disabled={busy} autoFocus>
              Yes, delete
            </button>
            <button type="button" className="btn btn-secondary py-1" onClick={() => backToView('delete')}>
              Keep
            </button>
          </div>
        ) : (
          <div className="-ml-3 mt-1 flex gap-1 sm:mt-0 sm:ml-0">
            <button ref={editButton} type="button" className="btn btn-ghost py-1" onClick={startEditing} disabled={busy}>
              Edit<span className="sr-only"> {task.title}</span>
            </button>
            <button
              ref={deleteButton}
              type="button"
              className="btn btn-ghost py-1"
              onClick={() => setMode('confirm-delete')}
              disabled={busy}
            >
              Delete<span className="sr-only"> {task.title}</span>
            </button>
          </div>
        )}
      </div>
    </li>
  );
}
