import 'server-only';
import { AuthError, type DefaultSession, type NextAuthConfig } from 'next-auth';
import type { Provider } from 'next-auth/providers';
import { BROWSER_SESSION_TTL_SECONDS } from '@/lib/auth/tokens';
import { describeDatabaseError, driverError } from '@/lib/db/errors';
import { authSecret } from '@/lib/env';

// The part of the next-auth setup that touches no database; lib/auth/index.ts adds the
// Credentials provider. Pages check the session themselves (app/tasks/page.tsx), once per request.

declare module 'next-auth' {
  interface Session {
    user: { id: string } & DefaultSession['user'];
    /** The session row of this sign-in (lib/auth/sessions.ts): the settings page marks it "this device". */
    sessionId?: string;
  }
  interface User {
    /** Set by the Credentials provider's authorize(), which opens the session row. */
    sessionId?: string;
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    /** The session row this cookie belongs to: deleting the row revokes the cookie. */
    sid?: string;
  }
}

// A refused sign-in or a stale cookie is the visitor's doing, not a fault: one line, no stack.
const CLIENT_ERRORS = new Set(['CredentialsSignin', 'JWTSessionError', 'MissingCSRF']);

function authErrorCause(error: Error): unknown {
  const cause = error.cause;
  return cause && typeof cause === 'object' && 'err' in cause ? cause.err : cause;
}

// next-auth's default logger prints a stack for every wrong password, and its debug output
// includes request bodies, passwords among them: neither may reach the log.
const logger: NextAuthConfig['logger'] = {
  error(error) {
    const type = error instanceof AuthError ? error.type : error.name;
    if (error instanceof AuthError && error.type === 'CredentialsSignin') {
      console.warn(`[auth] sign-in refused (${(error as AuthError & { code?: string }).code ?? 'credentials'})`);
      return;
    }
    const cause = authErrorCause(error);
    if (CLIENT_ERRORS.has(type)) {
      console.warn(`[auth] ${type}${cause instanceof Error ? `: ${cause.message}` : ''}`);
      return;
    }
    const failure = cause ?? error;
    console.error(`[auth] ${type}: ${describeDatabaseError(failure)}\n${driverError(failure)?.stack ?? ''}`);
  },
  debug() {},
};

const authConfig = {
  pages: { signIn: '/login' },
  session: { strategy: 'jwt', maxAge: BROWSER_SESSION_TTL_SECONDS },
  // Behind Vercel or a reverse proxy the public origin comes from X-Forwarded-Host/-Proto;
  // set AUTH_URL to pin it instead. Secure cookies follow the protocol of that origin.
  trustHost: true,
  logger,
  providers: [],
  callbacks: {
    jwt({ token, user }) {
      // On sign-in only: later calls carry the token as it was signed.
      if (user?.id) {
        token.sub = user.id;
        token.sid = user.sessionId;
      }
      return token;
    },
    // Only this site: a path, or a URL of this origin. Anything else (another origin, a URL that
    // does not parse, such as http://localhost:3000.evil.example/) is a plain redirect to /login,
    // where next-auth's own check would have thrown a TypeError (a stack in the log).
    redirect({ url, baseUrl }) {
      try {
        const target = new URL(url, baseUrl);
        if (target.origin === new URL(baseUrl).origin) return target.href;
      } catch {
        // falls through to /login
      }
      return `${baseUrl}/login`;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      if (token.sid) session.sessionId = token.sid;
      return session;
    },
  },
} satisfies NextAuthConfig;

/**
 * The full config for NextAuth(), built when a request arrives rather than at import:
 * `next build` imports these modules without AUTH_SECRET, and the server checks it at start.
 */
export function nextAuthConfig(providers: Provider[] = []): NextAuthConfig {
  return { ...authConfig, providers, secret: authSecret() };
}
