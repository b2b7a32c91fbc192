import 'server-only';
import { and, asc, eq, sql } from 'drizzle-orm';
import { pushSubscriptions, type PushSubscriptionRow } from '@/lib/db/schema';
import { InvalidFields } from '@/lib/errors';
import { env } from '@/lib/env';
import { EndpointRefused, resolveEndpoint } from '@/lib/outbound/endpoints';
import { PushSubscriptionNotFound } from '@/lib/push/errors';
import type { PushSubscriptionInput, PushSubscriptionJson } from '@/lib/push/schemas';
import { callerAsOwner, ownedByCaller, scopedStatement, type Scope } from '@/lib/scope/scope';

/** PUSH_ALLOW_PRIVATE_ENDPOINTS=1 (tests, development): http:// and private addresses too. */
export const allowPrivateEndpoints = () => env().PUSH_ALLOW_PRIVATE_ENDPOINTS === '1';

const placeholder = sql.placeholder;

// The endpoint is one browser's: subscribing it again (another sign-in on that browser) moves it
// to this session and user, with its new keys.
const upsertStatement = scopedStatement('upsert_push_subscription', (db, _shape: Record<never, never>, name) =>
  db
    .insert(pushSubscriptions)
    .values({ userId: callerAsOwner(), sessionId: placeholder('sessionId'), endpoint: placeholder('endpoint'), p256dh: placeholder('p256dh'), auth: placeholder('auth') })
    .onConflictDoUpdate({
      target: pushSubscriptions.endpoint,
      set: { userId: sql`excluded.user_id`, sessionId: sql`excluded.session_id`, p256dh: sql`excluded.p256dh`, auth: sql`excluded.auth`, createdAt: sql`now()` },
    })
    .returning()
    .prepare(name),
);

const listStatement = scopedStatement('list_push_subscriptions', (db, _shape: Record<never, never>, name) =>
  db.select().from(pushSubscriptions).where(ownedByCaller(pushSubscriptions.userId)).orderBy(asc(pushSubscriptions.createdAt), asc(pushSubscriptions.id)).prepare(name),
);

const deleteStatement = scopedStatement('delete_push_subscription', (db, _shape: Record<never, never>, name) =>
  db
    .delete(pushSubscriptions)
    .where(and(eq(pushSubscriptions.id, placeholder('id')), ownedByCaller(pushSubscriptions.userId)))
    .returning({ id: pushSubscriptions.id })
    .prepare(name),
);

export function toPushSubscriptionJson(row: PushSubscriptionRow): PushSubscriptionJson {
  return { id: row.id, endpoint_host: new URL(row.endpoint).host, created_at: row.createdAt.toISOString(), session_id: row.sessionId };
}

/** Subscribes a browser for the caller's session: `422` for an endpoint the server may not send to. */
export async function subscribe(scope: Scope, input: PushSubscriptionInput): Promise<PushSubscriptionRow> {
  try {
    await resolveEndpoint(input.endpoint, { allowPrivate: allowPrivateEndpoints() });
  } catch (err) {
    if (err instanceof EndpointRefused) throw new InvalidFields([{ path: 'endpoint', message: err.message }]);
    throw err;
  }
  const [row] = await scope.run(upsertStatement, {}, { endpoint: input.endpoint, p256dh: input.keys.p256dh, auth: input.keys.auth });
  return row!;
}

export async function listSubscriptions(scope: Scope): Promise<PushSubscriptionRow[]> {
  return scope.run(listStatement, {});
}

/** Drops one of the caller's subscriptions; another's, or none, is `404`. */
export async function unsubscribe(scope: Scope, id: string): Promise<void> {
  const [deleted] = await scope.run(deleteStatement, {}, { id });
  if (!deleted) throw new PushSubscriptionNotFound();
}
