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
