import type { z } from 'zod';
import { requireCaller } from '@/lib/auth/caller';
import { readJsonBody } from '@/lib/http/body';
import { handler, methodsNotAllowed } from '@/lib/http/handler';
import { parseAll, parseWith } from '@/lib/http/validation';
import { ifMatchVersions } from '@/lib/tasks/etag';
import { deleteTask, getTask, updateTask } from '@/lib/tasks/queries';
import { conditionalTaskResponse, taskResponse } from '@/lib/tasks/responses';
import { PatchTaskBody, ReplaceTaskBody, TaskPathParams, type TaskChangesInput } from '@/lib/tasks/schemas';

type Context = { params: Promise<{ user_id: string; id: string }> };

const ALLOW = ['GET', 'HEAD', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

export const GET = handler(async (request: Request, { params }: Context) => {
  const path = await params;
  const caller = await requireCaller(request, path.user_id);
  const { id } = parseWith(TaskPathParams, path);
  return conditionalTaskResponse(request, await getTask(caller, id));
});

/** PUT and PATCH differ only in what their body may hold. */
function updateWith(schema: z.ZodType<TaskChangesInput>) {
  return handler(async (request: Request, { params }: Context) => {
    const path = await params;
    const caller = await requireCaller(request, path.user_id);
    const body = await readJsonBody(request);
    const { path: { id }, body: changes } = parseAll({ path: TaskPathParams, body: schema }, { path, body });
    return taskResponse(await updateTask(caller, id, changes, ifMatchVersions(request.headers.get('if-match'), id)));
  });
}

export const PUT = updateWith(ReplaceTaskBody);
export const PATCH = updateWith(PatchTaskBody);

export const DELETE = handler(async (request: Request, { params }: Context) => {
  const path = await params;
  const caller = await requireCaller(request, path.user_id);
  const { id } = parseWith(TaskPathParams, path);
  await deleteTask(caller, id, ifMatchVersions(request.headers.get('if-match'), id));
  return new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
});

export const { POST, OPTIONS } = methodsNotAllowed(ALLOW);
