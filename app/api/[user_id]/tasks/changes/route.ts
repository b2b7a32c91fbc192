import { requireCaller } from '@/lib/auth/caller';
import { handler, methodsNotAllowed } from '@/lib/http/handler';
import { json } from '@/lib/http/problem';
import { parseWith } from '@/lib/http/validation';
import { changesSince } from '@/lib/sync/feed';
import { ChangesQuery, type ChangesJson } from '@/lib/sync/schemas';
import { toTaskJson } from '@/lib/tasks/responses';

type Context = { params: Promise<{ user_id: string }> };

const ALLOW = ['GET', 'HEAD', 'OPTIONS'];

export const GET = handler(async (request: Request, { params }: Context) => {
  const caller = await requireCaller(request, (await params).user_id);
  const query = parseWith(ChangesQuery, Object.fromEntries(new URL(request.url).searchParams));
  const page = await changesSince(caller, query.since, query.limit);
  const body: ChangesJson = { changes: page.changes.map(toTaskJson), deleted: page.deleted, cursor: page.cursor, more: page.more };
  return json(body);
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed(ALLOW);
