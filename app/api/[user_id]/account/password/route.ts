import { clientAddress } from '@/lib/http/client-address';
import { changePassword } from '@/lib/auth/accounts';
import { requireCaller, sessionCookieOf } from '@/lib/auth/caller';
import { ChangePasswordBody } from '@/lib/auth/schemas';
import { sessionCookie, setCookieHeader } from '@/lib/auth/session-cookie';
import { issueAccessToken } from '@/lib/auth/tokens';
import { readJsonBody } from '@/lib/http/body';
import { handler, methodsNotAllowed } from '@/lib/http/handler';
import { json } from '@/lib/http/problem';
import { parseWith } from '@/lib/http/validation';

type Context = { params: Promise<{ user_id: string }> };

const ALLOW = ['POST', 'OPTIONS'];

export const POST = handler(async (request: Request, { params }: Context) => {
  const caller = await requireCaller(request, (await params).user_id);
  const change = parseWith(ChangePasswordBody, await readJsonBody(request));
  const cookie = sessionCookieOf(request);
  const changed = await changePassword(caller, change, { browser: Boolean(cookie), userAgent: request.headers.get('user-agent'), address: clientAddress(request.headers) });
  const { token, expiresIn } = await issueAccessToken({ userId: changed.user.id, sessionId: changed.tokenSessionId });
  const headers = new Headers();
  // A browser stays signed in: its old cookie was revoked with every other session.
  if (cookie && changed.browserSessionId) headers.append('Set-Cookie', setCookieHeader(await sessionCookie(changed.user, changed.browserSessionId, cookie)));
  return json({ access_token: token, token_type: 'Bearer', expires_in: expiresIn, user: changed.user }, { headers });
});

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed(ALLOW);
