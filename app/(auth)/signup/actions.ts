'use server';

import { AuthError } from 'next-auth';
import { createAccount } from '@/lib/accounts';
import { signIn } from '@/lib/auth';
import { describeDatabaseError } from '@/lib/db/errors';
import { HttpError } from '@/lib/http';
import { NAME_MAX, PASSWORD_MAX, PASSWORD_MIN, SignupRequest } from '@/lib/validation/auth';
import { formText, type AuthFormState } from '../form-state';

const FIELD_MESSAGES: Record<string, string> = {
  email: 'Enter a valid email address, like ann@example.com.',
  password: `Choose a password of ${PASSWORD_MIN} to ${PASSWORD_MAX} characters.`,
  name: `Keep your name to ${NAME_MAX} characters or fewer.`,
};

export async function signUpWithCredentials(_previous: AuthFormState, form: FormData): Promise<AuthFormState> {
  const values = { email: formText(form, 'email').trim(), name: formText(form, 'name') };
  const parsed = SignupRequest.safeParse({ ...values, password: formText(form, 'password') });
  if (!parsed.success) {
    const fields = new Set(parsed.error.issues.map((issue) => String(issue.path[0])));
    const error = Object.keys(FIELD_MESSAGES)
      .filter((field) => fields.has(field))
      .map((field) => FIELD_MESSAGES[field])
      .join(' ');
    return { error: error || 'Check the fields and try again.', values };
  }

  try {
    await createAccount(parsed.data);
  } catch (error) {
    if (error instanceof HttpError && error.status === 409) {
      return { error: 'An account with this email already exists. Sign in instead.', values };
    }
    console.error(`[signup] could not create an account: ${describeDatabaseError(error)}`);
    return { error: 'We could not create your account just now. Try again in a moment.', values };
  }

  try {
    await signIn('credentials', { email: parsed.data.email, password: parsed.data.password, redirectTo: '/tasks' });
  } catch (error) {
    if (error instanceof AuthError) {
      return { error: 'Your account is ready, but signing you in failed. Sign in with your new password.', values };
    }
    throw error;
  }
  return { error: null, values };
}
