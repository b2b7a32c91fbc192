// Shared by the forms (in the browser) and their server actions: no secrets, no server code.

/**
 * What a sign-in or signup action answers when it does not redirect: the error to show and the
 * fields to show again. The password is never sent back; the form keeps it in the browser.
 */
export interface AuthFormState {
  error: string | null;
  values: { email: string; name?: string };
}

export const emptyAuthFormState: AuthFormState = { error: null, values: { email: '' } };

export function formText(form: FormData, field: string): string {
  const value = form.get(field);
  return typeof value === 'string' ? value : '';
}

/**
 * Where to go after signing in: a path on this site only. next-auth's own redirects carry an
 * absolute URL (`?callbackUrl=http://host/tasks`); only its path is kept, so none leads off-site.
 */
export function safeCallbackPath(value: unknown, fallback = '/tasks'): string {
  if (typeof value !== 'string' || !value) return fallback;
  try {
    const url = new URL(value, 'http://localhost');
    const path = `${url.pathname}${url.search}`;
    if (!path.startsWith('/') || path.startsWith('//') || path.startsWith('/\\')) return fallback;
    // Coming back to the sign-in pages after signing in would be a loop.
    if (/^\/(login|signup)(\/|$|\?)/.test(path)) return fallback;
    return path;
  } catch {
    return fallback;
  }
}
