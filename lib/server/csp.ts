// The Content-Security-Policy of the app's pages, in one place: lib/server/guard.ts sends it
// with a fresh nonce on every page, which Next puts on each script it renders; next.config.ts
// sends it without one on /docs, whose scripts are files of this origin. Scripts run only by
// nonce, or from this origin where there is none: never inline ('unsafe-inline'). Not
// server-only: next.config.ts imports it.

/** The policy; with `nonce`, scripts need it ('strict-dynamic' lets them load their chunks). */
export function contentSecurityPolicy({ nonce, dev }: { nonce?: string; dev: boolean }): string {
  const scripts = nonce ? `'nonce-${nonce}' 'strict-dynamic'` : "'self'";
  return [
    "default-src 'self'",
    // React's development build evaluates code to rebuild server stacks: `next dev` only.
    `script-src ${scripts}${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    // The service worker (app/sw.ts, served at /serwist/sw.js): a file of this origin, not a nonce'd script.
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}
