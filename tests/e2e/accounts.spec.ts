import { expect, test } from './fixtures';
import { newPerson, nobody, signIn, signUp } from './helpers';

test('a wrong password shows an error, keeps what was typed and stays on /login', async ({ browser, page }) => {
  const person = newPerson();
  const other = await browser.newContext();
  await signUp(await other.newPage(), person);
  await other.close();

  await page.goto('/login');
  await signIn(page, { ...person, password: 'not the password' });
  await expect(page.getByTestId('form-error')).toHaveText('Wrong email or password.');
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByLabel('Email')).toHaveValue(person.email);
  await expect(page.getByLabel('Password')).toHaveValue('not the password');

  // The right password still works after one mistake.
  await page.getByLabel('Password').fill(person.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/tasks$/);
});

test('an unknown email gets the same answer as a wrong password', async ({ page }) => {
  await page.goto('/login');
  await signIn(page, nobody());
  await expect(page.getByTestId('form-error')).toHaveText('Wrong email or password.');
});

// An email with no account: a locked account could not be deleted through the API until its
// 15 minutes pass (fixtures.ts). The lock counts failures per email whether or not it has an
// account, and tests/api/auth-session.test.ts proves the right password is refused while locked.
test('repeated wrong passwords lock the email and say how long to wait', async ({ page }) => {
  const person = nobody();

  await page.goto('/login');
  await page.getByLabel('Email').fill(person.email);
  for (let attempt = 1; attempt <= 5; attempt++) {
    await page.getByLabel('Password').fill(`wrong password ${attempt}`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByTestId('form-error')).toHaveText('Wrong email or password.');
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeEnabled();
  }
  await page.getByLabel('Password').fill(person.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('form-error')).toHaveText(/Too many failed sign-in attempts.*Try again in 15 minutes\./);
  await expect(page).toHaveURL(/\/login$/);
});

test('signup explains invalid fields and a taken email in words', async ({ browser, page }) => {
  await page.goto('/signup');
  await page.getByLabel('Email').fill('not-an-email');
  await page.getByLabel('Password').fill('short');
  await page.getByRole('button', { name: 'Sign up' }).click();
  await expect(page.getByTestId('form-error')).toHaveText(
    'Enter a valid email address, like ann@example.com. Choose a password of 8 to 128 characters.',
  );
  await expect(page.getByLabel('Email')).toHaveValue('not-an-email');

  const person = newPerson();
  const other = await browser.newContext();
  await signUp(await other.newPage(), person);
  await other.close();

  await page.getByLabel('Email').fill(person.email.toUpperCase());
  await page.getByLabel('Password').fill(person.password);
  await page.getByRole('button', { name: 'Sign up' }).click();
  await expect(page.getByTestId('form-error')).toHaveText('An account with this email already exists. Sign in instead.');
  await expect(page).toHaveURL(/\/signup$/);
});
