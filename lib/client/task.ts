import type { components } from './openapi';

/** A task as the API sends it: the `Task` schema of /api/openapi.json. */
export type Task = components['schemas']['Task'];

export type TaskFilter = 'all' | 'active' | 'completed';

export function matchesFilter(task: Task, filter: TaskFilter): boolean {
  if (filter === 'active') return !task.completed;
  if (filter === 'completed') return task.completed;
  return true;
}
