import 'server-only';
import { randomBytes, randomUUID } from 'node:crypto';
import { and, desc, eq, sql } from 'drizzle-orm';
import { webhookDeliveries, webhooks } from '@/lib/db/schema';
import { env } from '@/lib/env';
import { DomainError, InvalidFields } from '@/lib/errors';
import { WEBHOOKS_PER_USER_MAX } from '@/lib/limits';
import { EndpointRefused, resolveEndpoint } from '@/lib/outbound/endpoints';
import { ownedByCaller, scopedStatement, type Scope } from '@/lib/scope/scope';
import type { DeliveryJson, NewWebhook, WebhookChanges, WebhookJson } from '@/lib/webhooks/schemas';

// The caller's webhooks: added, listed, changed, paused and deleted here, with their delivery
// log. What is delivered is queued by the database's triggers (drizzle/0019) and sent by
// lib/webhooks/sender.ts.

export class WebhookNotFound extends DomainError {
  constructor() {
    super(404, 'Webhook not found');
  }
}

export class TooManyWebhooks extends DomainError {
  constructor() {
    super(409, `You have ${WEBHOOKS_PER_USER_MAX} webhooks, the most an account may have: delete one first`);
  }
}

export const allowPrivateUrls = () => env().WEBHOOK_ALLOW_PRIVATE_URLS === '1';

/** `InvalidFields` naming `url` unless deliveries may go there (https, a public address). */
async function checkUrl(url: string): Promise<void> {
  try {
    await resolveEndpoint(url, { allowPrivate: allowPrivateUrls() });
  } catch (err) {
    if (err instanceof EndpointRefused) throw new InvalidFields([{ path: 'url', message: err.message }]);
    throw err;
  }
}

/** A Standard Webhooks secret: `whsec_` and 32 random bytes, base64. */
const newSecret = () => `whsec_${randomBytes(32).toString('base64')}`;

const columns = { id: webhooks.id, url: webhooks.url, events: webhooks.events, enabled: webhooks.enabled, createdAt: webhooks.createdAt };
type Row = { id: string; url: string; events: string[]; enabled: boolean; createdAt: Date };

export const toWebhookJson = (row: Row): WebhookJson => ({ id: row.id, url: row.url, events: row.events, enabled: row.enabled, created_at: row.createdAt.toISOString() });

/** A new webhook of the caller's; its secret is shown this once. */
export async function createWebhook(scope: Scope, body: NewWebhook): Promise<WebhookJson & { secret: string }> {
  await checkUrl(body.url);
  const secret = newSecret();
  // The caller's session held (lib/scope); two adds at once may pass the limit by one each.
  const row = await scope.transaction(async (tx) => {
    const [held] = await tx.select({ count: sql<number>`count(*)::int` }).from(webhooks).where(eq(webhooks.userId, scope.userId));
    if (held!.count >= WEBHOOKS_PER_USER_MAX) throw new TooManyWebhooks();
    const [created] = await tx.insert(webhooks).values({ userId: scope.userId, url: body.url, events: body.events, secret }).returning(columns);
    return created!;
  });
  return { ...toWebhookJson(row), secret };
}

const listStatement = scopedStatement('list_webhooks', (db, _shape: Record<never, never>, name) =>
  db.select(columns).from(webhooks).where(ownedByCaller(webhooks.userId)).orderBy(desc(webhooks.createdAt), desc(webhooks.id)).prepare(name),
);

export async function listWebhooks(scope: Scope): Promise<WebhookJson[]> {
  return (await scope.run(listStatement, {})).map(toWebhookJson);
}

const getStatement = scopedStatement('get_webhook', (db, _shape: Record<never, never>, name) =>
  db
    .select(columns)
    .from(webhooks)
    .where(and(eq(webhooks.id, sql.placeholder('id')), ownedByCaller(webhooks.userId)))
    .prepare(name),
);

export async function getWebhook(scope: Scope, id: string): Promise<WebhookJson> {
  const [row] = await scope.run(getStatement, {}, { id });
  if (!row) throw new WebhookNotFound();
  return toWebhookJson(row);
}

/** Changes a webhook; resuming one (enabled: true) forgets its failing streak. */
export async function updateWebhook(scope: Scope, id: string, changes: WebhookChanges): Promise<WebhookJson> {
  if (changes.url !== undefined) await checkUrl(changes.url);
  const [row] = await scope.transaction((tx) =>
    tx
      .update(webhooks)
      .set({
        ...(changes.url !== undefined && { url: changes.url }),
        ...(changes.events !== undefined && { events: changes.events }),
        ...(changes.enabled !== undefined && { enabled: changes.enabled }),
        ...(changes.enabled === true && { failingSince: null, lastFailedAt: null }),
      })
      .where(and(eq(webhooks.id, id), eq(webhooks.userId, scope.userId)))
      .returning(columns),
  );
  if (!row) throw new WebhookNotFound();
  return toWebhookJson(row);
}

const deleteStatement = scopedStatement('delete_webhook', (db, _shape: Record<never, never>, name) =>
  db
    .delete(webhooks)
    .where(and(eq(webhooks.id, sql.placeholder('id')), ownedByCaller(webhooks.userId)))
    .returning({ id: webhooks.id })
    .prepare(name),
);

/** Deletes a webhook and its queued and logged deliveries. */
export async function deleteWebhook(scope: Scope, id: string): Promise<void> {
  if (!(await scope.run(deleteStatement, {}, { id })).length) throw new WebhookNotFound();
}

/** The last deliveries of one of the caller's webhooks, newest first. */
export const DELIVERIES_SHOWN = 100;

const deliveriesStatement = scopedStatement('list_webhook_deliveries', (db, _shape: Record<never, never>, name) =>
  db
    .select({
      id: webhookDeliveries.id,
      eventId: webhookDeliveries.eventId,
      type: webhookDeliveries.type,
      status: webhookDeliveries.status,
      attempts: webhookDeliveries.attempts,
      responseStatus: webhookDeliveries.responseStatus,
      createdAt: webhookDeliveries.createdAt,
      deliveredAt: webhookDeliveries.deliveredAt,
    })
    .from(webhookDeliveries)
    .innerJoin(webhooks, eq(webhooks.id, webhookDeliveries.webhookId))
    .where(and(eq(webhooks.id, sql.placeholder('id')), ownedByCaller(webhooks.userId)))
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(DELIVERIES_SHOWN)
    .prepare(name),
);

export async function listDeliveries(scope: Scope, id: string): Promise<DeliveryJson[]> {
  const rows = await scope.run(deliveriesStatement, {}, { id });
  // No rows: a webhook with no deliveries yet, or none of the caller's.
  if (!rows.length) await getWebhook(scope, id);
  return rows.map((row) => ({
    id: row.id,
    event_id: row.eventId,
    type: row.type,
    status: row.status,
    attempts: row.attempts,
    response_status: row.responseStatus,
    created_at: row.createdAt.toISOString(),
    delivered_at: row.deliveredAt?.toISOString() ?? null,
  }));
}

/** Queues a `webhook.test` event to one of the caller's webhooks (paused or not): "send a test event". */
export async function sendTestEvent(scope: Scope, id: string): Promise<void> {
  const webhook = await getWebhook(scope, id);
  const body = JSON.stringify({ type: 'webhook.test', timestamp: new Date().toISOString(), data: { webhook: { id: webhook.id, url: webhook.url } } });
  await scope.transaction((tx) =>
    tx.insert(webhookDeliveries).values({ webhookId: webhook.id, eventId: `msg_${randomUUID().replaceAll('-', '')}`, type: 'webhook.test', body }),
  );
}
