import 'server-only';
import { requestHash, runOnce } from '@/lib/idempotency/run-once';
import type { Scope } from '@/lib/scope/scope';
import { createTask, type NewTaskInput } from '@/lib/tasks/queries';
import { taskETag } from '@/lib/tasks/etag';
import { toTaskJson } from '@/lib/tasks/responses';
import { TaskSchema, type TaskJson } from '@/lib/tasks/schemas';

// A stored answer keeps its task's JSON as it was; its `etag` is always that version's, so one
// stored before tasks carried it is completed on the way out.
const StoredTask = TaskSchema.partial({ etag: true }).transform(
  (task): TaskJson => ({ ...task, etag: task.etag ?? taskETag({ id: task.id, updatedAt: new Date(task.updated_at) }) }),
);

/** Creates the task once for this (caller, key, request body): see `runOnce`. */
export async function createTaskOnce(
  scope: Scope,
  input: NewTaskInput,
  { key, requestBody }: { key: string; requestBody: unknown },
): Promise<{ task: TaskJson; replayed: boolean }> {
  const { result, replayed } = await runOnce(
    scope,
    { route: 'POST /api/{user_id}/tasks', key, hash: requestHash(requestBody) },
    async (tx) => toTaskJson(await createTask(scope, input, tx)),
    StoredTask,
  );
  return { task: result, replayed };
}
