import { createHash } from 'node:crypto';
import { callerOfSecret } from '@/lib/auth/secrets';
import { SessionEnded } from '@/lib/auth/errors';
import { CalendarFeedNotFound } from '@/lib/calendar/errors';
import { calendarTasks, calendarVersion } from '@/lib/calendar/feed';
import { CALENDAR_FORMAT, calendarText } from '@/lib/calendar/ics';
import { ifNoneMatchHits } from '@/lib/http/conditional';
import { handler, methodsNotAllowed } from '@/lib/http/handler';
import { Scope } from '@/lib/scope/scope';

export const dynamic = 'force-dynamic';

const ALLOW = ['GET', 'HEAD', 'OPTIONS'];

// The calendar feed: `/api/calendar/<secret>.ics`, the secret its only credential (calendar apps
// send no other). The secret names a session (lib/auth/secrets.ts); the scope's statement checks
// it is live, so a feed turned off between the two answers 404 as well. The ETag is the version
// of what it lists (lib/calendar/feed.ts), not a hash of the text: a 304 builds nothing.
export const GET = handler(async (request: Request, { params }: { params: Promise<{ file: string }> }) => {
  const secret = /^(.+)\.ics$/.exec((await params).file)?.[1];
  const caller = secret === undefined ? undefined : await callerOfSecret(secret);
  if (!caller) throw new CalendarFeedNotFound();
  const scope = Scope.of(caller);
  try {
    // The version first: a calendar app polling an unchanged calendar gets its 304 from one
    // statement. A write between the two reads makes a body newer than its ETag, which the
    // next poll corrects; never the other way round.
    const { version, timeZone } = await calendarVersion(scope);
    const etag = `"${createHash('sha256').update(`${CALENDAR_FORMAT}:${version}`).digest('base64url').slice(0, 27)}"`;
    // A secret address: no shared cache keeps it; a calendar app asks again with If-None-Match.
    const headers = { ETag: etag, 'Cache-Control': 'private, no-cache' };
    if (ifNoneMatchHits(request.headers.get('if-none-match'), etag)) return new Response(null, { status: 304, headers });
    const text = calendarText(await calendarTasks(scope), timeZone);
    return new Response(text, { headers: { ...headers, 'Content-Type': 'text/calendar; charset=utf-8' } });
  } catch (err) {
    if (err instanceof SessionEnded) throw new CalendarFeedNotFound();
    throw err;
  }
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed(ALLOW);
