import { test as base, type APIRequestContext } from '@playwright/test';
import { externalBaseUrl } from './env';
import { createdPeople, type Person } from './helpers';

export { expect } from '@playwright/test';

/**
 * Deletes one account the way its owner can: a token from POST /api/auth/token, then
 * DELETE /api/{user_id}/account with the password (tasks, labels, sessions and sign-in
 * failures go with it). 401 means there is no account with that email and password: the test
 * never signed it up, or deleted it itself.
 */
async function deleteAccount(request: APIRequestContext, person: Person): Promise<void> {
  const where = externalBaseUrl ?? 'the local server';
  const signIn = await request.post('/api/auth/token', { data: { email: person.email, password: person.password } });
  if (signIn.status() === 401) return;
  if (!signIn.ok()) throw new Error(`signing in as test account ${person.email} on ${where} to delete it: ${signIn.status()} ${await signIn.text()}`);
  const { access_token, user } = (await signIn.json()) as { access_token: string; user: { id: string } };
  const deleted = await request.delete(`/api/${user.id}/account`, {
    data: { password: person.password },
    headers: { authorization: `Bearer ${access_token}` },
  });
  if (deleted.status() !== 204) throw new Error(`deleting test account ${person.email} on ${where}: ${deleted.status()} ${await deleted.text()}`);
}

/**
 * The suite's `test`: after each test, the accounts it made (every `newPerson()`) are deleted
 * through the public API, so that a deployment's database is left as the suite found it. A
 * failed clean-up fails the test.
 */
export const test = base.extend<{ deleteAccountsAfterwards: void }>({
  deleteAccountsAfterwards: [
    async ({ playwright }, use, testInfo) => {
      createdPeople.length = 0;
      await use();
      const people = createdPeople.splice(0);
      if (people.length === 0) return;
      // A context of its own: the test's `request` may be signed in, or gone with its page.
      const { baseURL, extraHTTPHeaders } = testInfo.project.use;
      const request = await playwright.request.newContext({ baseURL, extraHTTPHeaders });
      try {
        for (const person of people) await deleteAccount(request, person);
      } finally {
        await request.dispose();
      }
    },
    { auto: true },
  ],
});
