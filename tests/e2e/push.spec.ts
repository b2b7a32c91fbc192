import { expect, test } from './fixtures';
import { newPerson, signUp } from './helpers';

// The service worker (app/sw.ts) and Chromium's own push delivery: DevTools' ServiceWorker
// domain hands the worker a push as a push service would, and the worker shows it.

test('"Turn on notifications" asks only when clicked; the service worker shows a pushed notification', async ({ page, context }) => {
  await signUp(page, newPerson('Push'));
  await page.goto('/settings');
  const section = page.getByTestId('push-notifications');
  await expect(section.getByTestId('push-status')).toHaveText('Off for this browser.');
  // Nothing was asked on the way here.
  expect(await page.evaluate(() => Notification.permission)).toBe('default');

  await context.grantPermissions(['notifications']);
  const cdp = await context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  const registered = new Promise<string>((resolve) => {
    cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
      const ours = registrations.find((r) => r.scopeURL.endsWith('/') && !r.isDeleted);
      if (ours) resolve(ours.registrationId);
    });
  });
  await section.getByRole('button', { name: 'Turn on notifications' }).click();
  const registrationId = await registered;
  await page.evaluate(() => navigator.serviceWorker.ready);
  // Whether this Chromium reaches a push service (Google's, here offline) decides "on"; the worker
  // is registered either way, and the button is back once the attempt is over.
  await expect(section.getByRole('button', { name: /^Turn (on|off) notifications$/ })).toBeEnabled();

  const origin = new URL(page.url()).origin;
  await cdp.send('ServiceWorker.deliverPushMessage', {
    origin,
    registrationId,
    data: JSON.stringify({ id: 'n-1', title: 'Water the plants', body: 'Due Fri 4 Dec at 09:00', url: '/tasks' }),
  });
  await expect
    .poll(() => page.evaluate(async () => (await (await navigator.serviceWorker.ready).getNotifications()).map((n) => [n.title, n.body, n.tag])))
    .toEqual([['Water the plants', 'Due Fri 4 Dec at 09:00', 'n-1']]);
});
