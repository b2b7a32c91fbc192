import { addDaysTo, localToday } from './dates';
import type { paths } from './openapi';
import { TEMPORARY_ID } from './outbox';

/**
 * The task views, as URLs: `/tasks` is the Inbox (the tasks in no project, in the person's own
 * order), `?project=<id>` one project's tasks in its order, `?view=today` what is due today or
 * overdue and `?view=upcoming` the next seven days (both across every project), and
 * `?view=assigned` the open tasks assigned to the person in shared projects, and `?label=<name>` one
 * label's tasks. "Today" is the browser's own day, so the list queries are
 * built in the browser from `now`.
 */

export type View =
  | { kind: 'inbox' }
  | { kind: 'today' }
  | { kind: 'upcoming' }
  | { kind: 'assigned' }
  | { kind: 'label'; name: string }
  | { kind: 'project'; id: string };

export type ListQuery = NonNullable<paths['/api/{user_id}/tasks']['get']['parameters']['query']>;

/** How many days Upcoming covers, today included. */
export const UPCOMING_DAYS = 7;

/** The view a `/tasks` URL's search parameters name; anything unknown is the Inbox. */
export function viewFromSearch(params: { view?: string | string[]; label?: string | string[]; project?: string | string[] }): View {
  const project = first(params.project)?.trim().toLowerCase();
  // A project made on this device has a temporary id until the server has it (lib/client/lists.ts).
  if (project && (UUID.test(project) || TEMPORARY_ID.test(project))) return { kind: 'project', id: project };
  const label = first(params.label)?.trim();
  if (label) return { kind: 'label', name: label };
  const view = first(params.view);
  if (view === 'today' || view === 'upcoming' || view === 'assigned') return { kind: view };
  return { kind: 'inbox' };
}

/** A task opened in its list's view: the details dialog opens on it (`?task=`), as a notification leads there. */
export function taskHref(projectId: string | null, taskId: string): string {
  const list = viewHref(projectId ? { kind: 'project', id: projectId } : { kind: 'inbox' });
  return `${list}${list.includes('?') ? '&' : '?'}task=${encodeURIComponent(taskId)}`;
}

export function viewHref(view: View): string {
  switch (view.kind) {
    case 'inbox':
      return '/tasks';
    case 'today':
    case 'upcoming':
    case 'assigned':
      return `/tasks?view=${view.kind}`;
    case 'label':
      return `/tasks?${new URLSearchParams({ label: view.name }).toString()}`;
    case 'project':
      return `/tasks?project=${view.id}`;
  }
}

/** A view's name; a project's is its own, from `projectName` (it may not be loaded yet). */
export function viewTitle(view: View, projectName: (id: string) => string | undefined = () => undefined): string {
  switch (view.kind) {
    case 'inbox':
      return 'Inbox';
    case 'today':
      return 'Today';
    case 'upcoming':
      return 'Upcoming';
    case 'assigned':
      return 'Assigned to me';
    case 'label':
      return view.name;
    case 'project':
      return projectName(view.id) ?? 'Project';
  }
}

export function sameView(a: View, b: View): boolean {
  if (a.kind === 'label' && b.kind === 'label') return a.name.toLocaleLowerCase() === b.name.toLocaleLowerCase();
  if (a.kind === 'project' && b.kind === 'project') return a.id === b.id;
  return a.kind === b.kind;
}

/** Whether the view lists tasks in the person's own order, where rows can be moved. */
export function isManualOrder(view: View): boolean {
  return view.kind === 'inbox' || view.kind === 'label' || view.kind === 'project';
}

/** Whether the view is one list (the Inbox or a project), where subtasks show under their parents. */
export function isOneList(view: View): view is { kind: 'inbox' } | { kind: 'project'; id: string } {
  return view.kind === 'inbox' || view.kind === 'project';
}

/** Whether the view offers the All / Active / Completed filter (Today and Upcoming list open tasks only). */
export function hasCompletionFilter(view: View): boolean {
  return isManualOrder(view);
}

/** The list's filters and sort for a view, on the browser's day `now`; `open` narrows it to open tasks. */
export function viewQuery(view: View, now: Date, open = false): ListQuery {
  const today = localToday(now);
  switch (view.kind) {
    case 'inbox':
      return { sort: 'position', project: 'inbox', ...(open && { completed: false }) };
    case 'project':
      return { sort: 'position', project: view.id, ...(open && { completed: false }) };
    case 'label':
      return { sort: 'position', label: [view.name], ...(open && { completed: false }) };
    case 'today':
      return { sort: 'due', completed: false, due_to: today };
    case 'upcoming':
      return { sort: 'due', completed: false, due_from: today, due_to: addDaysTo(today, UPCOMING_DAYS - 1) };
    case 'assigned':
      return { sort: 'due', completed: false, assignee: 'me' };
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
