import { changePassword } from '@/lib/account/account';
import { ChangePasswordBody } from '@/lib/account/schemas';
import { sessionCookieOf } from '@/lib/auth/caller';
import { sessionCookie, setCookieHeader } from '@/lib/auth/session-cookie';
import { issueAccessToken } from '@/lib/auth/tokens';
import { readJsonBody } from '@/lib/http/body';
import { clientAddress } from '@/lib/http/client-address';
import { methodsNotAllowed } from '@/lib/http/handler';
import { json } from '@/lib/http/problem';
import { parseWith } from '@/lib/http/validation';
import { userRoute } from '@/lib/scope/route';

const ALLOW = ['POST', 'OPTIONS'];

export const POST = userRoute(async (scope, request) => {
  const change = parseWith(ChangePasswordBody, await readJsonBody(request));
  const cookie = sessionCookieOf(request);
  const changed = await changePassword(scope, change, { browser: Boolean(cookie), userAgent: request.headers.get('user-agent'), address: clientAddress(request.headers) });
  const { token, expiresIn } = await issueAccessToken({ userId: changed.user.id, sessionId: changed.tokenSessionId });
  const headers = new Headers();
  // A browser stays signed in: its old cookie was revoked with every other session.
  if (cookie && changed.browserSessionId) headers.append('Set-Cookie', setCookieHeader(await sessionCookie(changed.user, changed.browserSessionId, cookie)));
  return json({ access_token: token, token_type: 'Bearer', expires_in: expiresIn, user: changed.user }, { headers });
});

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed(ALLOW);
