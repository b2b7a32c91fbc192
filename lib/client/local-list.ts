import { addDaysTo, localToday } from './dates';
import type { Task, TaskFilter } from './task';
import { UPCOMING_DAYS, type View } from './views';

/**
 * A view's list, read from the device's copy of every task the person sees (lib/client/local-copy.ts)
 * instead of asked of the server: the same filters and orders as `GET …/tasks` with the view's
 * query (lib/client/views.ts's `viewQuery`), so switching views or searching needs no request.
 */

export interface Counts {
  open: number;
  done: number;
}

/** The browser's day (YYYY-MM-DD) and Upcoming's last, worked out once per list, not per task. */
interface Day {
  today: string;
  upcomingEnd: string;
  userId: string;
}

function dayOf(now: Date, userId: string): Day {
  const today = localToday(now);
  return { today, upcomingEnd: addDaysTo(today, UPCOMING_DAYS - 1), userId };
}

/** Whether a task is in a view on that day. */
function inView(task: Task, view: View, { today, upcomingEnd, userId }: Day): boolean {
  switch (view.kind) {
    case 'inbox':
      return task.project_id === null;
    case 'project':
      return task.project_id === view.id;
    case 'label': {
      const name = view.name.toLocaleLowerCase();
      return task.labels.some((label) => label.toLocaleLowerCase() === name);
    }
    case 'today':
      return !task.completed && task.due_date !== null && task.due_date <= today;
    case 'upcoming':
      return !task.completed && task.due_date !== null && task.due_date >= today && task.due_date <= upcomingEnd;
    case 'assigned':
      return !task.completed && task.assignee_id === userId;
  }
}

/** A case-insensitive substring of the title or the description, as the API's `q`. */
function matchesSearch(task: Task, q: string): boolean {
  if (!q) return true;
  const needle = q.toLocaleLowerCase();
  return task.title.toLocaleLowerCase().includes(needle) || (task.description?.toLocaleLowerCase().includes(needle) ?? false);
}

const byId = (a: Task, b: Task) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** sort=due: no date last; in a day, tasks without a time first, then by time. */
function byDue(a: Task, b: Task): number {
  if (a.due_date !== b.due_date) return a.due_date === null ? 1 : b.due_date === null ? -1 : byText(a.due_date, b.due_date);
  if ((a.due_time === null) !== (b.due_time === null)) return a.due_time === null ? -1 : 1;
  return byText(a.due_time ?? '', b.due_time ?? '') || byId(a, b);
}

export interface ListOptions {
  userId: string;
  now: Date;
  filter?: TaskFilter;
  q?: string;
  /** The person's projects in sidebar order: manual order lists the Inbox, then each project in that order. */
  projectOrder?: readonly string[];
}

/** A view's tasks in its order. */
export function viewTasks(tasks: Iterable<Task>, view: View, options: ListOptions): Task[] {
  const day = dayOf(options.now, options.userId);
  const filter = options.filter ?? 'all';
  const q = options.q ?? '';
  const shown: Task[] = [];
  for (const task of tasks) {
    if (!inView(task, view, day)) continue;
    if (filter !== 'all' && task.completed !== (filter === 'completed')) continue;
    if (matchesSearch(task, q)) shown.push(task);
  }
  if (view.kind === 'today' || view.kind === 'upcoming' || view.kind === 'assigned') return shown.sort(byDue);
  const rank = new Map((options.projectOrder ?? []).map((id, i) => [id, i]));
  // Each task's list rank once, not in every comparison.
  const ranked = shown.map((task) => ({ task, rank: task.project_id === null ? -1 : (rank.get(task.project_id) ?? rank.size) }));
  ranked.sort((a, b) => a.rank - b.rank || byText(a.task.position, b.task.position) || byId(a.task, b.task));
  return ranked.map((entry) => entry.task);
}

/** How many of a view's tasks are open and done, whatever the filter and search. */
export function viewCounts(tasks: Iterable<Task>, view: View, options: Pick<ListOptions, 'userId' | 'now'>): Counts {
  const day = dayOf(options.now, options.userId);
  const counts = { open: 0, done: 0 };
  for (const task of tasks) if (inView(task, view, day)) counts[task.completed ? 'done' : 'open'] += 1;
  return counts;
}

/** Open tasks per view (by `key`) and per project, in one pass: the sidebar's numbers. */
export function openCounts(tasks: Iterable<Task>, views: readonly View[], key: (view: View) => string, options: Pick<ListOptions, 'userId' | 'now'>): Record<string, number> {
  const day = dayOf(options.now, options.userId);
  const keys = views.map(key);
  const counts: Record<string, number> = Object.fromEntries(keys.map((k) => [k, 0]));
  for (const task of tasks) {
    if (task.completed) continue;
    views.forEach((view, i) => {
      if (inView(task, view, day)) counts[keys[i]!]! += 1;
    });
  }
  return counts;
}
