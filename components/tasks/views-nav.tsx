'use client';

import Link from 'next/link';
import { usePathname, useRouter } from 'next/navigation';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { LabelDot } from '@/components/labels/label-chip';
import { Invitations } from '@/components/projects/invitations';
import { NewProject } from '@/components/projects/new-project';
import type { Invitation, Label, Project } from '@/lib/client/api';
import type { MoveRequest } from '@/lib/client/manual-order';
import { sameView, viewHref, viewTitle, type View } from '@/lib/client/views';
import { KEEP_FAILED, useLocalTasks } from './local-tasks';
import { SortableList } from './sortable-list';

interface Props {
  userId: string;
  /** The view on screen, or null on a page that is not a view (/labels). */
  current: View | null;
  labels: Label[];
  /** The person's projects in their sidebar order; null while they load. */
  projects: Project[] | null;
  /** The invitations addressed to the person. */
  invitations: Invitation[];
  /** An invitation was answered here: the planner loads the projects again. */
  onProjectsChanged: () => void;
  /** Open tasks in each view, by its href; missing while they load. */
  counts: Record<string, number>;
}

const FIXED: View[] = [{ kind: 'inbox' }, { kind: 'today' }, { kind: 'upcoming' }, { kind: 'assigned' }];

const SECTION_HEADING = 'mt-5 mb-1 px-3 text-xs font-semibold tracking-wide text-zinc-600 uppercase dark:text-zinc-400';

/**
 * The views, each with its number of open tasks: Inbox, Today and Upcoming, the person's
 * projects in their own order (moved by drag or from the keyboard, and added here), the labels
 * and the way to the label manager. A sidebar on a wide screen, a "Views" disclosure on a phone.
 */
