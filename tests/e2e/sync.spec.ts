import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { externalBaseUrl } from './env';
import { expect, test } from './fixtures';
import { startServer } from './servers';
import { newPerson, PASSWORD, quickAdd, signIn, signUp, taskCheckbox, taskDetails, taskItem, type Person } from './helpers';

// Live updates: two browser contexts of one person are two devices. What one does, the other
// shows within 2 s, without a reload (the contract's promise for the event stream).

const LIVE = { timeout: 2_000 };

async function secondDevice(browser: Browser, person: Person): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/login');
  await signIn(page, person);
  await expect(page).toHaveURL(/\/tasks$/);
  // The list has loaded (empty or not) and the stream is open.
  await expect(page.getByRole('status', { name: 'Live updates' })).toHaveAttribute('data-connected', 'true');
  return page;
}

test("another device's add, complete, edit and delete show within 2 s", async ({ page, browser }) => {
  const person = newPerson('Sync');
  await signUp(page, person);
  const other = await secondDevice(browser, person);

  await quickAdd(page, 'Call the plumber');
  await expect(taskCheckbox(other, 'Call the plumber')).toBeVisible(LIVE);

  await taskCheckbox(page, 'Call the plumber').check();
  await expect(taskCheckbox(other, 'Call the plumber')).toBeChecked(LIVE);

  await taskItem(page, 'Call the plumber').getByRole('button', { name: 'Edit' }).click();
  await taskDetails(page).getByLabel('Title').fill('Call the electrician');
  await taskDetails(page).getByRole('button', { name: 'Save' }).click();
  await expect(taskDetails(page)).toHaveCount(0);
  await expect(taskCheckbox(other, 'Call the electrician')).toBeVisible(LIVE);

  await taskItem(page, 'Call the electrician').getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('button', { name: 'Yes, delete' }).click();
  await expect(taskCheckbox(page, 'Call the electrician')).toHaveCount(0);
  await expect(taskCheckbox(other, 'Call the electrician')).toHaveCount(0, LIVE);
  await other.context().close();
});

test('an edit made from a stale view gets the conflict prompt, and can be applied again', async ({ page, browser }) => {
  const person = newPerson('Stale');
  await signUp(page, person);
  await quickAdd(page, 'Book flights');
  const other = await secondDevice(browser, person);
  await expect(taskCheckbox(other, 'Book flights')).toBeVisible();

  // The other device opens the details, and meanwhile this one renames the task.
  await taskItem(other, 'Book flights').getByRole('button', { name: 'Edit' }).click();
  await taskItem(page, 'Book flights').getByRole('button', { name: 'Edit' }).click();
  await taskDetails(page).getByLabel('Title').fill('Book flights to Lisbon');
  await taskDetails(page).getByRole('button', { name: 'Save' }).click();
  await expect(taskDetails(page)).toHaveCount(0);

  // The stale edit is not applied: the newer version is shown, with the choice.
  await taskDetails(other).getByLabel('Description').fill('window seat');
  await taskDetails(other).getByRole('button', { name: 'Save' }).click();
  const conflict = other.getByRole('alert').filter({ hasText: 'changed on another device' });
  await expect(conflict).toBeVisible();
  await expect(conflict).toContainText('Book flights to Lisbon');
  await expect.poll(async () => (await page.request.get(`/api/${await userIdOf(page)}/tasks`)).json()).toEqual([
    expect.objectContaining({ title: 'Book flights to Lisbon', description: null }),
  ]);

  await conflict.getByRole('button', { name: 'Apply my edit' }).click();
  await expect(conflict).toHaveCount(0);
  await expect(taskItem(page, 'Book flights to Lisbon')).toContainText('window seat', LIVE);
  await other.context().close();
});

async function userIdOf(page: Page): Promise<string> {
  const session = (await (await page.request.get('/api/auth/session')).json()) as { user: { id: string } };
  return session.user.id;
}

test.describe('after the server restarts', () => {
  test.skip(Boolean(externalBaseUrl), 'restarts a server of its own: runs only where the suite starts its server');

  test('the stream comes back and the app catches up', async ({ browser }) => {
    test.setTimeout(180_000);
    const dataDir = await mkdtemp(path.join(tmpdir(), 'todo-sync-'));
    const port = 3293;
    let server = await startServer(port, { DATABASE_URL: '', DATABASE_DRIVER: 'pglite', PGLITE_DATA_DIR: dataDir });
    const context = await browser.newContext({ baseURL: server.url });
    try {
      const page = await context.newPage();
      // Not newPerson(): this account lives in the restarted server's database only, gone with it.
      await signUp(page, { email: `restart-${Date.now()}@example.com`, password: PASSWORD });
      const live = page.getByRole('status', { name: 'Live updates' });
      await expect(live).toHaveAttribute('data-connected', 'true');

      // A graceful stop, not held up by the open stream; the app says it is offline.
      const stopped = await server.stop();
      expect(stopped).toEqual({ code: 0, signal: null });
      expect(server.output()).toContain('database connections closed');
      await expect(live).toHaveAttribute('data-connected', 'false');

      server = await startServer(port, { DATABASE_URL: '', DATABASE_DRIVER: 'pglite', PGLITE_DATA_DIR: dataDir });
      await expect(live).toHaveAttribute('data-connected', 'true', { timeout: 15_000 });
      // A change from elsewhere (the API, as another device) shows without a reload.
      const created = await page.request.post(`/api/${await userIdOf(page)}/tasks`, { data: { title: 'Added while you were away' } });
      expect(created.status()).toBe(201);
      await expect(taskCheckbox(page, 'Added while you were away')).toBeVisible(LIVE);
    } finally {
      await context.close();
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
