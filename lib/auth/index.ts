import 'server-only';
import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { signInWithPassword } from '@/lib/auth/credentials';
import { nextAuthConfig } from '@/lib/auth/config';
import { TokenRequest } from '@/lib/auth/schemas';
import { clientAddress } from '@/lib/http/client-address';
import { endSessionById, openSession } from '@/lib/auth/sessions';
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

export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  ...nextAuthConfig([credentials]),
  events: {
    // Signing out ends the session row too: a copy of the cookie is refused from now on.
    async signOut(message) {
      const sid = 'token' in message ? message.token?.sid : undefined;
      if (uuid.safeParse(sid).success) await endSessionById(sid!);
    },
  },
}));
