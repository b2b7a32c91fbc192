import 'server-only';
import { AuthError, CredentialsSignin } from 'next-auth';

function minutes(seconds: number): string {
  const n = Math.max(1, Math.ceil(seconds / 60));
  return n === 1 ? '1 minute' : `${n} minutes`;
}

/** A refused credentials sign-in, in words: `code` is next-auth's, or `locked|address[:<seconds>]`. */
export function credentialsMessage(code: string | undefined): string {
  if (code?.startsWith('locked') || code?.startsWith('address')) {
    const seconds = Number(code.split(':')[1]);
    const wait = Number.isFinite(seconds) && seconds > 0 ? `in ${minutes(seconds)}` : 'in a few minutes';
    const from = code.startsWith('locked') ? 'for this email' : 'from your network';
    return `Too many failed sign-in attempts ${from}. Try again ${wait}.`;
  }
  return 'Wrong email or password.';
}

/** The words for any next-auth error thrown by signIn(). */
export function signInErrorMessage(error: AuthError): string {
  if (error instanceof CredentialsSignin || error.type === 'CredentialsSignin') {
    return credentialsMessage((error as CredentialsSignin).code);
  }
  return 'We could not sign you in just now. Try again in a moment.';
}
