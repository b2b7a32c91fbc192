import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/lib/db';
import { users } from '@/lib/db/schema';
import { HttpError } from '@/lib/http';
import { verifyAccessToken } from '@/lib/tokens';

export interface Caller {
  id: string;
  email: string;
  name: string | null;
}

function unauthorized(detail: string): HttpError {
  return new HttpError(401, detail, { headers: { 'WWW-Authenticate': 'Bearer' } });
}

function bearerToken(request: Request): string | undefined {
  const header = request.headers.get('authorization');
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) throw unauthorized('Authorization header must be "Bearer <token>"');
  return match[1];
}

/** The user id the request proves it acts for, from a bearer token or the session cookie. */
async function authenticatedUserId(request: Request): Promise<string> {
  const token = bearerToken(request);
  if (token) {
    const userId = await verifyAccessToken(token);
    if (!userId) throw unauthorized('The access token is invalid or expired');
    return userId;
  }
  throw unauthorized('Sign in or send an access token');
}

/** Who is calling: `401` unless the request carries valid credentials of a user who still exists. */
export async function authenticate(request: Request): Promise<Caller> {
  const userId = await authenticatedUserId(request);
  const db = await getDb();
  const [user] = await db
    .select({ id: users.id, email: users.email, name: users.name })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  if (!user) throw unauthorized('The account of this token no longer exists');
  return user;
}

const uuid = z.uuid();

/**
 * For routes under `/api/{user_id}/…`: the caller, who must be that user. `401` before `403`;
 * a `{user_id}` that is not a UUID cannot be the caller, so it is a `403` too.
 */
export async function authorizeUser(request: Request, userIdInPath: string): Promise<Caller> {
  const caller = await authenticate(request);
  if (!uuid.safeParse(userIdInPath).success || userIdInPath.toLowerCase() !== caller.id) {
    throw new HttpError(403, 'You can only access your own tasks');
  }
  return caller;
}
