// Where the suite runs, read by playwright.config.ts and the fixtures alike.

/** A deployment to test instead of a server of our own (`E2E_BASE_URL=https://… npm run test:e2e`). */
export const externalBaseUrl = process.env.E2E_BASE_URL?.replace(/\/$/, '') || undefined;

/**
 * The secret that opens POST /test-only/e2e-cleanup. A deployment gets its own (the preview
 * workflow makes one per run); the server Playwright starts itself gets this fixed one.
 */
export const cleanupSecret = process.env.E2E_CLEANUP_SECRET || (externalBaseUrl ? undefined : 'e2e-local-cleanup-secret-0123456789abcdef');
