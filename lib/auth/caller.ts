import 'server-only';
import { eq } from 'drizzle-orm';
import { getToken } from 'next-auth/jwt';
import { z } from 'zod';
import { CallerGone, NotAuthenticated, NotYourTasks } from '@/lib/auth/errors';
import { isCanonicalCompactToken, verifyAccessToken } from '@/lib/auth/tokens';
import { getDb } from '@/lib/db';
import { users } from '@/lib/db/schema';
import { authSecret } from '@/lib/env';

/**
 * Who a request acts for, once its credentials are checked. Task statements take it and name
 * its user in their own `where`, so whatever a later issue adds here (a live session) is checked
 * by the same statement, without a round trip of its own.
 */
export interface Caller {
  readonly userId: string;
}

const uuid = z.uuid();

function bearerToken(request: Request): string | undefined {
  const header = request.headers.get('authorization');
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) throw new NotAuthenticated('Authorization header must be "Bearer <token>"');
  return match[1];
}

/**
 * The user id of the request's next-auth session: undefined without a session cookie, null for
 * one that is tampered, expired or not ours. next-auth names the cookie `__Secure-…` behind https
 * and uses that name as the salt; a route does not know the public protocol, so both are tried.
 */
async function sessionUserId(request: Request): Promise<string | null | undefined> {
  for (const secureCookie of [true, false]) {
    const raw = await getToken({ req: request, secureCookie, raw: true });
    if (!raw) continue;
    if (!isCanonicalCompactToken(raw)) return null;
    const session = await getToken({ req: request, secureCookie, secret: authSecret() });
    return typeof session?.sub === 'string' ? session.sub : null;
  }
  return undefined;
}

/**
 * The caller the request's credentials prove, from a bearer token or the session cookie. Whether
 * the account still exists is not asked here: see `confirmCaller()`.
 */
export async function authenticate(request: Request): Promise<Caller> {
  const token = bearerToken(request);
  // An explicit Authorization header wins over a cookie the browser happens to send along.
  if (token) {
    const userId = await verifyAccessToken(token);
    if (!userId || !uuid.safeParse(userId).success) throw new NotAuthenticated('The access token is invalid or expired');
    return { userId };
  }
  const userId = await sessionUserId(request);
  if (userId === undefined) throw new NotAuthenticated('Sign in or send an access token');
  if (!userId || !uuid.safeParse(userId).success) throw new NotAuthenticated('The session is invalid or expired; sign in again');
  return { userId };
}

const callers = new WeakMap<Request, Caller>();

/**
 * The guard of every route under `/api/{user_id}/…`: the caller, who must be that user. `401`
 * before `403`; a `{user_id}` that is not a UUID cannot be the caller, so it is a `403` too.
 */
export async function requireCaller(request: Request, userIdInPath: string): Promise<Caller> {
  const caller = await authenticate(request);
  if (!uuid.safeParse(userIdInPath).success || userIdInPath.toLowerCase() !== caller.userId) throw new NotYourTasks();
  callers.set(request, caller);
  return caller;
}

/** The caller `requireCaller()` let through for this request, if any: for the error path. */
export function callerOf(request: Request): Caller | undefined {
  return callers.get(request);
}

/**
 * Throws `CallerGone` unless the caller's account still exists. A valid token outlives a deleted
 * account, yet the routes do not ask up front: tasks go with their user, so a statement that
 * found or wrote a task has proved it. Only answers a deleted user could also get ask (an empty
 * list here, every error answer in lib/http/errors.ts).
 */
export async function confirmCaller(caller: Caller): Promise<void> {
  const db = await getDb();
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.id, caller.userId)).limit(1);
  if (!user) throw new CallerGone();
}
