import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { NextRequest } from 'next/server';
import { beforeAll, describe, expect, it } from 'vitest';
import * as nextAuthRoute from '@/app/api/auth/[...nextauth]/route';
import { handlers } from '@/lib/auth';
import { sessionCookie } from '@/lib/auth/session-cookie';
import { openSession } from '@/lib/auth/sessions';
import { createTestUser, newAccessToken, type TestUser } from '@/tests/helpers/auth';
import { databaseDigest, withTestDatabase } from '@/tests/helpers/db';
import { documentedOperations, sendOperation, type Operation } from '@/tests/helpers/openapi-operations';
import { callHandler, callRoute, createProjectVia, createTaskVia, labelsApi, projectsApi, shareVia, sharingApi, tasksApi } from '@/tests/helpers/requests';
import * as accountPasswordRoute from '@/app/api/[user_id]/account/password/route';
import * as accountRoute from '@/app/api/[user_id]/account/route';
import * as sessionRoute from '@/app/api/[user_id]/sessions/[id]/route';
import * as tokenRoute from '@/app/api/[user_id]/tokens/[id]/route';
import * as tokensRoute from '@/app/api/[user_id]/tokens/route';
import { TOKEN_SCOPES } from '@/lib/auth/personal-tokens';
import { webhooks } from '@/lib/db/schema';

// Generated from the OpenAPI document: every operation under /api/{user_id}/… is sent, with a
// body made from its own schema and the path naming real rows of its owner, by each credential
// that must not reach them. Each answers 401 (an ended session) or 403 (another user), and the
// database is exactly as it was. An operation added to the document is covered the day it is
// added; one this file cannot build a request for (a path parameter with no fixture below)
// fails the test instead of being skipped.

const database = withTestDatabase();

const operations = documentedOperations('/api/{user_id}/');

const snapshot = () => databaseDigest(database.current);

/** A user with one of everything a path can name: a task, a label, a project (with a task, its subtask, a member and an invitation), another live session. */
interface Owner {
  user: TestUser;
  ids: Record<string, string>;
}

