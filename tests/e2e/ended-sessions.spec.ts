import { expect, test } from './fixtures';
import { newPerson, signUp } from './helpers';

// A copy of a browser's cookie, kept after that browser signed out: it is no session at all.

test('a signed-out cookie shows nobody: /api/auth/session answers null and clears it, pages send it to /login', async ({ browser, page, baseURL }) => {
  const person = newPerson();
  await signUp(page, person);
  const kept = await page.context().storageState();

  // Signed in, the session route names the person.
  const before = await page.request.get('/api/auth/session');
  expect(((await before.json()) as { user?: { email?: string } }).user?.email).toBe(person.email);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(new URL('/', baseURL).href);

  const copy = await browser.newContext({ storageState: kept });
  try {
    const session = await copy.request.get('/api/auth/session');
    expect(await session.json()).toBeNull();
    expect(session.headers()['set-cookie']).toMatch(/authjs\.session-token=;.*Max-Age=0/);

    const stale = await browser.newContext({ storageState: kept });
    const tasks = await stale.newPage();
    await tasks.goto('/tasks');
    await expect(tasks).toHaveURL(/\/login\?callbackUrl=%2Ftasks$/);
    await expect(tasks.getByText(person.email)).toHaveCount(0);
    await stale.close();
  } finally {
    await copy.close();
  }
});

test('a sign-in whose callbackUrl is unusable ends on /login, signed in, rather than on an error page', async ({ page }) => {
  const person = newPerson();
  await signUp(page, person);
  await page.context().clearCookies();
  const csrf = (await (await page.request.get('/api/auth/csrf')).json()) as { csrfToken: string };
  const response = await page.request.post('/api/auth/callback/credentials', {
    form: { email: person.email, password: person.password, csrfToken: csrf.csrfToken, callbackUrl: 'http://localhost:3000.evil.example/' },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(302);
  expect(new URL(response.headers().location!).pathname).toBe('/login');
});
