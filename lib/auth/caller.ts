import 'server-only';
import { getToken } from 'next-auth/jwt';
import { z } from 'zod';
import { NotAuthenticated } from '@/lib/auth/errors';
import { callerOfPersonalToken, isPersonalToken, type TokenScope } from '@/lib/auth/personal-tokens';
import { isCanonicalCompactToken, verifyAccessToken, type TokenClaims } from '@/lib/auth/tokens';
import { authSecret } from '@/lib/env';

/**
 * Who a request acts for, once its credentials are checked: a user and the session (sign-in)
 * its cookie or token belongs to. Whether that session is still live is for the request's
 * statements to say (lib/scope/scope.ts).
 */
export interface Caller {
  readonly userId: string;
  readonly sessionId: string;
  /** A personal access token's scopes (lib/scope/permissions.ts); absent for a sign-in, which may do everything. */
  readonly scopes?: readonly TokenScope[];
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
 * The user and session of the request's next-auth cookie: undefined without a session cookie,
 * null for one that is tampered, expired or not ours. next-auth names the cookie `__Secure-…`
 * behind https and uses that name as the salt; a route does not know the public protocol, so
 * both are tried.
 */
async function sessionCookieClaims(request: Request): Promise<TokenClaims | null | undefined> {
  for (const secureCookie of [true, false]) {
    const raw = await getToken({ req: request, secureCookie, raw: true });
    if (!raw) continue;
    if (!isCanonicalCompactToken(raw)) return null;
    const session = await getToken({ req: request, secureCookie, secret: authSecret() });
    return typeof session?.sub === 'string' && typeof session.sid === 'string' ? { userId: session.sub, sessionId: session.sid } : null;
  }
  return undefined;
}

const isCaller = (claims: TokenClaims | null): claims is TokenClaims =>
  Boolean(claims && uuid.safeParse(claims.userId).success && uuid.safeParse(claims.sessionId).success);

/**
 * The caller the request's credentials prove, from a bearer token or the session cookie. Whether
 * the session is still live is not asked here: the request's statements ask (lib/scope).
 */
export async function authenticate(request: Request): Promise<Caller> {
  const token = bearerToken(request);
  // An explicit Authorization header wins over a cookie the browser happens to send along.
  if (token && isPersonalToken(token)) {
    const caller = await callerOfPersonalToken(token);
    if (!caller) throw new NotAuthenticated('The personal access token is invalid, revoked or expired');
    return caller;
  }
  if (token) {
    const claims = await verifyAccessToken(token);
    if (!isCaller(claims)) throw new NotAuthenticated('The access token is invalid or expired');
    return { userId: claims.userId, sessionId: claims.sessionId };
  }
  const claims = await sessionCookieClaims(request);
  if (claims === undefined) throw new NotAuthenticated('Sign in or send an access token');
  if (!isCaller(claims)) throw new NotAuthenticated('The session is invalid or expired; sign in again');
  return { userId: claims.userId, sessionId: claims.sessionId };
}

/** Whether the request authenticates with the session cookie, and under which of its two names. */
export function sessionCookieOf(request: Request): { secure: boolean } | undefined {
  if (request.headers.get('authorization')) return undefined;
  const cookies = request.headers.get('cookie') ?? '';
  if (/(?:^|;\s*)__Secure-authjs\.session-token(?:\.0)?=/.test(cookies)) return { secure: true };
  if (/(?:^|;\s*)authjs\.session-token(?:\.0)?=/.test(cookies)) return { secure: false };
  return undefined;
}
