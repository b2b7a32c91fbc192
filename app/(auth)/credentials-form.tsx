'use client';

import { startTransition, useActionState, useId, type FormEvent } from 'react';
import { emptyAuthFormState, type AuthFormState } from '@/lib/auth/form-state';

interface Props {
  mode: 'login' | 'signup';
  action: (previous: AuthFormState, form: FormData) => Promise<AuthFormState>;
  /** Login: where to go once signed in. */
  callbackUrl?: string;
  /** An error to show on arrival (a refused sign-in that came back as `?error=`). */
  initialError?: string | null;
}

export function CredentialsForm({ mode, action, callbackUrl, initialError = null }: Props) {
  const id = useId();
  const [state, formAction, pending] = useActionState(action, { ...emptyAuthFormState, error: initialError });
  const signup = mode === 'signup';

  // Submitting through the action prop would reset the form after every attempt, clearing what
  // was typed; dispatching it ourselves keeps the fields. Without JavaScript the form still posts.
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    // A new account starts in the browser's time zone (reminders and the calendar feed use it).
    if (signup) data.set('time_zone', Intl.DateTimeFormat().resolvedOptions().timeZone);
    startTransition(() => formAction(data));
  }

  return (
    <form action={formAction} onSubmit={submit} className="space-y-4" noValidate>
      {callbackUrl && <input type="hidden" name="callbackUrl" value={callbackUrl} />}
      {signup && (
        <div>
          <label htmlFor={`${id}-name`} className="label">
            Name <span className="font-normal text-zinc-500 dark:text-zinc-400">(optional)</span>
          </label>
          <input id={`${id}-name`} name="name" className="field" autoComplete="name" defaultValue={state.values.name} />
        </div>
      )}
      <div>
        <label htmlFor={`${id}-email`} className="label">
          Email
        </label>
        <input
          id={`${id}-email`}
          name="email"
          type="email"
          className="field"
          autoComplete={signup ? 'email' : 'username'}
          required
          defaultValue={state.values.email}
          aria-invalid={state.error ? true : undefined}
          aria-describedby={state.error ? `${id}-error` : undefined}
        />
      </div>
      <div>
        <label htmlFor={`${id}-password`} className="label">
          Password
        </label>
        <input
          id={`${id}-password`}
          name="password"
          type="password"
          className="field"
          autoComplete={signup ? 'new-password' : 'current-password'}
          required
          aria-invalid={state.error ? true : undefined}
          aria-describedby={signup ? `${id}-password-hint` : state.error ? `${id}-error` : undefined}
        />
        {signup && (
          <p id={`${id}-password-hint`} className="mt-1 text-xs text-zinc-500 dark:text-zinc-400">
            At least 8 characters.
          </p>
        )}
      </div>
      {state.error && (
        <p id={`${id}-error`} role="alert" data-testid="form-error" className="alert-error">
          {state.error}
        </p>
      )}
      <button type="submit" className="btn btn-primary w-full" disabled={pending}>
        {signup ? 'Sign up' : 'Sign in'}
      </button>
    </form>
  );
}
