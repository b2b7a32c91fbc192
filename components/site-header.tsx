import Link from 'next/link';
import { NotificationBell } from '@/components/notifications/notification-bell';
import { SignOutButton } from '@/components/sign-out-button';

/**
 * The bar on every page: the product's name, and who is signed in (with their notifications and a
 * way out). `wide` lines it up with the views' sidebar layout.
 */
export function SiteHeader({ email, userId, wide = false }: { email?: string | null; userId?: string; wide?: boolean }) {
  return (
    <header className="border-b border-zinc-200 bg-white/80 dark:border-zinc-800 dark:bg-zinc-950/80">
      <div className={`mx-auto flex ${wide ? 'max-w-5xl' : 'max-w-3xl'} items-center justify-between gap-3 px-4 py-3`}>
        <Link href={email ? '/tasks' : '/'} className="flex shrink-0 items-center gap-2 rounded text-lg font-semibold">
          <span aria-hidden="true" className="grid size-7 place-items-center rounded-md bg-blue-600 text-sm text-white dark:bg-blue-500 dark:text-zinc-950">
            ✓
          </span>
          Todo
        </Link>
        {email ? (
          <div className="flex min-w-0 items-center gap-2">
            <span className="truncate text-sm text-zinc-600 dark:text-zinc-400" data-testid="signed-in-as" title={email}>
              {email}
            </span>
            {userId && <NotificationBell userId={userId} />}
            <Link href="/settings" className="btn btn-ghost py-1.5">
              Settings
            </Link>
            <SignOutButton />
          </div>
        ) : (
          <nav aria-label="Account" className="flex items-center gap-2">
            <Link href="/login" className="btn btn-ghost py-1.5">
              Sign in
            </Link>
            <Link href="/signup" className="btn btn-primary py-1.5">
              Sign up
            </Link>
          </nav>
        )}
      </div>
    </header>
  );
}
