import path from 'node:path';
import { defineConfig } from 'vitest/config';

// The same suites run on embedded PGlite and, when TEST_DATABASE_URL names a PostgreSQL
// server, once more on it: each test file gets a fresh database either way.
const onServer = process.env.TEST_DATABASE_URL;

export default defineConfig({
  resolve: { alias: { '@': path.resolve(import.meta.dirname) } },
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    // next-auth imports `next/server` without an extension, which only a bundler resolves:
    // let Vite process it instead of Node.
    server: { deps: { inline: ['next-auth'] } },
    projects: [
      { extends: true, test: { name: 'pglite', globalSetup: ['tests/setup/global-pglite.ts'] } },
      ...(onServer
        ? [{ extends: true as const, test: { name: 'postgres', globalSetup: ['tests/setup/global-postgres.ts'] } }]
        : []),
    ],
  },
});
