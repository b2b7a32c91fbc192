// npm run bench:offline: the web app on a 10,000-task account (bench/support/seed.ts), one
// `next start` on the local PostgreSQL, in Debian's Chromium (Playwright):
//   - the first load of /tasks on a new device: requests, bytes over the wire, and the time from
//     navigation to a usable list (its rows and counts shown);
//   - a later load: the API requests sent before the list showed, and the time to it (the list
//     comes from the device's copy);
//   - a view switch over the 10,000 tasks (Inbox → Today → Upcoming → a label → Inbox, through
//     the sidebar), from the click to the next frame with the new view: median of ROUNDS;
//   - the JavaScript /tasks loads, gzip-compressed as `next start` serves it.
// JS_ONLY=1 with CHECKOUT=<another checkout> measures only the last, on that checkout's build
// (the JavaScript before the offline work, say). `next build` into .next-bench (reused while fresh).
import { chromium, type Page } from '@playwright/test';
import { createScratchDatabase, DEFAULT_SERVER_URL, adminQuery } from './support/postgres';
import { buildApp, startApp } from './support/processes';
import { seedTasks } from './support/seed';
import { median } from './support/stats';

const SERVER_URL = process.env.BENCH_DATABASE_URL ?? DEFAULT_SERVER_URL;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const CHECKOUT = process.env.CHECKOUT;
const JS_ONLY = process.env.JS_ONLY === '1';
const DIST_DIR = '.next-bench';
const PORT = 3314;
const PASSWORD = 'offline bench password';

const database = await createScratchDatabase(SERVER_URL, 'todo_offline');
console.log(`build: ${await buildApp(DIST_DIR, { cwd: CHECKOUT })}`);
const app = await startApp({ distDir: DIST_DIR, port: PORT, cwd: CHECKOUT, env: { DATABASE_URL: database.url, AUTH_SECRET: 'bench-only-secret-0123456789abcdefghijklmnopqrstuv' } });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

try {
  const email = `offline-${Date.now()}@example.com`;
  const signup = await fetch(`${app.url}/api/auth/signup`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: PASSWORD, name: 'Bench' }) });
  if (signup.status !== 201) throw new Error(`sign-up answered ${signup.status}`);
  const { rows } = await adminQuery<{ id: string }>(database.url, 'select id from users where email = $1', [email]);
  await seedTasks(database.url, rows[0]!.id);

  const context = await browser.newContext({ baseURL: app.url, viewport: { width: 1280, height: 800 } });
  // When the list (its counts and a row) is first in the page, from the navigation's start.
  await context.addInitScript(`new MutationObserver((_, observer) => {
    if (document.querySelector('[data-testid="task-counts"]') && document.querySelector('ul[aria-label="Tasks"] input[type="checkbox"], [aria-label="Tasks"] input[type="checkbox"]')) {
      window.__listShownAt = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });`);
  const page = await context.newPage();
  // Signed in on a page without tasks, so that /tasks's first load is the device's first.
  await page.goto('/login?callbackUrl=%2Fsettings');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/settings$/);

  const js = await scripts(page);
  if (JS_ONLY) {
    console.log(`/tasks JavaScript: ${js.files} files, ${kib(js.gzip)} gzip (${kib(js.raw)} uncompressed)`);
  } else {
    const first = await load(page);
    console.log(`first load of /tasks: ${first.requests} requests (${first.apiBefore} to the API before the list showed), ${kib(first.bytes)} over the wire, usable list after ${first.ms.toFixed(0)} ms`);
    // The service worker took the page's scripts; this load is served by it and the copy.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null || navigator.serviceWorker.ready.then(() => true));
    const later: Loaded[] = [];
    for (let i = 0; i < ROUNDS; i++) later.push(await load(page));
    console.log(
      `later loads (median of ${ROUNDS}): list after ${median(later.map((l) => l.ms)).toFixed(0)} ms, ${median(later.map((l) => l.apiBefore))} API requests sent before it showed (${later.map((l) => l.apiBefore).join(', ')}), ${median(later.map((l) => l.requests))} requests in all, ${kib(median(later.map((l) => l.bytes)))} over the wire`,
    );
    const switches: Record<string, number[]> = {};
    for (let i = 0; i < ROUNDS; i++) {
      for (const view of ['Today', 'Upcoming', 'home', 'Inbox']) (switches[view] ??= []).push(await switchTo(page, view));
    }
    console.log(`view switch over 10,000 tasks, click to the next frame (median of ${ROUNDS}): ${Object.entries(switches).map(([view, ms]) => `${view} ${median(ms).toFixed(0)} ms`).join(', ')}`);
    console.log(`/tasks JavaScript: ${js.files} files, ${kib(js.gzip)} gzip (${kib(js.raw)} uncompressed)`);
  }
  await context.close();
} finally {
  await browser.close();
  await app.stop();
  await database.drop();
}

