import type { z } from 'zod';
import { asUser } from '@/lib/caller';
import { ifMatchVersions } from '@/lib/etag';
import { handler, methodsNotAllowed, parseAll, parseWith, readJsonBody } from '@/lib/http';
import { conditionalTaskResponse, taskResponse } from '@/lib/task-responses';
import { deleteTask, getTask, updateTask, type TaskChanges } from '@/lib/tasks';
import { PatchTaskBody, ReplaceTaskBody, TaskPathParams } from '@/lib/validation/tasks';

type Context = { params: Promise<{ user_id: string; id: string }> };

const ALLOW = ['GET', 'HEAD', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

export const GET = handler(async (request: Request, { params }: Context) => {
  const path = await params;
  return asUser(request, path.user_id, async (userId) => {
    const { id } = parseWith(TaskPathParams, path);
    return conditionalTaskResponse(request, await getTask(userId, id));
  });
});

/** PUT and PATCH differ only in what their body may hold. */
function updateWith(schema: z.ZodType<TaskChanges>) {
  return handler(async (request: Request, { params }: Context) => {
    const path = await params;
    return asUser(request, path.user_id, async (userId) => {
      const body = await readJsonBody(request);
      const { path: { id }, body: changes } = parseAll({ path: TaskPathParams, body: schema }, { path, body });
      return taskResponse(await updateTask(userId, id, changes, ifMatchVersions(request.headers.get('if-match'), id)));
    });
  });
}

export const PUT = updateWith(ReplaceTaskBody);
export const PATCH = updateWith(PatchTaskBody);

export const DELETE = handler(async (request: Request, { params }: Context) => {
  const path = await params;
  return asUser(request, path.user_id, async (userId) => {
    const { id } = parseWith(TaskPathParams, path);
    await deleteTask(userId, id, ifMatchVersions(request.headers.get('if-match'), id));
    return new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
  });
});

export const { POST, OPTIONS } = methodsNotAllowed(ALLOW);
