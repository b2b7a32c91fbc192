import 'server-only';
import { requestHash, runOnce } from '@/lib/idempotency/run-once';
import type { Scope } from '@/lib/scope/scope';
import { createTask, type NewTaskInput } from '@/lib/tasks/queries';
import { toTaskJson } from '@/lib/tasks/responses';
import { TaskSchema, type TaskJson } from '@/lib/tasks/schemas';

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
    TaskSchema,
  );
  return { task: result, replayed };
}
