'use client';

import { useId, useState, type FormEvent } from 'react';
import { WEBHOOK_URL_MAX } from '@/lib/limits';
import { FAILED, Outcome, ShownOnce, type Message } from './shown-once';

// Webhooks in settings: add one (its signing secret is shown this once), send it a test event,
// pause, resume or delete it, and read its delivery log. The same routes as the API's.

export interface WebhookItem {
  id: string;
  url: string;
  events: string[];
  enabled: boolean;
  created_at: string;
}

interface Delivery {
  id: string;
  event_id: string;
  type: string;
  status: 'delivered' | 'retrying' | 'failed';
  attempts: number;
  response_status: number | null;
  created_at: string;
  delivered_at: string | null;
}

/** A webhook's open delivery log: null rows while its first load is under way. */
type Log = { rows: Delivery[] | null; loading: boolean; error?: string };

const EVENT_LABELS: Record<string, string> = {
  'task.created': 'A task is added',
  'task.updated': 'A task is changed',
  'task.completed': 'A task is completed',
  'task.deleted': 'A task is deleted',
  'project.updated': 'A project is changed',
  'project.deleted': 'A project is deleted',
};

const FIELD_NAMES: Record<string, string> = { url: 'Payload URL', events: 'Events' };

const day = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' });
// Deliveries are loaded in the browser only: its own time zone, no server render to match.
const moment = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'medium' });

const ENDED: Message = { ok: false, text: 'Your session has ended. Sign in again.' };

/** A problem document in words: its field errors named as the form names them, or its detail. */
async function problemText(response: Response): Promise<{ text: string; urlError?: string }> {
  try {
    const problem = (await response.json()) as { detail?: string; errors?: { path: string; message: string }[] };
    const errors = problem.errors ?? [];
    if (errors.length) {
      const text = errors.map((e) => `${FIELD_NAMES[e.path.split('.')[0] ?? ''] ?? e.path} ${e.message}.`).join(' ');
      const url = errors.find((e) => e.path === 'url');
      return { text, urlError: url && `Payload URL ${url.message}.` };
    }
    return { text: problem.detail ?? FAILED.text };
  } catch {
    return { text: FAILED.text };
  }
}

const describeEvents = (events: string[]) => (events.includes('*') ? 'All events' : events.join(', '));

function deliveryStatus(delivery: Delivery): { text: string; className: string } {
  if (delivery.status === 'delivered') return { text: 'Delivered', className: 'text-green-700 dark:text-green-400' };
  if (delivery.status === 'failed') return { text: 'Failed', className: 'text-red-700 dark:text-red-400' };
  return delivery.attempts === 0 ? { text: 'Queued', className: 'text-zinc-700 dark:text-zinc-300' } : { text: 'Retrying', className: 'text-amber-800 dark:text-amber-300' };
}

/** Each webhook's name in its buttons' labels: its URL, numbered when two have the same one. */
function namesOf(webhooks: WebhookItem[]): Map<string, string> {
  const names = new Map<string, string>();
  const seen = new Map<string, number>();
  const shared = new Set(webhooks.filter((w, i) => webhooks.findIndex((other) => other.url === w.url) !== i).map((w) => w.url));
  for (const webhook of webhooks) {
    const n = (seen.get(webhook.url) ?? 0) + 1;
    seen.set(webhook.url, n);
    names.set(webhook.id, shared.has(webhook.url) ? `${webhook.url} (${n})` : webhook.url);
  }
  return names;
}

