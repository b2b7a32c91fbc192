import { signInWithPassword } from '@/lib/auth/credentials';
import { SignInLockedOut, TooManyFromAddress, WrongCredentials } from '@/lib/auth/errors';
import { TokenRequest } from '@/lib/auth/schemas';
import { openSession } from '@/lib/auth/sessions';
import { issueAccessToken } from '@/lib/auth/tokens';
import { readJsonBody } from '@/lib/http/body';
import { clientAddress } from '@/lib/http/client-address';
import { handler, methodsNotAllowed } from '@/lib/http/handler';
import { json } from '@/lib/http/problem';
import { parseWith } from '@/lib/http/validation';

const ALLOW = ['POST', 'OPTIONS'];

export const POST = handler(async (request) => {
  const credentials = parseWith(TokenRequest, await readJsonBody(request));
  const result = await signInWithPassword(credentials, clientAddress(request.headers));
  if (result.outcome === 'address-limited') throw new TooManyFromAddress(result.retryAfterSeconds, 'failed sign-ins');
  if (result.outcome === 'locked') throw new SignInLockedOut(result.retryAfterSeconds);
  // One answer for an unknown email and a wrong password: it must not reveal who has an account.
  if (result.outcome === 'wrong-credentials') throw new WrongCredentials();
  const session = await openSession(result.user.id, 'token', request.headers.get('user-agent'));
  const { token, expiresIn } = await issueAccessToken({ userId: result.user.id, sessionId: session.id });
  return json({ access_token: token, token_type: 'Bearer', expires_in: expiresIn, user: result.user });
});

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed(ALLOW);
