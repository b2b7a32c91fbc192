'use client';

import { useId, useState, type FormEvent } from 'react';
import { FAILED, Outcome, ShownOnce, type Message } from './shown-once';

// Personal access tokens in settings: make one (its secret is shown this once: only its hash is
// kept), see when each was last used, and revoke it. The same routes as the API's.

export interface AccessToken {
  id: string;
  name: string;
  scopes: string[];
  created_at: string;
  expires_at: string | null;
  last_used_at: string | null;
}

const SCOPE_LABELS: Record<string, string> = {
  'tasks:read': 'Read tasks and labels',
  'tasks:write': 'Add, change and delete tasks and labels',
  'projects:read': 'Read projects and their members',
  'projects:write': 'Add, change, share and delete projects',
  'notifications:read': 'Read notifications',
};

const EXPIRIES = [
  { days: 30, label: '30 days' },
  { days: 90, label: '90 days' },
  { days: 365, label: '1 year' },
  { days: 0, label: 'Never' },
];

const when = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' });
const day = (iso: string) => when.format(new Date(iso));


async function problemDetail(response: Response): Promise<string> {
  try {
    const problem = (await response.json()) as { detail?: string };
    return problem.detail ?? FAILED.text;
  } catch {
    return FAILED.text;
  }
}

export function AccessTokens({ userId, tokens: initial, scopes }: { userId: string; tokens: AccessToken[]; scopes: readonly string[] }) {
  const id = useId();
  const [tokens, setTokens] = useState(initial);
  const [created, setCreated] = useState<{ id: string; name: string; token: string; example: string } | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const [busy, setBusy] = useState(false);
  // When the page opened: a token that expires while it is open says so on the next visit.
  const [now] = useState(() => Date.now());

  async function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const days = Number(form.get('expires'));
    const body = { name: String(form.get('name') ?? ''), scopes: form.getAll('scopes').map(String), ...(days > 0 && { expires_in_days: days }) };
    if (body.scopes.length === 0) return setMessage({ ok: false, text: 'Choose at least one permission.' });
    setBusy(true);
    try {
      const response = await fetch(`/api/${userId}/tokens`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      if (response.status === 401) return setMessage({ ok: false, text: 'Your session has ended. Sign in again.' });
      if (!response.ok) return setMessage({ ok: false, text: await problemDetail(response) });
      const { token, ...item } = (await response.json()) as AccessToken & { token: string };
      setTokens((current) => [item, ...current]);
      setCreated({ id: item.id, name: item.name, token, example: `curl -H "Authorization: Bearer ${token}" ${window.location.origin}/api/${userId}/tasks` });
      setMessage({ ok: true, text: `Token “${item.name}” made. Copy it now: it will not be shown again.` });
      (event.target as HTMLFormElement).reset();
    } catch {
      setMessage(FAILED);
    } finally {
      setBusy(false);
    }
  }

  async function revoke(token: AccessToken) {
    setBusy(true);
    try {
      const response = await fetch(`/api/${userId}/tokens/${token.id}`, { method: 'DELETE' });
      if (response.status === 401) return setMessage({ ok: false, text: 'Your session has ended. Sign in again.' });
      if (!response.ok && response.status !== 404) return setMessage(FAILED);
      setTokens((current) => current.filter((t) => t.id !== token.id));
      if (created?.id === token.id) setCreated(null);
      setMessage({ ok: true, text: `Token “${token.name}” revoked. It no longer works.` });
    } catch {
      setMessage(FAILED);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="space-y-4" data-testid="access-tokens">
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        For scripts and integrations: send a token as <code>Authorization: Bearer …</code>. It can do only what you allow, never change your password, sessions or
        tokens. Changing your password revokes every token.
      </p>
      {created && (
        <ShownOnce label={`New token “${created.name}”`} value={created.token} mono onCopied={() => setMessage({ ok: true, text: 'Token copied.' })}>
          <p className="mt-2 text-xs text-zinc-600 dark:text-zinc-400">
            For example, your tasks: <code className="break-all" data-testid="token-example">{created.example}</code>
          </p>
        </ShownOnce>
      )}
      <Outcome message={message} />
      {tokens.length > 0 && (
        <ul aria-label="Personal access tokens" className="divide-y divide-zinc-200 rounded-lg border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
          {tokens.map((token) => {
            const expired = token.expires_at !== null && Date.parse(token.expires_at) <= now;
            return (
              <li key={token.id} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2" data-testid="access-token">
                <div className="min-w-0">
                  <p className="font-medium break-words">{token.name}</p>
                  <p className="text-xs text-zinc-600 dark:text-zinc-400">
                    {token.scopes.join(', ')} · {token.last_used_at ? `last used ${day(token.last_used_at)}` : 'never used'} ·{' '}
                    {token.expires_at ? `${expired ? 'expired' : 'expires'} ${day(token.expires_at)}` : 'no expiry'}
                  </p>
                </div>
                <button type="button" className="btn btn-secondary py-1.5" disabled={busy} onClick={() => revoke(token)} aria-label={`Revoke ${token.name}`}>
                  Revoke
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <form onSubmit={create} aria-label="New personal access token" className="space-y-3">
        <div>
          <label htmlFor={`${id}-name`} className="label">
            Token name
          </label>
          <input id={`${id}-name`} name="name" className="field w-full" required maxLength={100} placeholder="Backup script" autoComplete="off" />
        </div>
        <fieldset>
          <legend className="label">Permissions</legend>
          <div className="space-y-1">
            {scopes.map((scope) => (
              <label key={scope} className="flex items-start gap-2 text-sm">
                <input type="checkbox" name="scopes" value={scope} className="mt-1" />
                <span>
                  {SCOPE_LABELS[scope] ?? scope} <code className="text-xs text-zinc-500 dark:text-zinc-400">{scope}</code>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        <div>
          <label htmlFor={`${id}-expires`} className="label">
            Expires after
          </label>
          <select id={`${id}-expires`} name="expires" className="field" defaultValue="90">
            {EXPIRIES.map((expiry) => (
              <option key={expiry.days} value={expiry.days}>
                {expiry.label}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="btn btn-primary" disabled={busy}>
          Make token
        </button>
      </form>
    </div>
  );
}
