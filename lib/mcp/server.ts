import 'server-only';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { getAccount } from '@/lib/account/account';
import type { TokenScope } from '@/lib/auth/personal-tokens';
import { errorResponse } from '@/lib/http/errors';
import { parseWith } from '@/lib/http/validation';
import { listLabelsForUser } from '@/lib/labels/queries';
import { toLabelJson } from '@/lib/labels/responses';
import { listProjects } from '@/lib/projects/queries';
import { toProjectJson } from '@/lib/projects/responses';
import { parseQuickAdd, quickAddProblem } from '@/lib/quick-add';
import { requireTokenScopes } from '@/lib/scope/permissions';
import type { Scope } from '@/lib/scope/scope';
import { listTasksForUser } from '@/lib/tasks/list';
import { moveTask } from '@/lib/tasks/manual-order';
import { createTask, deleteTask, getTask, toggleTaskCompletion, updateTask } from '@/lib/tasks/queries';
import { toTaskJson } from '@/lib/tasks/responses';
import { CreateTaskBody, LIST_LIMIT_DEFAULT, LIST_LIMIT_MAX, ListTasksQuery, MoveTaskBody, PatchTaskBody, TaskPathParams } from '@/lib/tasks/schemas';
import { TITLE_MAX } from '@/lib/limits';
import { instantOf, wallClockNow } from '@/lib/time-zone';

/*
 * The MCP server (API.md, "MCP"): the tools an AI assistant uses to manage the caller's tasks,
 * built per request for one caller (the transport is stateless). Each tool is the route it
 * mirrors: the same zod schemas for its input (query-string codecs become JSON types), the same
 * domain functions with the caller's Scope (isolation and roles as the routes'), and the same
 * scope table for a personal token. Its result is the route's JSON, as text and as
 * `structuredContent`; a refusal is a result with `isError` and the problem's detail.
 */

const SERVER_INFO = { name: 'todo', version: '1.0.0' };

const TaskId = TaskPathParams.shape.id.describe('The task id.');

// The list route's query, as JSON: booleans and numbers are values here, not query strings
// (each call is then read by the route's own schema, with its rules across fields).
const ListTasksArgs = z.object({
  ...ListTasksQuery.shape,
  priority: z.string().optional().describe('Only tasks with any of these priorities, comma-separated: none, low, medium, high.'),
  completed: z.boolean().optional().describe('Only tasks in this state.'),
  has_due: z.boolean().optional().describe('Only tasks with (true) or without (false) a due date.'),
  limit: z.int().min(1).max(LIST_LIMIT_MAX).default(LIST_LIMIT_DEFAULT).describe('Page size.'),
});

const CreateTaskArgs = z.object({
  text: z
    .string()
    .max(TITLE_MAX * 2)
    .optional()
    .describe(
      'Quick-add text, read as the web app reads it: "Pay rent tomorrow 9am !high #home @Project every month remind 30m before". Dates and times are in the account\'s time zone. Fields given beside it win over what it says.',
    ),
  ...CreateTaskBody.shape,
  title: CreateTaskBody.shape.title.optional().describe('The title; required without `text`.'),
});

/** The route's body of a create from quick-add text and the fields given beside it. */
async function createBody(scope: Scope, { text, ...fields }: z.output<typeof CreateTaskArgs>): Promise<unknown> {
  const given = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
  if (text === undefined) return given;
  const [account, projects] = await Promise.all([getAccount(scope), listProjects(scope)]);
  const writable = projects.filter((p) => p.role !== 'viewer').map((p) => ({ id: p.id, name: p.name }));
  const read = parseQuickAdd(text, wallClockNow(account.timeZone), [], writable);
  const problem = quickAddProblem(read);
  if (problem && !given.title) throw new QuickAddRefused(problem);
  const reminders = read.reminders.map((r) => ('at' in r ? { at: instantOf(new Date(r.at), account.timeZone).toISOString() } : r));
  return {
    title: read.title,
    due_date: read.due_date,
    due_time: read.due_time,
    priority: read.priority,
    labels: read.labels,
    repeat: read.repeat,
    ...(reminders.length && { reminders }),
    ...(read.project_id && { project_id: read.project_id }),
    ...given,
  };
}

class QuickAddRefused extends Error {}

