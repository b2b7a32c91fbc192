import { endAllSessionsAction, endSessionAction } from '@/lib/account/settings-actions';
import type { SessionListItem } from '@/lib/account/sessions';
import { describeUserAgent } from '@/lib/account/user-agent';

const when = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

/** Where the account is signed in, each with its own "Sign out", and "Sign out everywhere". */
export function SessionsList({ sessions }: { sessions: SessionListItem[] }) {
  return (
    <>
      <ul aria-label="Sessions" className="divide-y divide-zinc-200 rounded-lg border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
        {sessions.map((session) => {
          const device = describeUserAgent(session.userAgent);
          return (
            <li key={session.id} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2" data-testid="session">
              <div className="min-w-0">
                <p className="font-medium">
                  {device}
                  {session.current && <span className="ml-2 rounded bg-blue-100 px-1.5 py-0.5 text-xs text-blue-800 dark:bg-blue-950 dark:text-blue-200">This device</span>}
                </p>
                <p className="text-xs text-zinc-600 dark:text-zinc-400">
                  {session.kind === 'browser' ? 'Browser' : 'API token'} · last used {when.format(session.lastUsedAt)} UTC
                </p>
              </div>
              <form action={endSessionAction.bind(null, session.id)}>
                <button type="submit" className="btn btn-secondary py-1.5" aria-label={`Sign out ${device}${session.current ? ' (this device)' : ''}`}>
                  Sign out
                </button>
              </form>
            </li>
          );
        })}
      </ul>
      <form action={endAllSessionsAction} className="mt-3">
        <button type="submit" className="btn btn-secondary">
          Sign out everywhere
        </button>
      </form>
    </>
  );
}
