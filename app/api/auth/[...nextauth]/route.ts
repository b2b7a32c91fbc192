import { handlers } from '@/lib/auth';
import { allowedMethods, methodNotAllowed } from '@/lib/http';

// next-auth's own routes: csrf, session, providers, signin, signout, callback/credentials.
export const { GET, POST } = handlers;

const ALLOW = ['GET', 'HEAD', 'POST', 'OPTIONS'];

export const PUT = methodNotAllowed(ALLOW);
export const PATCH = methodNotAllowed(ALLOW);
export const DELETE = methodNotAllowed(ALLOW);
export const OPTIONS = allowedMethods(ALLOW);
