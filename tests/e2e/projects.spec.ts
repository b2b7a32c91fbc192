import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { newPerson, quickAdd, saved, signUp, taskCheckbox, taskDetails, taskItem } from './helpers';

// Projects and subtasks in the browser: a project from the sidebar, tasks and subtasks by quick
// add, nesting and un-nesting from the keyboard and by drag, a move to another project, and the
// project deleted with its tasks.

function nav(page: Page) {
  return page.getByRole('navigation', { name: 'Views' });
}

function projectLink(page: Page, name: string) {
  return nav(page).getByRole('link', { name: new RegExp(`^${name}\\b`) });
}

/** The rows of the list as an outline: each title indented by its depth ("  child"). */
async function outline(page: Page): Promise<string[]> {
  const rows = page.getByRole('list', { name: 'Tasks' }).getByRole('listitem');
  return rows.evaluateAll((items) =>
    items.map((item) => `${'  '.repeat(Number(item.getAttribute('data-depth') ?? 0))}${item.querySelector('label')?.textContent ?? ''}`),
  );
}

async function addProject(page: Page, name: string) {
  await nav(page).getByRole('button', { name: 'Add project' }).click();
  const form = page.getByRole('form', { name: 'New project' });
  await form.getByLabel('Project name').fill(name);
  await form.getByRole('button', { name: /^Add/ }).click();
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
  await expect(projectLink(page, name)).toHaveAttribute('aria-current', 'page');
}

async function dragHandle(page: Page, title: string, dx: number, dy: number) {
  const handle = page.getByRole('button', { name: `Move ${title}` });
  const box = (await handle.boundingBox())!;
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + 5, y + 5, { steps: 2 });
  await page.mouse.move(x + dx, y + dy, { steps: 15 });
  await page.mouse.up();
}

