import { redirect } from 'next/navigation';
import { SiteHeader } from '@/components/site-header';
import { auth } from '@/lib/auth';

export default async function TasksLayout({ children }: { children: React.ReactNode }) {
  const session = await auth();
  // proxy.ts already sends signed-out visitors to /login; this covers a request it did not see.
  if (!session?.user?.id) redirect('/login?callbackUrl=%2Ftasks');
  return (
    <>
      <SiteHeader email={session.user.email} />
      <main className="mx-auto max-w-3xl px-4 py-6 sm:py-8">{children}</main>
    </>
  );
}
