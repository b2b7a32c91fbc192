import { expect, test } from './fixtures';
import { addTask, newPerson, quickAddInput, signIn, signUp, taskCheckbox, taskDetails, taskItem } from './helpers';

// The whole journey: sign up → sign out → sign in → create → list → open/edit → toggle → delete.
test('a new person signs up, signs out and in, and manages a task from creation to deletion', async ({ page }, testInfo) => {
  const person = newPerson('Ann');

  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('landing.png'), fullPage: true });
  await page.getByRole('link', { name: 'Create a free account' }).click();
  await expect(page).toHaveURL(/\/signup$/);
  await page.screenshot({ path: testInfo.outputPath('signup.png'), fullPage: true });
  await signUp(page, person);

  await expect(page.getByTestId('empty-state')).toContainText('No tasks yet');
  await page.screenshot({ path: testInfo.outputPath('tasks-empty.png'), fullPage: true });

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible();

  await page.getByRole('link', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await signIn(page, person);
  await expect(page).toHaveURL(/\/tasks$/);
  await expect(page.getByTestId('signed-in-as')).toHaveText(person.email);

  // Create, and see it listed with its description.
  await addTask(page, 'Buy milk', 'Two litres, semi-skimmed');
  const item = taskItem(page, 'Buy milk');
  await expect(item).toContainText('Two litres, semi-skimmed');
  await expect(page.getByTestId('task-counts')).toHaveText('1 open · 0 done');

  // Open the editor and change the title and the description.
  await item.getByRole('button', { name: 'Edit' }).click();
  const editor = taskDetails(page);
  await expect(editor.getByLabel('Title')).toHaveValue('Buy milk');
  await editor.getByLabel('Title').fill('Buy oat milk');
  await editor.getByLabel('Description').fill('One carton');
  await page.screenshot({ path: testInfo.outputPath('tasks-editing.png'), fullPage: true });
  await editor.getByRole('button', { name: 'Save' }).click();
  const renamed = taskItem(page, 'Buy oat milk');
  await expect(renamed).toContainText('One carton');
  await expect(taskCheckbox(page, 'Buy oat milk')).toBeEnabled();

  // Toggle it done, and back again; the server's word survives a reload.
  await taskCheckbox(page, 'Buy oat milk').check();
  await expect(page.getByTestId('task-counts')).toHaveText('0 open · 1 done');
  await expect(taskCheckbox(page, 'Buy oat milk')).toBeEnabled();
  await page.reload();
  await expect(taskCheckbox(page, 'Buy oat milk')).toBeChecked();
  await expect(taskItem(page, 'Buy oat milk')).toContainText('One carton');
  await page.screenshot({ path: testInfo.outputPath('tasks-done.png'), fullPage: true });
  await taskCheckbox(page, 'Buy oat milk').uncheck();
  await expect(page.getByTestId('task-counts')).toHaveText('1 open · 0 done');

  // Delete asks first; keeping it changes nothing.
  await taskItem(page, 'Buy oat milk').getByRole('button', { name: 'Delete' }).click();
  await taskItem(page, 'Buy oat milk').getByRole('button', { name: 'Keep' }).click();
  await expect(taskCheckbox(page, 'Buy oat milk')).toBeVisible();
  await taskItem(page, 'Buy oat milk').getByRole('button', { name: 'Delete' }).click();
  await taskItem(page, 'Buy oat milk').getByRole('button', { name: 'Yes, delete' }).click();
  await expect(taskCheckbox(page, 'Buy oat milk')).toHaveCount(0);
  await expect(page.getByTestId('empty-state')).toContainText('No tasks yet');

  await page.reload();
  await expect(page.getByTestId('empty-state')).toContainText('No tasks yet');
  await expect(quickAddInput(page)).toBeVisible();
});

test('a signed-out visitor of /tasks is sent to sign in and comes back afterwards', async ({ browser, page }) => {
  const person = newPerson();
  const other = await browser.newContext();
  await signUp(await other.newPage(), person);
  await other.close();

  await page.goto('/tasks');
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Ftasks$/);
  await signIn(page, person);
  await expect(page).toHaveURL(/\/tasks$/);
  await expect(page.getByTestId('signed-in-as')).toHaveText(person.email);

  // Signed in, the public pages lead straight to the tasks.
  await page.goto('/');
  await expect(page).toHaveURL(/\/tasks$/);
});
