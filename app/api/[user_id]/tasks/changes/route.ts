import { methodsNotAllowed } from '@/lib/http/handler';
import { json } from '@/lib/http/problem';
import { parseWith } from '@/lib/http/validation';
import { toProjectJson } from '@/lib/projects/responses';
import { userRoute } from '@/lib/scope/route';
import { changesSince } from '@/lib/sync/feed';
import { ChangesQuery, type ChangesJson } from '@/lib/sync/schemas';
import { toTaskJson } from '@/lib/tasks/responses';

const ALLOW = ['GET', 'HEAD', 'OPTIONS'];

export const GET = userRoute(async (scope, request) => {
  const query = parseWith(ChangesQuery, Object.fromEntries(new URL(request.url).searchParams));
  const page = await changesSince(scope, query.since, query.limit);
  const body: ChangesJson = {
    changes: page.changes.map(toTaskJson),
    deleted: page.deleted,
    projects: page.projects.map(toProjectJson),
    deleted_projects: page.deletedProjects,
    cursor: page.cursor,
    more: page.more,
  };
  return json(body);
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed(ALLOW);
