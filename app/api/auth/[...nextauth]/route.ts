import type { NextRequest } from 'next/server';
import { handlers } from '@/lib/auth';
import { SignInLockedOut } from '@/lib/auth/errors';
import { currentLockout } from '@/lib/auth/login-limit';
import { TokenRequest } from '@/lib/auth/schemas';
import { allowedMethods, handler, methodNotAllowed } from '@/lib/http/handler';

// next-auth's own routes: csrf, session, providers, signin, signout, callback/credentials.
export const { GET } = handlers;

const CREDENTIALS_CALLBACK = '/api/auth/callback/credentials';

/** The email of a credentials sign-in, normalised as the sign-in does; undefined if there is none. */
async function submittedEmail(request: Request): Promise<string | undefined> {
  const type = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
  let email: unknown;
  try {
    if (type === 'application/x-www-form-urlencoded') email = new URLSearchParams(await request.clone().text()).get('email');
    else if (type === 'application/json') email = ((await request.clone().json()) as { email?: unknown } | null)?.email;
  } catch {
    return undefined; // next-auth answers a body it cannot read
  }
  const parsed = TokenRequest.shape.email.safeParse(email);
  return parsed.success ? parsed.data : undefined;
}

/**
 * A locked-out email gets the same `429` with `Retry-After` as POST /api/auth/token, not
 * next-auth's redirect to the login page. The login page's server action calls next-auth
 * directly and still shows "try again in N minutes".
 */
export const POST = handler(async (request: Request) => {
  if (new URL(request.url).pathname === CREDENTIALS_CALLBACK) {
    const email = await submittedEmail(request);
    const lockout = email ? await currentLockout(email) : { allowed: true as const };
    if (!lockout.allowed) throw new SignInLockedOut(lockout.retryAfterSeconds);
  }
  return handlers.POST(request as NextRequest);
});

const ALLOW = ['GET', 'HEAD', 'POST', 'OPTIONS'];

export const PUT = methodNotAllowed(ALLOW);
export const PATCH = methodNotAllowed(ALLOW);
export const DELETE = methodNotAllowed(ALLOW);
export const OPTIONS = allowedMethods(ALLOW);
