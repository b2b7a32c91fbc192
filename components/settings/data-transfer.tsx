'use client';

import { useId, useRef, useState } from 'react';
import { IMPORT_MAX_BYTES } from '@/lib/limits';

// Export (two downloads the browser makes with its session cookie) and import: the file is first
// sent as a dry run, which answers what it would create or every problem with its row; only on
// "Import" is it sent again for real, with an Idempotency-Key so that a retry cannot import twice.

type Problem = { path: string; message: string };
type Counts = { tasks_created: number; labels_created: number; projects_created?: number; warnings?: Problem[] };

/** Where the file comes from: this app's export, or another app's (the API's `from`). */
type Source = '' | 'todoist' | 'ticktick' | 'google-tasks';

const SOURCES: { value: Source; label: string; accept: string; hint: string }[] = [
  { value: '', label: 'This app (JSON or CSV export)', accept: '.json,.csv,application/json,text/csv', hint: 'A JSON or CSV export from this app.' },
  { value: 'todoist', label: 'Todoist (project CSV, or a zip of them)', accept: '.csv,.zip,text/csv,application/zip', hint: "A project's CSV (its project gets the file's name), or a zip of several." },
  { value: 'ticktick', label: 'TickTick (backup CSV)', accept: '.csv,text/csv', hint: 'The CSV of Settings → Backup; its lists become projects, its Inbox your Inbox.' },
  { value: 'google-tasks', label: 'Google Tasks (Takeout)', accept: '.json,.zip,application/json,application/zip', hint: "Tasks.json from Google Takeout, or the Takeout zip; each list becomes a project." },
];

/** Warnings shown in full before the rest are counted. */
const WARNINGS_SHOWN = 20;

type State =
  | { step: 'idle' }
  | { step: 'checking' | 'importing'; file: File }
  | { step: 'ready'; file: File; counts: Counts; key: string }
  | { step: 'invalid'; file: File; detail: string; problems: Problem[] }
  | { step: 'failed'; message: string }
  | { step: 'done'; counts: Counts };

const MIB = IMPORT_MAX_BYTES / (1024 * 1024);

function mediaTypeOf(file: File): string {
  const name = file.name.toLowerCase();
  if (name.endsWith('.zip') || file.type === 'application/zip') return 'application/zip';
  return name.endsWith('.csv') || file.type === 'text/csv' ? 'text/csv' : 'application/json';
}

/** A Todoist project CSV's project: its file's name, without Todoist's "[id]". */
const projectOf = (file: File) => file.name.replace(/\.csv$/i, '').replace(/\s*\[\d+\]$/, '').trim().slice(0, 120);

function plural(n: number, one: string): string {
  return `${n.toLocaleString()} ${one}${n === 1 ? '' : 's'}`;
}

