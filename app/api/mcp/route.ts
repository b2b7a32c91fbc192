import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import { authenticate } from '@/lib/auth/caller';
import { recordSessionUse } from '@/lib/auth/sessions';
import { MAX_BODY_BYTES, refuseDeclaredBody } from '@/lib/http/body';
import { handler, methodsNotAllowed } from '@/lib/http/handler';
import { mcpServer } from '@/lib/mcp/server';
import { Scope } from '@/lib/scope/scope';

// The MCP server for AI assistants (lib/mcp/server.ts): streamable HTTP, stateless, JSON
// answers. The same credentials as the API (a sign-in's token, a personal token with its
// scopes, the browser's cookie); without one, 401 with WWW-Authenticate like every route.

export const POST = handler(async (request: Request) => {
  // The API's body limit (64 KiB), as for every route: a declared larger body is a 413 problem.
  refuseDeclaredBody(request, MAX_BODY_BYTES);
  const caller = await authenticate(request);
  const scope = Scope.of(caller);
  // The credential's session must be live now: a revoked one is a 401, not a tool error.
  await scope.confirm();
  await recordSessionUse(caller);
  const server = mcpServer(scope);
  const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true, maxRequestBodySize: MAX_BODY_BYTES });
  await server.connect(transport);
  try {
    return await transport.handleRequest(request);
  } finally {
    await server.close();
  }
});

// Stateless: no stream to open (GET) and no session to end (DELETE).
export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed(['POST', 'OPTIONS']);
