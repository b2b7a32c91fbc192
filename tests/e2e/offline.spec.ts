import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from '@playwright/test';
import { externalBaseUrl } from './env';
import { expect, test } from './fixtures';
import { currentUserId, newPerson, quickAdd, quickAddInput, saved, signIn, signUp, taskCheckbox, taskDetails, taskItem, type Person } from './helpers';
import { startProxy, type Proxy } from './servers';

// The app offline, with the network really cut: the page is opened through a TCP proxy in front
// of the server, and the proxy is stopped (refused connections for the page and its service
// worker alike), then started again on the same address.

test.skip(Boolean(externalBaseUrl), 'cuts the network in front of a server of the suite: runs only where the suite starts its server');

function titlesInOrder(page: Page) {
  return page.getByRole('list', { name: 'Tasks' }).locator('label');
}

function live(page: Page) {
  return page.getByRole('status', { name: 'Live updates' });
}

/** A browser behind `proxy`, signed in on /tasks, whose page the service worker controls (and keeps for offline). */
async function deviceBehind(browser: Browser, proxy: Proxy, person: Person, signUpFirst: boolean): Promise<Page> {
  const context = await browser.newContext({ baseURL: proxy.url });
  const page = await context.newPage();
  if (signUpFirst) await signUp(page, person);
  else {
    await page.goto('/login');
    await signIn(page, person);
  }
  await expect(page).toHaveURL(/\/tasks$/);
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await expect(live(page)).toHaveAttribute('data-connected', 'true');
  return page;
}

async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(serious).toEqual([]);
}

test('offline, the list reloads, changes wait on the device, and each reaches the server once when the network is back', async ({ browser, baseURL }) => {
  const proxy = await startProxy(baseURL!);
  const page = await deviceBehind(browser, proxy, newPerson('Offline'), true);
  try {
    const userId = await currentUserId(page);
    await quickAdd(page, 'Water plants');
    await quickAdd(page, 'Pay rent');

    await proxy.cut();
    await expect(live(page)).toHaveAttribute('data-connected', 'false');
    // A reload with no network: the service worker's page, and the list from the device's copy.
    await page.reload();
    await expect(titlesInOrder(page)).toHaveText(['Pay rent', 'Water plants']);
    await expect(live(page)).toContainText('Offline');

    // Add, complete, edit and move, offline.
    await quickAddInput(page).fill('Buy milk');
    await quickAddInput(page).press('Enter');
    await expect(quickAddInput(page)).toHaveValue('');
    await taskCheckbox(page, 'Water plants').check();
    await taskItem(page, 'Pay rent').getByRole('button', { name: 'Edit' }).click();
    await taskDetails(page).getByLabel('Title').fill('Pay the rent');
    await taskDetails(page).getByRole('button', { name: 'Save' }).click();
    await expect(taskDetails(page)).toHaveCount(0);
    await taskCheckbox(page, 'Buy milk').focus();
    await page.keyboard.press('Alt+ArrowDown');
    await expect(titlesInOrder(page)).toHaveText(['Pay the rent', 'Buy milk', 'Water plants']);
    await expect(live(page)).toContainText('Offline: 4 changes wait on this device');
    await expectAccessible(page);

    // The outbox outlives the page.
    await page.reload();
    await expect(titlesInOrder(page)).toHaveText(['Pay the rent', 'Buy milk', 'Water plants']);
    await expect(taskCheckbox(page, 'Water plants')).toBeChecked();
    await expect(live(page)).toContainText('4 changes wait');

    await proxy.restore();
    await expect(live(page)).toHaveAttribute('data-waiting', '0', { timeout: 30_000 });
    const onServer = (await (await page.request.get(`/api/${userId}/tasks?sort=position`)).json()) as { title: string; completed: boolean }[];
    expect(onServer.map((t) => [t.title, t.completed])).toEqual([
      ['Pay the rent', false],
      ['Buy milk', false],
      ['Water plants', true],
    ]);

    // Signing out leaves nothing of the person on the device.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(`${proxy.url}/`);
    expect(await page.evaluate(async () => (await indexedDB.databases()).map((db) => db.name))).toEqual([]);
    expect(await page.evaluate(async () => (await caches.keys()).filter((name) => name.startsWith('todo-pages')))).toEqual([]);
  } finally {
    await page.context().close();
    await proxy.close();
  }
});

