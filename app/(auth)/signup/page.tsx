import type { Metadata } from 'next';
import Link from 'next/link';
import { CredentialsForm } from '../credentials-form';
import { signUpWithCredentials } from '@/lib/auth/actions';

export const metadata: Metadata = { title: 'Create an account' };

export default function SignupPage() {
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold">Create your account</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">Free, and it takes ten seconds.</p>
      </div>
      <CredentialsForm mode="signup" action={signUpWithCredentials} />
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Already have an account?{' '}
        <Link href="/login" className="font-medium text-blue-700 underline underline-offset-2 dark:text-blue-400">
          Sign in
        </Link>
      </p>
    </div>
  );
}
