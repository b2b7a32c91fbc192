import { defineConfig, devices } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 3200);
const baseURL = `http://127.0.0.1:${PORT}`;

// A production build against a database that exists only for this run (PGlite in memory:
// created and migrated on the first request, gone when the server stops). Its own dist dir,
// so a dev server's .next is never touched, and its own tsconfig (as bench/ builds use), so
// that next build does not add .next-e2e's types to tsconfig.json.
const serverEnv = {
  NODE_ENV: 'production',
  NEXT_DIST_DIR: '.next-e2e',
  NEXT_TSCONFIG_PATH: 'bench/tsconfig.next.json',
  PGLITE_DATA_DIR: 'memory://',
  DATABASE_URL: '',
  DATABASE_DRIVER: 'pglite',
  AUTH_SECRET: 'e2e-only-secret-0123456789abcdefghijklmnopqrstuvwxyz',
  AUTH_TRUST_HOST: 'true',
  // Every test signs up and in from 127.0.0.1: far more than one visitor's limits.
  SIGNUP_LIMIT_PER_HOUR: '1000',
  FAILED_SIGNIN_LIMIT_PER_15_MIN: '1000',
  PORT: String(PORT),
  NEXT_TELEMETRY_DISABLED: '1',
};

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  // Two cores, one PGlite connection on the server: more workers only queue.
  workers: 2,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], channel: undefined } }],
  webServer: {
    // The production entry point, `npm start` (scripts/start.mjs): one process on PGlite.
    command: `npx next build && node scripts/start.mjs -p ${PORT} -H 127.0.0.1`,
    url: `${baseURL}/api/health`,
    env: serverEnv,
    timeout: 240_000,
    // Never a server left from another run: each run starts with an empty database.
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
