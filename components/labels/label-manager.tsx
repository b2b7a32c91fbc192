'use client';

import { useEffect, useId, useState, type FormEvent } from 'react';
import { KEEP_FAILED, useLocalTasks } from '@/components/tasks/local-tasks';
import type { Label, LabelColor } from '@/lib/client/api';
import type { ListWrite } from '@/lib/client/lists';
import { newTemporaryId } from '@/lib/client/outbox';
import { codePoints } from '@/lib/client/limits';
import { LABEL_NAME_MAX } from '@/lib/client/planning';
import { LABEL_COLORS, LabelChip } from './label-chip';

interface Props {
  /** null while they load. */
  labels: Label[] | null;
}

/** Why a label name cannot be sent, or null. */
function nameProblem(name: string): string | null {
  if (!name.trim()) return 'Give the label a name.';
  if (codePoints(name.trim()) > LABEL_NAME_MAX) return `Keep the name under ${LABEL_NAME_MAX + 1} characters.`;
  return null;
}

/**
 * Create, rename, recolour and delete labels. Each change shows at once, with or without a
 * network, and is sent from the device's outbox; the server's refusal comes back here.
 */
export function LabelManager({ labels }: Props) {
  const { queue, onEvent, rowKey } = useLocalTasks();
  const [message, setMessage] = useState<string | null>(null);
  const [status, setStatus] = useState('');

  useEffect(() => onEvent((event) => event.kind === 'refused' && setMessage(event.message)), [onEvent]);

  /** Queues `write` unless `name` is another label's already; resolves to whether it was queued. */
  async function attempt(write: ListWrite, name: string, done: string): Promise<boolean> {
    setMessage(null);
    const label = 'label' in write ? write.label : '';
    if (labels?.some((other) => other.id !== label && other.name.toLocaleLowerCase() === name.toLocaleLowerCase())) {
      setMessage(`You already have a label called “${name}”.`);
      return false;
    }
    try {
      await queue(write);
    } catch {
      setMessage(KEEP_FAILED);
      return false;
    }
    setStatus(done);
    return true;
  }

  return (
    <div className="space-y-6">
      <h1 className="text-xl font-semibold">Labels</h1>
      <NewLabel onCreate={(name, color) => attempt({ kind: 'label-create', label: newTemporaryId(), body: { name, color } }, name, `Added the label ${name}.`)} />
      {message && (
        <p role="alert" data-testid="label-error" className="alert-error">
          {message}
        </p>
      )}
      <p role="status" className="sr-only">
        {status}
      </p>
      {labels === null ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">Loading your labels…</p>
      ) : labels.length === 0 ? (
        <p data-testid="empty-state" className="rounded-lg border border-dashed border-zinc-300 px-4 py-8 text-center text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
          No labels yet. Add one above, or type #name in a new task.
        </p>
      ) : (
        <ul aria-label="Your labels" className="divide-y divide-zinc-200 rounded-lg border border-zinc-200 bg-white dark:divide-zinc-800 dark:border-zinc-800 dark:bg-zinc-900">
          {labels.map((label) => (
            <LabelRow
              // A label made here keeps its row when saved (rowKey); one changed elsewhere starts its form again.
              key={`${rowKey(label.id)}:${label.name}:${label.color}`}
              label={label}
              onSave={(name, color) => attempt({ kind: 'label-update', label: label.id, was: label.name, changes: { name, color } }, name, `Saved the label ${name}.`)}
              onDelete={() => attempt({ kind: 'label-delete', label: label.id, was: label.name }, label.name, `Deleted the label ${label.name}.`)}
            />
          ))}
        </ul>
      )}
    </div>
  );
}

function ColorSelect({ id, value, onChange }: { id: string; value: LabelColor; onChange: (color: LabelColor) => void }) {
  return (
    <select id={id} className="field capitalize" value={value} onChange={(e) => onChange(e.target.value as LabelColor)}>
      {LABEL_COLORS.map((color) => (
        <option key={color} value={color}>
          {color}
        </option>
      ))}
    </select>
  );
}

