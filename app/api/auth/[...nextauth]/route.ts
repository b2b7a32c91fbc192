import { NextRequest } from 'next/server';
import { handlers } from '@/lib/auth';
import { refuseSignInNow } from '@/lib/auth/credentials';
import { TokenRequest } from '@/lib/auth/schemas';
import { MAX_FORM_BYTES, readBodyBytes } from '@/lib/http/body';
import { clientAddress } from '@/lib/http/client-address';
import { allowedMethods, handler, methodNotAllowed } from '@/lib/http/handler';

// next-auth's own routes: csrf, session, providers, signin, signout, callback/credentials.
export const GET = handler((request: Request) => handlers.GET(request as NextRequest));

const CREDENTIALS_CALLBACK = '/api/auth/callback/credentials';

/** The email of a credentials sign-in, normalised as the sign-in does; undefined if there is none. */
function submittedEmail(contentType: string | null, body: Uint8Array): string | undefined {
  const type = contentType?.split(';')[0]?.trim().toLowerCase();
  let email: unknown;
  try {
    const text = new TextDecoder().decode(body);
    if (type === 'application/x-www-form-urlencoded') email = new URLSearchParams(text).get('email');
    else if (type === 'application/json') email = (JSON.parse(text) as { email?: unknown } | null)?.email;
  } catch {
    return undefined; // next-auth answers a body it cannot read
  }
  const parsed = TokenRequest.shape.email.safeParse(email);
  return parsed.success ? parsed.data : undefined;
}

/**
 * Every form here is a few fields: the body is read once, at most 8 KiB (`413` past that, before
 * more is buffered), and handed to next-auth as bytes. A credentials sign-in that would be
 * refused (locked email, this address's failures, hashing queue full) gets the same `429` or
 * `503` with `Retry-After` as POST /api/auth/token, not next-auth's redirect to the login page.
 */
export const POST = handler(async (request: Request) => {
  const body = await readBodyBytes(request, MAX_FORM_BYTES);
  if (new URL(request.url).pathname === CREDENTIALS_CALLBACK) {
    await refuseSignInNow(submittedEmail(request.headers.get('content-type'), body), clientAddress(request.headers));
  }
  return handlers.POST(new NextRequest(request.url, { method: 'POST', headers: request.headers, body: body as BodyInit }));
});

const ALLOW = ['GET', 'HEAD', 'POST', 'OPTIONS'];

export const PUT = methodNotAllowed(ALLOW);
export const PATCH = methodNotAllowed(ALLOW);
export const DELETE = methodNotAllowed(ALLOW);
export const OPTIONS = allowedMethods(ALLOW);
