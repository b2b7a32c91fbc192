import 'server-only';
import type { Task } from '@/lib/db/schema';
import { ifNoneMatchHits } from '@/lib/http/conditional';
import { json } from '@/lib/http/problem';
import { taskETag } from '@/lib/tasks/etag';
import type { TaskJson } from '@/lib/tasks/schemas';

// How a task goes over HTTP: its JSON shape and the headers that travel with it.

export function toTaskJson(task: Task): TaskJson {
  return {
    id: task.id,
    user_id: task.userId,
    title: task.title,
    description: task.description,
    completed: task.completed,
    created_at: task.createdAt.toISOString(),
    updated_at: task.updatedAt.toISOString(),
  };
}

function etagOf(task: TaskJson): string {
  return taskETag({ id: task.id, updatedAt: new Date(task.updated_at) });
}

/** A single task with its `ETag`: GET, PUT, PATCH and the toggle. */
export function taskResponse(task: Task): Response {
  const body = toTaskJson(task);
  return json(body, { headers: { ETag: etagOf(body) } });
}

/** `201` with `Location` and `ETag`; `replayed` marks an idempotent retry's stored answer. */
export function taskCreatedResponse(task: TaskJson, replayed = false): Response {
  const headers = new Headers({ Location: `/api/${task.user_id}/tasks/${task.id}`, ETag: etagOf(task) });
  if (replayed) headers.set('Idempotent-Replayed', 'true');
  return json(task, { status: 201, headers });
}

/** GET of one task: `304` when `If-None-Match` already names this version. */
export function conditionalTaskResponse(request: Request, task: Task): Response {
  const etag = taskETag(task);
  if (ifNoneMatchHits(request.headers.get('if-none-match'), etag)) {
    return new Response(null, { status: 304, headers: { ETag: etag, 'Cache-Control': 'no-store' } });
  }
  return taskResponse(task);
}
