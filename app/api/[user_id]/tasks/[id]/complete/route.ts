import { requireCaller } from '@/lib/auth/caller';
import { refuseDeclaredBody } from '@/lib/http/body';
import { handler, methodsNotAllowed } from '@/lib/http/handler';
import { parseWith } from '@/lib/http/validation';
import { ifMatchVersions } from '@/lib/tasks/etag';
import { toggleTaskCompletion } from '@/lib/tasks/queries';
import { taskResponse } from '@/lib/tasks/responses';
import { TaskPathParams } from '@/lib/tasks/schemas';

type Context = { params: Promise<{ user_id: string; id: string }> };

const ALLOW = ['PATCH', 'OPTIONS'];

/** Flips `completed`; takes no body. */
export const PATCH = handler(async (request: Request, { params }: Context) => {
  const path = await params;
  const caller = await requireCaller(request, path.user_id);
  refuseDeclaredBody(request);
  const { id } = parseWith(TaskPathParams, path);
  return taskResponse(await toggleTaskCompletion(caller, id, ifMatchVersions(request.headers.get('if-match'), id)));
});

export const { GET, HEAD, POST, PUT, DELETE, OPTIONS } = methodsNotAllowed(ALLOW);
