import { methodsNotAllowed } from '@/lib/http/handler';
import { userRoute } from '@/lib/scope/route';
import { eventStream } from '@/lib/sync/events';

const ALLOW = ['GET', 'HEAD', 'OPTIONS'];

// Vercel ends a function at its limit; the stream ends itself a little before (lib/sync/events.ts).
export const maxDuration = 300;

export const GET = userRoute(async (scope, request) => {
  // A stream runs no statement of its own before the watcher's first look: ask now.
  await scope.confirm();
  return new Response(await eventStream(scope.caller, request.signal), {
    headers: {
      'Content-Type': 'text/event-stream; charset=utf-8',
      // no-transform: a proxy must not compress (and so buffer) the stream.
      'Cache-Control': 'no-store, no-transform',
      'X-Accel-Buffering': 'no',
    },
  });
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed(ALLOW);
