import { type Browser, type Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { addTask, newPerson, quickAdd, signIn, signUp, type Person } from './helpers';

/** A second browser (its own cookies) signed in as `person`, on /tasks. */
async function secondDevice(browser: Browser, person: Person): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto('/login');
  await signIn(page, person);
  await expect(page).toHaveURL(/\/tasks$/);
  return page;
}

async function openSettings(page: Page) {
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page).toHaveURL(/\/settings$/);
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
}

/** The other device's next action sends it to sign in. */
async function expectSignedOut(page: Page) {
  await page.reload();
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
}

test('changing the password signs out the other device at its next action, and keeps this one signed in', async ({ browser, page }) => {
  const person = newPerson('Pat');
  const oldPassword = person.password;
  await signUp(page, person);
  const other = await secondDevice(browser, person);

  await openSettings(page);
  const form = page.getByRole('form', { name: 'Change password' });
  await form.getByLabel('Current password').fill(oldPassword);
  await form.getByLabel('New password').fill('a brand new passphrase');
  await form.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByTestId('Change password-status')).toHaveText('Password changed. Every other device is signed out.');
  person.password = 'a brand new passphrase';

  await expectSignedOut(other);

  // This browser carries on with its new session.
  await page.goto('/tasks');
  await addTask(page, 'still signed in');
  await other.getByLabel('Email').fill(person.email);
  await other.getByLabel('Password').fill(oldPassword);
  await other.getByRole('button', { name: 'Sign in' }).click();
  await expect(other.getByTestId('form-error')).toHaveText('Wrong email or password.');
});

test('signs out a second device from the sessions list', async ({ browser, page }) => {
  const person = newPerson('Sam');
  await signUp(page, person);
  const other = await secondDevice(browser, person);

  await openSettings(page);
  const sessions = page.getByRole('list', { name: 'Sessions' }).getByTestId('session');
  await expect(sessions).toHaveCount(2);
  await expect(sessions.filter({ hasText: 'This device' })).toHaveCount(1);
  await expect(sessions.first()).toContainText(/Chrome on (Windows|Linux|macOS)/);

  await sessions.filter({ hasNotText: 'This device' }).getByRole('button', { name: /^Sign out/ }).click();
  await expect(sessions).toHaveCount(1);
  await expectSignedOut(other);
  await page.goto('/tasks');
  await addTask(page, 'this device is still in');
});

test('deleting the account signs out; signing in then fails, and the email can sign up again', async ({ page }) => {
  const person = newPerson('Dee');
  await signUp(page, person);
  await addTask(page, 'gone with the account');
  await openSettings(page);

  const form = page.getByRole('form', { name: 'Delete account' });
  const button = form.getByRole('button', { name: 'Delete my account' });
  await form.getByLabel('Password').fill(person.password);
  await form.getByLabel(/Type your email/).fill('someone-else@example.com');
  await expect(button).toBeDisabled();
  await form.getByLabel(/Type your email/).fill(person.email);
  await button.click();
  await expect(page).toHaveURL(/\/signup/);

  await page.goto('/login');
  await signIn(page, person);
  await expect(page.getByTestId('form-error')).toHaveText('Wrong email or password.');

  await signUp(page, person);
  await expect(page.getByRole('list', { name: 'Tasks' }).getByRole('checkbox')).toHaveCount(0);
});

test('settings work from the keyboard on a 375 px phone in dark mode', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await page.emulateMedia({ colorScheme: 'dark' });
  const person = newPerson('Kim');
  await signUp(page, person);
  await openSettings(page);
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth);

  const name = page.getByRole('form', { name: 'Name' }).getByLabel('Name');
  await name.focus();
  await name.fill('Kim Lee');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Save name' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('Name-status')).toHaveText('Name saved.');
  await page.reload();
  await expect(page.getByRole('form', { name: 'Name' }).getByLabel('Name')).toHaveValue('Kim Lee');
});

test.describe('in New York', () => {
  test.use({ timezoneId: 'America/New_York' });

  test("signup takes the browser's time zone; settings changes it and turns on a calendar feed that lists the dated tasks", async ({ page, playwright }) => {
    await signUp(page, newPerson('Cal'));
    await quickAdd(page, 'Dentist tomorrow 9am', 'Dentist');
    await openSettings(page);
    const zone = page.getByRole('form', { name: 'Time zone' });
    await expect(zone.getByLabel('Time zone')).toHaveValue('America/New_York');
    await zone.getByLabel('Time zone').selectOption('Europe/Berlin');
    await zone.getByRole('button', { name: 'Save time zone' }).click();
    await expect(page.getByTestId('Time zone-status')).toHaveText('Time zone set to Europe/Berlin.');

    const feed = page.getByTestId('calendar-feed');
    await expect(feed.getByTestId('calendar-feed-status')).toHaveText('Off');
    await feed.getByRole('button', { name: 'Turn on calendar feed' }).click();
    await expect(feed.getByTestId('calendar-feed-status')).toHaveText('On');
    const address = await feed.getByLabel(/Calendar address/).inputValue();
    expect(address).toMatch(/\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    // A calendar app has no cookie: a request context of its own, the address alone.
    const calendarApp = await playwright.request.newContext();
    const calendar = await calendarApp.get(address);
    expect(calendar.status()).toBe(200);
    const text = await calendar.text();
    expect(text).toContain('SUMMARY:Dentist');
    expect(text).toMatch(/DTSTART;TZID=Europe\/Berlin:\d{8}T090000/);

    await feed.getByRole('button', { name: 'Turn off' }).click();
    await expect(feed.getByTestId('calendar-feed-status')).toHaveText('Off');
    expect((await calendarApp.get(address)).status()).toBe(404);
    await calendarApp.dispose();
  });
});
