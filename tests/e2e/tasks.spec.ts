import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { addTask, currentUserId, newPerson, newTaskForm, quickAddInput, saved, signIn, signUp, taskCheckbox, taskDetails, taskItem, visibleTitles } from './helpers';

test('a second person never sees the first person’s tasks', async ({ browser, page }) => {
  await signUp(page, newPerson());
  await addTask(page, 'Ann’s private plan');
  const annId = await currentUserId(page);

  const bobContext = await browser.newContext();
  const bob = await bobContext.newPage();
  await signUp(bob, newPerson());
  await expect(bob.getByTestId('empty-state')).toContainText('No tasks yet');
  await expect(bob.getByText('Ann’s private plan')).toHaveCount(0);
  await expect(bob.getByTestId('task-counts')).toHaveText('0 open · 0 done');

  // Not through the API either: Bob's session cannot read or add to Ann's list.
  expect((await bob.request.get(`/api/${annId}/tasks`)).status()).toBe(403);
  expect((await bob.request.post(`/api/${annId}/tasks`, { data: { title: 'sneaky' } })).status()).toBe(403);
  await bobContext.close();

  await page.reload();
  await expect(visibleTitles(page)).toHaveCount(1);
});

test('filters and search narrow the list, and the counts stay whole', async ({ page }) => {
  await signUp(page, newPerson());
  await addTask(page, 'Buy milk');
  await addTask(page, 'Walk the dog', 'Around the park');
  await addTask(page, 'Buy bread');
  await taskCheckbox(page, 'Buy milk').check();
  await expect(taskCheckbox(page, 'Buy milk')).toBeEnabled();
  await expect(page.getByTestId('task-counts')).toHaveText('2 open · 1 done');

  await page.getByRole('button', { name: 'Active' }).click();
  await expect(page.getByRole('button', { name: 'Active' })).toHaveAttribute('aria-pressed', 'true');
  await expect(visibleTitles(page)).toHaveCount(2);
  await expect(taskCheckbox(page, 'Buy milk')).toHaveCount(0);

  // Completing a task in the Active view moves it out of sight.
  await taskCheckbox(page, 'Buy bread').click();
  await expect(taskCheckbox(page, 'Buy bread')).toHaveCount(0);
  await expect(page.getByTestId('task-counts')).toHaveText('1 open · 2 done');

  await page.getByRole('button', { name: 'Completed' }).click();
  await expect(visibleTitles(page)).toHaveCount(2);
  await expect(taskCheckbox(page, 'Buy milk')).toBeChecked();
  await expect(taskCheckbox(page, 'Buy bread')).toBeChecked();

  await page.getByRole('button', { name: 'All' }).click();
  await expect(visibleTitles(page)).toHaveCount(3);

  // Search matches titles and descriptions, case-insensitively.
  const search = page.getByRole('searchbox', { name: 'Search tasks' });
  await search.fill('BUY');
  await expect(visibleTitles(page)).toHaveCount(2);
  await search.fill('park');
  await expect(visibleTitles(page)).toHaveCount(1);
  await expect(taskCheckbox(page, 'Walk the dog')).toBeVisible();
  await search.fill('no such thing');
  await expect(page.getByTestId('empty-state')).toContainText('No tasks match “no such thing”');

  await search.fill('buy');
  await page.getByRole('button', { name: 'Active' }).click();
  await expect(page.getByTestId('empty-state')).toContainText('No active tasks match “buy”');
  await page.getByRole('button', { name: 'Completed' }).click();
  await expect(visibleTitles(page)).toHaveCount(2);

  // All of it came from the server: a reload shows the same tasks in the same states.
  await page.reload();
  await expect(visibleTitles(page)).toHaveCount(3);
  await expect(taskCheckbox(page, 'Buy milk')).toBeChecked();
  await expect(taskCheckbox(page, 'Buy bread')).toBeChecked();
  await expect(taskCheckbox(page, 'Walk the dog')).not.toBeChecked();
});

