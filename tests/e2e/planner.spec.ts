import { addMonths } from 'date-fns';
import type { Page } from '@playwright/test';
import { formatDue, toDateString } from '@/lib/client/dates';
import { expect, test } from './fixtures';
import { newPerson, quickAdd, signUp, taskCheckbox, taskItem } from './helpers';

// Planning a week in the browser: quick add, the views, labels, manual order, repeats.

function views(page: Page) {
  return page.getByRole('navigation', { name: 'Views' });
}

function viewLink(page: Page, name: string) {
  return views(page).getByRole('link', { name: new RegExp(`^${name}\\b`) });
}

/** The titles of the Inbox's (or a label's) rows, top first. */
function titlesInOrder(page: Page) {
  return page.getByRole('list', { name: 'Tasks' }).locator('label');
}

async function planTheWeek(page: Page) {
  await signUp(page, newPerson('Planner'));
  await quickAdd(page, 'Pay rent today !high #home every month', 'Pay rent');
  await quickAdd(page, 'Buy groceries tomorrow #errands', 'Buy groceries');
  await quickAdd(page, 'Water plants in 3 days #home', 'Water plants');
}

test('three quick adds show under Today, Upcoming and their labels, with their counts', async ({ page }) => {
  await planTheWeek(page);
  const rent = taskItem(page, 'Pay rent');
  await expect(rent).toContainText('Today');
  await expect(rent).toContainText('High');
  await expect(rent).toContainText('every month');
  await expect(rent).toContainText('#home');
  await expect(viewLink(page, 'Inbox')).toContainText('3');
  await expect(viewLink(page, 'Today')).toContainText('1');
  await expect(viewLink(page, 'Upcoming')).toContainText('3');
  await expect(viewLink(page, 'home')).toContainText('2');

  await viewLink(page, 'Today').click();
  await expect(page).toHaveURL(/\/tasks\?view=today$/);
  await expect(page.getByRole('heading', { name: 'Today', level: 1 })).toBeVisible();
  await expect(taskCheckbox(page, 'Pay rent')).toBeVisible();
  await expect(taskCheckbox(page, 'Buy groceries')).toHaveCount(0);
  await expect(taskCheckbox(page, 'Water plants')).toHaveCount(0);

  await viewLink(page, 'Upcoming').click();
  await expect(page).toHaveURL(/\/tasks\?view=upcoming$/);
  await expect(page.getByRole('list', { name: 'Tasks due Today' }).getByRole('checkbox')).toHaveAccessibleName('Pay rent');
  await expect(page.getByRole('list', { name: 'Tasks due Tomorrow' }).getByRole('checkbox')).toHaveAccessibleName('Buy groceries');
  await expect(taskCheckbox(page, 'Water plants')).toBeVisible();

  await viewLink(page, 'home').click();
  await expect(page).toHaveURL(/\/tasks\?label=home$/);
  await expect(titlesInOrder(page)).toHaveText(['Water plants', 'Pay rent']);
  // A task added in a label's view carries the label.
  await quickAdd(page, 'Fix the tap', 'Fix the tap');
  await expect(taskItem(page, 'Fix the tap')).toContainText('#home');
  await expect(viewLink(page, 'home')).toContainText('3');
});

test('rows keep the order they are dragged into, or moved into with Alt+arrow keys', async ({ page }) => {
  await planTheWeek(page);
  // New tasks go to the top.
  await expect(titlesInOrder(page)).toHaveText(['Water plants', 'Buy groceries', 'Pay rent']);

  // Drag Pay rent by its handle above Water plants.
  const handle = page.getByRole('button', { name: 'Move Pay rent' });
  const from = (await handle.boundingBox())!;
  const to = (await taskItem(page, 'Water plants').boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2, from.y - 10, { steps: 4 });
  await page.mouse.move(from.x + from.width / 2, to.y + 4, { steps: 12 });
  await page.mouse.up();
  await expect(titlesInOrder(page)).toHaveText(['Pay rent', 'Water plants', 'Buy groceries']);

  // Alt+↓ on a row's checkbox moves it one place down, and says so.
  await taskCheckbox(page, 'Water plants').focus();
  await page.keyboard.press('Alt+ArrowDown');
  await expect(titlesInOrder(page)).toHaveText(['Pay rent', 'Buy groceries', 'Water plants']);
  await expect(page.getByRole('status').filter({ hasText: 'Water plants moved to position 3 of 3.' })).toBeAttached();
  await expect(taskCheckbox(page, 'Water plants')).toBeFocused();

  // The server has the order: it survives a reload.
  await expect(taskCheckbox(page, 'Water plants')).toBeEnabled();
  await page.reload();
  await expect(titlesInOrder(page)).toHaveText(['Pay rent', 'Buy groceries', 'Water plants']);
});

test('completing a repeating task moves it to its next date', async ({ page }) => {
  await planTheWeek(page);
  await viewLink(page, 'Today').click();
  await expect(page.getByRole('heading', { name: 'Today', level: 1 })).toBeVisible();
  // click, not check(): a repeating task is not completed, so the box does not stay ticked
  // (check() fails when the saved state comes back before it looks).
  await taskCheckbox(page, 'Pay rent').click();

  // A month on from today, the browser's day (this machine's time zone, as the browser's).
  const next = formatDue(toDateString(addMonths(new Date(), 1)), null, new Date());
  await expect(page.getByTestId('task-status')).toHaveText(`“Pay rent” repeats: next due ${next}.`);
  await expect(viewLink(page, 'Today')).toContainText('0');

  // No longer due today, the task leaves Today (at once, or when the list is next read) and
  // stays open in the Inbox, on its next date.
  await page.reload();
  await expect(page.getByTestId('empty-state')).toHaveText('Nothing due today. Enjoy the day!');
  await viewLink(page, 'Inbox').click();
  await expect(taskCheckbox(page, 'Pay rent')).not.toBeChecked();
  await expect(taskItem(page, 'Pay rent')).toContainText(next);
});

test('a renamed label shows on its tasks, a recoloured one keeps them, a deleted one leaves them', async ({ page }) => {
  await planTheWeek(page);
  await views(page).getByRole('link', { name: 'Manage labels' }).click();
  await expect(page).toHaveURL(/\/labels$/);

  const home = page.getByRole('form', { name: 'Label home' });
  await home.getByLabel('Name').fill('house');
  await home.getByLabel('Colour').selectOption('green');
  await home.getByRole('button', { name: 'Save' }).click();
  await expect(viewLink(page, 'house')).toContainText('2');
  await expect(viewLink(page, 'home')).toHaveCount(0);

  // A new label from the manager, then deleted again.
  const create = page.getByRole('form', { name: 'New label' });
  await create.getByLabel('New label').fill('someday');
  await create.getByRole('button', { name: 'Add label' }).click();
  await expect(viewLink(page, 'someday')).toContainText('0');
  await page.getByRole('button', { name: 'Delete someday' }).click();
  await page.getByRole('group', { name: 'Confirm deleting someday' }).getByRole('button', { name: 'Yes, delete' }).click();
  await expect(viewLink(page, 'someday')).toHaveCount(0);

  await viewLink(page, 'house').click();
  await expect(titlesInOrder(page)).toHaveText(['Water plants', 'Pay rent']);
  await expect(taskItem(page, 'Pay rent')).toContainText('#house');
  await expect(taskItem(page, 'Pay rent')).not.toContainText('#home');
});
