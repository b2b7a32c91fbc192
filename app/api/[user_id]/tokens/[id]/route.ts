import { TokenPathParams } from '@/lib/account/schemas';
import { revokeToken } from '@/lib/account/tokens';
import { methodsNotAllowed } from '@/lib/http/handler';
import { parseWith } from '@/lib/http/validation';
import { userRoute } from '@/lib/scope/route';

const ALLOW = ['DELETE', 'OPTIONS'];

// Revokes at once: the token's very next request is refused.
export const DELETE = userRoute(async (scope, _request, path: { user_id: string; id: string }) => {
  const { id } = parseWith(TokenPathParams, path);
  await revokeToken(scope, id);
  return new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
});

export const { GET, HEAD, POST, PUT, PATCH, OPTIONS } = methodsNotAllowed(ALLOW);
