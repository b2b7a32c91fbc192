'use client';

import { useState } from 'react';
import { FAILED, Outcome, ShownOnce, type Message } from './shown-once';

// The calendar feed in settings: turn it on (the address is shown this once: only its hash is
// kept), give it a new address, or turn it off. The same routes as the API's.

type State = { on: boolean; url?: string; message?: Message };

export function CalendarFeed({ userId, on }: { userId: string; on: boolean }) {
  const [state, setState] = useState<State>({ on });
  const [busy, setBusy] = useState(false);

  async function call(method: 'POST' | 'DELETE') {
    setBusy(true);
    try {
      const response = await fetch(`/api/${userId}/calendar-feed`, { method });
      if (response.status === 401) return setState((s) => ({ ...s, message: { ok: false, text: 'Your session has ended. Sign in again.' } }));
      if (method === 'DELETE' && response.ok) return setState({ on: false, message: { ok: true, text: 'Calendar feed turned off. Its address no longer works.' } });
      if (method === 'POST' && response.ok) {
        const { url } = (await response.json()) as { url: string };
        setState({ on: true, url, message: { ok: true, text: state.on ? 'New address made. The old one no longer works.' : 'Calendar feed turned on.' } });
        return;
      }
      setState((s) => ({ ...s, message: FAILED }));
    } catch {
      setState((s) => ({ ...s, message: FAILED }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="space-y-3" data-testid="calendar-feed">
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Subscribe to your dated tasks (yours and your shared projects&apos;) in Google Calendar, Apple Calendar or Outlook. Anyone with the address can read them: keep it private.
        Changing your password turns the feed off.
      </p>
      <p className="text-sm">
        Status: <strong data-testid="calendar-feed-status">{state.on ? 'On' : 'Off'}</strong>
      </p>
      {state.url && <ShownOnce label="Calendar address" value={state.url} onCopied={() => setState((s) => ({ ...s, message: { ok: true, text: 'Address copied.' } }))} />}
      <Outcome message={state.message} />
      <div className="flex flex-wrap gap-2">
        <button type="button" className="btn btn-primary" disabled={busy} onClick={() => call('POST')}>
          {state.on ? 'Make a new address' : 'Turn on calendar feed'}
        </button>
        {state.on && (
          <button type="button" className="btn btn-secondary" disabled={busy} onClick={() => call('DELETE')}>
            Turn off
          </button>
        )}
      </div>
    </div>
  );
}
