import { createAccount } from '@/lib/accounts';
import { handler, json, methodsNotAllowed, parseWith, readJsonBody } from '@/lib/http';
import { SignupRequest } from '@/lib/validation/auth';

const ALLOW = ['POST', 'OPTIONS'];

export const POST = handler(async (request) => {
  const input = parseWith(SignupRequest, await readJsonBody(request));
  const account = await createAccount(input);
  return json(
    { id: account.id, email: account.email, name: account.name, created_at: account.createdAt.toISOString() },
    { status: 201 },
  );
});

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed(ALLOW);
