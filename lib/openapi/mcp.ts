import 'server-only';
import { errors, JSON_TYPE, ref, type Json } from '@/lib/openapi/shared';

// The MCP server's one route (lib/mcp): JSON-RPC 2.0 messages of the Model Context Protocol,
// described as such; the tools themselves are listed by the protocol (`tools/list`), not here.

const JSON_RPC = { type: 'object', description: 'A JSON-RPC 2.0 message (or a batch) of the Model Context Protocol.' };
const rpc = (description: string) => ({ description, content: { [JSON_TYPE]: { schema: JSON_RPC } } });

export const mcpPaths: Record<string, Json> = {
  '/api/mcp': {
    post: {
      operationId: 'mcp',
      tags: ['MCP'],
      summary: 'The MCP server for AI assistants',
      description:
        'Model Context Protocol over streamable HTTP, stateless (no `Mcp-Session-Id`), answering JSON. Tools: `list_tasks`, `get_task`, `create_task` (quick-add `text` or the fields of `POST /tasks`), `update_task`, `complete_task`, `delete_task`, `move_task`, `list_projects`, `list_labels`. The same credentials as the API; a personal token\'s scopes apply per tool (a tool outside them answers a result with `isError`). Send `Accept: application/json, text/event-stream`.',
      // Signed in, or a personal token: each tool checks the scopes it needs.
      security: [{ bearerAuth: [] }, { sessionCookie: [] }, { personalToken: [] }],
      requestBody: { required: true, content: { [JSON_TYPE]: { schema: JSON_RPC } } },
      responses: {
        '200': rpc('The JSON-RPC response.'),
        '202': { description: 'A notification or response was accepted; no body.' },
        '400': rpc('Not a JSON-RPC message, or an unsupported `MCP-Protocol-Version`.'),
        ...errors('Unauthorized'),
        '406': rpc('`Accept` does not name both `application/json` and `text/event-stream`.'),
        '413': { description: 'The message is over 64 KiB: a problem document when its `Content-Length` says so, else a JSON-RPC error.', content: { 'application/problem+json': { schema: ref('schemas', 'ProblemDocument') }, [JSON_TYPE]: { schema: JSON_RPC } } },
        '415': rpc('The body is not `application/json`.'),
        ...errors('InternalError', 'ServiceUnavailable'),
      },
    },
  },
};
