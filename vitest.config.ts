import os from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

// The same suites run on embedded PGlite and, when TEST_DATABASE_URL names a PostgreSQL
// server, once more on it: each test file gets a fresh database either way. Files that only
// make sense in one place say so in their name, so nothing is reported as skipped:
//   *.pg.test.ts    need a PostgreSQL server (the pool, Neon, a second process): postgres only
//   *.once.test.ts  check files or tools, not a database: the pglite project only, so once
const onServer = process.env.TEST_DATABASE_URL;
const SERVER_ONLY = 'tests/**/*.pg.test.ts';
const ONCE = 'tests/**/*.once.test.ts';
const EXCLUDE = ['tests/e2e/**', 'node_modules/**'];

export default defineConfig({
  resolve: {
    alias: {
      '@': path.resolve(import.meta.dirname),
      // The marker's default export throws outside React's server graph; tests are server code.
      'server-only': path.resolve(import.meta.dirname, 'node_modules/server-only/empty.js'),
    },
  },
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: EXCLUDE,
    testTimeout: 20_000,
    // A worker per core, not Vitest's default of one fewer: a file's PGlite runs in its worker, so
    // one worker left the second core idle (20 API files on two cores: 156 s, 114 s with two).
    maxWorkers: os.availableParallelism(),
    // Every request of a test comes from one address (none): the per-address limits are off,
    // and tests/api/hostile-input.test.ts turns them on with small values.
    env: { SIGNUP_LIMIT_PER_HOUR: '0', FAILED_SIGNIN_LIMIT_PER_15_MIN: '0' },
    hookTimeout: 60_000,
    // next-auth imports `next/server` without an extension, which only a bundler resolves:
    // let Vite process it instead of Node.
    server: { deps: { inline: ['next-auth'] } },
    projects: [
      {
        extends: true,
        test: { name: 'pglite', globalSetup: ['tests/setup/global-pglite.ts'], exclude: [...EXCLUDE, SERVER_ONLY] },
      },
      ...(onServer
        ? [
            {
              extends: true as const,
              test: { name: 'postgres', globalSetup: ['tests/setup/global-postgres.ts'], exclude: [...EXCLUDE, ONCE] },
            },
          ]
        : []),
    ],
  },
});
