import { asUser } from '@/lib/caller';
import { handler, json, methodsNotAllowed, parseAll, parseWith, readJsonBody } from '@/lib/http';
import { createOnce } from '@/lib/idempotency';
import { taskCreatedResponse, toTaskJson } from '@/lib/task-responses';
import { createTask, listTasksForUser, type Executor } from '@/lib/tasks';
import { CreateTaskBody, CreateTaskHeaders, ListTasksQuery, type ListTasksOptions, type TaskJson } from '@/lib/validation/tasks';

type Context = { params: Promise<{ user_id: string }> };

const ALLOW = ['GET', 'HEAD', 'POST', 'OPTIONS'];

/** The next page's URL: the same filters and sort, and the cursor. */
function nextPageUrl(request: Request, query: ListTasksOptions, cursor: string): string {
  const next = new URLSearchParams();
  if (query.completed !== undefined) next.set('completed', String(query.completed));
  if (query.q) next.set('q', query.q);
  next.set('sort', query.sort);
  next.set('order', query.order);
  next.set('limit', String(query.limit));
  next.set('cursor', cursor);
  return `${new URL(request.url).pathname}?${next}`;
}

export const GET = handler(async (request: Request, { params }: Context) =>
  asUser(request, (await params).user_id, async (userId, confirmUserExists) => {
    const query = parseWith(ListTasksQuery, Object.fromEntries(new URL(request.url).searchParams));
    const page = await listTasksForUser(userId, query);
    // An account that was deleted owns no tasks: an empty list may be one.
    if (page.total === 0) await confirmUserExists();
    const headers = new Headers({ 'X-Total-Count': String(page.total) });
    if (page.nextCursor) headers.set('Link', `<${nextPageUrl(request, query, page.nextCursor)}>; rel="next"`);
    return json(page.tasks.map(toTaskJson), { headers });
  }),
);

export const POST = handler(async (request: Request, { params }: Context) =>
  asUser(request, (await params).user_id, async (userId) => {
    const body = await readJsonBody(request);
    const {
      body: input,
      headers: { 'idempotency-key': key },
    } = parseAll(
      { body: CreateTaskBody, headers: CreateTaskHeaders },
      { body, headers: { 'idempotency-key': request.headers.get('idempotency-key') ?? undefined } },
    );
    const create = async (executor?: Executor) => ({ status: 201, body: toTaskJson(await createTask(userId, input, executor)) });
    if (!key) return taskCreatedResponse((await create()).body);
    const response = await createOnce(userId, key, body, create);
    return taskCreatedResponse(response.body as TaskJson, response.replayed);
  }),
);

export const { PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed(ALLOW);
