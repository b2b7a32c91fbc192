import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { labels, sessions, tasks, users } from '@/lib/db/schema';
import { createTestUser, type TestUser } from '@/tests/helpers/auth';
import { withTestDatabase } from '@/tests/helpers/db';
import { importDocument, labelsApi, problemOf, tasksApi, transferApi } from '@/tests/helpers/requests';

// The routes a session that has ended could still use before every statement checked the
// caller's scope: each answers 401 now, and stores nothing. tests/api/openapi-isolation.test.ts covers every
// operation of the document the same way; these are the reproductions as they were reported.

const database = withTestDatabase();

async function revoked(): Promise<TestUser> {
  const user = await createTestUser();
  await database.current.db.delete(sessions).where(eq(sessions.id, user.sessionId));
  return user;
}

async function stored(user: TestUser) {
  return {
    tasks: await database.current.db.$count(tasks, eq(tasks.userId, user.id)),
    labels: await database.current.db.$count(labels, eq(labels.userId, user.id)),
  };
}

async function expect401(response: Response) {
  expect(response.status).toBe(401);
  expect(response.headers.get('www-authenticate')).toBe('Bearer');
  expect((await problemOf(response)).detail).toMatch(/session has ended/);
}

const DOCUMENT = importDocument([{ title: 'sneaked in', labels: ['sneaky'] }], [{ name: 'also sneaky', color: 'red' }]);
const CSV = 'title,labels\nsneaked in,sneaky\n';

describe('a revoked session', () => {
  it('cannot import, as JSON or CSV, with or without an Idempotency-Key, nor preview one', async () => {
    const user = await revoked();
    const transfer = transferApi(user);
    await expect401(await transfer.importJson(DOCUMENT));
    await expect401(await transfer.importCsv(CSV));
    await expect401(await transfer.importJson(DOCUMENT, { headers: { 'idempotency-key': 'k1' } }));
    await expect401(await transfer.importCsv(CSV, { headers: { 'idempotency-key': 'k2' } }));
    await expect401(await transfer.importJson(DOCUMENT, { query: { dry_run: 'true' } }));
    expect(await stored(user)).toEqual({ tasks: 0, labels: 0 });
  });

  it('cannot replay an Idempotency-Key create made while it was live', async () => {
    const user = await createTestUser();
    const api = tasksApi(user);
    const key = { headers: { 'idempotency-key': 'replay-me' } };
    expect((await api.create({ title: 'once' }, key)).status).toBe(201);
    expect((await api.create({ title: 'once' }, key)).headers.get('idempotent-replayed')).toBe('true');
    await database.current.db.delete(sessions).where(eq(sessions.id, user.sessionId));
    await expect401(await api.create({ title: 'once' }, key));
  });

  it('cannot list its labels (an empty list is a 401, not 200 [])', async () => {
    await expect401(await labelsApi(await revoked()).list());
  });
});

describe('a deleted account', () => {
  it('cannot import even an empty file', async () => {
    const user = await createTestUser();
    await database.current.db.delete(users).where(eq(users.id, user.id));
    await expect401(await transferApi(user).importJson(importDocument([])));
    await expect401(await transferApi(user).importCsv('title\n'));
  });
});