const json = (value: Record<string, unknown>): CallToolResult => ({ content: [{ type: 'text', text: JSON.stringify(value) }], structuredContent: value });

/** A refusal in the route's words; anything unexpected is logged once and answered generically. */
async function refusal(err: unknown, tool: string): Promise<CallToolResult> {
  if (err instanceof QuickAddRefused) return { content: [{ type: 'text', text: err.message }], isError: true };
  const response = errorResponse(err, new Request(`http://mcp.invalid/api/mcp/${tool}`, { method: 'POST' }));
  const problem = (await response.json()) as { status: number; detail: string; errors?: { path: string; message: string }[] };
  const fields = problem.errors?.length ? ` (${problem.errors.map((e) => `${e.path || 'input'} ${e.message}`).join('; ')})` : '';
  return { content: [{ type: 'text', text: `${problem.status}: ${problem.detail}${fields}` }], isError: true };
}

/** The tools, for one caller. */
export function mcpServer(scope: Scope): McpServer {
  const server = new McpServer(SERVER_INFO, { instructions: 'Manage the signed-in user\'s tasks, in their Inbox and the projects they belong to.' });

  function tool<S extends z.ZodObject>(
    name: string,
    description: string,
    scopes: readonly TokenScope[],
    inputSchema: S,
    run: (args: z.output<S>) => Promise<Record<string, unknown>>,
  ) {
    server.registerTool(name, { description, inputSchema }, (async (args: z.output<S>) => {
      try {
        requireTokenScopes(scope.caller, scopes);
        const result = await run(args);
        await scope.confirm();
        return json(result);
      } catch (err) {
        return refusal(err, name);
      }
    }) as never);
  }

  const none = z.object({});
  const byId = z.object({ id: TaskId });

  tool('list_tasks', 'List the tasks the user sees, with the list route\'s filters and sorts; page on with `cursor`.', ['tasks:read'], ListTasksArgs, async (args) => {
    const page = await listTasksForUser(scope, parseWith(ListTasksQuery, { ...args, completed: args.completed?.toString(), has_due: args.has_due?.toString(), limit: String(args.limit) }));
    return { tasks: page.tasks.map(toTaskJson), total: page.total, next_cursor: page.nextCursor ?? null };
  });

  tool('get_task', 'Get one task by id.', ['tasks:read'], byId, async ({ id }) => toTaskJson(await getTask(scope, id)));

  tool('create_task', 'Add a task from quick-add `text`, or from the fields of POST /tasks (or both: the fields win).', ['tasks:write'], CreateTaskArgs, async (args) => {
    const input = parseWith(CreateTaskBody, await createBody(scope, args));
    return toTaskJson(await createTask(scope, input));
  });

  tool('update_task', 'Change fields of a task (as PATCH /tasks/{id}): only those given change.', ['tasks:write'], z.object({ ...PatchTaskBody.shape, id: TaskId }), async ({ id, ...changes }) => {
    return toTaskJson(await updateTask(scope, id, parseWith(PatchTaskBody, changes)));
  });

  tool(
    'complete_task',
    'Complete a task (or reopen it with completed: false). Completing a repeating task moves it to its next date; completing a task completes its open subtasks.',
    ['tasks:write'],
    z.object({ id: TaskId, completed: z.boolean().default(true) }),
    async ({ id, completed }) => {
      const task = await getTask(scope, id);
      return toTaskJson(task.completed === completed ? task : await toggleTaskCompletion(scope, id));
    },
  );

  tool('delete_task', 'Delete a task and its subtasks.', ['tasks:write'], byId, async ({ id }) => {
    await deleteTask(scope, id);
    return { deleted: id };
  });

  tool('move_task', 'Move a task in its list\'s manual order: exactly one of before, after (a task id) or to (top, bottom).', ['tasks:write'], z.object({ ...MoveTaskBody.shape, id: TaskId }), async ({ id, ...move }) => {
    return toTaskJson(await moveTask(scope, id, parseWith(MoveTaskBody, move)));
  });

  tool('list_projects', 'List the projects the user belongs to, in their sidebar order, with their role.', ['projects:read'], none, async () => ({
    projects: (await listProjects(scope)).map(toProjectJson),
  }));

  tool('list_labels', 'List the user\'s labels.', ['tasks:read'], none, async () => ({ labels: (await listLabelsForUser(scope)).map(toLabelJson) }));

  return server;
}