interface Loaded {
  ms: number;
  requests: number;
  apiBefore: number;
  bytes: number;
}

/**
 * Opens /tasks and waits for its rows and counts. Measured in the page: the moment a
 * MutationObserver first sees them (from the navigation's start), and the API requests the
 * page had started by then (Resource Timing).
 */
async function load(page: Page): Promise<Loaded> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  let bytes = 0;
  let requests = 0;
  cdp.on('Network.loadingFinished', (event: { encodedDataLength: number }) => (bytes += event.encodedDataLength));
  cdp.on('Network.requestWillBeSent', () => (requests += 1));
  await page.goto('/tasks');
  await page.getByTestId('task-counts').waitFor();
  await page.getByRole('list', { name: 'Tasks' }).getByRole('checkbox').first().waitFor();
  // Whatever the page still fetches after the list (the feed's catch-up, the sidebar's lists).
  await page.waitForLoadState('networkidle').catch(() => {});
  const { ms, before } = (await page.evaluate(`({
    ms: window.__listShownAt,
    before: performance.getEntriesByType('resource')
      .filter((e) => new URL(e.name).pathname.startsWith('/api/') && !e.name.endsWith('/events') && e.startTime <= window.__listShownAt)
      .map((e) => new URL(e.name).pathname.split('/').slice(3).join('/')),
  })`)) as { ms: number; before: string[] };
  if (process.env.BENCH_VERBOSE) console.log(before);
  await cdp.detach();
  return { ms, requests, apiBefore: before.length, bytes };
}

/**
 * Clicks a view in the sidebar and measures, in the page, until the frame after its heading
 * shows. The page is let settle first (an idle callback): what the previous view still draws
 * after its first frame is not counted against the next, as a person does not click that fast.
 */
async function switchTo(page: Page, view: string): Promise<number> {
  await page.evaluate(`new Promise((resolve) => requestIdleCallback(() => resolve(), { timeout: 2000 }))`);
  // A string, not a function: tsx's helpers (__name) do not exist in the page.
  return page.evaluate(`new Promise((resolve) => {
    const name = ${JSON.stringify(view)};
    const link = [...document.querySelectorAll('nav[aria-label="Views"] a')].find((a) => a.textContent.trim().startsWith(name));
    const heading = name === 'home' ? '#home' : name;
    const started = performance.now();
    link.click();
    const check = () => {
      if (document.querySelector('h1')?.textContent === heading && document.querySelector('[data-testid="task-counts"]')) requestAnimationFrame(() => resolve(performance.now() - started));
      else requestAnimationFrame(check);
    };
    check();
  })`);
}

/** The scripts /tasks loads (its HTML's), each fetched as a browser would: gzip and raw sizes. */
async function scripts(page: Page): Promise<{ files: number; gzip: number; raw: number }> {
  const html = await (await page.request.get('/tasks')).text();
  const sources = [...new Set([...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]!))];
  let gzip = 0;
  let raw = 0;
  for (const src of sources) {
    const zipped = await fetch(new URL(src, app.url), { headers: { 'accept-encoding': 'gzip' } });
    const body = await zipped.arrayBuffer();
    raw += body.byteLength;
    // fetch decodes: the encoded length is the header's, or the body's when it was not compressed.
    gzip += Number(zipped.headers.get('content-length') ?? 0) || (await gzipSize(body));
  }
  return { files: sources.length, gzip, raw };
}

async function gzipSize(body: ArrayBuffer): Promise<number> {
  const { gzipSync } = await import('node:zlib');
  return gzipSync(Buffer.from(body)).byteLength;
}

function kib(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}
