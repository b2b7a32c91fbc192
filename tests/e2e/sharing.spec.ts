import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { newPerson, quickAdd, signUp, taskCheckbox, taskItem } from './helpers';

// Sharing a project between two people, each in their own browser: A invites B, B accepts from
// the sidebar, both edit, each sees the other's change live, a viewer sees no write controls,
// and when A removes B, B's view drops the project without a reload.

function nav(page: Page) {
  return page.getByRole('navigation', { name: 'Views' });
}

function projectLink(page: Page, name: string) {
  return nav(page).getByRole('link', { name: new RegExp(`^${name}\\b`) });
}

async function addProject(page: Page, name: string) {
  await nav(page).getByRole('button', { name: 'Add project' }).click();
  const form = page.getByRole('form', { name: 'New project' });
  await form.getByLabel('Project name').fill(name);
  await form.getByRole('button', { name: /^Add/ }).click();
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
}

test('A shares a project, B accepts, both edit live; a viewer reads only; A removes B and B loses it at once', async ({ page, browser }) => {
  const ann = newPerson('Ann');
  const bob = newPerson('Bob');
  await signUp(page, ann);
  const bobContext = await browser.newContext();
  const bobPage = await bobContext.newPage();
  try {
    await signUp(bobPage, bob);

    await addProject(page, 'Trip');
    await quickAdd(page, 'Book the train');
    await page.getByRole('button', { name: /^Share Trip/ }).click();
    const share = page.getByTestId('share-panel');
    await share.getByLabel('Invite by email').fill(bob.email);
    await share.getByRole('button', { name: 'Invite' }).click();
    await expect(share.getByTestId('pending-invitations')).toContainText(bob.email);

    // B's sidebar shows the invitation as it arrives (event: invitation), without a reload.
    const invitations = nav(bobPage).getByTestId('invitations');
    await expect(invitations).toContainText('Ann invites you to “Trip” as an editor');
    await invitations.getByRole('button', { name: 'Accept the invitation to Trip' }).click();
    await expect(bobPage.getByRole('heading', { name: 'Trip', level: 1 })).toBeVisible();
    await expect(bobPage.getByTestId('project-role')).toHaveText('You can edit this project');
    await expect(taskItem(bobPage, 'Book the train')).toBeVisible();

    // Both edit; each sees the other's change live.
    await quickAdd(bobPage, 'Pack the bags');
    await expect(taskItem(page, 'Pack the bags')).toBeVisible();
    await taskCheckbox(page, 'Book the train').check();
    await expect(taskCheckbox(bobPage, 'Book the train')).toBeChecked();

    // A makes B a viewer: B's rows lose their write controls.
    await expect(share.getByTestId('members')).toContainText(bob.email);
    await share.getByLabel(new RegExp(`Role of .*${bob.email.replace(/[.+]/g, '\\$&')}`)).selectOption('viewer');
    await expect(share.getByTestId('members')).toContainText(bob.email);
    await expect(bobPage.getByTestId('project-role')).toHaveText('You can view this project');
    await expect(bobPage.getByRole('form', { name: 'New task' })).toHaveCount(0);
    await expect(taskCheckbox(bobPage, 'Pack the bags')).toBeDisabled();
    await expect(taskItem(bobPage, 'Pack the bags').getByRole('button', { name: 'Delete Pack the bags' })).toHaveCount(0);

    // A removes B: B's sidebar drops the project and B is back in the Inbox, no reload.
    await share.getByRole('button', { name: new RegExp(`^Remove .*${bob.email.replace(/[.+]/g, '\\$&')}`) }).click();
    await expect(share.getByTestId('members')).not.toContainText(bob.email);
    await expect(projectLink(bobPage, 'Trip')).toHaveCount(0);
    await expect(bobPage).toHaveURL(/\/tasks$/);
    await expect(taskItem(bobPage, 'Pack the bags')).toHaveCount(0);
  } finally {
    await bobContext.close();
  }
});
