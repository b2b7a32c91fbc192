import { signInWithPassword } from '@/lib/accounts';
import { handler, HttpError, json, methodsNotAllowed, parseWith, readJsonBody } from '@/lib/http';
import { issueAccessToken } from '@/lib/tokens';
import { TokenRequest } from '@/lib/validation/auth';

const ALLOW = ['POST', 'OPTIONS'];

export const POST = handler(async (request) => {
  const credentials = parseWith(TokenRequest, await readJsonBody(request));
  const result = await signInWithPassword(credentials);
  if (result.outcome === 'locked') {
    const minutes = Math.ceil(result.retryAfterSeconds / 60);
    throw new HttpError(429, `Too many failed sign-in attempts; try again in ${minutes} minute${minutes === 1 ? '' : 's'}`, {
      headers: { 'Retry-After': String(result.retryAfterSeconds) },
    });
  }
  // One answer for an unknown email and a wrong password: it must not reveal who has an account.
  if (result.outcome === 'wrong-credentials') {
    throw new HttpError(401, 'Email or password is incorrect', { headers: { 'WWW-Authenticate': 'Bearer' } });
  }
  const { token, expiresIn } = await issueAccessToken(result.user.id);
  return json({ access_token: token, token_type: 'Bearer', expires_in: expiresIn, user: result.user });
});

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed(ALLOW);
