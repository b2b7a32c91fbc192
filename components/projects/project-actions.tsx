'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { LabelDot } from '@/components/labels/label-chip';
import { KEEP_FAILED, useLocalTasks } from '@/components/tasks/local-tasks';
import type { LabelColor, Project, ProjectChanges } from '@/lib/client/api';
import { isTemporary } from '@/lib/client/outbox';
import { LABEL_COLORS } from '@/lib/client/planning';
import { viewHref } from '@/lib/client/views';
import { ownsProjectNamed, projectNameProblem } from './project-fields';
import { SharePanel } from './share-panel';

interface Props {
  userId: string;
  project: Project;
  /** The person's projects: a name they own already is refused here. */
  projects: readonly Project[];
  /** Sharing changed the project on the server: load what shows it again. */
  onChanged: () => void;
}

type Panel = 'rename' | 'colour' | 'delete' | 'share';

const TOGGLE = 'btn btn-ghost px-2 py-1 aria-expanded:bg-zinc-100 dark:aria-expanded:bg-zinc-800';

/**
 * Share, rename, recolour and (for its owner) delete the project on screen. Each opens its own
 * small panel under the buttons; Escape closes it and gives the focus back to its button. A
 * viewer may change none of the project, so sees only who it is shared with (and may leave).
 */
