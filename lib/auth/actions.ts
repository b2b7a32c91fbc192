'use server';

import 'server-only';
import { AuthError } from 'next-auth';
import { headers } from 'next/headers';
import { signIn, signOut } from '@/lib/auth';
import { EmailTaken, HashingBusy, TooManyFromAddress } from '@/lib/auth/errors';
import { createAccount } from '@/lib/auth/credentials';
import { formText, safeCallbackPath, type AuthFormState } from '@/lib/auth/form-state';
import { canonicalTimeZone } from '@/lib/time-zone';
import { NAME_MAX, PASSWORD_MAX, PASSWORD_MIN, SignupRequest, TokenRequest } from '@/lib/auth/schemas';
import { signInErrorMessage } from '@/lib/auth/sign-in-errors';
import { describeDatabaseError } from '@/lib/db/errors';
import { clientAddress } from '@/lib/http/client-address';

// The server actions of the sign-in and signup forms and of the sign-out button. The forms
// answer in words (AuthFormState), not problem documents.

export async function signInWithCredentials(_previous: AuthFormState, form: FormData): Promise<AuthFormState> {
  const email = formText(form, 'email').trim();
  const password = formText(form, 'password');
  const values = { email };

  if (!email || !password) return { error: 'Enter your email and your password.', values };
  const parsed = TokenRequest.safeParse({ email, password });
  if (!parsed.success) {
    const badEmail = parsed.error.issues.some((issue) => issue.path[0] === 'email');
    return { error: badEmail ? 'Enter a valid email address, like ann@example.com.' : 'Wrong email or password.', values };
  }

  try {
    // Redirects on success: signIn throws Next's redirect, which must pass through.
    await signIn('credentials', { ...parsed.data, redirectTo: safeCallbackPath(form.get('callbackUrl')) });
  } catch (error) {
    if (error instanceof AuthError) return { error: signInErrorMessage(error), values };
    throw error;
  }
  return { error: null, values };
}

const FIELD_MESSAGES: Record<string, string> = {
  email: 'Enter a valid email address, like ann@example.com.',
  password: `Choose a password of ${PASSWORD_MIN} to ${PASSWORD_MAX} characters.`,
  name: `Keep your name to ${NAME_MAX} characters or fewer.`,
};

export async function signUpWithCredentials(_previous: AuthFormState, form: FormData): Promise<AuthFormState> {
  const values = { email: formText(form, 'email').trim(), name: formText(form, 'name') };
  // The browser's time zone, when it sent one this runtime knows; else the account starts in UTC.
  const timeZone = canonicalTimeZone(formText(form, 'time_zone'));
  const parsed = SignupRequest.safeParse({ ...values, password: formText(form, 'password'), time_zone: timeZone });
  if (!parsed.success) {
    const fields = new Set(parsed.error.issues.map((issue) => String(issue.path[0])));
    const error = Object.keys(FIELD_MESSAGES)
      .filter((field) => fields.has(field))
      .map((field) => FIELD_MESSAGES[field])
      .join(' ');
    return { error: error || 'Check the fields and try again.', values };
  }

  try {
    await createAccount(parsed.data, clientAddress(await headers()));
  } catch (error) {
    if (error instanceof EmailTaken) return { error: 'An account with this email already exists. Sign in instead.', values };
    if (error instanceof TooManyFromAddress) return { error: `${error.message}.`, values };
    if (error instanceof HashingBusy) return { error: 'We are busy just now. Try again in a moment.', values };
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

export async function signOutAndLeave(): Promise<void> {
  await signOut({ redirectTo: '/' });
}

/**
 * The API refused the session (its account is gone, say): end it before offering sign-in again,
 * or /login, which sends anyone with a session cookie to /tasks, would bounce straight back.
 */
export async function endRefusedSession(): Promise<void> {
  await signOut({ redirectTo: '/login?callbackUrl=%2Ftasks' });
}