test('Load more shows the next rows of a long list, read from the device', async ({ page }) => {
  await signUp(page, newPerson());
  const userId = await currentUserId(page);
  for (let n = 1; n <= 53; n++) {
    const response = await page.request.post(`/api/${userId}/tasks`, { data: { title: `Task ${String(n).padStart(2, '0')}` } });
    expect(response.status()).toBe(201);
  }
  await page.reload();
  await expect(visibleTitles(page)).toHaveCount(50);
  await expect(page.getByTestId('task-counts')).toHaveText('53 open · 0 done');
  // Newest first: the three oldest come with Load more.
  await expect(taskCheckbox(page, 'Task 53')).toBeVisible();
  await expect(taskCheckbox(page, 'Task 01')).toHaveCount(0);

  await page.getByRole('button', { name: 'Load more' }).click();
  await expect(visibleTitles(page)).toHaveCount(53);
  await expect(taskCheckbox(page, 'Task 01')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Load more' })).toHaveCount(0);
});

/** Answers every PATCH of a task with this problem, as the server would; other requests go through. */
function answerPatches(page: Page, status: number, title: string, detail: string) {
  return page.route('**/api/*/tasks/*', (route) =>
    route.request().method() === 'PATCH'
      ? route.fulfill({ status, contentType: 'application/problem+json', body: JSON.stringify({ type: 'about:blank', title, status, detail }) })
      : route.fallback(),
  );
}

test('a change the server cannot take yet waits and is sent later; one it refuses is undone with a message', async ({ page }) => {
  await signUp(page, newPerson());
  const userId = await currentUserId(page);
  await addTask(page, 'Water the plants');
  const live = page.getByRole('status', { name: 'Live updates' });

  // A completion is sent as PATCH {completed}.
  await answerPatches(page, 503, 'Service Unavailable', 'down');
  await taskCheckbox(page, 'Water the plants').click();
  await expect(taskCheckbox(page, 'Water the plants')).toBeChecked();
  await expect(live).toContainText('1 change waits');
  await expect(page.getByTestId('task-counts')).toHaveText('0 open · 1 done');

  // The server is back: the outbox's next try sends it.
  await page.unrouteAll();
  await expect(live).toHaveAttribute('data-waiting', '0', { timeout: 15_000 });
  const [saved] = (await (await page.request.get(`/api/${userId}/tasks`)).json()) as { completed: boolean }[];
  expect(saved!.completed).toBe(true);

  // A refusal that cannot turn into a success: dropped, said, and the server's version shown.
  await answerPatches(page, 422, 'Unprocessable Content', 'title: too long');
  await taskItem(page, 'Water the plants').getByRole('button', { name: 'Edit' }).click();
  await taskDetails(page).getByLabel('Title').fill('Water the roses');
  await taskDetails(page).getByLabel('Title').press('Enter');
  await expect(page.getByTestId('task-error')).toContainText('Could not save “Water the roses”. The server did not accept that: title: too long.');
  await expect(taskCheckbox(page, 'Water the plants')).toBeChecked();
  await expect(live).toHaveAttribute('data-waiting', '0');

  await page.getByRole('button', { name: 'Dismiss' }).click();
  await expect(page.getByTestId('task-error')).toHaveCount(0);
});

test('a task typed while the network is down is kept on the device and reaches the server once it is back', async ({ page }) => {
  await signUp(page, newPerson());
  const userId = await currentUserId(page);
  await page.route('**/api/*/tasks', (route) => (route.request().method() === 'POST' ? route.abort('internetdisconnected') : route.fallback()));
  await quickAddInput(page).fill('Call the plumber tomorrow #home');
  await newTaskForm(page).getByRole('button', { name: 'Add task' }).click();
  await expect(quickAddInput(page)).toHaveValue('');
  await expect(taskItem(page, 'Call the plumber')).toContainText('Saving…');
  await expect(page.getByRole('status', { name: 'Live updates' })).toContainText('1 change waits');

  // A reload keeps it: it waits in the outbox.
  await page.reload();
  await expect(taskItem(page, 'Call the plumber')).toContainText('Tomorrow');
  await expect(page.getByRole('status', { name: 'Live updates' })).toContainText('1 change waits');

  await page.unrouteAll();
  await expect(taskItem(page, 'Call the plumber')).not.toContainText('Saving…', { timeout: 15_000 });
  await expect(taskItem(page, 'Call the plumber')).toContainText('home');
  const saved = (await (await page.request.get(`/api/${userId}/tasks`)).json()) as { title: string; labels: string[] }[];
  expect(saved.map((t) => [t.title, t.labels])).toEqual([['Call the plumber', ['home']]]);
});

test('the keyboard does it all: Enter adds, Escape cancels an edit, Enter saves', async ({ page }) => {
  await signUp(page, newPerson());
  const title = quickAddInput(page);
  await title.focus();
  await page.keyboard.type('Read a book');
  await page.keyboard.press('Enter');
  await expect(taskCheckbox(page, 'Read a book')).toBeEnabled();
  await expect(title).toBeFocused();

  // A blank title is refused before it reaches the server.
  await page.keyboard.type('   ');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('form-error')).toHaveText('Give the task a title.');
  await title.fill('');

  const item = taskItem(page, 'Read a book');
  await item.getByRole('button', { name: 'Edit' }).focus();
  await page.keyboard.press('Enter');
  const editTitle = taskDetails(page).getByLabel('Title');
  await expect(editTitle).toBeFocused();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('Read two books');
  await page.keyboard.press('Escape');
  await expect(taskCheckbox(page, 'Read a book')).toBeVisible();
  await expect(taskItem(page, 'Read a book').getByRole('button', { name: 'Edit' })).toBeFocused();

  await page.keyboard.press('Enter');
  await expect(editTitle).toBeFocused();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('Read two books');
  await page.keyboard.press('Enter');
  await expect(taskCheckbox(page, 'Read two books')).toBeEnabled();
  await page.reload();
  await expect(taskCheckbox(page, 'Read two books')).toBeVisible();
});

