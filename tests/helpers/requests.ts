import * as exportRoute from '@/app/api/[user_id]/export/route';
import * as importRoute from '@/app/api/[user_id]/import/route';
import * as labelRoute from '@/app/api/[user_id]/labels/[id]/route';
import * as labelsRoute from '@/app/api/[user_id]/labels/route';
import * as acceptRoute from '@/app/api/[user_id]/invitations/[inv_id]/accept/route';
import * as declineRoute from '@/app/api/[user_id]/invitations/[inv_id]/decline/route';
import * as myInvitationsRoute from '@/app/api/[user_id]/invitations/route';
import * as notificationsReadRoute from '@/app/api/[user_id]/notifications/read/route';
import * as notificationsRoute from '@/app/api/[user_id]/notifications/route';
import * as projectInvitationRoute from '@/app/api/[user_id]/projects/[id]/invitations/[inv_id]/route';
import * as projectInvitationsRoute from '@/app/api/[user_id]/projects/[id]/invitations/route';
import * as memberRoute from '@/app/api/[user_id]/projects/[id]/members/[member_id]/route';
import * as membersRoute from '@/app/api/[user_id]/projects/[id]/members/route';
import * as projectMoveRoute from '@/app/api/[user_id]/projects/[id]/move/route';
import * as projectRoute from '@/app/api/[user_id]/projects/[id]/route';
import * as projectsRoute from '@/app/api/[user_id]/projects/route';
import * as completeRoute from '@/app/api/[user_id]/tasks/[id]/complete/route';
import * as moveRoute from '@/app/api/[user_id]/tasks/[id]/move/route';
import * as taskRoute from '@/app/api/[user_id]/tasks/[id]/route';
import * as listRoute from '@/app/api/[user_id]/tasks/route';
import type { InvitationJson, ProjectJson } from '@/lib/projects/schemas';
import type { TaskJson } from '@/lib/tasks/schemas';
import { assertConformant } from './conformance';

// Calls the task route handlers the way Next does: a Request and a context whose params are
// a Promise. No server runs; the handlers use the test file's database through getDb().

type RouteHandler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
type RouteModule = Partial<Record<string, unknown>>;

export interface CallOptions {
  headers?: Record<string, string>;
  /** Sent as JSON with `Content-Type: application/json`. */
  body?: unknown;
  /** Sent as is: for malformed or oversized bodies (set the Content-Type in `headers`). */
  rawBody?: string | Uint8Array;
  /** Query string without `?`, or parameters. */
  query?: string | Record<string, string>;
}

export const ORIGIN = 'http://localhost';

export function buildRequest(method: string, path: string, options: CallOptions = {}): Request {
  const headers = new Headers(options.headers);
  let body: BodyInit | undefined;
  if (options.rawBody !== undefined) body = options.rawBody as BodyInit;
  else if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    if (!headers.has('content-type')) headers.set('content-type', 'application/json');
  }
  const query = typeof options.query === 'string' ? options.query : new URLSearchParams(options.query).toString();
  return new Request(`${ORIGIN}${path}${query ? `?${query}` : ''}`, { method, headers, body });
}

/** Calls `method` of a route module, or fails the test if the module does not export it. */
export async function callRoute(
  route: RouteModule,
  method: string,
  path: string,
  params: Record<string, string>,
  options: CallOptions = {},
): Promise<Response> {
  const fn = route[method] as RouteHandler | undefined;
  if (typeof fn !== 'function') throw new Error(`the route of ${path} does not export ${method}`);
  return callHandler(fn, buildRequest(method, path, options), { params: Promise.resolve(params) });
}

/**
 * Calls one route handler with a request built by the test, and checks the response against the
 * OpenAPI document (status, media type, JSON body) before the test sees it.
 */
export async function callHandler<C>(handler: (request: never, context: C) => Promise<Response>, request: Request, context?: C): Promise<Response> {
  const response = await handler(request as never, context as C);
  await assertConformant(request.method, request.url, response);
  return response;
}

export const routes = { list: listRoute, task: taskRoute, complete: completeRoute, move: moveRoute, labels: labelsRoute, label: labelRoute } as const;

/**
 * The seven task routes as one user calls them. `as` is the `{user_id}` put in the path
 * (default: the user's own id); `headers` go on every request (default: the user's bearer token).
 */
