import { describe, expect, it } from 'vitest';
import type { InvitationJson } from '@/lib/projects/schemas';
import { createTestUser, type TestUser } from '@/tests/helpers/auth';
import { databaseDigest, withTestDatabase } from '@/tests/helpers/db';
import { documentedOperations, sendOperation, type Operation } from '@/tests/helpers/openapi-operations';
import { createProjectVia, createTaskVia, projectsApi, shareVia, sharingApi, tasksApi } from '@/tests/helpers/requests';

// Generated from the OpenAPI document, like the isolation test: every operation whose path names
// a project or a task (`projects/{id}`, `tasks/{id}`) is sent by the project's owner, an editor,
// a viewer and a non-member, each naming the same shared rows under their own `{user_id}`, with
// a body made from the operation's schema. Each role gets the status of the table below, and a
// refusal changes nothing in the database. An operation the table does not list fails the test:
// a new route must say what each role may do.

const database = withTestDatabase();

type Role = 'owner' | 'editor' | 'viewer' | 'stranger';
const ROLES: Role[] = ['owner', 'editor', 'viewer', 'stranger'];

// [owner, editor, viewer, non-member]. `{member_id}` is the viewer's id; `{inv_id}` a pending invitation.
const EXPECTED: Record<string, [number, number, number, number]> = {
  'GET /api/{user_id}/projects/{id}': [200, 200, 200, 404],
  'PATCH /api/{user_id}/projects/{id}': [200, 200, 403, 404],
  'DELETE /api/{user_id}/projects/{id}': [204, 403, 403, 404],
  'POST /api/{user_id}/projects/{id}/move': [200, 200, 200, 404],
  'GET /api/{user_id}/projects/{id}/members': [200, 200, 200, 404],
  'PATCH /api/{user_id}/projects/{id}/members/{member_id}': [200, 403, 403, 404],
  // The viewer naming themself leaves.
  'DELETE /api/{user_id}/projects/{id}/members/{member_id}': [204, 403, 204, 404],
  'GET /api/{user_id}/projects/{id}/invitations': [200, 403, 403, 404],
  'POST /api/{user_id}/projects/{id}/invitations': [201, 403, 403, 404],
  'DELETE /api/{user_id}/projects/{id}/invitations/{inv_id}': [204, 403, 403, 404],
  'GET /api/{user_id}/tasks/{id}': [200, 200, 200, 404],
  'PUT /api/{user_id}/tasks/{id}': [200, 200, 403, 404],
  'PATCH /api/{user_id}/tasks/{id}': [200, 200, 403, 404],
  'DELETE /api/{user_id}/tasks/{id}': [204, 204, 403, 404],
  'PATCH /api/{user_id}/tasks/{id}/complete': [200, 200, 403, 404],
  'POST /api/{user_id}/tasks/{id}/move': [200, 200, 403, 404],
};

const namesSharedRow = (operation: Operation) => /\/(projects|tasks)\/\{id\}/.test(operation.template);
const operations = documentedOperations('/api/{user_id}/').filter(namesSharedRow);

const snapshot = () => databaseDigest(database.current);

/** A project of its owner's shared with an editor and a viewer, a task in it with a subtask, a pending invitation, and a non-member. */
async function sharedProject(): Promise<{ users: Record<Role, TestUser>; ids: Record<string, string> }> {
  const users = { owner: await createTestUser(), editor: await createTestUser(), viewer: await createTestUser(), stranger: await createTestUser() };
  const project = await createProjectVia(projectsApi(users.owner), { name: 'Shared' });
  await shareVia(users.owner, project.id, users.editor, 'editor');
  await shareVia(users.owner, project.id, users.viewer, 'viewer');
  const task = await createTaskVia(tasksApi(users.owner), { title: 'shared task', project_id: project.id });
  await createTaskVia(tasksApi(users.editor), { title: 'its subtask', parent_id: task.id });
  await createTaskVia(tasksApi(users.owner), { title: 'another', project_id: project.id });
  const invitation = (await (await sharingApi(users.owner).invite(project.id, { email: 'pending@example.com', role: 'viewer' })).json()) as InvitationJson;
  return { users, ids: { 'projects/{id}': project.id, 'tasks/{id}': task.id, 'members/{member_id}': users.viewer.id, 'invitations/{inv_id}': invitation.id } };
}

function pathFor(operation: Operation, user: TestUser, ids: Record<string, string>): Record<string, string> {
  const params: Record<string, string> = { user_id: user.id };
  for (const [, segment, name] of operation.template.matchAll(/([^/]+)\/\{(\w+)\}/g)) {
    if (name === 'user_id') continue;
    const id = ids[`${segment}/{${name}}`];
    if (!id) throw new Error(`no fixture names a row for {${name}} after /${segment}/ in ${operation.key}: add one to sharedProject()`);
    params[name!] = id;
  }
  return params;
}

describe('every operation on a shared project or task, by role, from the OpenAPI document', () => {
  it('covers the document: every such operation has an expected status per role', () => {
    expect(operations.length).toBeGreaterThanOrEqual(16);
    expect(operations.map((o) => o.key).filter((key) => !EXPECTED[key])).toEqual([]);
  });

  for (const operation of operations) {
    it(`${operation.key}: ${EXPECTED[operation.key]?.join(' / ') ?? 'no expectation'} for owner / editor / viewer / non-member`, async () => {
      const expected = EXPECTED[operation.key]!;
      for (const [i, role] of ROLES.entries()) {
        // A fresh project each time: a role's success (a delete, a leave) must not decide the next one's answer.
        const { users, ids } = await sharedProject();
        const before = await snapshot();
        const response = await sendOperation(operation, pathFor(operation, users[role], ids), users[role].headers);
        expect(response.status, `${operation.key} by the ${role}: ${await response.clone().text()}`).toBe(expected[i]);
        if (response.status >= 400) expect(await snapshot(), `${operation.key} by the ${role} changed the database`).toEqual(before);
      }
    });
  }
});
