/** A task as the API sends it: the `Task` schema of /api/openapi.json. */
export interface Task {
  id: string;
  user_id: string;
  title: string;
  description: string | null;
  completed: boolean;
  created_at: string;
  updated_at: string;
}

export type TaskFilter = 'all' | 'active' | 'completed';

export function matchesFilter(task: Task, filter: TaskFilter): boolean {
  if (filter === 'active') return !task.completed;
  if (filter === 'completed') return task.completed;
  return true;
}
