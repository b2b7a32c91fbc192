import { readJsonBody } from '@/lib/http/body';
import { methodsNotAllowed } from '@/lib/http/handler';
import { parseAll } from '@/lib/http/validation';
import { userRoute } from '@/lib/scope/route';
import { ifMatchVersions } from '@/lib/tasks/etag';
import { moveTask } from '@/lib/tasks/manual-order';
import { taskResponse } from '@/lib/tasks/responses';
import { MoveTaskBody, TaskPathParams } from '@/lib/tasks/schemas';

const ALLOW = ['POST', 'OPTIONS'];

/** Puts the task before or after another, or at the top or bottom of the manual order. */
export const POST = userRoute(async (scope, request, path: { user_id: string; id: string }) => {
  const body = await readJsonBody(request);
  const { path: { id }, body: move } = parseAll({ path: TaskPathParams, body: MoveTaskBody }, { path, body });
  return taskResponse(await moveTask(scope, id, move, ifMatchVersions(request.headers.get('if-match'), id)));
});

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed(ALLOW);
