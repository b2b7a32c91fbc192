import { createAccount } from '@/lib/auth/credentials';
import { SignupRequest } from '@/lib/auth/schemas';
import { readJsonBody } from '@/lib/http/body';
import { clientAddress } from '@/lib/http/client-address';
import { handler, methodsNotAllowed } from '@/lib/http/handler';
import { json } from '@/lib/http/problem';
import { parseWith } from '@/lib/http/validation';

const ALLOW = ['POST', 'OPTIONS'];

export const POST = handler(async (request) => {
  const input = parseWith(SignupRequest, await readJsonBody(request));
  const account = await createAccount(input, clientAddress(request.headers));
  return json(
    { id: account.id, email: account.email, name: account.name, created_at: account.createdAt.toISOString() },
    { status: 201 },
  );
});

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed(ALLOW);
