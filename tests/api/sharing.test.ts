import { sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import * as accountRoute from '@/app/api/[user_id]/account/route';
import * as changesRoute from '@/app/api/[user_id]/tasks/changes/route';
import type { InvitationJson, MemberJson, ProjectJson } from '@/lib/projects/schemas';
import type { TaskJson } from '@/lib/tasks/schemas';
import { createTestUser, type TestUser } from '@/tests/helpers/auth';
import { withTestDatabase } from '@/tests/helpers/db';
import {
  callRoute,
  createProjectVia,
  createTaskVia,
  labelsApi,
  problemOf,
  projectsApi,
  shareVia,
  sharingApi,
  tasksApi,
} from '@/tests/helpers/requests';

const database = withTestDatabase();

let ann: TestUser;
let bob: TestUser;
let project: ProjectJson;

beforeEach(async () => {
  ann = await createTestUser({ name: 'Ann' });
  bob = await createTestUser({ name: 'Bob' });
  project = await createProjectVia(projectsApi(ann), { name: 'Home' });
});

const json = async <T>(response: Response | Promise<Response>): Promise<T> => (await (await response).json()) as T;
const invite = async (email: string, role = 'editor') => json<InvitationJson>(sharingApi(ann).invite(project.id, { email, role }));
const listTitles = async (user: TestUser, query: Record<string, string> = {}) =>
  (await json<TaskJson[]>(tasksApi(user).list(query))).map((t) => t.title).sort();

describe('invitations', () => {
  it('invites an email, which the invitee sees, accepts, and is then a member with that role', async () => {
    const response = await sharingApi(ann).invite(project.id, { email: `  ${bob.email.toUpperCase()} `, role: 'viewer' });
    expect(response.status).toBe(201);
    const invitation = (await response.json()) as InvitationJson;
    expect(invitation).toMatchObject({ project: { id: project.id, name: 'Home' }, email: bob.email, role: 'viewer', invited_by: { name: 'Ann', email: ann.email } });
    expect(Date.parse(invitation.expires_at) - Date.parse(invitation.created_at)).toBe(14 * 24 * 60 * 60 * 1000);

    expect(await json<InvitationJson[]>(sharingApi(bob).myInvitations())).toEqual([invitation]);
    expect(await json<InvitationJson[]>(sharingApi(ann).invitationsOf(project.id))).toEqual([invitation]);

    const accepted = await sharingApi(bob).accept(invitation.id);
    expect(accepted.status).toBe(200);
    expect(await accepted.json()).toMatchObject({ id: project.id, role: 'viewer', shared: true });
    expect(await json<InvitationJson[]>(sharingApi(bob).myInvitations())).toEqual([]);
    const members = await json<MemberJson[]>(sharingApi(bob).members(project.id));
    expect(members.map((m) => [m.email, m.role])).toEqual([
      [ann.email, 'owner'],
      [bob.email, 'viewer'],
    ]);
    // Used up: a second accept is a 404.
    expect((await sharingApi(bob).accept(invitation.id)).status).toBe(404);
  });

  it('answers the same for an email without an account, and the invitation waits for its signup', async () => {
    const email = `later-${Date.now()}@example.com`;
    const response = await sharingApi(ann).invite(project.id, { email, role: 'editor' });
    expect(response.status).toBe(201);
    const keys = Object.keys(await response.json()).sort();
    expect(keys).toEqual(Object.keys(await invite(bob.email)).sort());
    const later = await createTestUser({ email });
    const [waiting] = await json<InvitationJson[]>(sharingApi(later).myInvitations());
    expect(waiting!.project.id).toBe(project.id);
    expect((await sharingApi(later).accept(waiting!.id)).status).toBe(200);
  });

  it('refuses a member or a pending invitation (409), and is the owner\'s only (403 for a member, 404 for others)', async () => {
    await invite(bob.email);
    expect((await sharingApi(ann).invite(project.id, { email: bob.email, role: 'viewer' })).status).toBe(409);
    expect((await sharingApi(ann).invite(project.id, { email: ann.email, role: 'viewer' })).status).toBe(409);
    const [invitation] = await json<InvitationJson[]>(sharingApi(bob).myInvitations());
    await sharingApi(bob).accept(invitation!.id);
    const again = await sharingApi(ann).invite(project.id, { email: bob.email, role: 'viewer' });
    expect(again.status).toBe(409);
    expect((await problemOf(again)).detail).toMatch(/member/);

    expect((await sharingApi(bob).invite(project.id, { email: 'x@example.com', role: 'viewer' })).status).toBe(403);
    expect((await sharingApi(bob).invitationsOf(project.id)).status).toBe(403);
    const carol = await createTestUser();
    expect((await sharingApi(carol).invite(project.id, { email: 'x@example.com', role: 'viewer' })).status).toBe(404);
    expect((await sharingApi(carol).invitationsOf(project.id)).status).toBe(404);
  });

  it('validates the body: a bad email or the owner role is a 422', async () => {
    const bad = await sharingApi(ann).invite(project.id, { email: 'not an email', role: 'owner' });
    expect(bad.status).toBe(422);
    expect((await problemOf(bad)).errors?.map((e) => e.path).sort()).toEqual(['email', 'role']);
  });

  it("another user's, an expired, a declined or a cancelled invitation is a 404", async () => {
    const carol = await createTestUser();
    const forBob = await invite(bob.email);
    expect((await sharingApi(carol).accept(forBob.id)).status).toBe(404);
    expect((await sharingApi(carol).decline(forBob.id)).status).toBe(404);

    expect((await sharingApi(bob).decline(forBob.id)).status).toBe(204);
    expect((await sharingApi(bob).accept(forBob.id)).status).toBe(404);

    const forCarol = await invite(carol.email);
    expect((await sharingApi(ann).cancel(project.id, forCarol.id)).status).toBe(204);
    expect((await sharingApi(carol).accept(forCarol.id)).status).toBe(404);
    expect((await sharingApi(ann).cancel(project.id, forCarol.id)).status).toBe(404);

    const again = await invite(carol.email);
    await database.current.db.execute(sql`update invitations set expires_at = now() - interval '1 second' where id = ${again.id}`);
    expect(await json<InvitationJson[]>(sharingApi(carol).myInvitations())).toEqual([]);
    expect((await sharingApi(carol).accept(again.id)).status).toBe(404);
    // An expired invitation does not block a new one.
    expect((await sharingApi(ann).invite(project.id, { email: carol.email, role: 'viewer' })).status).toBe(201);
  });

  it('counts members and pending invitations together: at most 50', async () => {
    for (let i = 0; i < 49; i++) expect((await sharingApi(ann).invite(project.id, { email: `n${i}@example.com`, role: 'viewer' })).status).toBe(201);
    const over = await sharingApi(ann).invite(project.id, { email: 'one-more@example.com', role: 'viewer' });
    expect(over.status).toBe(422);
    expect((await problemOf(over)).errors?.[0]?.path).toBe('email');
  });
});

describe('roles', () => {
  let carol: TestUser;
  let task: TaskJson;

  beforeEach(async () => {
    carol = await createTestUser();
    await shareVia(ann, project.id, bob, 'editor');
    await shareVia(ann, project.id, carol, 'viewer');
    task = await createTaskVia(tasksApi(ann), { title: 'shared', project_id: project.id });
  });

  it('an editor creates, edits, completes and deletes tasks in the project; a viewer reads them and may not write', async () => {
    const made = await createTaskVia(tasksApi(bob), { title: "Bob's", project_id: project.id });
    expect(made.user_id).toBe(bob.id);
    expect((await tasksApi(bob).patch(task.id, { title: 'edited by Bob' })).status).toBe(200);
    expect((await tasksApi(bob).toggle(task.id)).status).toBe(200);

    expect(await listTitles(carol, { project: project.id })).toEqual(["Bob's", 'edited by Bob']);
    const refused = await tasksApi(carol).patch(task.id, { title: 'by Carol' });
    expect(refused.status).toBe(403);
    expect((await tasksApi(carol).create({ title: 'by Carol', project_id: project.id })).status).toBe(403);
    expect((await tasksApi(carol).remove(made.id)).status).toBe(403);
    expect((await projectsApi(carol).patch(project.id, { name: 'Carol' })).status).toBe(403);
    expect((await projectsApi(bob).patch(project.id, { name: 'Home and garden' })).status).toBe(200);
    expect((await projectsApi(bob).remove(project.id)).status).toBe(403);
    expect((await tasksApi(bob).remove(made.id)).status).toBe(204);
  });

  it('labels are personal: each member sees and filters by their own, a viewer too', async () => {
    expect((await tasksApi(ann).patch(task.id, { labels: ['home'] })).status).toBe(200);
    const carols = await tasksApi(carol).patch(task.id, { labels: ['later'] });
    expect(carols.status).toBe(200);
    expect(((await carols.json()) as TaskJson).labels).toEqual(['later']);
    expect((await json<TaskJson>(tasksApi(ann).get(task.id))).labels).toEqual(['home']);
    expect((await json<TaskJson>(tasksApi(bob).get(task.id))).labels).toEqual([]);
    expect(await listTitles(carol, { label: 'later' })).toEqual(['shared']);
    expect(await listTitles(ann, { label: 'later' })).toEqual([]);
    // Setting Ann's labels again leaves Carol's.
    await tasksApi(ann).patch(task.id, { labels: [] });
    expect((await json<TaskJson>(tasksApi(carol).get(task.id))).labels).toEqual(['later']);
    expect((await json<{ name: string }[]>(labelsApi(ann).list())).map((l) => l.name)).toEqual(['home']);
  });

  it('assigns to members only, filters by assignee, and unassigns a member who leaves', async () => {
    const assigned = await tasksApi(ann).patch(task.id, { assignee_id: bob.id });
    expect(assigned.status).toBe(200);
    expect(((await assigned.json()) as TaskJson).assignee_id).toBe(bob.id);
    expect(await listTitles(bob, { assignee: 'me' })).toEqual(['shared']);
    expect(await listTitles(ann, { assignee: bob.id })).toEqual(['shared']);
    expect(await listTitles(ann, { assignee: 'none', project: project.id })).toEqual([]);

    const stranger = await createTestUser();
    const refused = await tasksApi(ann).patch(task.id, { assignee_id: stranger.id });
    expect(refused.status).toBe(422);
    expect((await problemOf(refused)).errors?.[0]?.path).toBe('assignee_id');
    const inbox = await createTaskVia(tasksApi(ann), { title: 'mine' });
    expect((await tasksApi(ann).patch(inbox.id, { assignee_id: ann.id })).status).toBe(422);

    expect((await sharingApi(bob).removeMember(project.id, bob.id)).status).toBe(204);
    expect((await json<TaskJson>(tasksApi(ann).get(task.id))).assignee_id).toBeNull();
  });

  it('moving an assigned task to the Inbox unassigns it', async () => {
    await tasksApi(ann).patch(task.id, { assignee_id: bob.id });
    const moved = await json<TaskJson>(tasksApi(ann).patch(task.id, { project_id: null }));
    expect(moved).toMatchObject({ project_id: null, assignee_id: null });
  });

  it('only the owner changes roles; a viewer made editor may write', async () => {
    expect((await sharingApi(bob).setRole(project.id, carol.id, 'editor')).status).toBe(403);
    const changed = await sharingApi(ann).setRole(project.id, carol.id, 'editor');
    expect(changed.status).toBe(200);
    expect(((await changed.json()) as MemberJson).role).toBe('editor');
    expect((await tasksApi(carol).patch(task.id, { title: 'by Carol' })).status).toBe(200);
    expect((await sharingApi(ann).setRole(project.id, ann.id, 'editor')).status).toBe(422);
    expect((await sharingApi(ann).setRole(project.id, (await createTestUser()).id, 'editor')).status).toBe(404);
  });

  it('hands the project over: the member owns it, the old owner edits it', async () => {
    const handed = await sharingApi(ann).setRole(project.id, bob.id, 'owner');
    expect(handed.status).toBe(200);
    expect(((await handed.json()) as MemberJson).role).toBe('owner');
    expect((await json<ProjectJson>(projectsApi(ann).get(project.id))).role).toBe('editor');
    expect((await json<ProjectJson>(projectsApi(bob).get(project.id))).role).toBe('owner');
    expect((await projectsApi(ann).remove(project.id)).status).toBe(403);
    // Ann may leave now; Bob, the owner, may not.
    expect((await sharingApi(bob).removeMember(project.id, bob.id)).status).toBe(422);
    expect((await sharingApi(ann).removeMember(project.id, ann.id)).status).toBe(204);
  });

  it('refuses a hand-over to a member who owns a project of that name (409)', async () => {
    await createProjectVia(projectsApi(bob), { name: 'HOME' });
    expect((await sharingApi(ann).setRole(project.id, bob.id, 'owner')).status).toBe(409);
    expect((await json<ProjectJson>(projectsApi(ann).get(project.id))).role).toBe('owner');
  });

  it('a removed member loses the project and its tasks on their next request', async () => {
    expect((await sharingApi(carol).removeMember(project.id, bob.id)).status).toBe(403);
    expect((await sharingApi(ann).removeMember(project.id, bob.id)).status).toBe(204);
    expect((await projectsApi(bob).get(project.id)).status).toBe(404);
    expect((await tasksApi(bob).get(task.id)).status).toBe(404);
    expect((await tasksApi(bob).list({ project: project.id })).status).toBe(404);
    expect(await listTitles(bob)).toEqual([]);
    expect((await sharingApi(bob).members(project.id)).status).toBe(404);
    expect((await sharingApi(ann).removeMember(project.id, bob.id)).status).toBe(404);
  });
});

describe('the changes feed of a member', () => {
  const feed = (user: TestUser, since?: string) =>
    json<{ changes: TaskJson[]; deleted: string[]; projects: ProjectJson[]; deleted_projects: string[]; cursor: string }>(
      callRoute(changesRoute, 'GET', `/api/${user.id}/tasks/changes`, { user_id: user.id }, { headers: user.headers, query: since ? { since } : undefined }),
    );

  it('sends a joined project with all its tasks, and takes them back when the member is removed', async () => {
    const old = await createTaskVia(tasksApi(ann), { title: 'written before Bob joined', project_id: project.id });
    const { cursor } = await feed(bob);
    await shareVia(ann, project.id, bob, 'editor');
    const joined = await feed(bob, cursor);
    expect(joined.changes.map((t) => t.id)).toEqual([old.id]);
    expect(joined.projects.map((p) => p.id)).toEqual([project.id]);

    await sharingApi(ann).removeMember(project.id, bob.id);
    const removed = await feed(bob, joined.cursor);
    expect(removed.deleted).toEqual([old.id]);
    expect(removed.deleted_projects).toEqual([project.id]);
    expect(removed.changes).toEqual([]);
  });

  it('reports a task moved out of the project as deleted for the members who no longer see it', async () => {
    await shareVia(ann, project.id, bob, 'editor');
    const task = await createTaskVia(tasksApi(ann), { title: 'moving', project_id: project.id });
    const { cursor } = await feed(bob);
    await tasksApi(ann).patch(task.id, { project_id: null });
    expect((await feed(bob, cursor)).deleted).toEqual([task.id]);
    const back = await feed(bob, (await feed(bob)).cursor);
    expect(back.deleted).toEqual([]);
  });

  it("reports another member's deletion and the project's deletion to every member", async () => {
    await shareVia(ann, project.id, bob, 'editor');
    const task = await createTaskVia(tasksApi(bob), { title: 'gone soon', project_id: project.id });
    const kept = await createTaskVia(tasksApi(ann), { title: 'gone with the project', project_id: project.id });
    const annsCursor = (await feed(ann)).cursor;
    const bobsCursor = (await feed(bob)).cursor;
    await tasksApi(bob).remove(task.id);
    expect((await feed(ann, annsCursor)).deleted).toEqual([task.id]);
    await projectsApi(ann).remove(project.id);
    const bobs = await feed(bob, bobsCursor);
    expect(bobs.deleted.sort()).toEqual([task.id, kept.id].sort());
    expect(bobs.deleted_projects).toEqual([project.id]);
    expect(bobs.changes).toEqual([]);
  });
});

describe('account deletion', () => {
  const deleteAccount = (user: TestUser) =>
    callRoute(accountRoute, 'DELETE', `/api/${user.id}/account`, { user_id: user.id }, { headers: user.headers, body: { password: user.password } });

  it("hands the owner's shared projects to the longest-standing editor, with the owner's tasks", async () => {
    const carol = await createTestUser();
    await shareVia(ann, project.id, carol, 'viewer');
    await shareVia(ann, project.id, bob, 'editor');
    const annsTask = await createTaskVia(tasksApi(ann), { title: "Ann's", project_id: project.id });
    const lonely = await createProjectVia(projectsApi(ann), { name: 'Only Ann' });
    expect((await deleteAccount(ann)).status).toBe(204);

    const handed = await json<ProjectJson>(projectsApi(bob).get(project.id));
    expect(handed).toMatchObject({ role: 'owner', name: 'Home' });
    expect((await json<TaskJson>(tasksApi(bob).get(annsTask.id))).user_id).toBe(bob.id);
    expect((await json<MemberJson[]>(sharingApi(carol).members(project.id))).map((m) => [m.user_id, m.role])).toEqual([
      [carol.id, 'viewer'],
      [bob.id, 'owner'],
    ]);
    const { rows } = await database.current.db.execute(sql`select count(*)::int as n from projects where id = ${lonely.id}`);
    expect(rows[0]).toEqual({ n: 0 });
  });

  it("makes the longest-standing member owner when there is no editor, renaming a clash; a member's tasks pass to the owner", async () => {
    await shareVia(ann, project.id, bob, 'viewer');
    await createProjectVia(projectsApi(bob), { name: 'home' });
    const carol = await createTestUser();
    const other = await createProjectVia(projectsApi(carol), { name: 'Carol' });
    await shareVia(carol, other.id, ann, 'editor');
    const annsInCarols = await createTaskVia(tasksApi(ann), { title: "Ann's in Carol's", project_id: other.id });
    expect((await deleteAccount(ann)).status).toBe(204);
    expect(await json<ProjectJson>(projectsApi(bob).get(project.id))).toMatchObject({ role: 'owner', name: 'Home (2)' });
    expect((await json<TaskJson>(tasksApi(carol).get(annsInCarols.id))).user_id).toBe(carol.id);
  });
});
