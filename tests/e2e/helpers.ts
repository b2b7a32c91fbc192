import { randomUUID } from 'node:crypto';
import { expect, type Page } from '@playwright/test';

export const PASSWORD = 'correct horse battery staple';

export interface Person {
  email: string;
  /** The password the account has now: a test that changes it updates this, for fixtures.ts. */
  password: string;
  name?: string;
}

/** Every person `newPerson()` handed out in the current test, for fixtures.ts to delete afterwards. */
export const createdPeople: Person[] = [];

/** A person nobody has signed up yet: every test brings its own (and fixtures.ts deletes it). */
export function newPerson(name?: string): Person {
  const handle = name?.toLowerCase().replace(/[^a-z]/g, '') || 'e2e';
  const email = `${handle}-${randomUUID().slice(0, 13)}@example.com`;
  const person = { email, password: PASSWORD, name };
  createdPeople.push(person);
  return person;
}

/** Someone who never signs up: no account, so nothing for fixtures.ts to delete. */
export function nobody(): Person {
  return { email: `nobody-${randomUUID().slice(0, 13)}@example.com`, password: PASSWORD };
}

export async function signUp(page: Page, person: Person): Promise<void> {
  await page.goto('/signup');
  if (person.name) await page.getByLabel('Name').fill(person.name);
  await page.getByLabel('Email').fill(person.email);
  await page.getByLabel('Password').fill(person.password);
  await page.getByRole('button', { name: 'Sign up' }).click();
  await expect(page).toHaveURL(/\/tasks$/);
  await expect(page.getByTestId('signed-in-as')).toHaveText(person.email);
}

export async function signIn(page: Page, person: Person): Promise<void> {
  await page.getByLabel('Email').fill(person.email);
  await page.getByLabel('Password').fill(person.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Quick add: the one form that adds tasks. */
export function newTaskForm(page: Page) {
  return page.getByRole('form', { name: 'New task' });
}

/** Quick add's one line ("Pay rent tomorrow 9am !high #home every month"). */
export function quickAddInput(page: Page) {
  return newTaskForm(page).getByLabel('Add a task');
}

/**
 * Types a line into quick add, presses Enter, and waits until the server has the task, whose
 * title is what quick add left of the line (`title`, when the line has dates, labels and such).
 */
export async function quickAdd(page: Page, line: string, title = line): Promise<void> {
  const input = quickAddInput(page);
  await input.fill(line);
  await input.press('Enter');
  await expect(input).toHaveValue('');
  await expect(taskCheckbox(page, title)).toBeEnabled();
  await saved(page);
}

/** Waits until the server has every change this page made (its outbox is empty). */
export async function saved(page: Page): Promise<void> {
  await expect(page.getByRole('status', { name: 'Live updates' })).toHaveAttribute('data-waiting', '0');
}

/** Adds a task the way a person does (Enter in quick add), with a description written in its details. */
export async function addTask(page: Page, title: string, description?: string): Promise<void> {
  await quickAdd(page, title);
  if (description) await writeDescription(page, title, description);
}

/** Writes a task's description in its details dialog and waits until the server has it. */
export async function writeDescription(page: Page, title: string, description: string): Promise<void> {
  await taskItem(page, title).getByRole('button', { name: 'Edit' }).click();
  const details = taskDetails(page);
  await details.getByLabel('Description').fill(description);
  await details.getByRole('button', { name: 'Save' }).click();
  await expect(details).toHaveCount(0);
  await expect(taskItem(page, title)).toContainText(description);
  await saved(page);
}

/** The open details dialog of a task. */
export function taskDetails(page: Page) {
  return page.getByRole('dialog', { name: 'Task details' });
}

export function taskItem(page: Page, title: string) {
  return page.getByRole('list', { name: 'Tasks' }).getByRole('listitem').filter({ has: taskCheckbox(page, title) });
}

export function taskCheckbox(page: Page, title: string) {
  return page.getByRole('checkbox', { name: title, exact: true });
}

export function visibleTitles(page: Page) {
  return page.getByRole('list', { name: 'Tasks' }).getByRole('checkbox');
}

/** The signed-in user's id, as the API's paths need it. */
export async function currentUserId(page: Page): Promise<string> {
  const response = await page.request.get('/api/auth/session');
  const session = (await response.json()) as { user?: { id?: string } };
  expect(session.user?.id).toBeTruthy();
  return session.user!.id!;
}

/** No sideways scrolling: the page is no wider than the viewport. */
export async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
}
