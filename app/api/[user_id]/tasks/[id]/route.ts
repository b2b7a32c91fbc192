import type { z } from 'zod';
import { readJsonBody } from '@/lib/http/body';
import { methodsNotAllowed } from '@/lib/http/handler';
import { parseAll, parseWith } from '@/lib/http/validation';
import { userRoute } from '@/lib/scope/route';
import { ifMatchVersions } from '@/lib/tasks/etag';
import { deleteTask, getTask, updateTask } from '@/lib/tasks/queries';
import { conditionalTaskResponse, taskResponse } from '@/lib/tasks/responses';
import { PatchTaskBody, ReplaceTaskBody, TaskPathParams, type TaskChangesInput } from '@/lib/tasks/schemas';

type Path = { user_id: string; id: string };

const ALLOW = ['GET', 'HEAD', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

export const GET = userRoute(async (scope, request, path: Path) => {
  const { id } = parseWith(TaskPathParams, path);
  return conditionalTaskResponse(request, await getTask(scope, id));
});

/** PUT and PATCH differ only in what their body may hold. */
function updateWith(schema: z.ZodType<TaskChangesInput>) {
  return userRoute(async (scope, request, path: Path) => {
    const body = await readJsonBody(request);
    const { path: { id }, body: changes } = parseAll({ path: TaskPathParams, body: schema }, { path, body });
    return taskResponse(await updateTask(scope, id, changes, ifMatchVersions(request.headers.get('if-match'), id)));
  });
}

export const PUT = updateWith(ReplaceTaskBody);
export const PATCH = updateWith(PatchTaskBody);

export const DELETE = userRoute(async (scope, request, path: Path) => {
  const { id } = parseWith(TaskPathParams, path);
  await deleteTask(scope, id, ifMatchVersions(request.headers.get('if-match'), id));
  return new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
});

export const { POST, OPTIONS } = methodsNotAllowed(ALLOW);
