// Runs once when a server starts (`next dev`, `next start`, a Vercel function's cold start), not
// during `next build`.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  await import('@/lib/server-start');
  // Open the database now, not on the first request: for the embedded PGlite that takes 0.7 s
  // (an existing folder) to 3 s (a new one, created and migrated), which then overlaps with
  // `next dev` compiling the first page. For a server database it only makes the pool. A failed
  // open is not cached (getDatabase()): the first request that needs it tries again and reports.
  const { getDatabase } = await import('@/lib/db');
  getDatabase().catch(() => {});
}