test('a project: tasks and subtasks by quick add, nested by keyboard and by drag, moved, deleted', async ({ page }) => {
  await signUp(page, newPerson('Projects'));
  await addProject(page, 'Home');
  await addProject(page, 'Garden');

  // Quick add in the Inbox with @Home puts the task in Home, and says so.
  await page.goto('/tasks');
  const line = page.getByRole('form', { name: 'New task' }).getByLabel('Add a task');
  await line.fill('Paint the fence @Home');
  await expect(page.getByRole('form', { name: 'New task' })).toContainText('Home');
  await line.press('Enter');
  await expect(page.getByTestId('task-status')).toHaveText('Added “Paint the fence” to Home.');
  await expect(taskCheckbox(page, 'Paint the fence')).toHaveCount(0);
  await expect(projectLink(page, 'Home')).toContainText('1');

  await projectLink(page, 'Home').click();
  await expect(page).toHaveURL(/\/tasks\?project=[0-9a-f-]{36}$/);
  await quickAdd(page, 'Buy paint');
  await quickAdd(page, 'Sand the boards');
  await expect.poll(() => outline(page)).toEqual(['Sand the boards', 'Buy paint', 'Paint the fence']);

  // Keyboard: pick up "Buy paint", Down below "Paint the fence"… then Tab under it, as an outliner.
  const buyPaint = page.getByRole('button', { name: 'Move Buy paint' });
  await buyPaint.focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowDown');
  await expect.poll(() => outline(page)).toEqual(['Sand the boards', 'Paint the fence', 'Buy paint']);
  await page.keyboard.press('Tab');
  await expect.poll(() => outline(page)).toEqual(['Sand the boards', 'Paint the fence', '  Buy paint']);
  await expect(page.getByRole('status').filter({ hasText: 'Buy paint is now a subtask of Paint the fence.' })).toBeAttached();
  await expect(taskItem(page, 'Paint the fence').getByTestId('subtask-progress')).toHaveText('0/1 subtasks done');
  await page.keyboard.press('Shift+Tab');
  await expect.poll(() => outline(page)).toEqual(['Sand the boards', 'Paint the fence', 'Buy paint']);
  await expect(page.getByRole('status').filter({ hasText: 'Buy paint is no longer a subtask.' })).toBeAttached();
  // Still picked up, and still focused: the next Tab nests it again.
  await expect(buyPaint).toBeFocused();
  await expect(buyPaint).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('status').filter({ hasText: 'Buy paint is now a subtask of Paint the fence.' })).toBeAttached();
  await page.keyboard.press('Escape');
  await expect(buyPaint).toHaveAttribute('aria-pressed', 'false');
  await expect.poll(() => outline(page)).toEqual(['Sand the boards', 'Paint the fence', '  Buy paint']);

  // "Add subtask" from a row.
  await taskItem(page, 'Paint the fence').getByRole('button', { name: 'Add subtask to Paint the fence' }).click();
  const subtask = page.getByLabel('New subtask of Paint the fence');
  await subtask.fill('Pick a colour');
  await subtask.press('Enter');
  await expect.poll(() => outline(page)).toEqual(['Sand the boards', 'Paint the fence', '  Buy paint', '  Pick a colour']);
  await subtask.press('Escape');
  // Saved: its row has the server's id (a row's id is its drag handle's).
  await saved(page);

  // Drag: "Sand the boards" to the right, onto the row below the fence's subtasks, becomes a subtask.
  const pick = (await taskItem(page, 'Pick a colour').boundingBox())!;
  const sand = (await page.getByRole('button', { name: 'Move Sand the boards' }).boundingBox())!;
  await dragHandle(page, 'Sand the boards', 30, pick.y + pick.height - sand.y - sand.height / 2);
  await expect.poll(() => outline(page)).toEqual(['Paint the fence', '  Buy paint', '  Pick a colour', '  Sand the boards']);
  await saved(page);
  // …and dragged to the left, out again.
  await dragHandle(page, 'Sand the boards', -30, 0);
  await expect.poll(() => outline(page)).toEqual(['Paint the fence', '  Buy paint', '  Pick a colour', 'Sand the boards']);

  // Completing the parent completes its subtasks.
  await taskCheckbox(page, 'Paint the fence').check();
  await expect(taskCheckbox(page, 'Buy paint')).toBeChecked();
  await expect(taskItem(page, 'Paint the fence').getByTestId('subtask-progress')).toHaveText('2/2 subtasks done');
  await taskCheckbox(page, 'Paint the fence').uncheck();

  // Folding hides the subtasks.
  await page.getByRole('button', { name: 'Hide the subtasks of Paint the fence' }).click();
  await expect.poll(() => outline(page)).toEqual(['Paint the fence', 'Sand the boards']);
  await page.getByRole('button', { name: 'Show the subtasks of Paint the fence' }).click();

  // The details dialog moves a task, with its subtasks, to another project.
  await taskItem(page, 'Paint the fence').getByRole('button', { name: 'Edit' }).first().click();
  await taskDetails(page).getByLabel('Project').selectOption({ label: 'Garden' });
  await taskDetails(page).getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('task-status')).toHaveText('“Paint the fence” moved to Garden.');
  await expect.poll(() => outline(page)).toEqual(['Sand the boards']);
  await projectLink(page, 'Garden').click();
  await expect.poll(() => outline(page)).toEqual(['Paint the fence', '  Buy paint', '  Pick a colour']);

  // Today names the project on each row.
  await quickAdd(page, 'Water the roses today', 'Water the roses');
  await nav(page).getByRole('link', { name: /^Today\b/ }).click();
  await expect(taskItem(page, 'Water the roses').getByTestId('task-project')).toHaveText('Project: Garden');

  // Deleting a project deletes its tasks.
  await projectLink(page, 'Garden').click();
  await page.getByRole('button', { name: 'Delete Garden' }).click();
  await page.getByRole('button', { name: 'Delete project and tasks' }).click();
  await expect(page).toHaveURL(/\/tasks$/);
  await expect(projectLink(page, 'Garden')).toHaveCount(0);
  await nav(page).getByRole('link', { name: /^Today\b/ }).click();
  await expect(page.getByTestId('empty-state')).toBeVisible();
});

test('projects reorder in the sidebar from the keyboard, and the order stays', async ({ page }) => {
  await signUp(page, newPerson('Sidebar'));
  for (const name of ['Alpha', 'Beta', 'Gamma']) await addProject(page, name);
  const names = nav(page).getByRole('list', { name: 'Projects' }).getByRole('link');
  await expect(names).toHaveText([/^Alpha/, /^Beta/, /^Gamma/]);
  await projectLink(page, 'Gamma').focus();
  await page.keyboard.press('Alt+ArrowUp');
  await expect(names).toHaveText([/^Alpha/, /^Gamma/, /^Beta/]);
  await page.reload();
  await expect(names).toHaveText([/^Alpha/, /^Gamma/, /^Beta/]);
});
