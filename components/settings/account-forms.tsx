'use client';

import { startTransition, useActionState, useId, useState, useSyncExternalStore, type FormEvent, type ReactNode } from 'react';
import { changePasswordAction, deleteAccountAction, renameAction, timeZoneAction } from '@/lib/account/settings-actions';
import { emptySettingsFormState, type SettingsFormState } from '@/lib/account/settings-form-state';

type Action = (previous: SettingsFormState, form: FormData) => Promise<SettingsFormState>;

/** A settings form: keeps what was typed unless it worked, and says how it went. */
function SettingsForm({ action, initial = emptySettingsFormState, label, submit, danger, children, resetOnSuccess = false, disabled = false }: {
  action: Action;
  initial?: SettingsFormState;
  label: string;
  submit: string;
  danger?: boolean;
  children: (ids: { id: string; describedBy?: string }) => ReactNode;
  resetOnSuccess?: boolean;
  disabled?: boolean;
}) {
  const id = useId();
  const [state, formAction, pending] = useActionState(action, initial);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    startTransition(async () => {
      formAction(data);
      if (resetOnSuccess) form.reset();
    });
  }

  return (
    <form action={formAction} onSubmit={onSubmit} aria-label={label} className="space-y-3" noValidate>
      {children({ id, describedBy: state.message ? `${id}-status` : undefined })}
      {state.message && (
        <p id={`${id}-status`} role={state.ok ? 'status' : 'alert'} data-testid={`${label}-status`} className={state.ok ? 'text-sm text-green-700 dark:text-green-400' : 'alert-error'}>
          {state.message}
        </p>
      )}
      <button type="submit" className={`btn ${danger ? 'btn-danger' : 'btn-primary'}`} disabled={pending || disabled}>
        {submit}
      </button>
    </form>
  );
}

export function NameForm({ name }: { name: string | null }) {
  return (
    <SettingsForm action={renameAction} label="Name" submit="Save name">
      {({ id, describedBy }) => (
        <div>
          <label htmlFor={`${id}-name`} className="label">
            Name <span className="font-normal text-zinc-500 dark:text-zinc-400">(optional)</span>
          </label>
          <input id={`${id}-name`} name="name" className="field" autoComplete="name" defaultValue={name ?? ''} maxLength={100} aria-describedby={describedBy} />
        </div>
      )}
    </SettingsForm>
  );
}

const noSubscription = () => () => {};
const deviceTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** The account's time zone, from the runtime's list of IANA names (`zones`, computed on the server). */
export function TimeZoneForm({ timeZone, zones }: { timeZone: string; zones: string[] }) {
  // The device's zone is known only in the browser (the server renders without it).
  const browserZone = useSyncExternalStore(noSubscription, deviceTimeZone, () => undefined);
  return (
    <SettingsForm action={timeZoneAction} label="Time zone" submit="Save time zone">
      {({ id, describedBy }) => (
        <div>
          <label htmlFor={`${id}-zone`} className="label">
            Time zone
          </label>
          <select id={`${id}-zone`} name="time_zone" className="field" defaultValue={timeZone} aria-describedby={`${id}-zone-hint ${describedBy ?? ''}`.trim()}>
            {zones.map((zone) => (
              <option key={zone} value={zone}>
                {zone.replaceAll('_', ' ')}
              </option>
            ))}
          </select>
          <p id={`${id}-zone-hint`} className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
            Reminders and the calendar feed use it.{browserZone && browserZone !== timeZone ? ` This device is in ${browserZone.replaceAll('_', ' ')}.` : ''}
          </p>
        </div>
      )}
    </SettingsForm>
  );
}

/** `changed`: the password was just changed (the action reloads the page with its new cookie). */
export function PasswordForm({ changed }: { changed: boolean }) {
  const initial = changed ? { ok: true, message: 'Password changed. Every other device is signed out.' } : emptySettingsFormState;
  return (
    <SettingsForm action={changePasswordAction} initial={initial} label="Change password" submit="Change password" resetOnSuccess>
      {({ id, describedBy }) => (
        <>
          <div>
            <label htmlFor={`${id}-current`} className="label">
              Current password
            </label>
            <input id={`${id}-current`} name="current_password" type="password" className="field" autoComplete="current-password" required aria-describedby={describedBy} />
          </div>
          <div>
            <label htmlFor={`${id}-new`} className="label">
              New password
            </label>
            <input id={`${id}-new`} name="new_password" type="password" className="field" autoComplete="new-password" required aria-describedby={`${id}-hint`} />
            <p id={`${id}-hint`} className="mt-1 text-xs text-zinc-500 dark:text-zinc-400">
              At least 8 characters. Every other device will be signed out.
            </p>
          </div>
        </>
      )}
    </SettingsForm>
  );
}

export function DeleteAccountForm({ email }: { email: string }) {
  const [typed, setTyped] = useState('');
  const confirmed = typed.trim().toLowerCase() === email;
  return (
    <SettingsForm action={deleteAccountAction} label="Delete account" submit="Delete my account" danger disabled={!confirmed}>
      {({ id, describedBy }) => (
        <>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            This deletes your account and all your tasks for good, and signs you out everywhere.
          </p>
          <div>
            <label htmlFor={`${id}-email`} className="label">
              Type your email, <span className="font-mono">{email}</span>, to confirm
            </label>
            <input id={`${id}-email`} name="email" type="email" className="field" autoComplete="off" value={typed} onChange={(e) => setTyped(e.target.value)} aria-describedby={describedBy} />
          </div>
          <div>
            <label htmlFor={`${id}-password`} className="label">
              Password
            </label>
            <input id={`${id}-password`} name="password" type="password" className="field" autoComplete="current-password" required />
          </div>
        </>
      )}
    </SettingsForm>
  );
}
