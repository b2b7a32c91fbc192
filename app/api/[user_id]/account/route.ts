import { clientAddress } from '@/lib/http/client-address';
import { deleteAccount, getAccount, renameAccount } from '@/lib/auth/accounts';
import { requireCaller } from '@/lib/auth/caller';
import { DeleteAccountBody, PatchAccountBody } from '@/lib/auth/schemas';
import { readJsonBody } from '@/lib/http/body';
import { handler, methodsNotAllowed } from '@/lib/http/handler';
import { json } from '@/lib/http/problem';
import { parseWith } from '@/lib/http/validation';
import { toAccountJson } from '@/lib/auth/responses';

type Context = { params: Promise<{ user_id: string }> };

const ALLOW = ['GET', 'HEAD', 'PATCH', 'DELETE', 'OPTIONS'];

export const GET = handler(async (request: Request, { params }: Context) => {
  const caller = await requireCaller(request, (await params).user_id);
  return json(toAccountJson(await getAccount(caller)));
});

export const PATCH = handler(async (request: Request, { params }: Context) => {
  const caller = await requireCaller(request, (await params).user_id);
  const { name } = parseWith(PatchAccountBody, await readJsonBody(request));
  return json(toAccountJson(await renameAccount(caller, name)));
});

export const DELETE = handler(async (request: Request, { params }: Context) => {
  const caller = await requireCaller(request, (await params).user_id);
  const { password } = parseWith(DeleteAccountBody, await readJsonBody(request));
  await deleteAccount(caller, password, clientAddress(request.headers));
  return new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
});

export const { POST, PUT, OPTIONS } = methodsNotAllowed(ALLOW);
