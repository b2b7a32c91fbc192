import { expect, test } from './fixtures';
import { addTask, currentUserId, newPerson, signUp, visibleTitles } from './helpers';

// Export from one account, import into a new one, through the API with each browser's session
// cookie. The settings page that holds the export and import controls (components/settings/
// data-transfer.tsx) comes with the accounts branch; until then this drives the routes it calls.

type Exported = { labels: { name: string; color: string }[]; tasks: Record<string, unknown>[] };

const withoutUpdatedAt = (document: Exported) => document.tasks.map(({ updated_at: _u, ...task }) => task);

for (const format of ['json', 'csv'] as const) {
  test(`export as ${format}, then import into a new account: the lists match`, async ({ browser }) => {
    const first = await browser.newContext();
    const page = await first.newPage();
    await signUp(page, newPerson('Exporter'));
    await addTask(page, 'Water the plants', 'the ferns, not the cactus');
    const userId = await currentUserId(page);
    const created = await page.request.post(`/api/${userId}/tasks`, {
      data: { title: '=SUM(A1:A3)', due_date: '2026-12-01', due_time: '09:30', priority: 'high', labels: ['home', 'Money'], repeat: { every: 'week', interval: 2 } },
    });
    expect(created.status()).toBe(201);
    await addTask(page, 'Call the bank');

    const download = await page.request.get(`/api/${userId}/export${format === 'csv' ? '?format=csv' : ''}`);
    expect(download.status()).toBe(200);
    expect(download.headers()['content-disposition']).toMatch(new RegExp(`attachment; filename="todo-export-\\d{4}-\\d{2}-\\d{2}\\.${format}"`));
    const file = await download.body();
    const original = (await (await page.request.get(`/api/${userId}/export`)).json()) as Exported;

    const second = await browser.newContext();
    const other = await second.newPage();
    await signUp(other, newPerson('Importer'));
    const otherId = await currentUserId(other);
    const contentType = format === 'csv' ? 'text/csv' : 'application/json';
    const preview = await other.request.post(`/api/${otherId}/import?dry_run=true`, { headers: { 'content-type': contentType }, data: file });
    expect(await preview.json()).toEqual({ tasks_created: 3, labels_created: 2, projects_created: 0 });
    const imported = await other.request.post(`/api/${otherId}/import`, { headers: { 'content-type': contentType }, data: file });
    expect(imported.status()).toBe(201);

    const copy = (await (await other.request.get(`/api/${otherId}/export`)).json()) as Exported;
    expect(withoutUpdatedAt(copy)).toEqual(withoutUpdatedAt(original));
    await other.goto('/tasks');
    await expect(visibleTitles(other)).toHaveCount(3);
    for (const title of ['Water the plants', '=SUM(A1:A3)', 'Call the bank']) {
      await expect(other.getByRole('checkbox', { name: title, exact: true })).toBeVisible();
    }
    await first.close();
    await second.close();
  });
}

test('settings imports a Todoist project CSV after a preview of what it creates and what it cannot carry over', async ({ page }) => {
  await signUp(page, newPerson('Todoist'));
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Import from').selectOption({ label: 'Todoist (project CSV, or a zip of them)' });
  const csv = [
    'TYPE,CONTENT,DESCRIPTION,PRIORITY,INDENT,AUTHOR,RESPONSIBLE,DATE,DATE_LANG,TIMEZONE',
    'task,Buy paint @diy,,1,1,Ann (1),,,en,UTC',
    'task,Pick a colour,,4,2,Ann (1),,,en,UTC',
    'section,Later,,,,,,,,',
    'task,Sand the boards,,3,1,Ann (1),Bo (2),,en,UTC',
  ].join('\r\n');
  await page.getByLabel('File to import').setInputFiles({ name: 'Garden [2203306141].csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });

  const status = page.getByTestId('import-status');
  await expect(status).toContainText('Garden [2203306141].csv will create 3 tasks, 1 new label and 1 new project.');
  const warnings = status.getByTestId('import-warnings');
  await expect(warnings).toContainText('2 things cannot be carried over exactly');
  await expect(warnings.getByRole('listitem')).toHaveText([
    'row 4: the section "Later" is not kept: its tasks are imported into "Garden" without it',
    'row 5: it was assigned to Bo (2); assignees are not carried over',
  ]);
  await status.getByRole('button', { name: 'Import 3 tasks' }).click();
  await expect(status).toContainText('Imported 3 tasks, 1 new label and 1 new project.');

  await status.getByRole('link', { name: 'See your tasks' }).click();
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: /^Garden\b/ }).click();
  for (const title of ['Buy paint', 'Pick a colour', 'Sand the boards']) await expect(page.getByRole('checkbox', { name: title, exact: true })).toBeVisible();
  await expect(page.getByTestId('subtask-progress')).toHaveText('0/1 subtasks done');
});
