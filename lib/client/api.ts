import createClient from 'openapi-fetch';
import type { components, paths } from './openapi';
import type { ListWrite } from './lists';
import type { ListSent, Sent, Server } from './local-copy';
import type { OutboxWrite } from './outbox';
import type { Task } from './task';
import type { MoveRequest } from './manual-order';

/**
 * The browser's client for `/api/{user_id}/tasks…`: openapi-fetch on the types generated from
 * /api/openapi.json (`npm run openapi:types`), so a route whose contract changes breaks this
 * build. Authenticated by the session cookie. Every failure becomes an `ApiError` whose message
 * a person can read.
 */

export class ApiError extends Error {
  constructor(
    /** HTTP status; 0 when the server could not be reached. */
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const NETWORK_MESSAGE = 'Could not reach the server. Check your connection and try again.';

function messageFor(status: number, detail: string | undefined): string {
  switch (status) {
    case 401:
      return 'Your session has ended. Sign in again.';
    // The server's details of these are written for people ("You may only read this project").
    case 403:
      return detail ? `${detail}.` : 'You may not change this.';
    case 404:
      return !detail || detail === 'Task not found' ? 'This task no longer exists. It may have been deleted elsewhere.' : `${detail}. It may have been deleted elsewhere.`;
    case 409:
      return detail ? `${detail}.` : 'This was changed elsewhere. Reload to see the latest version.';
    case 412:
      return 'This task was changed elsewhere. Reload to see the latest version.';
    case 422:
      return detail ? `The server did not accept that: ${detail}.` : 'The server did not accept that.';
    case 429:
      return 'Too many requests. Wait a moment and try again.';
    case 503:
      return 'The service is briefly unavailable. Try again in a moment.';
    default:
      return 'Something went wrong on our side. Try again.';
  }
}

type Problem = components['schemas']['ProblemDocument'];
export type TaskDraft = Required<Pick<components['schemas']['CreateTaskBody'], 'title' | 'description'>>;
/** A new task: its title and any of its other fields, as `POST …/tasks` takes them. */
export type NewTask = components['schemas']['CreateTaskBody'];
/** Changes to a task, as `PATCH …/tasks/{id}` takes them. */
export type TaskChanges = components['schemas']['PatchTaskBody'];
export type Label = components['schemas']['Label'];
type Changes = components['schemas']['Changes'];
export type LabelColor = components['schemas']['LabelColor'];
export type LabelChanges = components['schemas']['PatchLabelBody'];
export type Project = components['schemas']['Project'];
export type ProjectChanges = components['schemas']['PatchProjectBody'];
export type Member = components['schemas']['Member'];
export type Role = Member['role'];
export type Invitation = components['schemas']['Invitation'];
export type Notification = components['schemas']['Notification'];

const api = createClient<paths>({ credentials: 'same-origin', cache: 'no-store', headers: { Accept: 'application/json' } });

/** openapi-fetch's answer when the response was a success: `data` typed by the document. */
type Success<R> = R extends { error?: never } ? R : never;

/** The detail of a problem document; a proxy's HTML error page has none, and its status says enough. */
function problemDetail(body: unknown): string | undefined {
  const detail = typeof body === 'object' && body !== null && 'detail' in body ? (body as Partial<Problem>).detail : undefined;
  return typeof detail === 'string' ? detail : undefined;
}

async function settle<R extends { error?: unknown; response: Response }>(pending: Promise<R>): Promise<Success<R>> {
  let outcome: R;
  try {
    outcome = await pending;
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, NETWORK_MESSAGE);
  }
  const { response, error } = outcome;
  if (!response.ok || error !== undefined) throw new ApiError(response.status, messageFor(response.status, problemDetail(error)));
  // openapi-fetch leaves `error` unset exactly on a success: TypeScript cannot narrow a generic union.
  return outcome as Success<R>;
}

/**
 * A new `Idempotency-Key`: one per draft, reused for every attempt to create that draft.
 * crypto.randomUUID exists only in secure contexts; a plain-http LAN address is not one.
 */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Creates a task. Send the same `idempotencyKey` when retrying the same draft: if the first
 * request reached the server but its answer was lost, the retry gets that task back instead of
 * creating a second one.
 */
export async function createTask(userId: string, draft: NewTask, idempotencyKey: string): Promise<Task> {
  const path = { user_id: userId };
  return (await settle(api.POST('/api/{user_id}/tasks', { params: { path, header: { 'Idempotency-Key': idempotencyKey } }, body: draft }))).data;
}

/** Changes a task; with `ifMatch` (the task's `etag`) only that version, else `412`. */
export async function updateTask(userId: string, id: string, changes: TaskChanges, ifMatch?: string): Promise<Task> {
  const params = { path: { user_id: userId, id }, ...(ifMatch && { header: { 'If-Match': ifMatch } }) };
  return (await settle(api.PATCH('/api/{user_id}/tasks/{id}', { params, body: changes }))).data;
}

export async function fetchTask(userId: string, id: string): Promise<Task> {
  return (await settle(api.GET('/api/{user_id}/tasks/{id}', { params: { path: { user_id: userId, id } } }))).data;
}

/**
 * One page of the changes feed. Not through `settle`: its `410` is an answer the follower acts
 * on (a full sync), not a failure to show.
 */
export async function fetchChanges(userId: string, since: string | undefined): Promise<{ status: number; body?: Changes }> {
  const { data, response } = await api.GET('/api/{user_id}/tasks/changes', { params: { path: { user_id: userId }, query: { limit: 1000, ...(since && { since }) } } });
  return { status: response.status, body: data };
}

export async function deleteTask(userId: string, id: string): Promise<void> {
  await settle(api.DELETE('/api/{user_id}/tasks/{id}', { params: { path: { user_id: userId, id } } }));
}

/** Moves a task in the manual order: before or after another task, or to the top or bottom. */
export async function moveTask(userId: string, id: string, move: MoveRequest, ifMatch?: string): Promise<Task> {
  const params = { path: { user_id: userId, id }, ...(ifMatch && { header: { 'If-Match': ifMatch } }) };
  return (await settle(api.POST('/api/{user_id}/tasks/{id}/move', { params, body: move }))).data;
}

/** The server as the device's copy of the tasks talks to it (lib/client/local-copy.ts). */
export function serverFor(userId: string): Server {
  const answer = async <T>(request: Promise<T>): Promise<{ ok: true; value: T } | { ok: false; status: number; message: string }> => {
    try {
      return { ok: true, value: await request };
    } catch (err) {
      if (err instanceof ApiError) return { ok: false, status: err.status, message: err.message };
      throw err;
    }
  };
  const sent = async (request: Promise<Task | null>): Promise<Sent> => {
    const outcome = await answer(request);
    return outcome.ok ? { ok: true, task: outcome.value } : outcome;
  };
  const listSent = async (request: Promise<Project | Label | null>): Promise<ListSent> => {
    const outcome = await answer(request);
    return outcome.ok ? { ok: true, item: outcome.value } : outcome;
  };
  return {
    changes: (since) => fetchChanges(userId, since),
    send(write: OutboxWrite) {
      switch (write.kind) {
        case 'create':
          return sent(createTask(userId, write.body, write.key));
        case 'update':
          return sent(updateTask(userId, write.task, write.changes, write.ifMatch || undefined));
        case 'toggle':
          // Sets the state rather than flipping it: a retry cannot undo what a lost answer did.
          return sent(updateTask(userId, write.task, { completed: write.completed }, write.ifMatch || undefined));
        case 'move':
          return sent(moveTask(userId, write.task, write.move, write.ifMatch || undefined));
        case 'delete':
          return sent(deleteTask(userId, write.task).then(() => null));
      }
    },
    sendList(write: ListWrite) {
      switch (write.kind) {
        case 'project-create':
          return listSent(createProject(userId, write.body.name, write.body.color));
        case 'project-update':
          return listSent(updateProject(userId, write.project, write.changes));
        case 'project-move':
          return listSent(moveProject(userId, write.project, write.move));
        case 'project-delete':
          return listSent(deleteProject(userId, write.project).then(() => null));
        case 'label-create':
          return listSent(createLabel(userId, write.body.name, write.body.color));
        case 'label-update':
          return listSent(updateLabel(userId, write.label, write.changes));
        case 'label-delete':
          return listSent(deleteLabel(userId, write.label).then(() => null));
      }
    },
    async lists() {
      const [projects, labels] = await Promise.all([fetchProjects(userId), fetchLabels(userId)]);
      return { projects, labels };
    },
    async task(id) {
      try {
        return await fetchTask(userId, id);
      } catch (err) {
        if (err instanceof ApiError && err.status === 404) return null;
        throw err;
      }
    },
  };
}

/** The caller's labels, by name. */
export async function fetchLabels(userId: string, signal?: AbortSignal): Promise<Label[]> {
  return (await settle(api.GET('/api/{user_id}/labels', { params: { path: { user_id: userId } }, signal }))).data;
}

export async function createLabel(userId: string, name: string, color: LabelColor): Promise<Label> {
  return (await settle(api.POST('/api/{user_id}/labels', { params: { path: { user_id: userId } }, body: { name, color } }))).data;
}

export async function updateLabel(userId: string, id: string, changes: LabelChanges): Promise<Label> {
  return (await settle(api.PATCH('/api/{user_id}/labels/{id}', { params: { path: { user_id: userId, id } }, body: changes }))).data;
}

export async function deleteLabel(userId: string, id: string): Promise<void> {
  await settle(api.DELETE('/api/{user_id}/labels/{id}', { params: { path: { user_id: userId, id } } }));
}

/** The caller's projects, in their sidebar order. */
export async function fetchProjects(userId: string, signal?: AbortSignal): Promise<Project[]> {
  return (await settle(api.GET('/api/{user_id}/projects', { params: { path: { user_id: userId } }, signal }))).data;
}

export async function createProject(userId: string, name: string, color: LabelColor): Promise<Project> {
  return (await settle(api.POST('/api/{user_id}/projects', { params: { path: { user_id: userId } }, body: { name, color } }))).data;
}

export async function updateProject(userId: string, id: string, changes: ProjectChanges): Promise<Project> {
  return (await settle(api.PATCH('/api/{user_id}/projects/{id}', { params: { path: { user_id: userId, id } }, body: changes }))).data;
}

/** Deletes a project and every task in it. */
export async function deleteProject(userId: string, id: string): Promise<void> {
  await settle(api.DELETE('/api/{user_id}/projects/{id}', { params: { path: { user_id: userId, id } } }));
}

/** Moves a project in the caller's own sidebar. */
export async function moveProject(userId: string, id: string, move: MoveRequest): Promise<Project> {
  return (await settle(api.POST('/api/{user_id}/projects/{id}/move', { params: { path: { user_id: userId, id } }, body: move }))).data;
}

// ---- Sharing ----

/** Everyone in a project, longest-standing first. */
export async function fetchMembers(userId: string, projectId: string, signal?: AbortSignal): Promise<Member[]> {
  return (await settle(api.GET('/api/{user_id}/projects/{id}/members', { params: { path: { user_id: userId, id: projectId } }, signal }))).data;
}

/** Changes a member's role; `owner` hands the project over. */
export async function setMemberRole(userId: string, projectId: string, memberId: string, role: Role): Promise<Member> {
  const path = { user_id: userId, id: projectId, member_id: memberId };
  return (await settle(api.PATCH('/api/{user_id}/projects/{id}/members/{member_id}', { params: { path }, body: { role } }))).data;
}

/** Removes a member, or (the caller's own id) leaves the project. */
export async function removeMember(userId: string, projectId: string, memberId: string): Promise<void> {
  const path = { user_id: userId, id: projectId, member_id: memberId };
  await settle(api.DELETE('/api/{user_id}/projects/{id}/members/{member_id}', { params: { path } }));
}

export async function fetchProjectInvitations(userId: string, projectId: string, signal?: AbortSignal): Promise<Invitation[]> {
  return (await settle(api.GET('/api/{user_id}/projects/{id}/invitations', { params: { path: { user_id: userId, id: projectId } }, signal }))).data;
}

export async function inviteToProject(userId: string, projectId: string, email: string, role: 'editor' | 'viewer'): Promise<Invitation> {
  return (await settle(api.POST('/api/{user_id}/projects/{id}/invitations', { params: { path: { user_id: userId, id: projectId } }, body: { email, role } }))).data;
}

export async function cancelInvitation(userId: string, projectId: string, invitationId: string): Promise<void> {
  const path = { user_id: userId, id: projectId, inv_id: invitationId };
  await settle(api.DELETE('/api/{user_id}/projects/{id}/invitations/{inv_id}', { params: { path } }));
}

/** The invitations addressed to the caller. */
export async function fetchMyInvitations(userId: string, signal?: AbortSignal): Promise<Invitation[]> {
  return (await settle(api.GET('/api/{user_id}/invitations', { params: { path: { user_id: userId } }, signal }))).data;
}

export async function acceptInvitation(userId: string, invitationId: string): Promise<Project> {
  return (await settle(api.POST('/api/{user_id}/invitations/{inv_id}/accept', { params: { path: { user_id: userId, inv_id: invitationId } } }))).data;
}

export async function declineInvitation(userId: string, invitationId: string): Promise<void> {
  await settle(api.POST('/api/{user_id}/invitations/{inv_id}/decline', { params: { path: { user_id: userId, inv_id: invitationId } } }));
}

/** How many of the person's notifications are unread (the bell's count), fetching one at most. */
export async function countUnreadNotifications(userId: string, signal?: AbortSignal): Promise<number> {
  const { response } = await settle(api.GET('/api/{user_id}/notifications', { params: { path: { user_id: userId }, query: { unread: true, limit: 1 } }, signal }));
  return Number(response.headers.get('x-total-count') ?? 0);
}

/** The newest notifications, read or not. */
export async function fetchNotifications(userId: string, limit: number, signal?: AbortSignal): Promise<Notification[]> {
  return (await settle(api.GET('/api/{user_id}/notifications', { params: { path: { user_id: userId }, query: { limit } }, signal }))).data;
}

export async function markNotificationsRead(userId: string, which: { ids: string[] } | { all: true }): Promise<void> {
  await settle(api.POST('/api/{user_id}/notifications/read', { params: { path: { user_id: userId } }, body: which }));
}