export function ViewsNav({ userId, current, labels, projects, invitations, onProjectsChanged, counts }: Props) {
  const id = useId();
  const router = useRouter();
  const onTasks = usePathname() === '/tasks';
  const { queue, rowKey } = useLocalTasks();
  const [open, setOpen] = useState(false);
  const [moveProblem, setMoveProblem] = useState<string | null>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const focusToggle = useRef(false);
  const currentName = current ? viewTitle(current, (projectId) => projects?.find((p) => p.id === projectId)?.name) : 'Labels';
  // On a phone the menu folds away once a view is chosen.
  const close = () => setOpen(false);

  // A project added on a phone folds the menu away with the focused form in it: the toggle
  // takes the focus. On a wide screen the toggle is not displayed and focus() does nothing.
  useEffect(() => {
    if (!focusToggle.current) return;
    focusToggle.current = false;
    toggle.current?.focus();
  });

  async function move(projectId: string, request: MoveRequest): Promise<boolean> {
    setMoveProblem(null);
    try {
      await queue({ kind: 'project-move', project: projectId, move: request });
      return true;
    } catch {
      setMoveProblem(KEEP_FAILED);
      return false;
    }
  }

  function added(projectId: string) {
    const href = viewHref({ kind: 'project', id: projectId });
    // On /tasks the new project's view is drawn from the device's copy (it may not be on the server yet).
    if (onTasks) window.history.pushState(null, '', href);
    else router.push(href);
    focusToggle.current = true;
    close();
  }

  return (
    <div className="md:w-56 md:shrink-0">
      <button
        ref={toggle}
        type="button"
        className="btn btn-secondary w-full justify-between md:hidden"
        aria-expanded={open}
        aria-controls={`${id}-nav`}
        onClick={() => setOpen((was) => !was)}
      >
        <span className="min-w-0 truncate">
          Views <span className="font-normal text-zinc-600 dark:text-zinc-400">· {currentName}</span>
          {invitations.length > 0 && <span className="ml-2 rounded-full bg-blue-600 px-1.5 text-xs text-white dark:bg-blue-500">{invitations.length}<span className="sr-only"> invitations</span></span>}
        </span>
        <span aria-hidden="true">{open ? '▴' : '▾'}</span>
      </button>
      <nav id={`${id}-nav`} aria-label="Views" className={`${open ? 'block' : 'hidden'} mt-2 md:mt-0 md:block`}>
        <ul className="space-y-0.5">
          {FIXED.map((view) => (
            <ViewLink key={view.kind} view={view} current={current} count={counts[viewHref(view)]} onChoose={close} />
          ))}
        </ul>

        <Invitations userId={userId} invitations={invitations} onAnswered={onProjectsChanged} />

        <h2 className={SECTION_HEADING}>Projects</h2>
        {projects === null ? (
          <p className="px-3 py-1.5 text-sm text-zinc-600 dark:text-zinc-400">Loading…</p>
        ) : projects.length === 0 ? (
          <p className="px-3 py-1.5 text-sm text-zinc-600 dark:text-zinc-400">No projects yet.</p>
        ) : (
          <SortableList
            items={projects}
            label="Projects"
            itemLabel={(project) => project.name}
            onMove={move}
            // A project made here keeps its row (and the focus in it) when the server gives it its id.
            keyOf={rowKey}
            className="space-y-0.5"
            renderItem={(project, handle) => (
              <div className="flex items-center gap-1 pl-1">
                {handle}
                <ViewAnchor
                  view={{ kind: 'project', id: project.id }}
                  title={project.name}
                  current={current}
                  count={counts[viewHref({ kind: 'project', id: project.id })] ?? project.open_count}
                  dot={<LabelDot color={project.color} />}
                  onChoose={close}
                />
              </div>
            )}
          />
        )}
        {moveProblem && (
          <p role="alert" data-testid="project-move-error" className="alert-error mt-1 wrap-anywhere">
            {moveProblem}
          </p>
        )}
        <NewProject projects={projects ?? []} onAdded={added} />

        <h2 className={SECTION_HEADING}>Labels</h2>
        <ul className="space-y-0.5">
          {labels.map((label) => (
            <ViewLink
              key={label.id}
              view={{ kind: 'label', name: label.name }}
              current={current}
              count={counts[viewHref({ kind: 'label', name: label.name })]}
              dot={<LabelDot color={label.color} />}
              onChoose={close}
            />
          ))}
          <li>
            <Link
              href="/labels"
              onClick={close}
              aria-current={current === null ? 'page' : undefined}
              className="flex items-center rounded-md px-3 py-1.5 text-sm text-zinc-700 hover:bg-zinc-100 aria-[current=page]:bg-zinc-100 aria-[current=page]:font-semibold dark:text-zinc-300 dark:hover:bg-zinc-800 dark:aria-[current=page]:bg-zinc-800"
            >
              Manage labels
            </Link>
          </li>
        </ul>
      </nav>
    </div>
  );
}

interface ViewLinkProps {
  view: View;
  current: View | null;
  count: number | undefined;
  dot?: ReactNode;
  onChoose: () => void;
}

function ViewLink(props: ViewLinkProps) {
  return (
    <li>
      <ViewAnchor {...props} title={viewTitle(props.view)} />
    </li>
  );
}

function ViewAnchor({ view, title, current, count, dot, onChoose }: ViewLinkProps & { title: string }) {
  const active = current !== null && sameView(view, current);
  const onTasks = usePathname() === '/tasks';
  return (
    <Link
      href={viewHref(view)}
      onClick={(event) => {
        onChoose();
        // On /tasks another view is the same page read from another URL: the board renders it
        // from the device's copy, with no request (Next keeps useSearchParams in step).
        if (!onTasks || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
        event.preventDefault();
        window.history.pushState(null, '', viewHref(view));
      }}
      aria-current={active ? 'page' : undefined}
      className="flex min-w-0 flex-1 items-center gap-2 rounded-md px-3 py-1.5 text-sm text-zinc-800 hover:bg-zinc-100 aria-[current=page]:bg-blue-50 aria-[current=page]:font-semibold aria-[current=page]:text-blue-900 dark:text-zinc-200 dark:hover:bg-zinc-800 dark:aria-[current=page]:bg-blue-950 dark:aria-[current=page]:text-blue-100"
    >
      {dot}
      <span className="min-w-0 flex-1 truncate">{title}</span>
      {count !== undefined && (
        <span data-testid="view-count" className="text-xs tabular-nums text-zinc-600 dark:text-zinc-400">
          {count}
          <span className="sr-only"> open</span>
        </span>
      )}
    </Link>
  );
}
