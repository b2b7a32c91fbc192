'use server';

import 'server-only';
import { revalidatePath } from 'next/cache';
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { changePassword, deleteAccount, updateAccount } from '@/lib/account/account';
import { WrongPassword } from '@/lib/account/errors';
import { ChangePasswordBody, DeleteAccountBody, PatchAccountBody } from '@/lib/account/schemas';
import { endAllSessions, endSession } from '@/lib/account/sessions';
import type { SettingsFormState } from '@/lib/account/settings-form-state';
import { auth, signOut } from '@/lib/auth';
import { SessionEnded, SessionNotFound, SignInLockedOut } from '@/lib/auth/errors';
import { sessionCookie } from '@/lib/auth/session-cookie';
import { clientAddress } from '@/lib/http/client-address';
import { browserScope } from '@/lib/scope/browser';
import type { Scope } from '@/lib/scope/scope';

// The server actions of the settings page: the same lib/ functions as the account and sessions
// routes, for the browser's own session. They answer in words (SettingsFormState).

/** Signs the browser out (its session row is already gone, or goes now) and sends it to `to`. */
async function leave(to: string): Promise<never> {
  await signOut({ redirectTo: to });
  throw new Error('signOut() returned without redirecting');
}

/** Runs `work` in the browser's scope; a session that has ended signs the browser out. */
async function inBrowserScope(work: (scope: Scope) => Promise<SettingsFormState>): Promise<SettingsFormState> {
  try {
    return await work(await browserScope());
  } catch (error) {
    if (error instanceof SessionEnded) return leave('/login?callbackUrl=%2Fsettings');
    if (error instanceof WrongPassword) return { ok: false, message: 'That is not your current password.' };
    if (error instanceof SignInLockedOut) return { ok: false, message: `${error.message}.` };
    throw error;
  }
}

const firstMessage = (issues: { path: PropertyKey[]; message: string }[], labels: Record<string, string>) => {
  const issue = issues[0]!;
  const field = String(issue.path[0] ?? '');
  return `${labels[field] ?? 'This field'} ${issue.message}.`;
};

export async function renameAction(_previous: SettingsFormState, form: FormData): Promise<SettingsFormState> {
  const parsed = PatchAccountBody.safeParse({ name: String(form.get('name') ?? '') });
  if (!parsed.success) return { ok: false, message: firstMessage(parsed.error.issues, { name: 'Your name' }) };
  return inBrowserScope(async (scope) => {
    await updateAccount(scope, { name: parsed.data.name });
    revalidatePath('/settings');
    return { ok: true, message: parsed.data.name ? 'Name saved.' : 'Name cleared.' };
  });
}

export async function timeZoneAction(_previous: SettingsFormState, form: FormData): Promise<SettingsFormState> {
  const parsed = PatchAccountBody.safeParse({ time_zone: String(form.get('time_zone') ?? '') });
  if (!parsed.success) return { ok: false, message: firstMessage(parsed.error.issues, { time_zone: 'The time zone' }) };
  return inBrowserScope(async (scope) => {
    const account = await updateAccount(scope, { timeZone: parsed.data.time_zone });
    revalidatePath('/settings');
    return { ok: true, message: `Time zone set to ${account.timeZone}.` };
  });
}

export async function changePasswordAction(_previous: SettingsFormState, form: FormData): Promise<SettingsFormState> {
  const parsed = ChangePasswordBody.safeParse({ current_password: form.get('current_password'), new_password: form.get('new_password') });
  if (!parsed.success) {
    return { ok: false, message: firstMessage(parsed.error.issues, { current_password: 'Your current password', new_password: 'The new password' }) };
  }
  return inBrowserScope(async (scope) => {
    const jar = await cookies();
    const changed = await changePassword(scope, parsed.data, { browser: true, userAgent: (await headers()).get('user-agent'), address: clientAddress(await headers()) });
    // Every session was ended, this browser's too: it goes on with the new one.
    const cookie = await sessionCookie(changed.user, changed.browserSessionId!, { secure: jar.has('__Secure-authjs.session-token') });
    jar.set(cookie.name, cookie.value, cookie.options);
    // A new request, which carries the new cookie: a re-render of this one would still see the old.
    redirect('/settings?password=changed');
  });
}

export async function endSessionAction(sessionId: string): Promise<void> {
  const scope = await browserScope().catch(() => undefined);
  if (!scope) return leave('/login?callbackUrl=%2Fsettings');
  try {
    await endSession(scope, sessionId);
  } catch (error) {
    // Already signed out elsewhere: the list is refreshed either way.
    if (!(error instanceof SessionNotFound) && !(error instanceof SessionEnded)) throw error;
  }
  if (sessionId === scope.values.sessionId) return leave('/login');
  revalidatePath('/settings');
}

export async function endAllSessionsAction(): Promise<void> {
  const scope = await browserScope().catch(() => undefined);
  if (scope) await endAllSessions(scope).catch((error: unknown) => {
    if (!(error instanceof SessionEnded)) throw error;
  });
  return leave('/login');
}

export async function deleteAccountAction(_previous: SettingsFormState, form: FormData): Promise<SettingsFormState> {
  const parsed = DeleteAccountBody.safeParse({ password: form.get('password') });
  if (!parsed.success) return { ok: false, message: 'Enter your password to delete your account.' };
  const session = await auth();
  if (String(form.get('email') ?? '').trim().toLowerCase() !== session?.user?.email) {
    return { ok: false, message: 'Type your email exactly as shown to confirm.' };
  }
  const result = await inBrowserScope(async (scope) => {
    await deleteAccount(scope, parsed.data.password, clientAddress(await headers()));
    return { ok: true, message: '' };
  });
  if (!result.ok) return result;
  return leave('/signup?deleted=1');
}
