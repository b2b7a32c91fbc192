import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { Webhook } from 'standardwebhooks';
import { expect, test } from './fixtures';
import { expectNoHorizontalScroll, newPerson, quickAdd, signUp } from './helpers';

// A webhook added in settings delivers signed events (Standard Webhooks) to a receiver of the
// test's own: a test event, then a task added in the app; it is then paused and deleted.

interface Received {
  path: string;
  /** The `webhook-id` header. */
  id: string;
  /** Whether the signature checked out with the secret the page showed. */
  verified: boolean;
  type?: string;
  data?: { webhook?: { id: string; url: string }; task?: { title: string } };
}

/** An HTTP server on 127.0.0.1 that records every POST, checking its signature once `secret` is set. */
async function startReceiver() {
  const received: Received[] = [];
  const receiver = { secret: '', received, url: '', close: () => Promise.resolve() };
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const header = (name: string) => String(request.headers[name] ?? '');
      const headers = { 'webhook-id': header('webhook-id'), 'webhook-timestamp': header('webhook-timestamp'), 'webhook-signature': header('webhook-signature') };
      let event: Pick<Received, 'type' | 'data'> | undefined;
      try {
        if (receiver.secret) event = new Webhook(receiver.secret).verify(body, headers) as Pick<Received, 'type' | 'data'>;
      } catch {
        // recorded as not verified
      }
      received.push({ path: `${request.method} ${request.url}`, id: headers['webhook-id'], verified: event !== undefined, type: event?.type, data: event?.data });
      response.writeHead(event ? 204 : 401).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  receiver.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return receiver;
}

/**
 * The webhooks section as it is now (the list, the secret, a delivery log), light and dark, on a
 * desktop and a 375 px phone: no serious axe violation, nothing wider than the screen.
 */
async function expectSectionAccessible(page: Page) {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: 800 });
      const results = await new AxeBuilder({ page }).include('[data-testid="webhooks"]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      expect(serious, `${colorScheme}, ${width} px`).toEqual([]);
      await expectNoHorizontalScroll(page);
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1280, height: 800 });
}

test('a webhook added in settings gets a signed test event and task events, and is paused and deleted', async ({ page }) => {
  const receiver = await startReceiver();
  const url = receiver.url;
  const verified = (type: string) => receiver.received.filter((event) => event.verified && event.type === type);
  try {
    await signUp(page, newPerson('Hook'));
    await page.getByRole('link', { name: 'Settings' }).click();
    await expect(page).toHaveURL(/\/settings$/);

    const webhooks = page.getByTestId('webhooks');
    const form = webhooks.getByRole('form', { name: 'New webhook' });
    // From the keyboard: the URL, All events (which covers, and so disables, each of them), Add webhook.
    await form.getByLabel('Payload URL').fill(url);
    const events = form.getByRole('group', { name: 'Events' });
    await page.keyboard.press('Tab');
    await expect(events.getByRole('checkbox', { name: 'All events' })).toBeFocused();
    await page.keyboard.press('Space');
    await expect(events.getByRole('checkbox', { name: 'All events' })).toBeChecked();
    await expect(events.getByRole('checkbox', { name: /A task is added/ })).toBeChecked();
    await expect(events.getByRole('checkbox', { name: /A task is added/ })).toBeDisabled();
    await page.keyboard.press('Tab');
    await expect(form.getByRole('button', { name: 'Add webhook' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(webhooks.getByRole('status')).toHaveText(`Webhook for ${url} added. Copy its signing secret now: it will not be shown again.`);
    receiver.secret = await webhooks.getByLabel(`Signing secret for ${url} (shown this once)`).inputValue();
    expect(receiver.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    await expect(form.getByLabel('Payload URL')).toHaveValue('');

    const row = webhooks.getByRole('list', { name: 'Webhooks' }).getByTestId('webhook');
    await expect(row).toHaveCount(1);
    await expect(row).toContainText(url);
    await expect(row).toContainText('All events');
    await expect(row.getByTestId('webhook-status')).toHaveText('Active');

    await row.getByRole('button', { name: `Send test event to ${url}` }).click();
    await expect(webhooks.getByRole('status')).toHaveText(`Test event queued for ${url}. Its delivery shows in the log within a few seconds.`);
    const show = row.getByRole('button', { name: `Show deliveries to ${url}` });
    await expect(show).toHaveAttribute('aria-expanded', 'false');
    await show.click();
    const hide = row.getByRole('button', { name: `Hide deliveries to ${url}` });
    await expect(hide).toHaveAttribute('aria-expanded', 'true');

    await expect.poll(() => verified('webhook.test').map((event) => [event.path, event.data?.webhook?.url])).toContainEqual(['POST /hook', url]);
    // Every request the receiver got was signed with the secret the page showed.
    expect(receiver.received.filter((event) => !event.verified)).toEqual([]);

    const table = row.getByRole('table', { name: `Deliveries to ${url}` });
    const testRow = table.getByRole('row').filter({ hasText: 'webhook.test' });
    await expect(async () => {
      await row.getByRole('button', { name: `Refresh deliveries to ${url}` }).click();
      await expect(testRow).toContainText('Delivered', { timeout: 1_000 });
    }).toPass();
    await expect(testRow.getByRole('cell')).toHaveText(['webhook.test', 'Delivered', '1', '204', /\d{4}/]);
    await expect(table.getByRole('columnheader')).toHaveText(['Event', 'Status', 'Attempts', 'Response', 'When']);
    await expectSectionAccessible(page);
    await hide.click();
    await expect(table).toHaveCount(0);
    await expect(show).toHaveAttribute('aria-expanded', 'false');

    // A change in the app: the task's own event, with the task in it.
    await page.goto('/tasks');
    await quickAdd(page, 'Water the plants');
    await expect.poll(() => verified('task.created').map((event) => event.data?.task?.title)).toContain('Water the plants');
    expect(receiver.received.filter((event) => !event.verified)).toEqual([]);

    await page.getByRole('link', { name: 'Settings' }).click();
    await expect(page).toHaveURL(/\/settings$/);
    await expect(row.getByTestId('webhook-status')).toHaveText('Active');
    await row.getByRole('button', { name: `Pause ${url}` }).click();
    await expect(webhooks.getByRole('status')).toHaveText(`Webhook for ${url} paused. No events are sent to it until it is resumed.`);
    await expect(row.getByTestId('webhook-status')).toHaveText('Paused');
    await expect(row.getByRole('button', { name: `Resume ${url}` })).toBeVisible();

    await row.getByRole('button', { name: `Delete ${url}` }).click();
    await expect(webhooks.getByRole('status')).toHaveText(`Webhook for ${url} deleted, with its delivery log.`);
    await expect(row).toHaveCount(0);
    await page.reload();
    await expect(page.getByTestId('webhooks').getByTestId('webhook')).toHaveCount(0);
  } finally {
    await receiver.close();
  }
});
