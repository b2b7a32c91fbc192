import 'server-only';
import NextAuth, { CredentialsSignin, type NextAuthConfig } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { signInWithPassword } from '@/lib/auth/credentials';
import { nextAuthConfig } from '@/lib/auth/config';
import { TokenRequest } from '@/lib/auth/schemas';
import { clientAddress } from '@/lib/http/client-address';
import { endSessionById, isSessionLive, openSession } from '@/lib/auth/sessions';
import { describeDatabaseError } from '@/lib/db/errors';
import { z } from 'zod';

/**
 * The browser sign-in was refused by the brute-force limit. Its `code`, `locked:<seconds>`,
 * reaches the login page as the error's `code` (server action) or the `?code=` of the redirect,
 * so the page can say when to try again; a wrong password keeps next-auth's `credentials`.
 */
export class SignInLocked extends CredentialsSignin {
  constructor(
    readonly retryAfterSeconds: number,
    by: 'email' | 'address' = 'email',
  ) {
    super('Too many failed sign-in attempts');
    this.code = `${by === 'email' ? 'locked' : 'address'}:${retryAfterSeconds}`;
  }
}

const credentials = Credentials({
  credentials: {
    email: { label: 'Email', type: 'email' },
    password: { label: 'Password', type: 'password' },
  },
  // The same check and the same limits as POST /api/auth/token; a sign-in is a session row.
  // `request` is the callback's, or for signIn() in a server action one built from its headers.
  async authorize(input, request) {
    const parsed = TokenRequest.safeParse(input);
    if (!parsed.success) return null;
    const result = await signInWithPassword(parsed.data, clientAddress(request.headers));
    if (result.outcome === 'locked') throw new SignInLocked(result.retryAfterSeconds);
    if (result.outcome === 'address-limited') throw new SignInLocked(result.retryAfterSeconds, 'address');
    if (result.outcome === 'wrong-credentials') return null;
    const session = await openSession(result.user.id, 'browser', request.headers.get('user-agent'));
    return { ...result.user, sessionId: session.id };
  },
});

const uuid = z.uuid();

/**
 * next-auth's JWT callback, plus the session row: a cookie whose session has ended (signed out,
 * revoked, its account deleted) is no session at all. `auth()` answers null, so pages send the
 * visitor to /login, and GET /api/auth/session answers null and clears the cookie. A database
 * that does not answer leaves the cookie as it is: every API request checks again on its own.
 */
async function liveToken(config: NextAuthConfig, params: Parameters<NonNullable<NonNullable<NextAuthConfig['callbacks']>['jwt']>>[0]) {
  const token = await config.callbacks!.jwt!(params);
  if (!token || params.user) return token;
  if (!uuid.safeParse(token.sub).success || !uuid.safeParse(token.sid).success) return null;
  try {
    return (await isSessionLive(token.sub!, token.sid!)) ? token : null;
  } catch (err) {
    console.error(`[auth] could not check a session cookie: ${describeDatabaseError(err)}`);
    return token;
  }
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => {
  const config = nextAuthConfig([credentials]);
  return {
    ...config,
    callbacks: { ...config.callbacks, jwt: (params) => liveToken(config, params) },
    events: {
      // Signing out ends the session row too: a copy of the cookie is refused from now on.
      async signOut(message) {
        const sid = 'token' in message ? message.token?.sid : undefined;
        if (uuid.safeParse(sid).success) await endSessionById(sid!);
      },
    },
  };
});
