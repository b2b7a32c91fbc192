'use server';

import { signOut } from '@/lib/auth';

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
