import { toTokenJson } from '@/lib/account/responses';
import { CreateTokenBody } from '@/lib/account/schemas';
import { createToken, listTokens } from '@/lib/account/tokens';
import { readJsonBody } from '@/lib/http/body';
import { methodsNotAllowed } from '@/lib/http/handler';
import { json } from '@/lib/http/problem';
import { parseWith } from '@/lib/http/validation';
import { userRoute } from '@/lib/scope/route';

const ALLOW = ['GET', 'HEAD', 'POST', 'OPTIONS'];

export const GET = userRoute(async (scope) => json((await listTokens(scope)).map(toTokenJson)));

export const POST = userRoute(async (scope, request) => {
  const input = parseWith(CreateTokenBody, await readJsonBody(request));
  const { token, ...item } = await createToken(scope, input);
  return json({ ...toTokenJson(item), token }, { status: 201, headers: { Location: `/api/${scope.userId}/tokens/${item.id}` } });
});

export const { PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed(ALLOW);
