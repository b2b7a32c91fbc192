import { refuseDeclaredBody } from '@/lib/http/body';
import { methodsNotAllowed } from '@/lib/http/handler';
import { parseWith } from '@/lib/http/validation';
import { userRoute } from '@/lib/scope/route';
import { ifMatchVersions } from '@/lib/tasks/etag';
import { toggleTaskCompletion } from '@/lib/tasks/queries';
import { taskResponse } from '@/lib/tasks/responses';
import { TaskPathParams } from '@/lib/tasks/schemas';

const ALLOW = ['PATCH', 'OPTIONS'];

/** Flips `completed`; takes no body. */
export const PATCH = userRoute(async (scope, request, path: { user_id: string; id: string }) => {
  refuseDeclaredBody(request);
  const { id } = parseWith(TaskPathParams, path);
  return taskResponse(await toggleTaskCompletion(scope, id, ifMatchVersions(request.headers.get('if-match'), id)));
});

export const { GET, HEAD, POST, PUT, DELETE, OPTIONS } = methodsNotAllowed(ALLOW);
