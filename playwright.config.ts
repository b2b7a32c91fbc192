import { existsSync } from 'node:fs';
import { defineConfig, devices, type PlaywrightTestConfig } from '@playwright/test';
import webpush from 'web-push';
import { externalBaseUrl } from './tests/e2e/env';

const PORT = Number(process.env.E2E_PORT ?? 3200);
// `E2E_BASE_URL=https://… npm run test:e2e` tests that deployment and starts no server.
const baseURL = externalBaseUrl ?? `http://127.0.0.1:${PORT}`;

// A Vercel deployment behind Deployment Protection lets automation in with this header
// (Project Settings → Deployment Protection → Protection Bypass for Automation).
const bypass = process.env.VERCEL_AUTOMATION_BYPASS_SECRET;
const extraHTTPHeaders = bypass ? { 'x-vercel-protection-bypass': bypass, 'x-vercel-set-bypass-cookie': 'true' } : undefined;

// Debian's Chromium here; elsewhere (GitHub's runners) the one `npx playwright install` fetched.
const executablePath = process.env.CHROMIUM_PATH || (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

// A production build against a database that exists only for this run (PGlite in memory:
// created and migrated on the first request, gone when the server stops). Its own dist dir,
// so a dev server's .next is never touched, and its own tsconfig (as bench/ builds use), so
// that next build does not add .next-e2e's types to tsconfig.json.
// Web Push keys for this run only (a production start without them runs with push off).
const vapid = webpush.generateVAPIDKeys();

const serverEnv = {
  NODE_ENV: 'production',
  VAPID_PUBLIC_KEY: vapid.publicKey,
  VAPID_PRIVATE_KEY: vapid.privateKey,
  VAPID_SUBJECT: 'mailto:e2e@example.com',
  NEXT_DIST_DIR: '.next-e2e',
  NEXT_TSCONFIG_PATH: 'bench/tsconfig.next.json',
  PGLITE_DATA_DIR: 'memory://',
  // The webhook spec's receiver listens on 127.0.0.1.
  WEBHOOK_ALLOW_PRIVATE_URLS: '1',
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

// The server Playwright starts when no E2E_BASE_URL is given.
const localServer = {
  // The production entry point, `npm start` (scripts/start.mjs): one process on PGlite.
  command: `npx next build && node scripts/start.mjs -p ${PORT} -H 127.0.0.1`,
  url: `${baseURL}/api/health`,
  env: serverEnv,
  timeout: 240_000,
  // Never a server left from another run: each run starts with an empty database.
  reuseExistingServer: false,
  stdout: 'ignore',
  stderr: 'pipe',
} satisfies PlaywrightTestConfig['webServer'];

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
    extraHTTPHeaders,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath,
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
  webServer: externalBaseUrl ? undefined : localServer,
});
