import 'server-only';
import type { Caller } from '@/lib/auth/caller';
import { grants, type TokenScope } from '@/lib/auth/personal-tokens';
import { DomainError } from '@/lib/errors';

/*
 * What a personal access token may reach: the one table of scopes per route, by the first
 * segment after `/api/{user_id}/` and whether the method reads or writes. The route guard
 * (lib/scope/route.ts) checks it for every route; the OpenAPI document declares it per operation
 * (`personalToken` security), and the generated test holds the routes to it. A segment that is
 * not here (the account, sessions, tokens, push subscriptions, the calendar feed, and any route
 * added later until it is placed here) is closed to personal tokens: deny by default.
 */

interface Access {
  read: readonly TokenScope[];
  write: readonly TokenScope[];
}

const TASKS: Access = { read: ['tasks:read'], write: ['tasks:write'] };
const PROJECTS: Access = { read: ['projects:read'], write: ['projects:write'] };

const ROUTE_SCOPES: Record<string, Access> = {
  tasks: TASKS,
  labels: TASKS,
  // The event stream tells of task and project changes; the changes feed is under tasks/.
  events: TASKS,
  projects: PROJECTS,
  invitations: PROJECTS,
  // Marking notifications read is part of reading them.
  notifications: { read: ['notifications:read'], write: ['notifications:read'] },
  // Everything the caller sees, out and in.
  export: { read: ['tasks:read', 'projects:read'], write: ['tasks:write', 'projects:write'] },
  import: { read: ['tasks:read', 'projects:read'], write: ['tasks:write', 'projects:write'] },
};

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The scopes a personal token needs for `method` on `path` (`/api/{user_id}/tasks/…`, a path or
 * the document's template); null where no personal token may go.
 */
export function routeScopes(method: string, path: string): readonly TokenScope[] | null {
  const segment = /^\/api\/[^/]+\/([^/]+)/.exec(path)?.[1];
  const access = segment !== undefined && Object.hasOwn(ROUTE_SCOPES, segment) ? ROUTE_SCOPES[segment]! : undefined;
  if (!access) return null;
  return READS.has(method.toUpperCase()) ? access.read : access.write;
}

/** A personal token used outside its scopes, or where no personal token may go. */
export class InsufficientScope extends DomainError {
  constructor(needed: readonly TokenScope[] | null) {
    super(
      403,
      needed
        ? `This personal access token lacks the scope this needs: ${needed.join(' and ')}`
        : 'A personal access token cannot manage tokens, webhooks, sessions, the password or the account: sign in instead',
      { headers: { 'WWW-Authenticate': `Bearer error="insufficient_scope"${needed ? `, scope="${needed.join(' ')}"` : ''}` } },
    );
  }
}

/** `InsufficientScope` unless the caller may use `needed` (a sign-in may use everything). */
export function requireTokenScopes(caller: Caller, needed: readonly TokenScope[] | null): void {
  if (!caller.scopes) return;
  if (!needed || !needed.every((scope) => grants(caller.scopes!, scope))) throw new InsufficientScope(needed);
}
