import { eq } from 'drizzle-orm';
import { decode } from 'next-auth/jwt';
import { z } from 'zod';
import { getDb } from '@/lib/db';
import { sqlState } from '@/lib/db/errors';
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

const FOREIGN_KEY_VIOLATION = '23503';

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

/** `401` unless the user still exists: a valid token outlives a deleted account. */
async function assertUserExists(userId: string): Promise<Caller> {
  const db = await getDb();
  const [user] = await db
    .select({ id: users.id, email: users.email, name: users.name })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  if (!user) throw unauthorized('The account of this token no longer exists');
  return user;
}

/** Who is calling: `401` unless the request carries valid credentials of a user who still exists. */
export async function authenticate(request: Request): Promise<Caller> {
  return assertUserExists(await authenticatedUserId(request));
}

/**
 * For routes under `/api/{user_id}/…`: runs `work` with the id of the caller, who must be that
 * user. `401` before `403`; a `{user_id}` that is not a UUID cannot be the caller, so it is a
 * `403` too.
 *
 * Whether the caller's account still exists is not asked up front, which would cost every
 * request a round trip: every task statement names its owner, and tasks are deleted with their
 * user, so a statement that found or wrote a task has proved it. Only an answer a deleted user
 * could also get asks: any error answer of `work` (`415` … `412`), a create the foreign key
 * refused, or `work` calling `confirmUserExists()` when it found nothing. So a deleted user's
 * credentials still get the `401` that the contract puts before every other answer.
 */
export async function asUser<T>(
  request: Request,
  userIdInPath: string,
  work: (userId: string, confirmUserExists: () => Promise<void>) => Promise<T>,
): Promise<T> {
  const userId = await authenticatedUserId(request);
  if (!uuid.safeParse(userIdInPath).success || userIdInPath.toLowerCase() !== userId) {
    throw new HttpError(403, 'You can only access your own tasks');
  }
  const confirm = async () => void (await assertUserExists(userId));
  try {
    return await work(userId, confirm);
  } catch (err) {
    // Not when the database is down: asking again would only double the wait for the 503.
    // (A 401 is the answer already: confirmUserExists() threw it.)
    if (err instanceof HttpError ? err.status !== 401 : sqlState(err) === FOREIGN_KEY_VIOLATION) await confirm();
    throw err;
  }
}