export function Webhooks({ userId, webhooks: initial, events }: { userId: string; webhooks: WebhookItem[]; events: readonly string[] }) {
  const id = useId();
  const [webhooks, setWebhooks] = useState(initial);
  const [url, setUrl] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [urlError, setUrlError] = useState<string | null>(null);
  const [created, setCreated] = useState<{ id: string; url: string; secret: string } | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const [busy, setBusy] = useState(false);
  const [logs, setLogs] = useState<Record<string, Log>>({});
  const names = namesOf(webhooks);
  const all = chosen.includes('*');

  function toggle(event: string, on: boolean) {
    setChosen((current) => (on ? [...current, event] : current.filter((e) => e !== event)));
  }

  async function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const body = { url: url.trim(), events: all ? ['*'] : chosen };
    if (body.events.length === 0) return setMessage({ ok: false, text: 'Choose at least one event, or All events.' });
    setBusy(true);
    setUrlError(null);
    try {
      const response = await fetch(`/api/${userId}/webhooks`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      if (response.status === 401) return setMessage(ENDED);
      if (!response.ok) {
        const problem = await problemText(response);
        setUrlError(problem.urlError ?? null);
        return setMessage({ ok: false, text: problem.text });
      }
      const { secret: signing, ...item } = (await response.json()) as WebhookItem & { secret: string };
      setWebhooks((current) => [item, ...current]);
      setCreated({ id: item.id, url: item.url, secret: signing });
      setMessage({ ok: true, text: `Webhook for ${item.url} added. Copy its signing secret now: it will not be shown again.` });
      setUrl('');
      setChosen([]);
    } catch {
      setMessage(FAILED);
    } finally {
      setBusy(false);
    }
  }

  async function loadDeliveries(webhook: WebhookItem) {
    setLogs((current) => ({ ...current, [webhook.id]: { rows: current[webhook.id]?.rows ?? null, loading: true } }));
    let log: Log;
    try {
      const response = await fetch(`/api/${userId}/webhooks/${webhook.id}/deliveries`, { cache: 'no-store' });
      if (response.status === 401) log = { rows: null, loading: false, error: ENDED.text };
      else if (!response.ok) log = { rows: null, loading: false, error: (await problemText(response)).text };
      else log = { rows: (await response.json()) as Delivery[], loading: false };
    } catch {
      log = { rows: null, loading: false, error: FAILED.text };
    }
    // Hidden meanwhile: stays hidden.
    setLogs((current) => (current[webhook.id] ? { ...current, [webhook.id]: log } : current));
  }

  function toggleDeliveries(webhook: WebhookItem) {
    if (logs[webhook.id]) {
      setLogs(({ [webhook.id]: _hidden, ...rest }) => rest);
      return;
    }
    void loadDeliveries(webhook);
  }

  async function sendTest(webhook: WebhookItem) {
    setBusy(true);
    try {
      const response = await fetch(`/api/${userId}/webhooks/${webhook.id}/test`, { method: 'POST' });
      if (response.status === 401) return setMessage(ENDED);
      if (!response.ok) return setMessage({ ok: false, text: (await problemText(response)).text });
      setMessage({ ok: true, text: `Test event queued for ${webhook.url}. Its delivery shows in the log within a few seconds.` });
      if (logs[webhook.id]) void loadDeliveries(webhook);
    } catch {
      setMessage(FAILED);
    } finally {
      setBusy(false);
    }
  }

  async function setEnabled(webhook: WebhookItem, enabled: boolean) {
    setBusy(true);
    try {
      const response = await fetch(`/api/${userId}/webhooks/${webhook.id}`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ enabled }) });
      if (response.status === 401) return setMessage(ENDED);
      if (!response.ok) return setMessage({ ok: false, text: (await problemText(response)).text });
      const changed = (await response.json()) as WebhookItem;
      setWebhooks((current) => current.map((w) => (w.id === changed.id ? changed : w)));
      setMessage({ ok: true, text: enabled ? `Webhook for ${changed.url} resumed.` : `Webhook for ${changed.url} paused. No events are sent to it until it is resumed.` });
    } catch {
      setMessage(FAILED);
    } finally {
      setBusy(false);
    }
  }

  async function remove(webhook: WebhookItem) {
    setBusy(true);
    try {
      const response = await fetch(`/api/${userId}/webhooks/${webhook.id}`, { method: 'DELETE' });
      if (response.status === 401) return setMessage(ENDED);
      if (!response.ok && response.status !== 404) return setMessage({ ok: false, text: (await problemText(response)).text });
      setWebhooks((current) => current.filter((w) => w.id !== webhook.id));
      setLogs(({ [webhook.id]: _gone, ...rest }) => rest);
      if (created?.id === webhook.id) setCreated(null);
      setMessage({ ok: true, text: `Webhook for ${webhook.url} deleted, with its delivery log.` });
    } catch {
      setMessage(FAILED);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="space-y-4" data-testid="webhooks">
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        When your tasks or projects change, a webhook POSTs the event as JSON to a URL of yours, signed as{' '}
        <a className="text-blue-700 underline dark:text-blue-400" href="https://www.standardwebhooks.com/">
          Standard Webhooks
        </a>{' '}
        specifies (the <code>webhook-id</code>, <code>webhook-timestamp</code> and <code>webhook-signature</code> headers). A failed delivery is tried again for a day.
      </p>
      {created && (
        <ShownOnce label={`Signing secret for ${created.url}`} value={created.secret} mono onCopied={() => setMessage({ ok: true, text: 'Signing secret copied.' })} />
      )}
      <Outcome message={message} />
      {webhooks.length > 0 && (
        <ul aria-label="Webhooks" className="divide-y divide-zinc-200 rounded-lg border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
          {webhooks.map((webhook) => {
            const name = names.get(webhook.id)!;
            const log = logs[webhook.id];
            const panel = `${id}-deliveries-${webhook.id}`;
            return (
              <li key={webhook.id} className="space-y-2 px-3 py-2" data-testid="webhook">
                <div className="min-w-0">
                  <p className="font-mono text-sm font-medium break-words">{webhook.url}</p>
                  <p className="text-xs text-zinc-600 dark:text-zinc-400">
                    <span data-testid="webhook-status" className={webhook.enabled ? 'font-medium text-green-700 dark:text-green-400' : 'font-medium text-amber-800 dark:text-amber-300'}>
                      {webhook.enabled ? 'Active' : 'Paused'}
                    </span>{' '}
                    · {describeEvents(webhook.events)} · added {day.format(new Date(webhook.created_at))}
                  </p>
                </div>
                <div className="flex flex-wrap gap-2">
                  <button type="button" className="btn btn-secondary py-1.5" disabled={busy} onClick={() => sendTest(webhook)} aria-label={`Send test event to ${name}`}>
                    Send test event
                  </button>
                  <button
                    type="button"
                    className="btn btn-secondary py-1.5"
                    disabled={busy}
                    onClick={() => setEnabled(webhook, !webhook.enabled)}
                    aria-label={`${webhook.enabled ? 'Pause' : 'Resume'} ${name}`}
                  >
                    {webhook.enabled ? 'Pause' : 'Resume'}
                  </button>
                  <button
                    type="button"
                    className="btn btn-secondary py-1.5"
                    onClick={() => toggleDeliveries(webhook)}
                    aria-expanded={Boolean(log)}
                    aria-controls={log ? panel : undefined}
                    aria-label={`${log ? 'Hide' : 'Show'} deliveries to ${name}`}
                  >
                    {log ? 'Hide deliveries' : 'Show deliveries'}
                  </button>
                  <button type="button" className="btn btn-secondary py-1.5" disabled={busy} onClick={() => remove(webhook)} aria-label={`Delete ${name}`}>
                    Delete
                  </button>
                </div>
                {log && (
                  <div id={panel} className="space-y-2" data-testid="webhook-deliveries">
                    {log.error && <p className="alert-error">{log.error}</p>}
                    {log.rows === null && !log.error && <p className="text-sm text-zinc-600 dark:text-zinc-400">Loading deliveries…</p>}
                    {log.rows && log.rows.length === 0 && <p className="text-sm text-zinc-600 dark:text-zinc-400">No deliveries yet.</p>}
                    {log.rows && log.rows.length > 0 && (
                      <>
                        <p id={`${panel}-title`} className="text-sm font-medium break-words">
                          Deliveries to {name}
                        </p>
                        {/* Wider than a phone: it scrolls sideways in a region the keyboard can reach. */}
                        <div role="region" aria-labelledby={`${panel}-title`} tabIndex={0} className="overflow-x-auto rounded-md">
                          <table className="min-w-full text-left text-xs whitespace-nowrap tabular-nums">
                            <caption className="sr-only">Deliveries to {name}</caption>
                            <thead className="text-zinc-600 dark:text-zinc-400">
                              <tr>
                                {['Event', 'Status', 'Attempts', 'Response', 'When'].map((column) => (
                                  <th key={column} scope="col" className="py-1 pr-3 font-medium last:pr-0">
                                    {column}
                                  </th>
                                ))}
                              </tr>
                            </thead>
                            <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
                              {log.rows.map((delivery) => {
                                const status = deliveryStatus(delivery);
                                return (
                                  <tr key={delivery.id} data-testid="delivery">
                                    <td className="py-1 pr-3 font-mono">{delivery.type}</td>
                                    <td className={`py-1 pr-3 font-medium ${status.className}`}>{status.text}</td>
                                    <td className="py-1 pr-3">{delivery.attempts}</td>
                                    <td className="py-1 pr-3">{delivery.response_status ?? 'None'}</td>
                                    <td className="py-1">
                                      <time dateTime={delivery.created_at}>{moment.format(new Date(delivery.created_at))}</time>
                                    </td>
                                  </tr>
                                );
                              })}
                            </tbody>
                          </table>
                        </div>
                      </>
                    )}
                    <button type="button" className="btn btn-secondary py-1.5" disabled={log.loading} onClick={() => loadDeliveries(webhook)} aria-label={`Refresh deliveries to ${name}`}>
                      {log.loading ? 'Refreshing…' : 'Refresh'}
                    </button>
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <form onSubmit={create} aria-label="New webhook" className="space-y-3">
        <div>
          <label htmlFor={`${id}-url`} className="label">
            Payload URL
          </label>
          <input
            id={`${id}-url`}
            name="url"
            type="url"
            inputMode="url"
            className="field w-full"
            required
            maxLength={WEBHOOK_URL_MAX}
            placeholder="https://example.com/hooks/todo"
            autoComplete="off"
            value={url}
            onChange={(e) => {
              setUrl(e.target.value);
              setUrlError(null);
            }}
            aria-invalid={urlError ? true : undefined}
            aria-describedby={urlError ? `${id}-url-error` : `${id}-url-hint`}
          />
          {urlError ? (
            <p id={`${id}-url-error`} className="mt-1 text-xs text-red-700 dark:text-red-400">
              {urlError}
            </p>
          ) : (
            <p id={`${id}-url-hint`} className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
              An https:// address on the public internet.
            </p>
          )}
        </div>
        <fieldset>
          <legend className="label">Events</legend>
          <div className="space-y-1">
            <label className="flex items-start gap-2 text-sm">
              <input type="checkbox" name="events" value="*" className="mt-1" checked={all} onChange={(e) => toggle('*', e.target.checked)} />
              <span>All events</span>
            </label>
            {events.map((event) => (
              <label key={event} className="flex items-start gap-2 text-sm">
                <input type="checkbox" name="events" value={event} className="mt-1" disabled={all} checked={all || chosen.includes(event)} onChange={(e) => toggle(event, e.target.checked)} />
                <span>
                  {EVENT_LABELS[event] ?? event} <code className="text-xs text-zinc-500 dark:text-zinc-400">{event}</code>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        <button type="submit" className="btn btn-primary" disabled={busy}>
          Add webhook
        </button>
      </form>
    </div>
  );
}
