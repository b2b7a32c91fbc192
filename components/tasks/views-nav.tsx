'use client';

import Link from 'next/link';
import { useId, useState, type ReactNode } from 'react';
import { LabelDot } from '@/components/labels/label-chip';
import type { Label, Project } from '@/lib/client/api';
import { sameView, viewHref, viewTitle, type View } from '@/lib/client/views';

interface Props {
  userId: string;
  /** The view on screen, or null on a page that is not a view (/labels). */
  current: View | null;
  labels: Label[];
  /** The person's projects in their sidebar order; null while they load. */
  projects: Project[] | null;
  /** A project was added, renamed, moved or deleted here: the planner loads them again. */
  onProjectsChanged: () => void;
  /** Open tasks in each view, by its href; missing while they load. */
  counts: Record<string, number>;
}

const FIXED: View[] = [{ kind: 'inbox' }, { kind: 'today' }, { kind: 'upcoming' }];

/**
 * The views, each with its number of open tasks, and the way to the label manager: a sidebar
 * on a wide screen, a "Views" disclosure on a phone.
 */
export function ViewsNav({ current, labels, counts }: Props) {
  // Projects come in the next step (their section, reorder and "Add project").
  const id = useId();
  const [open, setOpen] = useState(false);
  const currentName = current ? viewTitle(current) : 'Labels';
  // On a phone the menu folds away once a view is chosen.
  const close = () => setOpen(false);

  return (
    <div className="md:w-56 md:shrink-0">
      <button
        type="button"
        className="btn btn-secondary w-full justify-between md:hidden"
        aria-expanded={open}
        aria-controls={`${id}-nav`}
        onClick={() => setOpen((was) => !was)}
      >
        <span>
          Views <span className="font-normal text-zinc-600 dark:text-zinc-400">· {currentName}</span>
        </span>
        <span aria-hidden="true">{open ? '▴' : '▾'}</span>
      </button>
      <nav id={`${id}-nav`} aria-label="Views" className={`${open ? 'block' : 'hidden'} mt-2 md:mt-0 md:block`}>
        <ul className="space-y-0.5">
          {FIXED.map((view) => (
            <ViewLink key={view.kind} view={view} current={current} count={counts[viewHref(view)]} onChoose={close} />
          ))}
        </ul>
        <h2 className="mt-5 mb-1 px-3 text-xs font-semibold tracking-wide text-zinc-600 uppercase dark:text-zinc-400">Labels</h2>
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

function ViewLink({ view, current, count, dot, onChoose }: ViewLinkProps) {
  const active = current !== null && sameView(view, current);
  const title = viewTitle(view);
  return (
    <li>
      <Link
        href={viewHref(view)}
        onClick={onChoose}
        aria-current={active ? 'page' : undefined}
        className="flex items-center gap-2 rounded-md px-3 py-1.5 text-sm text-zinc-800 hover:bg-zinc-100 aria-[current=page]:bg-blue-50 aria-[current=page]:font-semibold aria-[current=page]:text-blue-900 dark:text-zinc-200 dark:hover:bg-zinc-800 dark:aria-[current=page]:bg-blue-950 dark:aria-[current=page]:text-blue-100"
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
    </li>
  );
}
