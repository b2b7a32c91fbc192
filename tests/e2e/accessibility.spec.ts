import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { currentUserId, expectNoHorizontalScroll, newPerson, quickAdd, signUp } from './helpers';

// axe-core on every page, light and dark, desktop and phone (each state resized, not set up twice): no serious or critical WCAG 2.1 AA
// violation, and nothing wider than the screen.

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

async function expectAccessibleOnOneScreen(page: Page, name: string) {
  const results = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
  const serious = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      page: name,
      rule: violation.id,
      help: violation.help,
      nodes: violation.nodes.slice(0, 5).map((node) => `${node.target.join(' ')}: ${node.failureSummary ?? ''}`),
    }));
  expect(serious, `${name}: ${JSON.stringify(serious, null, 2)}`).toEqual([]);
  await expectNoHorizontalScroll(page);
}

const SCREENS = [
  { name: 'desktop', viewport: { width: 1280, height: 800 } },
  { name: 'phone', viewport: { width: 375, height: 740 } },
] as const;

/** The page as it is now, on a desktop and on a phone (the same page resized: no second set-up). */
async function expectAccessible(page: Page, name: string) {
  for (const screen of SCREENS) {
    await page.setViewportSize(screen.viewport);
    await expectAccessibleOnOneScreen(page, `${name} (${screen.name})`);
  }
  await page.setViewportSize(SCREENS[0].viewport);
}

/** Waits for the page's content (the app's pages load their data in the browser). */
async function visit(page: Page, path: string, ready: (page: Page) => Promise<void>) {
  await page.goto(path);
  await ready(page);
  await expectAccessible(page, path);
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(colorScheme, () => {
    test.use({ colorScheme, viewport: SCREENS[0].viewport });
    // axe reads every node of every page (Swagger UI's are thousands): more than the default
    // minute on two shared cores.
    test.slow();

    test('the public pages pass axe', async ({ page }) => {
      await visit(page, '/', (p) => expect(p.getByRole('heading', { level: 1 })).toBeVisible());
      await visit(page, '/login', (p) => expect(p.getByRole('button', { name: 'Sign in' })).toBeVisible());
      await visit(page, '/signup', (p) => expect(p.getByRole('button', { name: 'Sign up' })).toBeVisible());
      await visit(page, '/docs', (p) => expect(p.getByRole('heading', { name: /Todo/ }).first()).toBeVisible());
    });

    test('the signed-in pages pass axe, with tasks in them', async ({ page, request }) => {
      await signUp(page, newPerson('Axe'));
      await quickAdd(page, 'Pay rent yesterday !high #home every month', 'Pay rent');
      await quickAdd(page, 'Buy groceries tomorrow 9am #errands !low', 'Buy groceries');
      await quickAdd(page, 'Call the bank', 'Call the bank');
      await expectAccessible(page, '/tasks');
      await page.getByRole('button', { name: 'Edit Pay rent' }).click();
      await expect(page.getByRole('dialog', { name: 'Task details' })).toBeVisible();
      await expectAccessible(page, '/tasks with the details dialog');
      await page.keyboard.press('Escape');

      const tasksShown = (p: Page) => expect(p.getByRole('checkbox').first()).toBeVisible();
      await visit(page, '/tasks?view=today', tasksShown);
      await visit(page, '/tasks?view=upcoming', tasksShown);
      await visit(page, '/tasks?label=home', tasksShown);

      // A project with a subtask, its "add subtask" line and its rename field open.
      const userId = await currentUserId(page);
      const project = (await (await page.request.post(`/api/${userId}/projects`, { data: { name: 'Home', color: 'green' } })).json()) as { id: string };
      const parent = (await (await page.request.post(`/api/${userId}/tasks`, { data: { title: 'Paint the fence', project_id: project.id } })).json()) as { id: string };
      await page.request.post(`/api/${userId}/tasks`, { data: { title: 'Buy paint', parent_id: parent.id } });
      await visit(page, `/tasks?project=${project.id}`, (p) => expect(p.getByTestId('subtask-progress')).toBeVisible());
      await page.getByRole('button', { name: 'Add subtask to Paint the fence' }).click();
      await page.getByRole('button', { name: 'Rename Home' }).click();
      await expectAccessible(page, '/tasks?project= with the subtask line and the rename field');
      // Sharing: the Share panel with a pending invitation, and an invitation in the sidebar.
      await page.getByRole('button', { name: 'Share Home' }).click();
      const share = page.getByTestId('share-panel');
      await share.getByLabel('Invite by email').fill('someone-else@example.com');
      await share.getByRole('button', { name: 'Invite' }).click();
      await expect(share.getByTestId('pending-invitations')).toContainText('someone-else@example.com');
      // Someone else (by the API, in a context of their own) invites this person to their project.
      const other = newPerson('Inviter');
      expect((await request.post('/api/auth/signup', { data: { email: other.email, password: other.password } })).status()).toBe(201);
      const signIn = (await (await request.post('/api/auth/token', { data: { email: other.email, password: other.password } })).json()) as { access_token: string; user: { id: string } };
      const headers = { authorization: `Bearer ${signIn.access_token}` };
      const theirs = (await (await request.post(`/api/${signIn.user.id}/projects`, { data: { name: 'Garden' }, headers })).json()) as { id: string };
      const me = await page.getByTestId('signed-in-as').textContent();
      expect((await request.post(`/api/${signIn.user.id}/projects/${theirs.id}/invitations`, { data: { email: me, role: 'viewer' }, headers })).status()).toBe(201);
      await expect(page.getByTestId('invitations')).toContainText('Garden');
      await expectAccessible(page, '/tasks?project= with the Share panel and an invitation');
      // The invitation is a notification too: the bell counts it, and its panel lists it.
      await expect(page.getByRole('button', { name: 'Notifications, 1 unread' })).toBeVisible();
      await page.getByRole('button', { name: 'Notifications, 1 unread' }).click();
      await expect(page.getByTestId('notifications')).toContainText('Garden');
      await expectAccessible(page, '/tasks?project= with the notifications panel');
      await page.keyboard.press('Escape');
      await visit(page, '/labels', (p) => expect(p.getByRole('list', { name: 'Your labels' })).toBeVisible());
      await visit(page, '/settings', (p) => expect(p.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible());
    });
  });
}
