import { eq } from 'drizzle-orm';
import { decode } from 'next-auth/jwt';
import { z } from 'zod';
import { getDb } from '@/lib/db';
import { users } from '@/lib/db/schema';
import { env } from '@/lib/env';
import { HttpError } from '@/lib/http';
import { isCanonicalCompactToken, verifyAccessToken } from '@/lib/tokens';

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

// next-auth's session cookie is `__Secure-`prefixed behind https. Its name is also the salt of
// the key that encrypts it, so each name is decoded with its own.
const SESSION_COOKIES = ['__Secure-authjs.session-token', 'authjs.session-token'];

function cookies(request: Request): Map<string, string> {
  const jar = new Map<string, string>();
  for (const pair of (request.headers.get('cookie') ?? '').split(';')) {
    const at = pair.indexOf('=');
    if (at > 0) jar.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
  }
  return jar;
}

/** The session cookie, joined from its `.0`, `.1`… parts when next-auth had to split it. */
function sessionCookie(request: Request): { name: string; value: string } | undefined {
  const jar = cookies(request);
  for (const name of SESSION_COOKIES) {
    const whole = jar.get(name);
    if (whole) return { name, value: whole };
    const parts: string[] = [];
    for (let i = 0; jar.has(`${name}.${i}`); i++) parts.push(jar.get(`${name}.${i}`)!);
    if (parts.length) return { name, value: parts.join('') };
  }
  return undefined;
}

/** The user id of a next-auth session; null for anything tampered, expired, or not ours. */
async function sessionUserId(cookie: { name: string; value: string }): Promise<string | null> {
  const secret = env().AUTH_SECRET;
  if (!isCanonicalCompactToken(cookie.value)) return null;
  try {
    const payload = await decode({ token: cookie.value, secret, salt: cookie.name });
    return typeof payload?.sub === 'string' ? payload.sub : null;
  } catch {
    // Decryption and claim checks are all that can fail here, and each means "not a session".
    return null;
  }
}

const uuid = z.uuid();

/** The user id the request proves it acts for, from a bearer token or the session cookie. */
async function authenticatedUserId(request: Request): Promise<string> {
  const token = bearerToken(request);
  // An explicit Authorization header wins over a cookie the browser happens to send along.
  if (token) {
    const userId = await verifyAccessToken(token);
    if (!userId || !uuid.safeParse(userId).success) throw unauthorized('The access token is invalid or expired');
    return userId;
  }
  const cookie = sessionCookie(request);
  if (cookie) {
    const userId = await sessionUserId(cookie);
    if (!userId || !uuid.safeParse(userId).success) throw unauthorized('The session is invalid or expired; sign in again');
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
