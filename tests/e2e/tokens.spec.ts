import { expect, test } from './fixtures';
import { newPerson, quickAdd, signUp } from './helpers';

// A personal access token made in settings works from a script (no cookie: a request context of
// its own) within its permissions, and stops working when revoked.

test('a token made in settings reads tasks from a script, cannot write without the permission, and is revoked', async ({ page, playwright }) => {
  await signUp(page, newPerson('Tok'));
  await quickAdd(page, 'Water the plants');
  await page.getByRole('link', { name: 'Settings' }).click();

  const tokens = page.getByTestId('access-tokens');
  const form = tokens.getByRole('form', { name: 'New personal access token' });
  await form.getByLabel('Token name').fill('Backup script');
  await form.getByRole('checkbox', { name: /Read tasks and labels/ }).check();
  await form.getByLabel('Expires after').selectOption({ label: '30 days' });
  await form.getByRole('button', { name: 'Make token' }).click();
  await expect(tokens.getByRole('status')).toHaveText('Token “Backup script” made. Copy it now: it will not be shown again.');
  const secret = await tokens.getByLabel(/New token “Backup script”/).inputValue();
  expect(secret).toMatch(/^todo_pat_[A-Za-z0-9_-]{43}$/);
  const tasksUrl = /https?:\/\/\S+\/api\/[0-9a-f-]{36}\/tasks$/.exec((await tokens.getByTestId('token-example').textContent()) ?? '')![0];

  const script = await playwright.request.newContext({ extraHTTPHeaders: { authorization: `Bearer ${secret}` } });
  const listed = await script.get(tasksUrl);
  expect(listed.status()).toBe(200);
  expect(((await listed.json()) as { title: string }[]).map((t) => t.title)).toEqual(['Water the plants']);
  const write = await script.post(tasksUrl, { data: { title: 'not allowed' } });
  expect(write.status()).toBe(403);
  expect(write.headers()['www-authenticate']).toBe('Bearer error="insufficient_scope", scope="tasks:write"');

  const row = tokens.getByTestId('access-token').filter({ hasText: 'Backup script' });
  await expect(row).toContainText('tasks:read');
  await expect(row).toContainText('expires');
  await row.getByRole('button', { name: 'Revoke Backup script' }).click();
  await expect(tokens.getByRole('status')).toHaveText('Token “Backup script” revoked. It no longer works.');
  await expect(tokens.getByTestId('access-token')).toHaveCount(0);
  expect((await script.get(tasksUrl)).status()).toBe(401);
  await script.dispose();
});
