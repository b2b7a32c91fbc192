import { beforeEach, describe, expect, it } from 'vitest';
import * as eventsRoute from '@/app/api/[user_id]/events/route';
import { endEventStreams, openEventStreams } from '@/lib/sync/events';
import { createTestUser, type TestUser } from '@/tests/helpers/auth';
import { withTestDatabase } from '@/tests/helpers/db';
import { callRoute, problemOf } from '@/tests/helpers/requests';

// What the server does on SIGTERM (lib/server/shutdown.ts): open streams are requests that would
// never finish, so they end first, and new ones are refused until the process is gone. Its own
// file: the process's watcher refuses streams from then on.

withTestDatabase();

let user: TestUser;

beforeEach(async () => {
  user = await createTestUser();
});

describe('event streams when the server stops', () => {
  it('ends every open stream, then answers 503 with Retry-After', async () => {
    const response = await callRoute(eventsRoute, 'GET', `/api/${user.id}/events`, { user_id: user.id }, { headers: user.headers });
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    await reader.read(); // the opening comment
    expect(openEventStreams()).toBe(1);

    endEventStreams();
    expect(await reader.read()).toEqual({ done: true, value: undefined });
    expect(openEventStreams()).toBe(0);

    const refused = await callRoute(eventsRoute, 'GET', `/api/${user.id}/events`, { user_id: user.id }, { headers: user.headers });
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('2');
    expect((await problemOf(refused)).detail).toMatch(/restarting/);
  });
});