test('a session the API refuses is ended and the person is asked to sign in again', async ({ page }) => {
  const person = newPerson();
  await signUp(page, person);
  await addTask(page, 'Still here afterwards');

  // As if the account behind the cookie had gone: the API answers 401 to everything.
  await page.route('**/api/*/tasks**', (route) =>
    route.fulfill({
      status: 401,
      contentType: 'application/problem+json',
      headers: { 'WWW-Authenticate': 'Bearer' },
      body: JSON.stringify({ type: 'about:blank', title: 'Unauthorized', status: 401, detail: 'gone' }),
    }),
  );
  await page.reload();
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Ftasks$/);
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();

  await page.unrouteAll();
  await signIn(page, person);
  await expect(page).toHaveURL(/\/tasks$/);
  await expect(taskCheckbox(page, 'Still here afterwards')).toBeVisible();
});

test('a task opened while it is being saved stays open when the server gives it its id', async ({ page }) => {
  await signUp(page, newPerson());
  const userId = await currentUserId(page);
  // The create waits at the server's door until the details are open and being typed in.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/*/tasks', async (route) => {
    if (route.request().method() !== 'POST') return route.fallback();
    await held;
    await route.fallback();
  });
  const input = quickAddInput(page);
  await input.fill('Book the dentist');
  await input.press('Enter');
  await expect(taskItem(page, 'Book the dentist')).toContainText('Saving…');
  await taskItem(page, 'Book the dentist').getByRole('button', { name: 'Edit' }).click();
  await taskDetails(page).getByLabel('Description').fill('Ask about the crown');

  release();
  await saved(page);
  await expect(taskItem(page, 'Book the dentist')).not.toContainText('Saving…');
  await expect(taskDetails(page).getByLabel('Description')).toHaveValue('Ask about the crown');
  await taskDetails(page).getByRole('button', { name: 'Save' }).click();
  await expect(taskDetails(page)).toHaveCount(0);
  await saved(page);
  const stored = (await (await page.request.get(`/api/${userId}/tasks`)).json()) as { title: string; description: string | null }[];
  expect(stored).toEqual([expect.objectContaining({ title: 'Book the dentist', description: 'Ask about the crown' })]);
});

test('a create whose answer was lost is sent again with its Idempotency-Key: one task', async ({ page }) => {
  await signUp(page, newPerson());
  const userId = await currentUserId(page);
  // The next add reaches the server, which creates the task, but its answer never arrives.
  let loseNextAnswer = true;
  const keys: (string | null)[] = [];
  await page.route('**/api/*/tasks', async (route) => {
    if (route.request().method() !== 'POST') return route.fallback();
    keys.push(await route.request().headerValue('idempotency-key'));
    if (!loseNextAnswer) return route.fallback();
    loseNextAnswer = false;
    await route.fetch();
    await route.abort('connectionreset');
  });
  await addTask(page, 'Pay rent');
  await expect(taskItem(page, 'Pay rent')).not.toContainText('Saving…', { timeout: 15_000 });
  expect(keys).toHaveLength(2);
  expect(keys[0]).toBe(keys[1]);
  const saved = (await (await page.request.get(`/api/${userId}/tasks`)).json()) as { title: string }[];
  expect(saved.map((t) => t.title)).toEqual(['Pay rent']);
  await page.reload();
  await expect(taskCheckbox(page, 'Pay rent')).toHaveCount(1);
});
