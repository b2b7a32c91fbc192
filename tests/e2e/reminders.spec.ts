import { expect, test } from './fixtures';
import { currentUserId, newPerson, quickAdd, saved, signUp, taskDetails } from './helpers';

// Reminders from the app: set in quick add and in the details dialog, and one that fires while
// the page is open arrives in the bell without a reload (the server's in-process scheduler, then
// the event stream).

test('a reminder set in quick add and in the details dialog, and one that fires, live, in the bell', async ({ page }) => {
  await signUp(page, newPerson('Remi'));
  await quickAdd(page, 'Dentist tomorrow 9am remind 1h before', 'Dentist');
  await page.getByRole('button', { name: 'Edit Dentist' }).click();
  const details = taskDetails(page);
  await expect(details.getByTestId('reminders')).toHaveText(/1 hour before/);

  // Add another from the picker; it is saved with the task.
  await details.getByLabel('When to remind you').selectOption({ label: '1 day before' });
  await details.getByRole('button', { name: 'Add reminder' }).click();
  await details.getByRole('button', { name: 'Remove the reminder 1 hour before' }).click();
  await details.getByRole('button', { name: 'Save' }).click();
  await expect(details).toHaveCount(0);
  // Shown at once from the device's copy, then saved.
  await page.getByRole('button', { name: 'Edit Dentist' }).click();
  await expect(details.getByTestId('reminders')).toHaveText('1 day beforeRemove the reminder 1 day before');
  await page.keyboard.press('Escape');
  await saved(page);
  await page.reload();
  await page.getByRole('button', { name: 'Edit Dentist' }).click();
  await expect(taskDetails(page).getByTestId('reminders')).toHaveText('1 day beforeRemove the reminder 1 day before');
  await page.keyboard.press('Escape');

  // A reminder two seconds ahead, set through the API as any client may; the page stays as it is.
  const userId = await currentUserId(page);
  const bell = page.getByTestId('notification-bell');
  await expect(bell).toHaveAccessibleName('Notifications');
  const at = new Date(Date.now() + 2_000).toISOString();
  const created = await page.request.post(`/api/${userId}/tasks`, { data: { title: 'Stretch your legs', reminders: [{ at }] } });
  expect(created.status()).toBe(201);
  // The scheduler looks every 10 seconds; the stream tells the page within a second of the firing.
  await expect(bell).toHaveAccessibleName('Notifications, 1 unread', { timeout: 30_000 });
  await expect(page.getByTestId('notification-count')).toHaveText('1');

  await bell.click();
  const panel = page.getByRole('region', { name: 'Notifications' });
  await expect(panel.getByTestId('notifications')).toContainText('Stretch your legs');
  // Opening the panel marks what it shows read.
  await expect(bell).toHaveAccessibleName('Notifications');
  await page.keyboard.press('Escape');
  await expect(panel).toHaveCount(0);
  await expect(bell).toBeFocused();

  // The notification leads to its task: the details open on it.
  await bell.click();
  await panel.getByRole('link', { name: /Stretch your legs/ }).click();
  await expect(page).toHaveURL(/\/tasks\?task=/);
  await expect(taskDetails(page).getByLabel('Title')).toHaveValue('Stretch your legs');
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(/\/tasks$/);
});
