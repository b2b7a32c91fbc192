import { expect, test } from '@playwright/test';
import { externalBaseUrl } from './env';
import { apiUser, openEvents, scratchDatabase, startServer, type Server } from './servers';

// A change made through one server process reaches an event stream held by another: two
// `npm start` processes on one PostgreSQL database, as several instances run in production.

const serverUrl = process.env.TEST_DATABASE_URL;

test.skip(Boolean(externalBaseUrl), 'starts servers of its own: runs only where the suite starts its server');
test.skip(!serverUrl, 'needs a PostgreSQL server (TEST_DATABASE_URL): two processes cannot share the embedded database');

test('an event stream on one process hears of a change made through another', async () => {
  test.setTimeout(180_000);
  const database = await scratchDatabase(serverUrl!);
  const servers: Server[] = [];
  try {
    // One after the other: the first migrates the new database.
    servers.push(await startServer(3291, { DATABASE_URL: database.url }));
    servers.push(await startServer(3292, { DATABASE_URL: database.url }));
    const [writer, listener] = servers as [Server, Server];
    const user = await apiUser(writer);
    const bystander = await apiUser(listener);

    const stream = await openEvents(listener, user);
    const other = await openEvents(listener, bystander);
    expect(stream.status).toBe(200);
    await expect.poll(() => stream.text).toContain(': connected');

    const created = await fetch(`${writer.url}/api/${user.id}/tasks`, {
      method: 'POST',
      headers: { authorization: `Bearer ${user.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'written on the other process' }),
    });
    expect(created.status).toBe(201);
    await expect.poll(() => stream.text, { timeout: 2_000 }).toMatch(/event: changed\ndata: \{"cursor":"[^"]+"\}\n\n/);

    // The cursor it carries is one the feed of either process takes.
    const cursor = (JSON.parse(/data: (.*)\n/.exec(stream.text)![1]!) as { cursor: string }).cursor;
    const feed = await fetch(`${writer.url}/api/${user.id}/tasks/changes?since=${encodeURIComponent(cursor)}`, { headers: { authorization: `Bearer ${user.token}` } });
    expect(feed.status).toBe(200);
    expect(other.text).not.toContain('event: changed');
    stream.close();
    other.close();
  } finally {
    for (const server of servers) await server.stop();
    await database.drop();
  }
});
