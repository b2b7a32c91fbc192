// Runs once when a server starts (`next dev`, `next start`, a Vercel function's cold start), not
// during `next build`.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  // Checks the environment, and patches Node's http.Server and process.exit (lib/server/start.ts).
  await import('@/lib/server/start');
  // Open the database at start-up rather than inside the first request. PGlite's open (0.7-3 s)
  // still runs on the main thread, so under `next dev` it does not yet overlap the first compile.
  // A failed open is not cached (getDatabase()): the first request that needs it tries again.
  const { getDatabase } = await import('@/lib/db');
  getDatabase().catch(() => {});
}
