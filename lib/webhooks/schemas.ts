import 'server-only';
import { z } from 'zod';
import { WEBHOOK_URL_MAX } from '@/lib/limits';

// What the webhook routes take and answer; the OpenAPI document is generated from these.

export const WEBHOOK_EVENTS = ['task.created', 'task.updated', 'task.completed', 'task.deleted', 'project.updated', 'project.deleted'] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

const WebhookUrl = z
  .string('must be a URL')
  .trim()
  .max(WEBHOOK_URL_MAX, `must be at most ${WEBHOOK_URL_MAX} characters`)
  .meta({ description: 'Where deliveries are POSTed: https:// to a public address (checked after resolving the name, and again at each delivery).', examples: ['https://example.com/hooks/todo'] });

const Events = z
  .array(z.enum([...WEBHOOK_EVENTS, '*'], `must be one of ${[...WEBHOOK_EVENTS, '*'].join(', ')}`), 'must be a list of event types')
  .min(1, 'must name at least one event type')
  .transform((events) => (events.includes('*') ? ['*'] : [...new Set(events)]))
  .meta({ description: 'The event types to deliver; `*` for all.', examples: [['task.created', 'task.completed']] });

export const CreateWebhookBody = z
  .object({ url: WebhookUrl, events: Events })
  .meta({ id: 'CreateWebhookBody', description: 'A webhook to add (at most 20 per account).', examples: [{ url: 'https://example.com/hooks/todo', events: ['*'] }] });

export const PatchWebhookBody = z
  .object({
    url: WebhookUrl.optional(),
    events: Events.optional(),
    enabled: z.boolean('must be true or false').optional().meta({ description: 'false pauses deliveries (none are queued while paused); true resumes them.' }),
  })
  .refine((body) => body.url !== undefined || body.events !== undefined || body.enabled !== undefined, { path: ['url'], message: 'or events or enabled is required' })
  .meta({ id: 'PatchWebhookBody', description: 'What changes; a field left out stays.', examples: [{ enabled: false }] });

export const WebhookPathParams = z.object({ id: z.uuid('must be a UUID').meta({ description: "The id of one of the caller's webhooks." }) });

const timestamp = z.iso.datetime().meta({ description: 'ISO 8601, UTC.' });

export const WebhookSchema = z
  .object({
    id: z.uuid(),
    url: z.string(),
    events: z.array(z.string()),
    enabled: z.boolean().meta({ description: 'false: paused by the owner, or disabled after failing for 3 days in a row.' }),
    created_at: timestamp,
  })
  .meta({ description: 'A webhook, without its secret.' });

export const NewWebhookSchema = WebhookSchema.extend({
  secret: z.string().meta({ description: 'The signing secret, `whsec_…` (Standard Webhooks): shown this once.' }),
}).meta({ description: 'A new webhook, with its signing secret.' });

export const DeliverySchema = z
  .object({
    id: z.uuid(),
    event_id: z.string().meta({ description: 'The `webhook-id` header: the same on every attempt.' }),
    type: z.string(),
    status: z.enum(['delivered', 'retrying', 'failed']),
    attempts: z.int(),
    response_status: z.int().nullable().meta({ description: 'The status of the last attempt; null: none answered (yet).' }),
    created_at: timestamp,
    delivered_at: timestamp.nullable(),
  })
  .meta({ description: 'One event sent (or being sent) to a webhook.' });

export type NewWebhook = z.output<typeof CreateWebhookBody>;
export type WebhookChanges = z.output<typeof PatchWebhookBody>;
export type WebhookJson = z.infer<typeof WebhookSchema>;
export type DeliveryJson = z.infer<typeof DeliverySchema>;
