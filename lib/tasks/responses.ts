import 'server-only';
import { ifNoneMatchHits } from '@/lib/http/conditional';
import { json } from '@/lib/http/problem';
import { taskETag } from '@/lib/tasks/etag';
import type { TaskRow } from '@/lib/tasks/rows';
import { PRIORITIES } from '@/lib/limits';
import type { RepeatRule, TaskJson } from '@/lib/tasks/schemas';

// How a task goes over HTTP: its JSON shape and the headers that travel with it.

export function toTaskJson(task: TaskRow): TaskJson {
  return {
    id: task.id,
    user_id: task.userId,
    title: task.title,
    description: task.description,
    completed: task.completed,
    due_date: task.dueDate,
    // `time` reads as HH:MM:SS; the API speaks HH:MM.
    due_time: task.dueTime?.slice(0, 5) ?? null,
    priority: PRIORITIES[task.priority] ?? 'none',
    labels: task.labels,
    reminders: task.reminders.map((r) => (r.minutes_before !== null ? { id: r.id, minutes_before: r.minutes_before } : { id: r.id, at: new Date(r.at_ms!).toISOString() })),
    repeat: task.repeatEvery ? ({ every: task.repeatEvery, interval: task.repeatInterval ?? 1 } as RepeatRule) : null,
    position: task.position,
    project_id: task.projectId,
    parent_id: task.parentId,
    assignee_id: task.assigneeId,
    created_at: task.createdAt.toISOString(),
    updated_at: task.updatedAt.toISOString(),
    etag: taskETag(task),
  };
}

/** A single task with its `ETag`: GET, PUT, PATCH and the toggle. */
export function taskResponse(task: TaskRow): Response {
  const body = toTaskJson(task);
  return json(body, { headers: { ETag: body.etag } });
}

/** `201` with `Location` and `ETag`; `replayed` marks an idempotent retry's stored answer. */
export function taskCreatedResponse(task: TaskJson, replayed = false): Response {
  const headers = new Headers({ Location: `/api/${task.user_id}/tasks/${task.id}`, ETag: task.etag });
  if (replayed) headers.set('Idempotent-Replayed', 'true');
  return json(task, { status: 201, headers });
}

/** GET of one task: `304` when `If-None-Match` already names this version. */
export function conditionalTaskResponse(request: Request, task: TaskRow): Response {
  const etag = taskETag(task);
  if (ifNoneMatchHits(request.headers.get('if-none-match'), etag)) {
    return new Response(null, { status: 304, headers: { ETag: etag, 'Cache-Control': 'no-store' } });
  }
  return taskResponse(task);
}
