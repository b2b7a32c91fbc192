'use client';

import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { KEEP_FAILED, useLocalTasks } from '@/components/tasks/local-tasks';
import type { LabelColor, Project } from '@/lib/client/api';
import { newTemporaryId } from '@/lib/client/outbox';
import { ownsProjectNamed, ProjectColorSelect, projectNameProblem } from './project-fields';

interface Props {
  /** The person's projects as shown: a name they own already is refused here. */
  projects: readonly Project[];
  /** The project is on the device, and on its way to the server; the form has closed. */
  onAdded: (projectId: string) => void;
}

/**
 * "Add project": a button that opens a small form for a name and, if wanted, a colour. The
 * project shows at once, with or without a network (lib/client/lists.ts).
 */
export function NewProject({ projects, onAdded }: Props) {
  const { queue } = useLocalTasks();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [color, setColor] = useState<LabelColor>('grey');
  const [problem, setProblem] = useState<string | null>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const nameField = useRef<HTMLInputElement>(null);
  const focusOpener = useRef(false);

  // The form's controls go away on closing: focus goes back to the button that opened it.
  useEffect(() => {
    if (open || !focusOpener.current) return;
    focusOpener.current = false;
    opener.current?.focus();
  }, [open]);

  function close() {
    focusOpener.current = true;
    setOpen(false);
    setName('');
    setColor('grey');
    setProblem(null);
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const trimmed = name.trim();
    const invalid = projectNameProblem(name) ?? (ownsProjectNamed(projects, trimmed) ? `You already own a project called “${trimmed}”.` : null);
    setProblem(invalid);
    if (invalid) {
      nameField.current?.focus();
      return;
    }
    const project = newTemporaryId();
    try {
      await queue({ kind: 'project-create', project, body: { name: trimmed, color } });
    } catch {
      setProblem(KEEP_FAILED);
      return;
    }
    close();
    onAdded(project);
  }

  function cancelOnEscape(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    close();
  }

  return (
    <div className="mt-1">
      <button
        ref={opener}
        type="button"
        aria-expanded={open}
        aria-controls={open ? `${id}-form` : undefined}
        onClick={() => (open ? close() : setOpen(true))}
        className="flex w-full items-center gap-2 rounded-md px-3 py-1.5 text-sm text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800"
      >
        <svg viewBox="0 0 20 20" fill="currentColor" aria-hidden="true" className="size-4 shrink-0">
          <path d="M10.75 4.75a.75.75 0 0 0-1.5 0v4.5h-4.5a.75.75 0 0 0 0 1.5h4.5v4.5a.75.75 0 0 0 1.5 0v-4.5h4.5a.75.75 0 0 0 0-1.5h-4.5v-4.5Z" />
        </svg>
        Add project
      </button>
      {open && (
        <form
          id={`${id}-form`}
          onSubmit={submit}
          onKeyDown={cancelOnEscape}
          aria-label="New project"
          noValidate
          className="mt-1 space-y-3 rounded-md border border-zinc-200 bg-white p-3 dark:border-zinc-800 dark:bg-zinc-900"
        >
          <div>
            <label htmlFor={`${id}-name`} className="label">
              Project name
            </label>
            <input
              ref={nameField}
              id={`${id}-name`}
              className="field"
              value={name}
              onChange={(e) => setName(e.target.value)}
              autoComplete="off"
              enterKeyHint="done"
              autoFocus
              aria-invalid={problem ? true : undefined}
              aria-describedby={problem ? `${id}-problem` : undefined}
            />
            {problem && (
              <p id={`${id}-problem`} role="alert" data-testid="form-error" className="alert-error mt-2 wrap-anywhere">
                {problem}
              </p>
            )}
          </div>
          <div>
            <label htmlFor={`${id}-color`} className="label">
              Colour <span className="font-normal text-zinc-600 dark:text-zinc-400">(optional)</span>
            </label>
            <ProjectColorSelect id={`${id}-color`} value={color} onChange={setColor} />
          </div>
          <div className="flex gap-2">
            <button type="submit" className="btn btn-primary flex-1">
              Add
            </button>
            <button type="button" className="btn btn-secondary flex-1" onClick={close}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
