// Runs once when a server starts (not during `next build`).
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') await import('@/lib/server-start');
}