/** A push subscription of `userId`'s, made by session `sessionId` (as a browser's subscribe would). */
async function pushSubscription(userId: string, sessionId: string): Promise<string> {
  const { rows } = await database.current.db.execute(sql`
    insert into push_subscriptions (user_id, session_id, endpoint, p256dh, auth)
    values (${userId}, ${sessionId}, ${`https://push.example.com/${randomUUID()}`}, 'BPk', 'au') returning id`);
  return (rows[0] as { id: string }).id;
}

/** A personal access token of `user`'s with these scopes, made through the API. */
async function personalToken(user: TestUser, scopes: readonly string[], expiresInDays?: number): Promise<{ id: string; token: string }> {
  const response = await callRoute(tokensRoute, 'POST', `/api/${user.id}/tokens`, { user_id: user.id }, {
    headers: user.headers,
    body: { name: `scopes ${scopes.join(' ')}`, scopes, ...(expiresInDays && { expires_in_days: expiresInDays }) },
  });
  expect(response.status).toBe(201);
  return (await response.json()) as { id: string; token: string };
}

async function ownerWithData(): Promise<Owner> {
  const user = await createTestUser();
  const tasks = tasksApi(user);
  const task = await createTaskVia(tasks, { title: 'owned', labels: ['mine'] });
  await createTaskVia(tasks, { title: 'owned too' });
  const [label] = (await (await labelsApi(user).list()).json()) as { id: string }[];
  const project = await createProjectVia(projectsApi(user), { name: 'owned' });
  const projectTask = await createTaskVia(tasks, { title: 'in the project', project_id: project.id });
  await createTaskVia(tasks, { title: 'a subtask', parent_id: projectTask.id });
  const other = await newAccessToken(user.id);
  // A member of the project, and a pending invitation to it (also addressed to the owner's own email: accept and decline name it).
  const member = await createTestUser();
  await shareVia(user, project.id, member, 'editor');
  const invited = await sharingApi(user).invite(project.id, { email: `invited-${member.id}@example.com`, role: 'viewer' });
  const invitation = (await invited.json()) as { id: string };
  const token = await personalToken(user, ['tasks:read']);
  const hook = await database.current.db.insert(webhooks).values({ userId: user.id, url: 'https://8.8.8.8/hooks', events: ['*'], secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' }).returning({ id: webhooks.id });
  return {
    user,
    ids: {
      'webhooks/{id}': hook[0]!.id,
      'tokens/{id}': token.id,
      'tasks/{id}': task.id,
      'labels/{id}': label!.id,
      'projects/{id}': project.id,
      'sessions/{id}': other.sessionId,
      'members/{member_id}': member.id,
      'invitations/{inv_id}': invitation.id,
      'push-subscriptions/{id}': await pushSubscription(user.id, other.sessionId),
    },
  };
}

/** The path parameters of `operation` for rows of `owner`; a parameter without a fixture fails. */
function pathFor(operation: Operation, owner: Owner): Record<string, string> {
  const params: Record<string, string> = { user_id: owner.user.id };
  for (const match of operation.template.matchAll(/([^/]+)\/\{(\w+)\}/g)) {
    const [, segment, name] = match;
    if (name === 'user_id') continue;
    const id = owner.ids[`${segment}/{${name}}`];
    if (!id) throw new Error(`no fixture names a row for {${name}} after /${segment}/ in ${operation.key}: add one to ownerWithData()`);
    params[name!] = id;
  }
  return params;
}

/** A browser session cookie, signed out through next-auth's own sign-out route. */
async function signedOutCookie(user: TestUser): Promise<string> {
  const session = await openSession(user.id, 'browser', null);
  const cookie = await sessionCookie({ id: user.id, email: user.email, name: null }, session.id, { secure: false });
  const csrf = await handlers.GET(new NextRequest('http://localhost/api/auth/csrf'));
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookies = [`${cookie.name}=${cookie.value}`, ...csrf.headers.getSetCookie().map((c) => c.split(';')[0])].join('; ');
  const signOut = await callHandler(
    nextAuthRoute.POST,
    new NextRequest('http://localhost/api/auth/signout', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookies },
      body: new URLSearchParams({ csrfToken }),
    }),
    undefined,
  );
  expect(signOut.status).toBe(302);
  return `${cookie.name}=${cookie.value}`;
}

interface Refused {
  name: string;
  owner: Owner;
  headers: Record<string, string>;
  status: 401 | 403;
}

const refused: Refused[] = [];

beforeAll(async () => {
  const owner = await ownerWithData();
  const revoked = await newAccessToken(owner.user.id);
  const olderThanPassword = await newAccessToken(owner.user.id);
  const cookie = await signedOutCookie(owner.user);
  const manager = await newAccessToken(owner.user.id);
  const patBeforePassword = await personalToken(owner.user, TOKEN_SCOPES);
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  // Each credential ends the way a user ends it, through the API.
  const revoke = await callRoute(sessionRoute, 'DELETE', `/api/${owner.user.id}/sessions/${revoked.sessionId}`, { user_id: owner.user.id, id: revoked.sessionId }, { headers: bearer(manager.token) });
  expect(revoke.status).toBe(204);
  const change = await callRoute(accountPasswordRoute, 'POST', `/api/${owner.user.id}/account/password`, { user_id: owner.user.id }, {
    headers: bearer(manager.token),
    body: { current_password: owner.user.password, new_password: 'a new and longer passphrase' },
  });
  expect(change.status).toBe(200);
  // The password change ended every session, the fixtures' other one and its token too: live ones again.
  const newManager = await newAccessToken(owner.user.id);
  owner.user = { ...owner.user, ...newManager, password: 'a new and longer passphrase', headers: bearer(newManager.token) };
  owner.ids['sessions/{id}'] = (await newAccessToken(owner.user.id)).sessionId;
  owner.ids['tokens/{id}'] = (await personalToken(owner.user, ['tasks:read'])).id;
  // …and took the push subscription with it.
  owner.ids['push-subscriptions/{id}'] = await pushSubscription(owner.user.id, owner.ids['sessions/{id}']);

  const gone = await ownerWithData();
  const deleted = await callRoute(accountRoute, 'DELETE', `/api/${gone.user.id}/account`, { user_id: gone.user.id }, { headers: gone.user.headers, body: { password: gone.user.password } });
  expect(deleted.status).toBe(204);

  // Personal tokens with every scope: one revoked through the API, one past its expiry, and
  // one made before the password change (which revoked it).
  const revokedPat = await personalToken(owner.user, TOKEN_SCOPES);
  const revokePat = await callRoute(tokenRoute, 'DELETE', `/api/${owner.user.id}/tokens/${revokedPat.id}`, { user_id: owner.user.id, id: revokedPat.id }, { headers: bearer(newManager.token) });
  expect(revokePat.status).toBe(204);
  const expiredPat = await personalToken(owner.user, TOKEN_SCOPES, 1);
  await database.current.db.execute(sql`update sessions set expires_at = now() - interval '1 second' where id = ${expiredPat.id}`);

  const stranger = await createTestUser();
  refused.push(
    { name: 'a revoked personal token', owner, headers: bearer(revokedPat.token), status: 401 },
    { name: 'an expired personal token', owner, headers: bearer(expiredPat.token), status: 401 },
    { name: 'a personal token older than a password change', owner, headers: bearer(patBeforePassword.token), status: 401 },
    { name: 'another user’s personal token with every scope', owner, headers: bearer((await personalToken(stranger, TOKEN_SCOPES)).token), status: 403 },
    { name: 'a revoked session’s token', owner, headers: bearer(revoked.token), status: 401 },
    { name: 'a signed-out cookie', owner, headers: { cookie }, status: 401 },
    { name: 'a token older than a password change', owner, headers: bearer(olderThanPassword.token), status: 401 },
    { name: 'a deleted account’s token', owner: gone, headers: gone.user.headers, status: 401 },
    { name: 'another user’s valid token', owner, headers: stranger.headers, status: 403 },
  );
});

describe('every operation under /api/{user_id}/, from the OpenAPI document', () => {
  it('covers the document: each operation has a route file and a request built from its schemas', () => {
    expect(operations.length).toBeGreaterThanOrEqual(23);
    expect(new Set(operations.map((o) => o.key)).size).toBe(operations.length);
  });

  for (const operation of operations) {
    it(`${operation.key}: refuses every credential that must not reach it, and changes nothing`, async () => {
      expect(refused.length).toBe(9);
      for (const credential of refused) {
        const before = await snapshot();
        const response = await sendOperation(operation, pathFor(operation, credential.owner), credential.headers);
        expect(response.status, `${operation.key} with ${credential.name}`).toBe(credential.status);
        if (credential.status === 401) expect(response.headers.get('www-authenticate'), `${operation.key} with ${credential.name}`).toBe('Bearer');
        expect(await snapshot(), `${operation.key} with ${credential.name} changed the database`).toEqual(before);
      }
    });
  }
});

// The contract's scopes per route (API.md, "personal access tokens"), by the first segment after
// /api/{user_id}/ and whether the method reads: what the document must declare and the routes
// must enforce. A segment not here is closed to personal tokens (tokens, webhooks, sessions, the
// password, the account, and everything else that manages the account).
const CONTRACT: Record<string, { read: string[]; write: string[] }> = {
  tasks: { read: ['tasks:read'], write: ['tasks:write'] },
  labels: { read: ['tasks:read'], write: ['tasks:write'] },
  events: { read: ['tasks:read'], write: ['tasks:write'] },
  projects: { read: ['projects:read'], write: ['projects:write'] },
  invitations: { read: ['projects:read'], write: ['projects:write'] },
  notifications: { read: ['notifications:read'], write: ['notifications:read'] },
  export: { read: ['tasks:read', 'projects:read'], write: ['tasks:write', 'projects:write'] },
  import: { read: ['tasks:read', 'projects:read'], write: ['tasks:write', 'projects:write'] },
};

function contractScopes(operation: Operation): string[] | null {
  const access = CONTRACT[operation.template.split('/')[3]!];
  return access ? (operation.method === 'GET' ? access.read : access.write) : null;
}

/** Every scope but those `needed` names, and the write scopes that include a needed read scope. */
const allBut = (needed: string[]) => TOKEN_SCOPES.filter((scope) => !needed.some((n) => n === scope || n === scope.replace(/:write$/, ':read')));

const insufficient = (response: Response) => response.status === 403 && /^Bearer error="insufficient_scope"/.test(response.headers.get('www-authenticate') ?? '');

describe('every operation under /api/{user_id}/ by personal token scope, from the OpenAPI document', () => {
  let scoped: Owner;
  const tokens = new Map<string, string>();
  /** One token per scope set (an account may hold 50). */
  async function tokenWith(scopes: readonly string[]): Promise<Record<string, string>> {
    const key = [...scopes].sort().join(' ');
    if (!tokens.has(key)) tokens.set(key, (await personalToken(scoped.user, scopes)).token);
    return { authorization: `Bearer ${tokens.get(key)}` };
  }

  beforeAll(async () => {
    scoped = await ownerWithData();
  });

  it('the document declares the contract’s scopes, and closes the account’s management to personal tokens', () => {
    expect(operations.filter((o) => JSON.stringify(o.tokenScopes) !== JSON.stringify(contractScopes(o))).map((o) => o.key)).toEqual([]);
    const closed = operations.filter((o) => o.tokenScopes === null).map((o) => o.key.split(' ')[1]!.split('/')[3]);
    expect(new Set(closed)).toEqual(new Set(['account', 'sessions', 'tokens', 'webhooks', 'push-subscriptions', 'calendar-feed']));
  });

  for (const operation of operations) {
    const needed = contractScopes(operation);
    it(`${operation.key}: ${needed ? `needs ${needed.join(' and ')}` : 'closed to personal tokens'}`, async () => {
      const refusedWith = needed ? allBut(needed) : TOKEN_SCOPES;
      const headers = await tokenWith(refusedWith);
      const before = await snapshot();
      const refusal = await sendOperation(operation, pathFor(operation, scoped), headers);
      expect(insufficient(refusal), `${operation.key} with ${refusedWith.join(' ')}: ${refusal.status}`).toBe(true);
      expect(await snapshot(), `${operation.key} refused, but changed the database`).toEqual(before);
      if (!needed) return;
      // Exactly the scopes it needs let it through (whatever the route then answers).
      const allowed = await sendOperation(operation, pathFor(operation, scoped), await tokenWith(needed));
      await allowed.body?.cancel();
      expect(allowed.status, operation.key).not.toBe(401);
      expect(insufficient(allowed), `${operation.key} with ${needed.join(' ')}`).toBe(false);
    });
  }
});
