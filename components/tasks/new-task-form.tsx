'use client';

import { useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { newIdempotencyKey, type TaskDraft } from '@/lib/client/api';
import { draftProblem } from '@/lib/client/limits';

interface Props {
  /**
   * Resolves true once the server has the task; false leaves what was typed in place. Every
   * attempt at one draft carries the same idempotency key, so a retry never adds it twice.
   */
  onAdd: (draft: TaskDraft, idempotencyKey: string) => Promise<boolean>;
}

export function NewTaskForm({ onAdd }: Props) {
  const id = useId();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const titleRef = useRef<HTMLInputElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  // The key of the draft in the fields: kept across failed attempts, dropped once the text
  // changes or the server has the task.
  const draftKey = useRef<string | null>(null);

  function edit(setField: (value: string) => void, value: string) {
    draftKey.current = null;
    setField(value);
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (saving) return;
    const invalid = draftProblem(title, description);
    setProblem(invalid);
    if (invalid) {
      titleRef.current?.focus();
      return;
    }
    setSaving(true);
    // The text stays in the fields until the server has it, so a failed request loses nothing.
    draftKey.current ??= newIdempotencyKey();
    const added = await onAdd({ title: title.trim(), description: description.trim() || null }, draftKey.current);
    setSaving(false);
    if (added) {
      draftKey.current = null;
      setTitle('');
      setDescription('');
    }
    titleRef.current?.focus();
  }

  // Enter adds from the title; in the description, Ctrl/⌘+Enter does (plain Enter is a new line).
  function submitOnModEnter(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      formRef.current?.requestSubmit();
    }
  }

  return (
    <form ref={formRef} onSubmit={submit} className="space-y-3" aria-labelledby={`${id}-heading`} noValidate>
      <h2 id={`${id}-heading`} className="sr-only">
        New task
      </h2>
      <div>
        <label htmlFor={`${id}-title`} className="label">
          Title
        </label>
        <input
          ref={titleRef}
          id={`${id}-title`}
          name="title"
          className="field"
          value={title}
          onChange={(e) => edit(setTitle, e.target.value)}
          readOnly={saving}
          placeholder="What needs doing?"
          autoComplete="off"
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${id}-problem` : undefined}
        />
      </div>
      <div>
        <label htmlFor={`${id}-description`} className="label">
          Description <span className="font-normal text-zinc-500 dark:text-zinc-400">(optional)</span>
        </label>
        <textarea
          id={`${id}-description`}
          name="description"
          className="field min-h-[2.75rem] resize-y"
          rows={2}
          value={description}
          onChange={(e) => edit(setDescription, e.target.value)}
          onKeyDown={submitOnModEnter}
          readOnly={saving}
          placeholder="Details, links, notes"
        />
      </div>
      {problem && (
        <p id={`${id}-problem`} role="alert" data-testid="form-error" className="alert-error">
          {problem}
        </p>
      )}
      <button type="submit" className="btn btn-primary w-full sm:w-auto" disabled={saving}>
        Add task
      </button>
    </form>
  );
}
