import { closeCalendarFeed, openCalendarFeed } from '@/lib/calendar/feed';
import { calendarFeedUrl } from '@/lib/calendar/responses';
import { methodsNotAllowed } from '@/lib/http/handler';
import { json } from '@/lib/http/problem';
import { userRoute } from '@/lib/scope/route';

const ALLOW = ['POST', 'DELETE', 'OPTIONS'];

// Turns the calendar feed on, or gives it a new address (the old one answers 404 from then on).
export const POST = userRoute(async (scope, request) => json({ url: calendarFeedUrl(request, await openCalendarFeed(scope)) }, { status: 201 }));

// Turns it off; already off is the same answer.
export const DELETE = userRoute(async (scope) => {
  await closeCalendarFeed(scope);
  return new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
});

export const { GET, HEAD, PUT, PATCH, OPTIONS } = methodsNotAllowed(ALLOW);
