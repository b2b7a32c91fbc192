import 'server-only';
import { encode } from 'next-auth/jwt';
import type { PublicUser } from '@/lib/auth/credentials';
import { BROWSER_SESSION_TTL_SECONDS } from '@/lib/auth/tokens';
import { authSecret } from '@/lib/env';

const COOKIE = 'authjs.session-token';

export interface SessionCookie {
  name: string;
  value: string;
  options: { httpOnly: true; sameSite: 'lax'; path: '/'; secure: boolean; maxAge: number };
}

/**
 * next-auth's session cookie for a session opened outside next-auth (a password change keeps the
 * browser signed in with a new session): the token its `jwt` callback would have made, encrypted
 * as next-auth does, under the same name (`__Secure-…` behind https, which is also the salt).
 */
export async function sessionCookie(user: PublicUser, sessionId: string, { secure }: { secure: boolean }): Promise<SessionCookie> {
  const name = secure ? `__Secure-${COOKIE}` : COOKIE;
  const value = await encode({
    token: { sub: user.id, sid: sessionId, name: user.name, email: user.email },
    secret: authSecret(),
    salt: name,
    maxAge: BROWSER_SESSION_TTL_SECONDS,
  });
  return { name, value, options: { httpOnly: true, sameSite: 'lax', path: '/', secure, maxAge: BROWSER_SESSION_TTL_SECONDS } };
}

/** The cookie as a `Set-Cookie` header value. */
export function setCookieHeader({ name, value, options }: SessionCookie): string {
  return `${name}=${value}; Path=${options.path}; Max-Age=${options.maxAge}; HttpOnly; SameSite=Lax${options.secure ? '; Secure' : ''}`;
}