test('projects and labels made and changed offline show at once, outlive a reload, and reach the server once when the network is back', async ({ browser, baseURL }) => {
  const proxy = await startProxy(baseURL!);
  const page = await deviceBehind(browser, proxy, newPerson('Offline lists'), true);
  try {
    const userId = await currentUserId(page);
    // Visited once online, so that the service worker has the label manager's page too.
    await page.goto('/labels');
    await expect(page.getByRole('heading', { name: 'Labels', level: 1 })).toBeVisible();
    await page.goto('/tasks');
    await expect(live(page)).toHaveAttribute('data-connected', 'true');

    await proxy.cut();
    await expect(live(page)).toHaveAttribute('data-connected', 'false');
    const nav = page.getByRole('navigation', { name: 'Views' });
    await nav.getByRole('button', { name: 'Add project' }).click();
    await page.getByRole('form', { name: 'New project' }).getByLabel('Project name').fill('Garden');
    await page.getByRole('form', { name: 'New project' }).getByRole('button', { name: /^Add/ }).click();
    await expect(page.getByRole('heading', { name: 'Garden', level: 1 })).toBeVisible();
    await quickAddInput(page).fill('Plant roses');
    await quickAddInput(page).press('Enter');
    await expect(titlesInOrder(page)).toHaveText(['Plant roses']);
    await page.getByRole('button', { name: 'Rename Garden' }).click();
    await page.getByLabel('New name').fill('Back garden');
    await page.getByLabel('New name').press('Enter');
    await expect(page.getByRole('heading', { name: 'Back garden', level: 1 })).toBeVisible();
    await expect(nav.getByRole('link', { name: /^Back garden\b/ })).toHaveAttribute('aria-current', 'page');
    await expect(live(page)).toContainText('Offline: 3 changes wait on this device');
    await expectAccessible(page);

    await page.goto('/labels');
    const form = page.getByRole('form', { name: 'New label' });
    await form.getByLabel('New label').fill('outdoors');
    await form.getByRole('button', { name: 'Add label' }).click();
    await expect(page.getByRole('list', { name: 'Your labels' }).getByRole('form', { name: 'Label outdoors' })).toBeVisible();
    await expect(nav.getByRole('link', { name: /^outdoors\b/ })).toBeVisible();

    // The outbox and the lists outlive the page.
    await page.reload();
    await expect(page.getByRole('list', { name: 'Your labels' }).getByRole('form', { name: 'Label outdoors' })).toBeVisible();
    await expect(nav.getByRole('link', { name: /^Back garden\b/ })).toBeVisible();

    await proxy.restore();
    await page.goto('/tasks');
    const read = async <T,>(what: string) => (await (await page.request.get(`/api/${userId}/${what}`)).json()) as T;
    // The label is the last change queued: once the server has it, it has the others.
    await expect.poll(async () => (await read<{ name: string }[]>('labels')).map((l) => l.name), { timeout: 30_000 }).toEqual(['outdoors']);
    await expect(live(page)).toHaveAttribute('data-waiting', '0');
    const projects = await read<{ id: string; name: string }[]>('projects');
    expect(projects.map((p) => p.name)).toEqual(['Back garden']);
    const tasks = await read<{ title: string; project_id: string | null }[]>('tasks');
    expect(tasks.map((t) => [t.title, t.project_id])).toEqual([['Plant roses', projects[0]!.id]]);
    // The sidebar names the saved project.
    await nav.getByRole('link', { name: /^Back garden\b/ }).click();
    await expect(page).toHaveURL(new RegExp(`/tasks\\?project=${projects[0]!.id}$`));
    await expect(titlesInOrder(page)).toHaveText(['Plant roses']);
  } finally {
    await page.context().close();
    await proxy.close();
  }
});

test('an offline edit of a task another device changed meanwhile gets the conflict prompt when the network is back', async ({ browser, baseURL, page: other }) => {
  const proxy = await startProxy(baseURL!);
  const person = newPerson('Offline conflict');
  const page = await deviceBehind(browser, proxy, person, true);
  try {
    await quickAdd(page, 'Book flights');
    await proxy.cut();
    await expect(live(page)).toHaveAttribute('data-connected', 'false');
    await taskItem(page, 'Book flights').getByRole('button', { name: 'Edit' }).click();
    await taskDetails(page).getByLabel('Description').fill('window seat');
    await taskDetails(page).getByRole('button', { name: 'Save' }).click();
    await expect(live(page)).toContainText('1 change waits');

    // Meanwhile, another device renames it.
    await other.goto('/login');
    await signIn(other, person);
    await taskItem(other, 'Book flights').getByRole('button', { name: 'Edit' }).click();
    await taskDetails(other).getByLabel('Title').fill('Book flights to Lisbon');
    await taskDetails(other).getByRole('button', { name: 'Save' }).click();
    await saved(other);

    await proxy.restore();
    const conflict = page.getByRole('alert').filter({ hasText: 'changed on another device' });
    await expect(conflict).toBeVisible({ timeout: 30_000 });
    await expect(conflict).toContainText('Book flights to Lisbon');
    await expect(taskItem(page, 'Book flights to Lisbon')).not.toContainText('window seat');
    await conflict.getByRole('button', { name: 'Apply my edit' }).click();
    await expect(taskItem(page, 'Book flights to Lisbon')).toContainText('window seat');
    await expect(taskItem(other, 'Book flights to Lisbon')).toContainText('window seat', { timeout: 10_000 });
  } finally {
    await page.context().close();
    await proxy.close();
  }
});

test('a browser that refuses IndexedDB is told the tasks cannot be shown, not shown an empty list', async ({ browser }) => {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    Object.defineProperty(window, 'indexedDB', { get: () => undefined });
  });
  const page = await context.newPage();
  try {
    await signUp(page, newPerson('No storage'));
    await expect(page.getByRole('alert').filter({ hasText: 'Your tasks cannot be shown in this browser' })).toBeVisible();
    await expect(page.getByTestId('empty-state')).toHaveCount(0);
  } finally {
    await context.close();
  }
});
