import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import * as mcpRoute from '@/app/api/mcp/route';
import * as tokenRoute from '@/app/api/[user_id]/tokens/[id]/route';
import * as tokensRoute from '@/app/api/[user_id]/tokens/route';
import { tasks, users } from '@/lib/db/schema';
import { createTestUser, type TestUser } from '@/tests/helpers/auth';
import { withTestDatabase } from '@/tests/helpers/db';
import { callHandler, callRoute, createProjectVia, createTaskVia, projectsApi, tasksApi } from '@/tests/helpers/requests';

// The MCP server through the MCP SDK's own client, over the route handler (each request is what
// the client's fetch would send; answers are checked against the OpenAPI document).

const database = withTestDatabase();

const URL_MCP = 'http://localhost/api/mcp';

/** The route as the client's fetch sees it. */
async function route(url: string | URL, init?: RequestInit): Promise<Response> {
  const request = new Request(url, init);
  const handler = request.method === 'POST' ? mcpRoute.POST : request.method === 'GET' ? mcpRoute.GET : mcpRoute.DELETE;
  return callHandler(handler, request);
}

const clients: Client[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
});

async function connect(authorization: string): Promise<Client> {
  const client = new Client({ name: 'vitest', version: '1.0.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL(URL_MCP), { fetch: route, requestInit: { headers: { authorization } } }));
  clients.push(client);
  return client;
}

async function personalToken(user: TestUser, scopes: string[]): Promise<{ id: string; token: string }> {
  const response = await callRoute(tokensRoute, 'POST', `/api/${user.id}/tokens`, { user_id: user.id }, { headers: user.headers, body: { name: 'assistant', scopes } });
  expect(response.status).toBe(201);
  return (await response.json()) as { id: string; token: string };
}

type Result = { isError?: boolean; structuredContent?: Record<string, unknown>; content: { type: string; text: string }[] };
const call = async (client: Client, name: string, args: Record<string, unknown> = {}) => (await client.callTool({ name, arguments: args })) as Result;

const ALL = ['tasks:write', 'projects:write', 'notifications:read'];

describe('the MCP server', () => {
  it('answers 401 with WWW-Authenticate without credentials, and 405 to GET and DELETE', async () => {
    const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '1' } } });
    const headers = { 'content-type': 'application/json', accept: 'application/json, text/event-stream' };
    const refused = await route(URL_MCP, { method: 'POST', headers, body });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toBe('Bearer');
    expect((await route(URL_MCP, { method: 'GET' })).status).toBe(405);
    expect((await route(URL_MCP, { method: 'DELETE' })).status).toBe(405);

    // A client of the 2025-06-18 revision: initialize answers in kind, with no session id.
    const user = await createTestUser();
    const ok = await route(URL_MCP, { method: 'POST', headers: { ...headers, authorization: `Bearer ${(await personalToken(user, ['tasks:read'])).token}` }, body });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('mcp-session-id')).toBeNull();
    expect(((await ok.json()) as { result: { protocolVersion: string } }).result.protocolVersion).toBe('2025-06-18');
  });

  it('lists its tools with input schemas from the routes’ zod schemas', async () => {
    const user = await createTestUser();
    const client = await connect(`Bearer ${(await personalToken(user, ['tasks:read'])).token}`);
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(['complete_task', 'create_task', 'delete_task', 'get_task', 'list_labels', 'list_projects', 'list_tasks', 'move_task', 'update_task']);
    const create = tools.find((t) => t.name === 'create_task')!;
    expect(Object.keys(create.inputSchema.properties!)).toEqual(expect.arrayContaining(['text', 'title', 'due_date', 'priority', 'labels', 'project_id', 'parent_id']));
    // Shared schemas come as definitions the properties refer to, as the OpenAPI document has them.
    const schema = create.inputSchema as unknown as { properties: Record<string, { allOf?: { $ref: string }[] }>; definitions: Record<string, { enum?: string[] }> };
    const priority = schema.properties.priority!.allOf![0]!.$ref.replace('#/definitions/', '');
    expect(schema.definitions[priority]!.enum).toEqual(['none', 'low', 'medium', 'high']);
  });

  it('creates from quick-add text in the account’s time zone, then lists, gets, updates, completes, moves and deletes', async () => {
    const user = await createTestUser();
    await database.current.db.update(users).set({ timeZone: 'Pacific/Kiritimati' }).where(eq(users.id, user.id));
    const project = await createProjectVia(projectsApi(user), { name: 'Home' });
    const client = await connect(`Bearer ${(await personalToken(user, ALL)).token}`);

    // Kiritimati is UTC+14: its tomorrow is not the server's (read before and after, in case midnight passes between).
    const tomorrow = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Pacific/Kiritimati' }).format(new Date(Date.now() + 86_400_000));
    const before = tomorrow();
    const created = await call(client, 'create_task', { text: 'Pay rent tomorrow 9am !high #bills @Home every month remind 30m before' });
    expect(created.isError).toBeFalsy();
    const task = created.structuredContent as { id: string; title: string; due_date: string; reminders: unknown[] };
    expect([before, tomorrow()]).toContain(task.due_date);
    expect(task).toMatchObject({ title: 'Pay rent', due_time: '09:00', priority: 'high', labels: ['bills'], repeat: { every: 'month', interval: 1 }, project_id: project.id });
    expect(task.reminders).toEqual([{ id: expect.any(String), minutes_before: 30 }]);
    expect(JSON.parse(created.content[0]!.text)).toEqual(task);

    const second = await call(client, 'create_task', { title: 'Structured', priority: 'low' });
    expect(second.structuredContent).toMatchObject({ title: 'Structured', priority: 'low', project_id: null });
    const secondId = (second.structuredContent as { id: string }).id;

    const listed = await call(client, 'list_tasks', { project: project.id, completed: false });
    expect(listed.structuredContent).toMatchObject({ total: 1, next_cursor: null });
    expect((listed.structuredContent!.tasks as { id: string }[]).map((t) => t.id)).toEqual([task.id]);
    const paged = await call(client, 'list_tasks', { limit: 1, sort: 'title', priority: 'high,low' });
    expect(paged.structuredContent).toMatchObject({ total: 2, next_cursor: expect.any(String) });

    expect((await call(client, 'get_task', { id: task.id })).structuredContent).toMatchObject({ id: task.id });
    expect((await call(client, 'update_task', { id: task.id, title: 'Pay the rent', due_time: null })).structuredContent).toMatchObject({ title: 'Pay the rent', due_time: null });
    // Completing a monthly task moves it on a month; completing a plain one completes it, twice is still complete.
    expect((await call(client, 'complete_task', { id: secondId })).structuredContent).toMatchObject({ completed: true });
    expect((await call(client, 'complete_task', { id: secondId })).structuredContent).toMatchObject({ completed: true });
    expect((await call(client, 'complete_task', { id: secondId, completed: false })).structuredContent).toMatchObject({ completed: false });
    const third = (await call(client, 'create_task', { title: 'Third' })).structuredContent as { id: string };
    expect((await call(client, 'move_task', { id: third.id, to: 'bottom' })).isError).toBeFalsy();
    expect((await call(client, 'list_tasks', { project: 'inbox', sort: 'position' })).structuredContent!.tasks).toMatchObject([{ id: secondId }, { id: third.id }]);

    expect((await call(client, 'list_projects')).structuredContent).toMatchObject({ projects: [{ id: project.id, name: 'Home', role: 'owner' }] });
    expect((await call(client, 'list_labels')).structuredContent).toMatchObject({ labels: [{ name: 'bills' }] });

    expect((await call(client, 'delete_task', { id: secondId })).structuredContent).toEqual({ deleted: secondId });
    expect(await database.current.db.select().from(tasks).where(eq(tasks.id, secondId))).toEqual([]);
  });

  it('checks every id like a route: another user’s task is not found, and nothing of theirs changes', async () => {
    const owner = await createTestUser();
    const theirs = await createTaskVia(tasksApi(owner), { title: 'not yours' });
    const stranger = await createTestUser();
    const client = await connect(stranger.headers.authorization!);
    for (const [name, args] of [
      ['get_task', { id: theirs.id }],
      ['update_task', { id: theirs.id, title: 'taken' }],
      ['complete_task', { id: theirs.id }],
      ['delete_task', { id: theirs.id }],
      ['move_task', { id: theirs.id, to: 'top' }],
    ] as const) {
      const result = await call(client, name, args);
      expect(result.isError, name).toBe(true);
      expect(result.content[0]!.text, name).toBe('404: Task not found');
    }
    const parent = await call(client, 'create_task', { title: 'sneaky', parent_id: theirs.id });
    expect(parent.isError).toBe(true);
    const [row] = await database.current.db.select().from(tasks).where(eq(tasks.id, theirs.id));
    expect(row).toMatchObject({ title: 'not yours', completed: false });
    expect((await call(client, 'list_tasks')).structuredContent).toMatchObject({ tasks: [], total: 0 });
  });

  it('refuses a message over the API’s 64 KiB body limit with 413 before reading it', async () => {
    const user = await createTestUser();
    const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'create_task', arguments: { title: 'x'.repeat(70_000) } } });
    const response = await route(URL_MCP, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', authorization: user.headers.authorization!, 'content-length': String(body.length) },
      body,
    });
    expect(response.status).toBe(413);
    expect(await database.current.db.select().from(tasks).where(eq(tasks.userId, user.id))).toEqual([]);
  });

  it('holds a personal token to its scopes per tool, refuses bad input clearly, and a revoked token is a 401', async () => {
    const user = await createTestUser();
    const reader = await personalToken(user, ['tasks:read']);
    const client = await connect(`Bearer ${reader.token}`);
    expect((await call(client, 'list_tasks')).isError).toBeFalsy();
    const write = await call(client, 'create_task', { title: 'no' });
    expect(write).toMatchObject({ isError: true, content: [{ text: '403: This personal access token lacks the scope this needs: tasks:write' }] });
    expect((await call(client, 'list_projects')).isError).toBe(true);
    expect(await database.current.db.select().from(tasks).where(eq(tasks.userId, user.id))).toEqual([]);

    const bad = await call(client, 'get_task', { id: 'not-a-uuid' });
    expect(bad.isError).toBe(true);
    expect(bad.content[0]!.text).toContain('id');
    const writer = await connect(`Bearer ${(await personalToken(user, ['tasks:write'])).token}`);
    const noTitle = await call(writer, 'create_task', { text: '   ' });
    expect(noTitle).toMatchObject({ isError: true, content: [{ text: 'Give the task a title.' }] });
    const late = await call(writer, 'create_task', { title: 'x', due_time: '25:00' });
    expect(late.isError).toBe(true);
    expect(late.content[0]!.text).toMatch(/due_time/);

    expect((await callRoute(tokenRoute, 'DELETE', `/api/${user.id}/tokens/${reader.id}`, { user_id: user.id, id: reader.id }, { headers: user.headers })).status).toBe(204);
    await expect(client.listTools()).rejects.toThrow(/401/);
  });
});
