'use client';

import { useSearchParams } from 'next/navigation';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { AppUpdates } from '@/components/app-updates';
import { LabelManager } from '@/components/labels/label-manager';
import { fetchLabels, fetchMyInvitations, fetchProjects, type Invitation, type LabelColor } from '@/lib/client/api';
import { isTemporary } from '@/lib/client/outbox';
import { openCounts } from '@/lib/client/local-list';
import { viewFromSearch, viewHref, type View } from '@/lib/client/views';
import { LocalTasksProvider, useLocalTasks } from './local-tasks';
import { TaskBoard } from './task-board';
import { ViewsNav } from './views-nav';

const FIXED: View[] = [{ kind: 'inbox' }, { kind: 'today' }, { kind: 'upcoming' }, { kind: 'assigned' }];

interface Props {
  userId: string;
  /** `tasks`: the task board of the view the URL names; `labels`: the label manager (/labels). */
  page: 'tasks' | 'labels';
}

/**
 * The signed-in app's frame: the views nav (each view's open tasks counted on the device's copy,
 * and the person's projects) beside the page's content, which is the task board of one view or,
 * on /labels, the label manager. The view is read from the URL in the browser, so going from one
 * view to another needs no request.
 */
export function Planner({ userId, page }: Props) {
  const [version, setVersion] = useState(0);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return (
    <LocalTasksProvider userId={userId} onChanged={reload} onInvitation={reload}>
      <AppUpdates />
      <Frame userId={userId} page={page} version={version} reload={reload} />
    </LocalTasksProvider>
  );
}

function Frame({ userId, page, version, reload }: Props & { version: number; reload: () => void }) {
  const params = useSearchParams();
  // One object per address: the board's memos follow the view, not every render.
  const view = useMemo(
    () => (page === 'tasks' ? viewFromSearch({ view: params.get('view') ?? undefined, label: params.get('label') ?? undefined, project: params.get('project') ?? undefined }) : null),
    [page, params],
  );
  const local = useLocalTasks();
  const [invitations, setInvitations] = useState<Invitation[]>([]);

  // The projects and labels from the device's copy (this device's waiting changes to them
  // applied), asked of the server again after the copy has been read: the list shows before
  // anything is asked of the network.
  const { opened, refreshLists, savedId, rowKey } = local;
  const lists = { labels: local.lists?.labels ?? null, projects: local.lists?.projects ?? null };
  useEffect(() => {
    if (!opened) return;
    const controller = new AbortController();
    const fetchLists = async () => {
      const [projects, labels] = await Promise.all([fetchProjects(userId, controller.signal), fetchLabels(userId, controller.signal)]);
      return { projects, labels };
    };
    // The nav is a guide: it keeps what it showed, and the next change asks again.
    refreshLists(fetchLists).catch(() => {});
    fetchMyInvitations(userId, controller.signal)
      .then(setInvitations)
      .catch(() => {});
    return () => controller.abort();
  }, [userId, version, refreshLists, opened]);

  // A project made on this device and viewed before the server had it: its saved id in the
  // address once known. One the person no longer sees (removed, left, deleted elsewhere) while
  // they look at it: back to the Inbox. Only one that was in their sidebar: one just joined may
  // not be yet.
  const shownBefore = useRef<ReadonlySet<string>>(new Set());
  const viewedProject = view?.kind === 'project' ? view.id : null;
  const projects = lists.projects;
  useEffect(() => {
    if (projects === null) return;
    const now = new Set(projects.map((p) => p.id));
    const saved = viewedProject && isTemporary(viewedProject) ? savedId(viewedProject) : undefined;
    // Another view of the same page, drawn from the device's copy: no request.
    if (saved) history.replaceState(null, '', viewHref({ kind: 'project', id: saved }));
    else if (viewedProject && shownBefore.current.has(viewedProject) && !now.has(viewedProject)) history.replaceState(null, '', viewHref({ kind: 'inbox' }));
    shownBefore.current = now;
  }, [projects, viewedProject, savedId]);

  const colors = useMemo(() => new Map((lists.labels ?? []).map((label) => [label.name.toLocaleLowerCase(), label.color])), [lists.labels]);
  const colorOf = useCallback((name: string): LabelColor => colors.get(name.toLocaleLowerCase()) ?? 'grey', [colors]);
  const counts = useMemo(() => {
    if (!local.ready) return {};
    const views = [...FIXED, ...(lists.labels ?? []).map((label): View => ({ kind: 'label', name: label.name })), ...(lists.projects ?? []).map((p): View => ({ kind: 'project', id: p.id }))];
    return openCounts(local.tasks.values(), views, viewHref, { userId, now: new Date() });
  }, [local.ready, local.tasks, lists.labels, lists.projects, userId]);

  return (
    // data-planner: the page has a list, which shows before anything else is fetched (lib/client/list-shown.ts).
    <div data-planner className="flex flex-col gap-4 md:flex-row md:gap-8">
      <ViewsNav userId={userId} current={view} labels={lists.labels ?? []} projects={lists.projects} invitations={invitations} counts={counts} onProjectsChanged={reload} />
      <div className="min-w-0 flex-1">
        {view ? (
          // A project made here keeps its board (and what is typed in it) when it is saved and its id changes.
          <TaskBoard key={viewHref(view.kind === 'project' ? { ...view, id: rowKey(view.id) } : view)} userId={userId} view={view} projects={lists.projects ?? []} colorOf={colorOf} onChanged={reload} />
        ) : (
          <LabelManager labels={lists.labels} />
        )}
      </div>
    </div>
  );
}
