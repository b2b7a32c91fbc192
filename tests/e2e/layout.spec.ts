import path from 'node:path';
import { type Page, type TestInfo } from '@playwright/test';
import { expect, test } from './fixtures';
import { addTask, currentUserId, expectNoHorizontalScroll, newPerson, quickAdd, signUp, taskCheckbox, taskItem, writeDescription } from './helpers';

// `UPDATE_SCREENSHOTS=1 npm run test:e2e -- layout` refreshes the README's pictures.
const docsScreenshots = process.env.UPDATE_SCREENSHOTS ? path.resolve('docs/screenshots') : null;

async function screenshot(page: Page, testInfo: TestInfo, name: string) {
  const file = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  await testInfo.attach(name, { path: file, contentType: 'image/png' });
  return file;
}

/** A week's plan, with labels in colour, as the README's screenshots show it. */
async function fillWithExamples(page: Page) {
  const userId = await currentUserId(page);
  for (const [name, color] of [['home', 'green'], ['work', 'blue'], ['errands', 'orange']] as const) {
    expect((await page.request.post(`/api/${userId}/labels`, { data: { name, color } })).status()).toBe(201);
  }
  await page.reload();
  await quickAdd(page, 'Renew passport yesterday !high #home', 'Renew passport');
  await writeDescription(page, 'Renew passport', 'Photos are in the top drawer; the form is online.');
  await quickAdd(page, 'Book dentist appointment fri #home', 'Book dentist appointment');
  await quickAdd(page, 'Buy groceries today 6pm #errands every week', 'Buy groceries');
  await writeDescription(page, 'Buy groceries', 'Milk, eggs, spinach, coffee');
  await quickAdd(page, 'Send the quarterly report to Maria tomorrow 9am !medium #work', 'Send the quarterly report to Maria');
  await taskCheckbox(page, 'Book dentist appointment').check();
  await expect(taskCheckbox(page, 'Book dentist appointment')).toBeEnabled();
  // The views' counts follow once the change has settled.
  // (Read from the page, not the screen: on a phone the views are folded into a menu.)
  await expect(page.locator('nav[aria-label="Views"] a[href="/tasks"]')).toContainText('3');
}

test.describe('on a phone', () => {
  test.use({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });

  test('every page fits the screen without sideways scrolling', async ({ page }, testInfo) => {
    await page.goto('/');
    await expectNoHorizontalScroll(page);
    await screenshot(page, testInfo, 'phone-landing');
    await page.goto('/login');
    await expectNoHorizontalScroll(page);
    await page.goto('/signup');
    await expectNoHorizontalScroll(page);

    await signUp(page, newPerson('Ann'));
    await fillWithExamples(page);
    await expectNoHorizontalScroll(page);
    await screenshot(page, testInfo, 'phone-tasks');
    if (docsScreenshots) await page.screenshot({ path: path.join(docsScreenshots, 'phone.png'), fullPage: true });

    // The views fold into a menu that opens in place and closes once a view is chosen.
    const menu = page.getByRole('button', { name: /^Views/ });
    await expect(page.getByRole('navigation', { name: 'Views' })).toBeHidden();
    await menu.click();
    await expect(menu).toHaveAttribute('aria-expanded', 'true');
    await expectNoHorizontalScroll(page);
    await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: /^Today/ }).click();
    await expect(page).toHaveURL(/\/tasks\?view=today$/);
    await expect(page.getByRole('navigation', { name: 'Views' })).toBeHidden();
    await expect(taskCheckbox(page, 'Buy groceries')).toBeVisible();
    await page.goto('/tasks');

    // A title with no spaces must wrap rather than widen the page.
    await addTask(page, 'Supercalifragilisticexpialidocious-'.repeat(4));
    await expectNoHorizontalScroll(page);
    await taskItem(page, 'Renew passport').getByRole('button', { name: 'Delete' }).click();
    await expectNoHorizontalScroll(page);
    await taskItem(page, 'Renew passport').getByRole('button', { name: 'Keep' }).click();
    await taskItem(page, 'Buy groceries').getByRole('button', { name: 'Edit' }).click();
    await expectNoHorizontalScroll(page);
    await screenshot(page, testInfo, 'phone-tasks-editing');
    await page.getByRole('button', { name: 'Cancel' }).click();
  });
});

test('the desktop task list, light and dark', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await signUp(page, newPerson('Ann'));
  await fillWithExamples(page);
  await expectNoHorizontalScroll(page);
  await screenshot(page, testInfo, 'desktop-tasks');
  if (docsScreenshots) await page.screenshot({ path: path.join(docsScreenshots, 'desktop.png') });

  await page.emulateMedia({ colorScheme: 'dark' });
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(background).not.toBe('rgb(255, 255, 255)');
  await screenshot(page, testInfo, 'desktop-tasks-dark');
});

test('focus is visible and moves through the task controls in reading order', async ({ page }) => {
  await signUp(page, newPerson());
  await addTask(page, 'Plan the trip');
  const checkbox = taskCheckbox(page, 'Plan the trip');
  await checkbox.focus();
  await page.keyboard.press('Tab');
  await expect(taskItem(page, 'Plan the trip').getByRole('button', { name: 'Add subtask' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(taskItem(page, 'Plan the trip').getByRole('button', { name: 'Edit' })).toBeFocused();
  await page.keyboard.press('Tab');
  const del = taskItem(page, 'Plan the trip').getByRole('button', { name: 'Delete' });
  await expect(del).toBeFocused();
  const outline = await del.evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).not.toBe('none');

  // Space toggles the focused checkbox.
  await checkbox.focus();
  await page.keyboard.press('Space');
  await expect(checkbox).toBeChecked();
});
