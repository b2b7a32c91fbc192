'use client';

import { useEffect, useId, useRef, type ReactNode } from 'react';

// What settings shows of a secret the server keeps only hashed (a calendar address, a token, a
// webhook's signing secret): once, selected, with Copy; and the section's one-line outcome.

export type Message = { ok: boolean; text: string };

export const FAILED: Message = { ok: false, text: 'That did not work. Check your connection and try again.' };

/** A read-only field holding `value`, selected when it appears; Copy puts it on the clipboard (or selects it to copy by hand). */
export function ShownOnce({ label, value, mono = false, onCopied, children }: { label: ReactNode; value: string; mono?: boolean; onCopied: () => void; children?: ReactNode }) {
  const id = useId();
  const field = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const frame = requestAnimationFrame(() => field.current?.select());
    return () => cancelAnimationFrame(frame);
  }, [value]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      onCopied();
    } catch {
      field.current?.select();
    }
  }

  return (
    <div>
      <label htmlFor={id} className="label break-words">
        {label} <span className="font-normal text-zinc-500 dark:text-zinc-400">(shown this once)</span>
      </label>
      <div className="flex flex-wrap gap-2">
        <input id={id} ref={field} className={`field min-w-0 flex-1${mono ? ' font-mono' : ''}`} readOnly value={value} onFocus={(e) => e.currentTarget.select()} />
        <button type="button" className="btn btn-secondary" onClick={copy}>
          Copy
        </button>
      </div>
      {children}
    </div>
  );
}

/** The outcome of the section's last action: a status, or an alert. */
export function Outcome({ message }: { message: Message | null | undefined }) {
  if (!message) return null;
  return (
    <p role={message.ok ? 'status' : 'alert'} className={`break-words ${message.ok ? 'text-sm text-green-700 dark:text-green-400' : 'alert-error'}`}>
      {message.text}
    </p>
  );
}
