'use server';

import { AuthError } from 'next-auth';
import { signIn } from '@/lib/auth';
import { TokenRequest } from '@/lib/validation/auth';
import { formText, safeCallbackPath, type AuthFormState } from '../form-state';
import { signInErrorMessage } from '../sign-in-errors';

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
