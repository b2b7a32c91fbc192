import { createAccount } from '@/lib/accounts';
import { allowedMethods, handler, json, methodNotAllowed, parseWith, readJsonBody } from '@/lib/http';
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

export const GET = methodNotAllowed(ALLOW);
export const HEAD = methodNotAllowed(ALLOW);
export const PUT = methodNotAllowed(ALLOW);
export const PATCH = methodNotAllowed(ALLOW);
export const DELETE = methodNotAllowed(ALLOW);
export const OPTIONS = allowedMethods(ALLOW);
