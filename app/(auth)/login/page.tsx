import type { Metadata } from 'next';
import Link from 'next/link';
import { CredentialsForm } from '../credentials-form';
import { signInWithCredentials } from '@/lib/auth/actions';
import { safeCallbackPath } from '@/lib/auth/form-state';
import { credentialsMessage } from '@/lib/auth/sign-in-errors';

export const metadata: Metadata = { title: 'Sign in' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export default async function LoginPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(first(params.callbackUrl));
  // A sign-in posted straight to next-auth (no JavaScript) comes back as ?error=…&code=….
  const error = first(params.error);
  const initialError = !error
    ? null
    : error === 'CredentialsSignin'
      ? credentialsMessage(first(params.code))
      : 'We could not sign you in just now. Try again in a moment.';

  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold">Sign in</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">Welcome back. Your tasks are waiting.</p>
      </div>
      <CredentialsForm mode="login" action={signInWithCredentials} callbackUrl={callbackUrl} initialError={initialError} />
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        New here?{' '}
        <Link href="/signup" className="font-medium text-blue-700 underline underline-offset-2 dark:text-blue-400">
          Create an account
        </Link>
      </p>
    </div>
  );
}