function NewLabel({ onCreate }: { onCreate: (name: string, color: LabelColor) => Promise<boolean> }) {
  const id = useId();
  const [name, setName] = useState('');
  const [color, setColor] = useState<LabelColor>('grey');
  const [problem, setProblem] = useState<string | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const invalid = nameProblem(name);
    setProblem(invalid);
    if (invalid) return;
    if (await onCreate(name.trim(), color)) {
      setName('');
      setColor('grey');
    }
  }

  return (
    <form onSubmit={submit} aria-label="New label" noValidate className="rounded-lg border border-zinc-200 bg-white p-4 shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <div className="flex-1">
          <label htmlFor={`${id}-name`} className="label">
            New label
          </label>
          <input id={`${id}-name`} className="field" value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" aria-invalid={problem ? true : undefined} />
        </div>
        <div className="sm:w-36">
          <label htmlFor={`${id}-color`} className="label">
            Colour
          </label>
          <ColorSelect id={`${id}-color`} value={color} onChange={setColor} />
        </div>
        <button type="submit" className="btn btn-primary">
          Add label
        </button>
      </div>
      {problem && (
        <p role="alert" data-testid="form-error" className="alert-error mt-3">
          {problem}
        </p>
      )}
    </form>
  );
}

interface RowProps {
  label: Label;
  onSave: (name: string, color: LabelColor) => Promise<boolean>;
  onDelete: () => Promise<boolean>;
}

function LabelRow({ label, onSave, onDelete }: RowProps) {
  const id = useId();
  const [name, setName] = useState(label.name);
  const [color, setColor] = useState<LabelColor>(label.color);
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const changed = name.trim() !== label.name || color !== label.color;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const invalid = nameProblem(name);
    setProblem(invalid);
    if (invalid || !changed) return;
    await onSave(name.trim(), color);
  }

  return (
    <li className="space-y-3 p-3 sm:p-4">
      <form onSubmit={submit} aria-label={`Label ${label.name}`} noValidate className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <div className="flex-1">
          <label htmlFor={`${id}-name`} className="label">
            Name <span className="sr-only">of {label.name}</span>
          </label>
          <input id={`${id}-name`} className="field" value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" aria-invalid={problem ? true : undefined} />
        </div>
        <div className="sm:w-36">
          <label htmlFor={`${id}-color`} className="label">
            Colour <span className="sr-only">of {label.name}</span>
          </label>
          <ColorSelect id={`${id}-color`} value={color} onChange={setColor} />
        </div>
        <div className="flex items-center gap-2">
          <button type="submit" className="btn btn-primary" disabled={!changed}>
            Save<span className="sr-only"> {label.name}</span>
          </button>
          {!confirming && (
            <button type="button" className="btn btn-ghost" onClick={() => setConfirming(true)}>
              Delete<span className="sr-only"> {label.name}</span>
            </button>
          )}
        </div>
      </form>
      <div className="flex flex-wrap items-center gap-2 text-sm text-zinc-600 dark:text-zinc-400">
        <LabelChip name={label.name} color={label.color} />
        <span>
          {label.task_count} {label.task_count === 1 ? 'task' : 'tasks'}
        </span>
      </div>
      {confirming && (
        <div role="group" aria-label={`Confirm deleting ${label.name}`} className="flex flex-wrap items-center gap-2">
          <span className="text-sm text-zinc-700 dark:text-zinc-300">Delete {label.name}? Its tasks stay, without it.</span>
          <button type="button" className="btn btn-danger py-1" onClick={() => void onDelete()} autoFocus>
            Yes, delete
          </button>
          <button type="button" className="btn btn-secondary py-1" onClick={() => setConfirming(false)}>
            Keep
          </button>
        </div>
      )}
      {problem && (
        <p role="alert" data-testid="form-error" className="alert-error">
          {problem}
        </p>
      )}
    </li>
  );
}
