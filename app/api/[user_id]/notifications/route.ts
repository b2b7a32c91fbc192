import { methodsNotAllowed } from '@/lib/http/handler';
import { json } from '@/lib/http/problem';
import { parseWith } from '@/lib/http/validation';
import { listNotifications } from '@/lib/notifications/queries';
import { toNotificationJson } from '@/lib/notifications/responses';
import { NotificationsQuery } from '@/lib/notifications/schemas';
import { userRoute } from '@/lib/scope/route';

const ALLOW = ['GET', 'HEAD', 'OPTIONS'];

// The caller's notifications, newest first; `X-Total-Count` counts those the filter matches (the
// bell asks for `unread=true&limit=1`).
export const GET = userRoute(async (scope, request) => {
  const query = parseWith(NotificationsQuery, Object.fromEntries(new URL(request.url).searchParams));
  const page = await listNotifications(scope, query);
  const headers = new Headers({ 'X-Total-Count': String(page.total) });
  if (page.nextCursor) {
    const next = new URLSearchParams();
    if (query.unread !== undefined) next.set('unread', String(query.unread));
    next.set('limit', String(query.limit));
    next.set('cursor', page.nextCursor);
    headers.set('Link', `<${new URL(request.url).pathname}?${next}>; rel="next"`);
  }
  return json(page.notifications.map(toNotificationJson), { headers });
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed(ALLOW);
