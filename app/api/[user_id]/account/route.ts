import { deleteAccount, getAccount, updateAccount } from '@/lib/account/account';
import { toAccountJson } from '@/lib/account/responses';
import { DeleteAccountBody, PatchAccountBody } from '@/lib/account/schemas';
import { readJsonBody } from '@/lib/http/body';
import { clientAddress } from '@/lib/http/client-address';
import { methodsNotAllowed } from '@/lib/http/handler';
import { json } from '@/lib/http/problem';
import { parseWith } from '@/lib/http/validation';
import { userRoute } from '@/lib/scope/route';

const ALLOW = ['GET', 'HEAD', 'PATCH', 'DELETE', 'OPTIONS'];

export const GET = userRoute(async (scope) => json(toAccountJson(await getAccount(scope))));

export const PATCH = userRoute(async (scope, request) => {
  const { name, time_zone: timeZone } = parseWith(PatchAccountBody, await readJsonBody(request));
  return json(toAccountJson(await updateAccount(scope, { name, timeZone })));
});

export const DELETE = userRoute(async (scope, request) => {
  const { password } = parseWith(DeleteAccountBody, await readJsonBody(request));
  await deleteAccount(scope, password, clientAddress(request.headers));
  return new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
});

export const { POST, PUT, OPTIONS } = methodsNotAllowed(ALLOW);
