import { requireCaller } from '@/lib/auth/caller';
import { readJsonBody } from '@/lib/http/body';
import { handler, methodsNotAllowed } from '@/lib/http/handler';
import { parseAll } from '@/lib/http/validation';
import { ifMatchVersions } from '@/lib/tasks/etag';
import { moveTask } from '@/lib/tasks/queries';
import { taskResponse } from '@/lib/tasks/responses';
import { MoveTaskBody, TaskPathParams } from '@/lib/tasks/schemas';

type Context = { params: Promise<{ user_id: string; id: string }> };

const ALLOW = ['POST', 'OPTIONS'];

/** Puts the task before or after another, or at the top or bottom of the manual order. */
export const POST = handler(async (request: Request, { params }: Context) => {
  const path = await params;
  const caller = await requireCaller(request, path.user_id);
  const body = await readJsonBody(request);
  const { path: { id }, body: move } = parseAll({ path: TaskPathParams, body: MoveTaskBody }, { path, body });
  return taskResponse(await moveTask(caller, id, move, ifMatchVersions(request.headers.get('if-match'), id)));
});

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed(ALLOW);
