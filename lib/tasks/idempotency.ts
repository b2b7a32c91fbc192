import 'server-only';
import type { Caller } from '@/lib/auth/caller';
import { requestHash, runOnce } from '@/lib/http/idempotency';
import { createTask, type NewTaskInput } from '@/lib/tasks/queries';
import { toTaskJson } from '@/lib/tasks/responses';
import { TaskSchema, type TaskJson } from '@/lib/tasks/schemas';

/** Creates the task once for this (caller, key, request body): see `runOnce`. */
export async function createTaskOnce(
  caller: Caller,
  input: NewTaskInput,
  { key, requestBody }: { key: string; requestBody: unknown },
): Promise<{ task: TaskJson; replayed: boolean }> {
  const { result, replayed } = await runOnce(
    caller,
    { key, hash: requestHash(requestBody) },
    async (tx) => toTaskJson(await createTask(caller, input, tx)),
    TaskSchema,
  );
  return { task: result, replayed };
}
