import type { Counts } from './tasks-reducer';
import type { Task, TaskFilter } from './task';

/**
 * The browser's client for `/api/{user_id}/tasks…`: the same routes and contract any other
 * client uses, authenticated by the session cookie. Every failure becomes an `ApiError` whose
 * message a person can read.
 */

export const PAGE_SIZE = 20;

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
    case 403:
      return 'You can only change your own tasks.';
    case 404:
      return 'This task no longer exists. It may have been deleted elsewhere.';
    case 409:
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

async function problemDetail(response: Response): Promise<string | undefined> {
  try {
    const body: unknown = await response.json();
    if (body && typeof body === 'object' && 'detail' in body && typeof body.detail === 'string') return body.detail;
  } catch {
    // Not a problem document (a proxy's HTML error page, say): the status says enough.
  }
  return undefined;
}

async function send(url: string, init: RequestInit = {}): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, {
      ...init,
      credentials: 'same-origin',
      cache: 'no-store',
      headers: { Accept: 'application/json', ...init.headers },
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, NETWORK_MESSAGE);
  }
  if (!response.ok) throw new ApiError(response.status, messageFor(response.status, await problemDetail(response)));
  return response;
}

function sendJson(url: string, method: string, body: unknown, headers: Record<string, string> = {}) {
  return send(url, { method, body: JSON.stringify(body), headers: { 'Content-Type': 'application/json', ...headers } });
}

/** The `rel="next"` target of a `Link` header, if any. */
export function nextLink(header: string | null): string | null {
  if (!header) return null;
  for (const link of header.split(/,(?=\s*<)/)) {
    const match = /^\s*<([^>]*)>(.*)$/.exec(link);
    if (!match) continue;
    const rels = match[2]!
      .split(';')
      .map((param) => /^\s*rel\s*=\s*"?([^"]*)"?\s*$/i.exec(param)?.[1])
      .filter((rel) => rel !== undefined)
      .flatMap((rel) => rel.toLowerCase().split(/\s+/));
    if (rels.includes('next')) return match[1]!;
  }
  return null;
}

/**
 * A new `Idempotency-Key`: one per draft, reused for every attempt to create that draft.
 * crypto.randomUUID exists only in secure contexts; a plain-http LAN address is not one.
 */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function tasksUrl(userId: string, id?: string): string {
  const base = `/api/${encodeURIComponent(userId)}/tasks`;
  return id ? `${base}/${encodeURIComponent(id)}` : base;
}

export interface TaskPage {
  tasks: Task[];
  next: string | null;
}

async function readPage(response: Response): Promise<TaskPage> {
  return { tasks: (await response.json()) as Task[], next: nextLink(response.headers.get('link')) };
}

export function firstPageUrl(userId: string, filter: TaskFilter, query: string): string {
  const params = new URLSearchParams({ limit: String(PAGE_SIZE) });
  if (filter !== 'all') params.set('completed', String(filter === 'completed'));
  if (query) params.set('q', query);
  return `${tasksUrl(userId)}?${params}`;
}

/** One page of the list: the first one from `firstPageUrl`, later ones from `next`. */
export async function fetchPage(url: string, signal?: AbortSignal): Promise<TaskPage> {
  return readPage(await send(url, { signal }));
}

async function countMatching(userId: string, completed: boolean, signal?: AbortSignal): Promise<number> {
  const response = await send(`${tasksUrl(userId)}?completed=${completed}&limit=1`, { signal });
  return Number(response.headers.get('x-total-count') ?? 0);
}

/** How many tasks are open and done, whatever the list shows. */
export async function fetchCounts(userId: string, signal?: AbortSignal): Promise<Counts> {
  const [open, done] = await Promise.all([countMatching(userId, false, signal), countMatching(userId, true, signal)]);
  return { open, done };
}

export interface TaskDraft {
  title: string;
  description: string | null;
}

/**
 * Creates a task. Send the same `idempotencyKey` when retrying the same draft: if the first
 * request reached the server but its answer was lost, the retry gets that task back instead of
 * creating a second one.
 */
export async function createTask(userId: string, draft: TaskDraft, idempotencyKey: string): Promise<Task> {
  const response = await sendJson(tasksUrl(userId), 'POST', draft, { 'Idempotency-Key': idempotencyKey });
  return (await response.json()) as Task;
}

export async function updateTask(userId: string, id: string, changes: Partial<TaskDraft>): Promise<Task> {
  const response = await sendJson(tasksUrl(userId, id), 'PATCH', changes);
  return (await response.json()) as Task;
}

export async function toggleTask(userId: string, id: string): Promise<Task> {
  const response = await send(`${tasksUrl(userId, id)}/complete`, { method: 'PATCH' });
  return (await response.json()) as Task;
}

export async function deleteTask(userId: string, id: string): Promise<void> {
  await send(tasksUrl(userId, id), { method: 'DELETE' });
}
