import { readJsonBody } from '@/lib/http/body';
import { methodsNotAllowed } from '@/lib/http/handler';
import { json } from '@/lib/http/problem';
import { parseAll, parseWith } from '@/lib/http/validation';
import { userRoute } from '@/lib/scope/route';
import { createTaskOnce } from '@/lib/tasks/idempotency';
import { listTasksForUser } from '@/lib/tasks/list';
import { createTask } from '@/lib/tasks/queries';
import { taskCreatedResponse, toTaskJson } from '@/lib/tasks/responses';
import { CreateTaskBody, CreateTaskHeaders, defaultOrder, ListTasksQuery, type ListTasksOptions } from '@/lib/tasks/schemas';

const ALLOW = ['GET', 'HEAD', 'POST', 'OPTIONS'];

/** The next page's URL: the same filters and sort, and the cursor. */
function nextPageUrl(request: Request, query: ListTasksOptions, cursor: string): string {
  const next = new URLSearchParams();
  if (query.completed !== undefined) next.set('completed', String(query.completed));
  if (query.q) next.set('q', query.q);
  if (query.priority) next.set('priority', query.priority.join(','));
  for (const label of query.label ?? []) next.append('label', label);
  if (query.due_from) next.set('due_from', query.due_from);
  if (query.due_to) next.set('due_to', query.due_to);
  if (query.has_due !== undefined) next.set('has_due', String(query.has_due));
  if (query.project) next.set('project', query.project);
  if (query.parent) next.set('parent', query.parent);
  next.set('sort', query.sort);
  next.set('order', query.order ?? defaultOrder(query.sort));
  next.set('limit', String(query.limit));
  next.set('cursor', cursor);
  return `${new URL(request.url).pathname}?${next}`;
}

export const GET = userRoute(async (scope, request) => {
  const search = new URL(request.url).searchParams;
  // `label` repeats (all of them); every other parameter is read once.
  const label = search.getAll('label');
  const query = parseWith(ListTasksQuery, { ...Object.fromEntries(search), label: label.length ? label : undefined });
  const page = await listTasksForUser(scope, query);
  const headers = new Headers({ 'X-Total-Count': String(page.total) });
  if (page.nextCursor) headers.set('Link', `<${nextPageUrl(request, query, page.nextCursor)}>; rel="next"`);
  return json(page.tasks.map(toTaskJson), { headers });
});

export const POST = userRoute(async (scope, request) => {
  const body = await readJsonBody(request);
  const { body: input, headers } = parseAll(
    { body: CreateTaskBody, headers: CreateTaskHeaders },
    { body, headers: { 'idempotency-key': request.headers.get('idempotency-key') ?? undefined } },
  );
  const key = headers['idempotency-key'];
  if (!key) return taskCreatedResponse(toTaskJson(await createTask(scope, input)));
  const { task, replayed } = await createTaskOnce(scope, input, { key, requestBody: body });
  return taskCreatedResponse(task, replayed);
});

export const { PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed(ALLOW);
