import { asUser } from '@/lib/caller';
import { ifMatchVersions } from '@/lib/etag';
import { handler, methodsNotAllowed, parseWith } from '@/lib/http';
import { taskResponse } from '@/lib/task-responses';
import { toggleTaskCompletion } from '@/lib/tasks';
import { TaskPathParams } from '@/lib/validation/tasks';

type Context = { params: Promise<{ user_id: string; id: string }> };

const ALLOW = ['PATCH', 'OPTIONS'];

/** Flips `completed`; takes no body. */
export const PATCH = handler(async (request: Request, { params }: Context) => {
  const path = await params;
  return asUser(request, path.user_id, async (userId) => {
    const { id } = parseWith(TaskPathParams, path);
    return taskResponse(await toggleTaskCompletion(userId, id, ifMatchVersions(request.headers.get('if-match'), id)));
  });
});

export const { GET, HEAD, POST, PUT, DELETE, OPTIONS } = methodsNotAllowed(ALLOW);
