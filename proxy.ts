// Signed-out visitors of /tasks go to /login?callbackUrl=… (the `authorized` callback in
// lib/auth.config.ts decides); the edge-safe config reads the session cookie without a database.
export { auth as proxy } from '@/lib/auth.config';

export const config = { matcher: ['/tasks/:path*'] };