export function ProjectActions({ userId, project, projects, onChanged }: Props) {
  const id = useId();
  const router = useRouter();
  const { queue } = useLocalTasks();
  const [panel, setPanel] = useState<Panel | null>(null);
  const [name, setName] = useState(project.name);
  const [problem, setProblem] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const toggles = {
    rename: useRef<HTMLButtonElement>(null),
    colour: useRef<HTMLButtonElement>(null),
    delete: useRef<HTMLButtonElement>(null),
    share: useRef<HTMLButtonElement>(null),
  };
  const returnFocusTo = useRef<Panel | null>(null);
  const isOwner = project.role === 'owner';

  // A closing panel takes the focused control with it: its button gets the focus back.
  useEffect(() => {
    if (panel !== null || returnFocusTo.current === null) return;
    toggles[returnFocusTo.current].current?.focus();
    returnFocusTo.current = null;
  });

  const canEdit = project.role !== 'viewer';

  function show(next: Panel) {
    setProblem(null);
    if (panel === next) {
      close();
      return;
    }
    if (next === 'rename') setName(project.name);
    setPanel(next);
  }

  function close() {
    if (panel) returnFocusTo.current = panel;
    setPanel(null);
    setProblem(null);
  }

  function closeOnEscape(event: KeyboardEvent) {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    close();
  }

  /** Shows the change at once and queues it; a refusal from the server comes back as the board's message. */
  async function save(changes: ProjectChanges, done: string) {
    setProblem(null);
    try {
      await queue({ kind: 'project-update', project: project.id, changes });
    } catch {
      setProblem(KEEP_FAILED);
      return;
    }
    setStatus(done);
    close();
  }

  async function rename(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const trimmed = name.trim();
    // An editor cannot know the owner's other names: the server says so, if it comes to that.
    const invalid = projectNameProblem(name) ?? (isOwner && ownsProjectNamed(projects, trimmed, project.id) ? `You already own a project called “${trimmed}”.` : null);
    setProblem(invalid);
    if (invalid) return;
    if (trimmed === project.name) close();
    else await save({ name: trimmed }, `Renamed the project to ${trimmed}.`);
  }

  async function recolour(color: LabelColor) {
    if (color === project.color) close();
    else await save({ color }, `${project.name} is now ${color}.`);
  }

  /** The project leaves the sidebar at once, and the planner goes to the Inbox. */
  async function remove() {
    setProblem(null);
    try {
      await queue({ kind: 'project-delete', project: project.id });
    } catch {
      setProblem(KEEP_FAILED);
    }
  }

  return (
    <div className="min-w-0 space-y-2">
      <div role="group" aria-label={`Project ${project.name}`} className="flex flex-wrap items-center gap-1">
        {!isOwner && (
          <span data-testid="project-role" className="mr-1 rounded-full bg-zinc-100 px-2 py-0.5 text-xs text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300">
            {project.role === 'viewer' ? 'You can view this project' : 'You can edit this project'}
          </span>
        )}
        {/* Sharing asks the server: a project made on this device is shared once it is there. */}
        {!isTemporary(project.id) && (
          <button ref={toggles.share} type="button" className={TOGGLE} aria-expanded={panel === 'share'} aria-controls={`${id}-panel`} onClick={() => show('share')}>
            {project.shared ? 'Shared' : 'Share'}
            <span className="sr-only"> {project.name}</span>
          </button>
        )}
        {canEdit && (
          <>
        <button ref={toggles.rename} type="button" className={TOGGLE} aria-expanded={panel === 'rename'} aria-controls={`${id}-panel`} onClick={() => show('rename')}>
          Rename<span className="sr-only"> {project.name}</span>
        </button>
        <button ref={toggles.colour} type="button" className={TOGGLE} aria-expanded={panel === 'colour'} aria-controls={`${id}-panel`} onClick={() => show('colour')}>
          <LabelDot color={project.color} />
          Colour<span className="sr-only"> of {project.name}</span>
        </button>
          </>
        )}
        {isOwner && (
          <button ref={toggles.delete} type="button" className={TOGGLE} aria-expanded={panel === 'delete'} aria-controls={`${id}-panel`} onClick={() => show('delete')}>
            Delete<span className="sr-only"> {project.name}</span>
          </button>
        )}
      </div>

      <div id={`${id}-panel`} onKeyDown={panel === 'share' ? closeOnEscape : undefined}>
        {panel === 'share' && (
          <SharePanel
            userId={userId}
            project={project}
            onChanged={onChanged}
            onLeft={() => {
              router.push(viewHref({ kind: 'inbox' }));
              onChanged();
            }}
          />
        )}
        {panel === 'rename' && (
          <form onSubmit={rename} onKeyDown={closeOnEscape} aria-label={`Rename ${project.name}`} noValidate className="flex flex-wrap items-end gap-2">
            <div className="min-w-0 flex-1 basis-48">
              <label htmlFor={`${id}-name`} className="label">
                New name
              </label>
              <input
                id={`${id}-name`}
                className="field"
                value={name}
                onChange={(e) => setName(e.target.value)}
                onFocus={(e) => e.target.select()}
                autoComplete="off"
                enterKeyHint="done"
                autoFocus
                aria-invalid={problem ? true : undefined}
                aria-describedby={problem ? `${id}-problem` : undefined}
              />
            </div>
            <div className="flex gap-2">
              <button type="submit" className="btn btn-primary">
                Save
              </button>
              <button type="button" className="btn btn-secondary" onClick={close}>
                Cancel
              </button>
            </div>
          </form>
        )}

        {panel === 'colour' && (
          <div role="group" aria-label={`Colour of ${project.name}`} onKeyDown={closeOnEscape} className="flex flex-wrap gap-1">
            {LABEL_COLORS.map((color) => (
              <button
                key={color}
                type="button"
                className="btn btn-secondary px-2 py-1 capitalize aria-pressed:border-blue-600 aria-pressed:ring-1 aria-pressed:ring-blue-600 dark:aria-pressed:border-blue-400 dark:aria-pressed:ring-blue-400"
                aria-pressed={color === project.color}
                autoFocus={color === project.color}
                onClick={() => void recolour(color)}
              >
                <LabelDot color={color} />
                {color}
              </button>
            ))}
          </div>
        )}

        {panel === 'delete' && (
          <div
            role="group"
            aria-labelledby={`${id}-question`}
            onKeyDown={closeOnEscape}
            className="space-y-3 rounded-md border border-red-300 bg-red-50 p-3 dark:border-red-800 dark:bg-red-950"
          >
            <p id={`${id}-question`} className="text-sm text-red-900 wrap-anywhere dark:text-red-100">
              {deleteQuestion(project)}
            </p>
            <div className="flex flex-wrap gap-2">
              <button type="button" className="btn btn-danger" onClick={() => void remove()}>
                Delete project and tasks
              </button>
              <button type="button" className="btn btn-secondary" autoFocus onClick={close}>
                Keep it
              </button>
            </div>
          </div>
        )}
      </div>

      {problem && (
        <p id={`${id}-problem`} role="alert" data-testid="form-error" className="alert-error wrap-anywhere">
          {problem}
        </p>
      )}
      <p role="status" className="sr-only">
        {status}
      </p>
    </div>
  );
}

function deleteQuestion({ name, open_count, shared }: Project): string {
  const tasks = open_count === 0 ? 'every task in it, completed ones included' : `every task in it: its ${open_count} open ${open_count === 1 ? 'task' : 'tasks'} and all its completed ones`;
  return `Delete “${name}” and ${tasks}${shared ? ', for everyone it is shared with' : ''}? This cannot be undone.`;
}
