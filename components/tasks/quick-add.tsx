'use client';

import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { newIdempotencyKey, type Project } from '@/lib/client/api';
import { formatDue } from '@/lib/client/dates';
import type { QuickAddTask } from '@/lib/client/planning';
import { parseQuickAdd, quickAddProblem, type QuickAddPart } from '@/lib/quick-add';
import { describeMinutes } from '@/lib/client/reminders';
import { describeRepeat } from './task-meta';

interface Props {
  /** The person's projects: `@name` puts the task in one they may add tasks to. */
  projects: readonly Pick<Project, 'id' | 'name' | 'role'>[];
  /**
   * Resolves true once the server has the task; false leaves what was typed in place. Every
   * attempt at one line carries the same idempotency key, so a retry never adds it twice.
   */
  onSubmit: (task: QuickAddTask, idempotencyKey: string) => Promise<boolean>;
}

/** How long typing pauses before the recognised parts are read out. */
const ANNOUNCE_AFTER_MS = 700;

/**
 * One line that understands "Pay rent tomorrow 9am !high #home every month". What it
 * recognises shows as chips under the field before anything is sent; removing a chip keeps its
 * words in the title.
 */
export function QuickAdd({ projects, onSubmit }: Props) {
  const id = useId();
  const [text, setText] = useState('');
  const [ignored, setIgnored] = useState<string[]>([]);
  // "Today" and "9am" are read against the time of the last keystroke, not of the first render.
  const [now, setNow] = useState(() => new Date());
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);
  const draftKey = useRef<string | null>(null);

  // A viewer's project is no place for a new task: `@` its name and it stays words, like an unknown one.
  const writable = useMemo(() => projects.filter((project) => project.role !== 'viewer'), [projects]);
  const parsed = useMemo(() => parseQuickAdd(text, now, ignored, writable), [text, now, ignored, writable]);
  const summary = parsed.parts.map((part) => `${kindName(part)} ${chipText(part, now)}`).join(', ');
  const startsOn = parsed.repeat && !parsed.parts.some((p) => p.kind === 'due') && parsed.due_date ? formatDue(parsed.due_date, null, now) : null;

  // Announce what was recognised once typing pauses, not at every keystroke.
  useEffect(() => {
    const timer = setTimeout(() => setAnnouncement(summary ? `Recognised: ${summary}.` : ''), ANNOUNCE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [summary]);

  function edit(value: string) {
    draftKey.current = null;
    setProblem(null);
    setNow(new Date());
    setText(value);
  }

  function remove(part: QuickAddPart) {
    draftKey.current = null;
    setIgnored((keys) => [...keys, part.key]);
    setAnnouncement(`Removed ${kindName(part)} ${chipText(part, now)}. "${part.text}" stays in the title.`);
    inputRef.current?.focus();
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (saving) return;
    const invalid = quickAddProblem(parsed);
    setProblem(invalid);
    if (invalid) {
      inputRef.current?.focus();
      return;
    }
    setSaving(true);
    draftKey.current ??= newIdempotencyKey();
    const { parts: _parts, ...task } = parsed;
    const added = await onSubmit(task, draftKey.current);
    setSaving(false);
    if (added) {
      draftKey.current = null;
      setText('');
      setIgnored([]);
      setAnnouncement(`Added ${task.title}.`);
    }
    inputRef.current?.focus();
  }

  const describedBy = [`${id}-hint`, problem ? `${id}-problem` : ''].filter(Boolean).join(' ');

  return (
    <form onSubmit={submit} aria-label="New task" className="space-y-2" noValidate>
      <label htmlFor={`${id}-input`} className="label">
        Add a task
      </label>
      <div className="flex flex-col gap-2 sm:flex-row">
        <input
          ref={inputRef}
          id={`${id}-input`}
          name="quick-add"
          className="field"
          value={text}
          onChange={(e) => edit(e.target.value)}
          onFocus={() => setNow(new Date())}
          readOnly={saving}
          placeholder="Pay rent tomorrow 9am !high #home every month"
          autoComplete="off"
          enterKeyHint="enter"
          aria-invalid={problem ? true : undefined}
          aria-describedby={describedBy}
        />
        <button type="submit" className="btn btn-primary w-full sm:w-auto" disabled={saving}>
          Add task
        </button>
      </div>
      <p id={`${id}-hint`} className="text-xs text-zinc-600 dark:text-zinc-400">
        Type a date or time, !high, #label, @project, every week or remind 30m before; remove what should stay words.
      </p>
      {parsed.parts.length > 0 && (
        <ul aria-label="Recognised in the task" className="flex flex-wrap gap-2">
          {parsed.parts.map((part) => (
            <li
              key={`${part.key}@${part.start}`}
              className="inline-flex max-w-full items-center gap-1 rounded-full border border-zinc-300 bg-zinc-50 py-0.5 pr-0.5 pl-2.5 text-sm text-zinc-800 dark:border-zinc-700 dark:bg-zinc-800 dark:text-zinc-100"
            >
              <span className="text-zinc-600 dark:text-zinc-400">{kindName(part)}</span>
              <span className="truncate font-medium">{chipText(part, now)}</span>
              {part.kind === 'repeat' && startsOn && <span className="text-zinc-600 dark:text-zinc-400">from {startsOn}</span>}
              <button
                type="button"
                onClick={() => remove(part)}
                aria-label={`Remove ${kindName(part)}: ${part.text}`}
                className="inline-flex size-7 shrink-0 items-center justify-center rounded-full text-zinc-600 hover:bg-zinc-200 hover:text-zinc-900 dark:text-zinc-300 dark:hover:bg-zinc-700 dark:hover:text-zinc-50"
              >
                <svg viewBox="0 0 20 20" fill="currentColor" aria-hidden="true" className="size-4">
                  <path d="M6.28 5.22a.75.75 0 0 0-1.06 1.06L8.94 10l-3.72 3.72a.75.75 0 1 0 1.06 1.06L10 11.06l3.72 3.72a.75.75 0 1 0 1.06-1.06L11.06 10l3.72-3.72a.75.75 0 0 0-1.06-1.06L10 8.94 6.28 5.22Z" />
                </svg>
              </button>
            </li>
          ))}
        </ul>
      )}
      {problem && (
        <p id={`${id}-problem`} role="alert" data-testid="form-error" className="alert-error">
          {problem}
        </p>
      )}
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
    </form>
  );
}

function kindName(part: QuickAddPart): string {
  switch (part.kind) {
    case 'due':
      return 'due date';
    case 'priority':
      return 'priority';
    case 'label':
      return 'label';
    case 'project':
      return 'project';
    case 'repeat':
      return 'repeat';
    case 'reminder':
      return 'reminder';
  }
}

function chipText(part: QuickAddPart, now: Date): string {
  switch (part.kind) {
    case 'due':
      return formatDue(part.due_date, part.due_time, now);
    case 'priority':
      return part.priority;
    case 'label':
      return part.label;
    case 'project':
      return part.name;
    case 'repeat':
      return describeRepeat(part.repeat);
    case 'reminder':
      return part.minutes_before !== null ? `${describeMinutes(part.minutes_before)} before` : `at ${part.time}`;
  }
}
