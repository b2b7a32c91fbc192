'use client';

import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { LabelManager } from '@/components/labels/label-manager';
import { countMatching, fetchLabels, fetchMyInvitations, fetchProjects, type Invitation, type Label, type LabelColor, type Project } from '@/lib/client/api';
import { viewFromSearch, viewHref, viewQuery, type View } from '@/lib/client/views';
import { TaskBoard } from './task-board';
import { ViewsNav } from './views-nav';

const FIXED: View[] = [{ kind: 'inbox' }, { kind: 'today' }, { kind: 'upcoming' }, { kind: 'assigned' }];

/**
 * The signed-in app's frame: the views nav (with each view's open tasks counted the same way,
 * by the list's own filters, and the person's projects) beside the page's content, which is the
 * task board of one view or, on /labels, the label manager.
 */
interface Props {
  userId: string;
  /** /tasks's search parameters, which name the view; null on the label manager (/labels). */
  search: Parameters<typeof viewFromSearch>[0] | null;
}

export function Planner({ userId, search }: Props) {
  const view = search ? viewFromSearch(search) : null;
  const [labels, setLabels] = useState<Label[] | null>(null);
  const [projects, setProjects] = useState<Project[] | null>(null);
  const [invitations, setInvitations] = useState<Invitation[]>([]);
  const router = useRouter();
  const [counts, setCounts] = useState<Record<string, number>>({});
  const [version, setVersion] = useState(0);
  const reload = useCallback(() => setVersion((v) => v + 1), []);

  useEffect(() => {
    const controller = new AbortController();
    const now = new Date();
    (async () => {
      const [fresh, freshProjects, freshInvitations] = await Promise.all([
        fetchLabels(userId, controller.signal),
        fetchProjects(userId, controller.signal),
        fetchMyInvitations(userId, controller.signal),
      ]);
      setLabels(fresh);
      setProjects(freshProjects);
      setInvitations(freshInvitations);
      const views = [...FIXED, ...fresh.map((label): View => ({ kind: 'label', name: label.name }))];
      const numbers = await Promise.all(views.map((v) => countMatching(userId, viewQuery(v, now, true), controller.signal)));
      setCounts(Object.fromEntries(views.map((v, i) => [viewHref(v), numbers[i]!])));
    })().catch(() => {
      // The nav is a guide: it keeps what it showed, and the next change asks again.
    });
    return () => controller.abort();
  }, [userId, version]);

  // A project the person no longer sees (removed, left, deleted elsewhere) while they look at
  // it: back to the Inbox. Only one that was in their sidebar: one just joined may not be yet.
  const shownBefore = useRef<ReadonlySet<string>>(new Set());
  const viewedProject = view?.kind === 'project' ? view.id : null;
  useEffect(() => {
    if (projects === null) return;
    const now = new Set(projects.map((p) => p.id));
    if (viewedProject && shownBefore.current.has(viewedProject) && !now.has(viewedProject)) router.replace(viewHref({ kind: 'inbox' }));
    shownBefore.current = now;
  }, [projects, viewedProject, router]);

  const colors = useMemo(() => new Map((labels ?? []).map((label) => [label.name.toLocaleLowerCase(), label.color])), [labels]);
  const colorOf = useCallback((name: string): LabelColor => colors.get(name.toLocaleLowerCase()) ?? 'grey', [colors]);

  return (
    <div className="flex flex-col gap-4 md:flex-row md:gap-8">
      <ViewsNav userId={userId} current={view} labels={labels ?? []} projects={projects} invitations={invitations} counts={counts} onProjectsChanged={reload} />
      <div className="min-w-0 flex-1">
        {view ? (
          <TaskBoard key={viewHref(view)} userId={userId} view={view} projects={projects ?? []} colorOf={colorOf} onChanged={reload} />
        ) : (
          <LabelManager userId={userId} labels={labels} onChanged={reload} />
        )}
      </div>
    </div>
  );
}