export function tasksApi(user: { id: string; headers: Record<string, string> }, pathUserId = user.id) {
  const withAuth = (options: CallOptions = {}): CallOptions => ({ ...options, headers: { ...user.headers, ...options.headers } });
  const listPath = `/api/${pathUserId}/tasks`;
  const taskPath = (id: string) => `${listPath}/${id}`;
  return {
    list: (query?: CallOptions['query'], options: CallOptions = {}) =>
      callRoute(listRoute, 'GET', listPath, { user_id: pathUserId }, withAuth({ ...options, query })),
    create: (body: unknown, options: CallOptions = {}) =>
      callRoute(listRoute, 'POST', listPath, { user_id: pathUserId }, withAuth({ ...options, body })),
    get: (id: string, options: CallOptions = {}) =>
      callRoute(taskRoute, 'GET', taskPath(id), { user_id: pathUserId, id }, withAuth(options)),
    put: (id: string, body: unknown, options: CallOptions = {}) =>
      callRoute(taskRoute, 'PUT', taskPath(id), { user_id: pathUserId, id }, withAuth({ ...options, body })),
    patch: (id: string, body: unknown, options: CallOptions = {}) =>
      callRoute(taskRoute, 'PATCH', taskPath(id), { user_id: pathUserId, id }, withAuth({ ...options, body })),
    remove: (id: string, options: CallOptions = {}) =>
      callRoute(taskRoute, 'DELETE', taskPath(id), { user_id: pathUserId, id }, withAuth(options)),
    toggle: (id: string, options: CallOptions = {}) =>
      callRoute(completeRoute, 'PATCH', `${taskPath(id)}/complete`, { user_id: pathUserId, id }, withAuth(options)),
    move: (id: string, body: unknown, options: CallOptions = {}) =>
      callRoute(moveRoute, 'POST', `${taskPath(id)}/move`, { user_id: pathUserId, id }, withAuth({ ...options, body })),
  };
}

/** The label routes as one user calls them, like `tasksApi`. */
export function labelsApi(user: { id: string; headers: Record<string, string> }, pathUserId = user.id) {
  const withAuth = (options: CallOptions = {}): CallOptions => ({ ...options, headers: { ...user.headers, ...options.headers } });
  const listPath = `/api/${pathUserId}/labels`;
  return {
    list: () => callRoute(labelsRoute, 'GET', listPath, { user_id: pathUserId }, withAuth()),
    create: (body: unknown) => callRoute(labelsRoute, 'POST', listPath, { user_id: pathUserId }, withAuth({ body })),
    patch: (id: string, body: unknown) => callRoute(labelRoute, 'PATCH', `${listPath}/${id}`, { user_id: pathUserId, id }, withAuth({ body })),
    remove: (id: string) => callRoute(labelRoute, 'DELETE', `${listPath}/${id}`, { user_id: pathUserId, id }, withAuth()),
  };
}

export type LabelsApi = ReturnType<typeof labelsApi>;

/** The project routes as one user calls them, like `tasksApi`. */
export function projectsApi(user: { id: string; headers: Record<string, string> }, pathUserId = user.id) {
  const withAuth = (options: CallOptions = {}): CallOptions => ({ ...options, headers: { ...user.headers, ...options.headers } });
  const listPath = `/api/${pathUserId}/projects`;
  return {
    list: () => callRoute(projectsRoute, 'GET', listPath, { user_id: pathUserId }, withAuth()),
    create: (body: unknown) => callRoute(projectsRoute, 'POST', listPath, { user_id: pathUserId }, withAuth({ body })),
    get: (id: string) => callRoute(projectRoute, 'GET', `${listPath}/${id}`, { user_id: pathUserId, id }, withAuth()),
    patch: (id: string, body: unknown) => callRoute(projectRoute, 'PATCH', `${listPath}/${id}`, { user_id: pathUserId, id }, withAuth({ body })),
    remove: (id: string) => callRoute(projectRoute, 'DELETE', `${listPath}/${id}`, { user_id: pathUserId, id }, withAuth()),
    move: (id: string, body: unknown) => callRoute(projectMoveRoute, 'POST', `${listPath}/${id}/move`, { user_id: pathUserId, id }, withAuth({ body })),
  };
}

export type ProjectsApi = ReturnType<typeof projectsApi>;

/** The sharing routes (members and invitations) as one user calls them. */
export function sharingApi(user: { id: string; headers: Record<string, string> }, pathUserId = user.id) {
  const withAuth = (options: CallOptions = {}): CallOptions => ({ ...options, headers: { ...user.headers, ...options.headers } });
  const base = `/api/${pathUserId}`;
  return {
    members: (id: string) => callRoute(membersRoute, 'GET', `${base}/projects/${id}/members`, { user_id: pathUserId, id }, withAuth()),
    setRole: (id: string, memberId: string, role: string) =>
      callRoute(memberRoute, 'PATCH', `${base}/projects/${id}/members/${memberId}`, { user_id: pathUserId, id, member_id: memberId }, withAuth({ body: { role } })),
    removeMember: (id: string, memberId: string) =>
      callRoute(memberRoute, 'DELETE', `${base}/projects/${id}/members/${memberId}`, { user_id: pathUserId, id, member_id: memberId }, withAuth()),
    invite: (id: string, body: unknown) => callRoute(projectInvitationsRoute, 'POST', `${base}/projects/${id}/invitations`, { user_id: pathUserId, id }, withAuth({ body })),
    invitationsOf: (id: string) => callRoute(projectInvitationsRoute, 'GET', `${base}/projects/${id}/invitations`, { user_id: pathUserId, id }, withAuth()),
    cancel: (id: string, invId: string) =>
      callRoute(projectInvitationRoute, 'DELETE', `${base}/projects/${id}/invitations/${invId}`, { user_id: pathUserId, id, inv_id: invId }, withAuth()),
    myInvitations: () => callRoute(myInvitationsRoute, 'GET', `${base}/invitations`, { user_id: pathUserId }, withAuth()),
    accept: (invId: string) => callRoute(acceptRoute, 'POST', `${base}/invitations/${invId}/accept`, { user_id: pathUserId, inv_id: invId }, withAuth()),
    decline: (invId: string) => callRoute(declineRoute, 'POST', `${base}/invitations/${invId}/decline`, { user_id: pathUserId, inv_id: invId }, withAuth()),
  };
}

