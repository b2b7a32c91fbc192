// Where the suite runs, read by playwright.config.ts and the fixtures alike.

/** A deployment to test instead of a server of our own (`E2E_BASE_URL=https://… npm run test:e2e`). */
export const externalBaseUrl = process.env.E2E_BASE_URL?.replace(/\/$/, '') || undefined;
