import 'server-only';
import { z } from 'zod';
import { authenticate } from '@/lib/auth/caller';
import { recordSessionUse } from '@/lib/auth/sessions';
import { sqlState } from '@/lib/db/errors';
import { DomainError } from '@/lib/errors';
import { handler } from '@/lib/http/handler';
import { NotTheCaller } from '@/lib/scope/errors';
import { requireTokenScopes, routeScopes } from '@/lib/scope/permissions';
import { Scope } from '@/lib/scope/scope';

const uuid = z.uuid();

/**
 * The guard of every route under `/api/{user_id}/…`: the caller's scope, whose user must be that
 * one, and a personal token's scopes must allow the route (lib/scope/permissions.ts). `401`
 * before `403`; a `{user_id}` that is not a UUID cannot be the caller, so it is a `403` too.
 */
export async function requireScope(request: Request, userIdInPath: string): Promise<Scope> {
  const caller = await authenticate(request);
  if (!uuid.safeParse(userIdInPath).success || userIdInPath.toLowerCase() !== caller.userId) throw new NotTheCaller();
  requireTokenScopes(caller, routeScopes(request.method, new URL(request.url).pathname));
  await recordSessionUse(caller);
  return Scope.of(caller);
}

const FOREIGN_KEY_VIOLATION = '23503';
// An insert by a session that has ended: its owner is null (`callerAsOwner`).
const NOT_NULL_VIOLATION = '23502';

/**
 * Whether `err` is an answer a session that has ended could also get: a refusal other than `401`,
 * or a create that had no owner or that the foreign key refused. Not a database outage: asking
 * again would only double the wait for the 503.
 */
function mayHideEndedSession(err: unknown): boolean {
  if (err instanceof DomainError) return err.status !== 401;
  const state = sqlState(err);
  return state === FOREIGN_KEY_VIOLATION || state === NOT_NULL_VIOLATION;
}

type UserPath = { user_id: string };

/**
 * A route under `/api/{user_id}/…`: the guard, then `fn` with the caller's scope. Whatever `fn`
 * answers, a session that has ended gets `401`, the contract's first check: an answer no
 * statement proved live (an empty list, a 404, a refused write) is confirmed before it goes.
 */
export function userRoute<P extends UserPath>(fn: (scope: Scope, request: Request, path: P) => Promise<Response>) {
  return handler(async (request: Request, { params }: { params: Promise<P> }) => {
    const path = await params;
    const scope = await requireScope(request, path.user_id);
    let response: Response;
    try {
      response = await fn(scope, request, path);
    } catch (err) {
      if (mayHideEndedSession(err)) await scope.confirm();
      throw err;
    }
    await scope.confirm();
    return response;
  });
}