export type SharingApi = ReturnType<typeof sharingApi>;

/** The notification routes as one user calls them. */
export function notificationsApi(user: { id: string; headers: Record<string, string> }, pathUserId = user.id) {
  const withAuth = (options: CallOptions = {}): CallOptions => ({ ...options, headers: { ...user.headers, ...options.headers } });
  const base = `/api/${pathUserId}/notifications`;
  return {
    list: (query?: CallOptions['query']) => callRoute(notificationsRoute, 'GET', base, { user_id: pathUserId }, withAuth({ query })),
    read: (body: unknown) => callRoute(notificationsReadRoute, 'POST', `${base}/read`, { user_id: pathUserId }, withAuth({ body })),
  };
}

/**
 * Shares project `projectId` of `owner` with `member` through the API: an invitation to their
 * email, accepted. Fails loudly on any other answer.
 */
export async function shareVia(owner: { id: string; headers: Record<string, string> }, projectId: string, member: { id: string; email: string; headers: Record<string, string> }, role: 'editor' | 'viewer'): Promise<void> {
  const invited = await sharingApi(owner).invite(projectId, { email: member.email, role });
  if (invited.status !== 201) throw new Error(`invite answered ${invited.status}: ${await invited.text()}`);
  const invitation = (await invited.json()) as InvitationJson;
  const accepted = await sharingApi(member).accept(invitation.id);
  if (accepted.status !== 200) throw new Error(`accept answered ${accepted.status}: ${await accepted.text()}`);
}

/** Creates a project and returns its JSON, failing loudly unless the API answered 201. */
export async function createProjectVia(api: ProjectsApi, body: Record<string, unknown>): Promise<ProjectJson> {
  const response = await api.create(body);
  if (response.status !== 201) throw new Error(`create project answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as ProjectJson;
}

/** Export and import as `user` calls them; `pathUserId` is the `{user_id}` in the path. */
export function transferApi(user: { id: string; headers: Record<string, string> }, pathUserId = user.id) {
  const auth = (options: CallOptions = {}): CallOptions => ({ ...options, headers: { ...user.headers, ...options.headers } });
  return {
    export: (format?: 'json' | 'csv') =>
      callRoute(exportRoute, 'GET', `/api/${pathUserId}/export`, { user_id: pathUserId }, auth({ query: format ? { format } : undefined })),
    importJson: (document: unknown, options: CallOptions = {}) =>
      callRoute(importRoute, 'POST', `/api/${pathUserId}/import`, { user_id: pathUserId }, auth({ ...options, body: document })),
    importCsv: (csv: string | Uint8Array, options: CallOptions = {}) =>
      callRoute(
        importRoute,
        'POST',
        `/api/${pathUserId}/import`,
        { user_id: pathUserId },
        auth({ ...options, rawBody: csv, headers: { 'content-type': 'text/csv', ...options.headers } }),
      ),
  };
}

/** A document `POST /import` takes, with these tasks. */
export const importDocument = (tasks: unknown[], labels: unknown[] = []) => ({ format: 'todo-export', version: 1, exported_at: new Date().toISOString(), labels, tasks });

export type TasksApi = ReturnType<typeof tasksApi>;

/** Creates a task and returns its JSON, failing loudly unless the API answered 201. */
export async function createTaskVia(api: TasksApi, body: Record<string, unknown> = { title: 'a task' }): Promise<TaskJson> {
  const response = await api.create(body);
  if (response.status !== 201) throw new Error(`create answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as TaskJson;
}

/** The RFC 9457 problem document of an error response, checking its media type. */
export async function problemOf(response: Response): Promise<{ status: number; title: string; detail: string; errors?: { path: string; message: string }[] }> {
  if (response.headers.get('content-type') !== 'application/problem+json') {
    throw new Error(`expected a problem document, got ${response.headers.get('content-type')}: ${await response.text()}`);
  }
  return response.json();
}