function describe(counts: Counts): string {
  const parts = [plural(counts.tasks_created, 'task'), plural(counts.labels_created, 'new label')];
  if (counts.projects_created) parts.push(plural(counts.projects_created, 'new project'));
  return `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

function failureMessage(status: number, detail: string | undefined): string {
  switch (status) {
    case 0:
      return 'Could not reach the server. Check your connection and try again.';
    case 400:
      return 'This file is not valid JSON. Choose a file exported from this app.';
    case 401:
      return 'Your session has ended. Sign in again.';
    case 413:
      return `This file is over ${MIB} MiB.`;
    case 415:
      return 'This kind of file cannot be imported from there: check "Import from" and the file.';
    default:
      return detail ?? 'Something went wrong on our side. Try again.';
  }
}

async function send(userId: string, file: File, source: Source, options: { dryRun: boolean; key?: string }) {
  const query = new URLSearchParams();
  if (options.dryRun) query.set('dry_run', 'true');
  if (source) query.set('from', source);
  if (source === 'todoist' && mediaTypeOf(file) === 'text/csv' && projectOf(file)) query.set('project', projectOf(file));
  const url = `/api/${userId}/import${query.size ? `?${query}` : ''}`;
  const headers: Record<string, string> = { 'Content-Type': mediaTypeOf(file) };
  if (options.key) headers['Idempotency-Key'] = options.key;
  let response: Response;
  try {
    response = await fetch(url, { method: 'POST', headers, body: file });
  } catch {
    return { status: 0, body: undefined };
  }
  const body = (await response.json().catch(() => undefined)) as (Counts & { detail?: string; errors?: Problem[] }) | undefined;
  return { status: response.status, body };
}

const buttonClass = 'btn btn-secondary';

export function DataTransfer({ userId }: { userId: string }) {
  const [state, setState] = useState<State>({ step: 'idle' });
  const [source, setSource] = useState<Source>('');
  const inputId = useId();
  const sourceId = useId();
  const chosen = SOURCES.find((s) => s.value === source)!;
  const input = useRef<HTMLInputElement>(null);
  const status = useRef<HTMLDivElement>(null);

  function reset() {
    setState({ step: 'idle' });
    if (input.current) input.current.value = '';
    input.current?.focus();
  }

  async function check(file: File) {
    if (file.size > IMPORT_MAX_BYTES) {
      setState({ step: 'failed', message: failureMessage(413, undefined) });
      return;
    }
    setState({ step: 'checking', file });
    const { status: code, body } = await send(userId, file, source, { dryRun: true });
    if (code === 200 && body) setState({ step: 'ready', file, counts: body, key: crypto.randomUUID() });
    else if (code === 422 && body) setState({ step: 'invalid', file, detail: body.detail ?? '', problems: body.errors ?? [] });
    else setState({ step: 'failed', message: failureMessage(code, body?.detail) });
    status.current?.focus();
  }

  async function confirm(file: File, key: string) {
    setState({ step: 'importing', file });
    const { status: code, body } = await send(userId, file, source, { dryRun: false, key });
    if (code === 201 && body) setState({ step: 'done', counts: body });
    else if (code === 422 && body) setState({ step: 'invalid', file, detail: body.detail ?? '', problems: body.errors ?? [] });
    else setState({ step: 'failed', message: failureMessage(code, body?.detail) });
    status.current?.focus();
  }

  return (
    <div className="space-y-5">
      <div>
        <h3 className="mb-1 font-medium">Export</h3>
        <p className="mb-2 text-sm text-zinc-600 dark:text-zinc-400">All your tasks and labels, in their order. JSON keeps everything; CSV opens in a spreadsheet.</p>
        <div className="flex flex-wrap gap-2">
          <a className={buttonClass} href={`/api/${userId}/export`} download data-testid="export-json">
            Download JSON
          </a>
          <a className={buttonClass} href={`/api/${userId}/export?format=csv`} download data-testid="export-csv">
            Download CSV
          </a>
        </div>
      </div>

      <div>
        <h3 className="mb-1 font-medium">Import</h3>
        <p className="mb-2 text-sm text-zinc-600 dark:text-zinc-400">
          Up to {MIB} MiB. Its tasks go to the top of your lists; you see what will be created, and what cannot be carried over exactly, before anything is stored.
        </p>
        <label htmlFor={sourceId} className="mb-1 block text-sm font-medium">
          Import from
        </label>
        <select
          id={sourceId}
          className="field mb-1 max-w-full"
          value={source}
          disabled={state.step === 'checking' || state.step === 'importing'}
          onChange={(event) => {
            setSource(event.target.value as Source);
            setState({ step: 'idle' });
            if (input.current) input.current.value = '';
          }}
        >
          {SOURCES.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </select>
        <p className="mb-3 text-sm text-zinc-600 dark:text-zinc-400">{chosen.hint}</p>
        <label htmlFor={inputId} className="mb-1 block text-sm font-medium">
          File to import
        </label>
        <input
          ref={input}
          id={inputId}
          type="file"
          accept={chosen.accept}
          disabled={state.step === 'checking' || state.step === 'importing'}
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) void check(file);
          }}
          className="block w-full max-w-full text-sm file:mr-3 file:rounded-md file:border file:border-zinc-300 file:bg-white file:px-3 file:py-1.5 file:text-zinc-900 dark:file:border-zinc-700 dark:file:bg-zinc-900 dark:file:text-zinc-100"
        />

        <div ref={status} tabIndex={-1} aria-live="polite" className="mt-3 outline-none" data-testid="import-status">
          {state.step === 'checking' && <p>Checking {state.file.name} …</p>}
          {state.step === 'importing' && <p>Importing {state.file.name} …</p>}
          {state.step === 'ready' && (
            <div className="space-y-2">
              <p>
                {state.file.name} will create <strong>{describe(state.counts)}</strong>.
              </p>
              <Warnings warnings={state.counts.warnings ?? []} />
              <div className="flex flex-wrap gap-2">
                <button type="button" className="btn btn-primary" onClick={() => void confirm(state.file, state.key)}>
                  Import {plural(state.counts.tasks_created, 'task')}
                </button>
                <button type="button" className={buttonClass} onClick={reset}>
                  Cancel
                </button>
              </div>
            </div>
          )}
          {state.step === 'invalid' && (
            <div className="space-y-2" data-testid="import-errors">
              <p className="text-red-700 dark:text-red-400">
                {state.file.name} was not imported: {state.detail}. Nothing was stored.
              </p>
              <ul className="list-disc space-y-1 break-words pl-5 text-sm">
                {state.problems.map((problem, i) => (
                  <li key={i}>
                    <span className="font-mono">{problem.path}</span>: {problem.message}
                  </li>
                ))}
              </ul>
              <button type="button" className={buttonClass} onClick={reset}>
                Choose another file
              </button>
            </div>
          )}
          {state.step === 'failed' && (
            <p className="text-red-700 dark:text-red-400" data-testid="import-failed">
              {state.message}
            </p>
          )}
          {state.step === 'done' && (
            <p>
              Imported {describe(state.counts)}.{' '}
              <a href="/tasks" className="underline">
                See your tasks
              </a>
            </p>
          )}
        </div>
      </div>
    </div>
  );
}

/** What another app's file held that cannot be carried over exactly, before it is imported. */
function Warnings({ warnings }: { warnings: Problem[] }) {
  if (warnings.length === 0) return null;
  return (
    <div data-testid="import-warnings">
      <p className="text-sm text-amber-800 dark:text-amber-300">
        {plural(warnings.length, 'thing')} cannot be carried over exactly, and will be imported as well as they can:
      </p>
      <ul className="list-disc space-y-1 break-words pl-5 text-sm">
        {warnings.slice(0, WARNINGS_SHOWN).map((warning, i) => (
          <li key={i}>
            <span className="font-mono">{warning.path}</span>: {warning.message}
          </li>
        ))}
      </ul>
      {warnings.length > WARNINGS_SHOWN && <p className="text-sm">…and {plural(warnings.length - WARNINGS_SHOWN, 'more')}.</p>}
    </div>
  );
}
