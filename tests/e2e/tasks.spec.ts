import { expect, test } from './fixtures';
import { addTask, currentUserId, newPerson, newTaskForm, quickAddInput, signIn, signUp, taskCheckbox, taskDetails, taskItem, visibleTitles } from './helpers';

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

test('Load more follows the API’s next link until every task is shown', async ({ page }) => {
  await signUp(page, newPerson());
  const userId = await currentUserId(page);
  for (let n = 1; n <= 23; n++) {
    const response = await page.request.post(`/api/${userId}/tasks`, { data: { title: `Task ${String(n).padStart(2, '0')}` } });
    expect(response.status()).toBe(201);
  }
  await page.reload();
  await expect(visibleTitles(page)).toHaveCount(20);
  await expect(page.getByTestId('task-counts')).toHaveText('23 open · 0 done');
  // Newest first: the three oldest are on the next page.
  await expect(taskCheckbox(page, 'Task 23')).toBeVisible();
  await expect(taskCheckbox(page, 'Task 01')).toHaveCount(0);

  await page.getByRole('button', { name: 'Load more' }).click();
  await expect(visibleTitles(page)).toHaveCount(23);
  await expect(taskCheckbox(page, 'Task 01')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Load more' })).toHaveCount(0);
});

test('a change the server refuses is rolled back with a message', async ({ page }) => {
  await signUp(page, newPerson());
  await addTask(page, 'Water the plants');

  await page.route('**/api/*/tasks/*/complete', (route) =>
    route.fulfill({
      status: 503,
      contentType: 'application/problem+json',
      body: JSON.stringify({ type: 'about:blank', title: 'Service Unavailable', status: 503, detail: 'down' }),
    }),
  );
  await taskCheckbox(page, 'Water the plants').click();
  await expect(page.getByTestId('task-error')).toContainText('Could not complete “Water the plants”');
  await expect(taskCheckbox(page, 'Water the plants')).not.toBeChecked();
  await expect(page.getByTestId('task-counts')).toHaveText('1 open · 0 done');

  await page.route('**/api/*/tasks/*', (route) =>
    route.request().method() === 'DELETE' ? route.abort('internetdisconnected') : route.fallback(),
  );
  await taskItem(page, 'Water the plants').getByRole('button', { name: 'Delete' }).click();
  await taskItem(page, 'Water the plants').getByRole('button', { name: 'Yes, delete' }).click();
  await expect(page.getByTestId('task-error')).toContainText('Could not delete “Water the plants”. Could not reach the server');
  await expect(taskCheckbox(page, 'Water the plants')).toBeVisible();

  await page.getByRole('button', { name: 'Dismiss' }).click();
  await expect(page.getByTestId('task-error')).toHaveCount(0);
  await page.unrouteAll();
  await page.reload();
  await expect(taskCheckbox(page, 'Water the plants')).not.toBeChecked();
});

test('a task typed while the network is down is not lost', async ({ page }) => {
  await signUp(page, newPerson());
  await page.route('**/api/*/tasks', (route) =>
    route.request().method() === 'POST' ? route.abort('internetdisconnected') : route.fallback(),
  );
  const form = newTaskForm(page);
  await quickAddInput(page).fill('Call the plumber tomorrow #home');
  await form.getByRole('button', { name: 'Add task' }).click();
  await expect(page.getByTestId('task-error')).toContainText('Could not add “Call the plumber”. Could not reach the server');
  await expect(quickAddInput(page)).toHaveValue('Call the plumber tomorrow #home');
  await expect(taskCheckbox(page, 'Call the plumber')).toHaveCount(0);

  // Back online, the same click adds it, with its date and label.
  await page.unrouteAll();
  await form.getByRole('button', { name: 'Add task' }).click();
  await expect(taskCheckbox(page, 'Call the plumber')).toBeEnabled();
  await expect(taskItem(page, 'Call the plumber')).toContainText('Tomorrow');
  await expect(taskItem(page, 'Call the plumber')).toContainText('home');
  await expect(quickAddInput(page)).toHaveValue('');
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

test('trying again after a lost answer adds the task once; an edited draft is a new task', async ({ page }) => {
  await signUp(page, newPerson());
  // The next add reaches the server, which creates the task, but its answer never arrives.
  let loseNextAnswer = true;
  await page.route('**/api/*/tasks', async (route) => {
    if (route.request().method() !== 'POST' || !loseNextAnswer) return route.fallback();
    loseNextAnswer = false;
    await route.fetch();
    await route.abort('connectionreset');
  });
  const form = newTaskForm(page);
  const title = quickAddInput(page);

  await title.fill('Pay rent');
  await title.press('Enter');
  await expect(page.getByTestId('task-error')).toContainText('Could not add “Pay rent”');
  await expect(title).toHaveValue('Pay rent');
  await form.getByRole('button', { name: 'Add task' }).click();
  await expect(title).toHaveValue('');
  await expect(visibleTitles(page)).toHaveCount(1);

  loseNextAnswer = true;
  await title.fill('Call mum');
  await title.press('Enter');
  await expect(page.getByTestId('task-error')).toContainText('Could not add “Call mum”');
  // Changed before trying again: what the person now sends is another task.
  await title.fill('Call mum and dad');
  await title.press('Enter');
  await expect(title).toHaveValue('');

  await page.reload();
  await expect(taskCheckbox(page, 'Pay rent')).toHaveCount(1);
  await expect(taskCheckbox(page, 'Call mum')).toHaveCount(1);
  await expect(taskCheckbox(page, 'Call mum and dad')).toHaveCount(1);
  await expect(page.getByTestId('task-counts')).toHaveText('3 open · 0 done');
});
