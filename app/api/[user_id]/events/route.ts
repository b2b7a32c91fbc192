import { confirmCaller, requireCaller } from '@/lib/auth/caller';
import { handler, methodsNotAllowed } from '@/lib/http/handler';
import { eventStream } from '@/lib/sync/events';

type Context = { params: Promise<{ user_id: string }> };

const ALLOW = ['GET', 'HEAD', 'OPTIONS'];

// Vercel ends a function at its limit; the stream ends itself a little before (lib/sync/events.ts).
export const maxDuration = 300;

export const GET = handler(async (request: Request, { params }: Context) => {
  const caller = await requireCaller(request, (await params).user_id);
  // A stream runs no statement of its own before the watcher's first look: ask now.
  await confirmCaller(caller);
  return new Response(await eventStream(caller, request.signal), {
    headers: {
      'Content-Type': 'text/event-stream; charset=utf-8',
      // no-transform: a proxy must not compress (and so buffer) the stream.
      'Cache-Control': 'no-store, no-transform',
      'X-Accel-Buffering': 'no',
    },
  });
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed(ALLOW);
