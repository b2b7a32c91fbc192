import { test as base } from '@playwright/test';
import { cleanupSecret, externalBaseUrl } from './env';
import { createdEmails } from './helpers';

export { expect } from '@playwright/test';

/**
 * The suite's `test`: after each test, the accounts it made (every `newPerson()`) are deleted
 * through POST /test-only/e2e-cleanup, with their tasks and sign-in failures, so that a
 * deployment's database is left as the suite found it. A failed clean-up fails the test.
 */
export const test = base.extend<{ deleteAccountsAfterwards: void }>({
  deleteAccountsAfterwards: [
    async ({ playwright }, use, testInfo) => {
      createdEmails.length = 0;
      await use();
      const emails = createdEmails.splice(0);
      if (emails.length === 0) return;
      if (!cleanupSecret) throw new Error('E2E_CLEANUP_SECRET must be set to the deployment’s, so that the suite can delete its accounts');
      // A context of its own: the test's `request` may be signed in, or gone with its page.
      const { baseURL, extraHTTPHeaders } = testInfo.project.use;
      const request = await playwright.request.newContext({ baseURL, extraHTTPHeaders });
      try {
        const response = await request.post('/test-only/e2e-cleanup', {
          data: { emails },
          headers: { 'x-e2e-cleanup-secret': cleanupSecret },
        });
        if (!response.ok()) throw new Error(`deleting ${emails.length} test accounts from ${externalBaseUrl ?? 'the local server'}: ${response.status()}`);
      } finally {
        await request.dispose();
      }
    },
    { auto: true },
  ],
});
