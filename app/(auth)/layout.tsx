import { redirect } from 'next/navigation';
import { SiteHeader } from '@/components/site-header';
import { auth } from '@/lib/auth';

export default async function AuthLayout({ children }: { children: React.ReactNode }) {
  // Signed in already: the sign-in pages have nothing to offer.
  if ((await auth())?.user) redirect('/tasks');
  return (
    <>
      <SiteHeader />
      <main className="mx-auto max-w-sm px-4 py-10 sm:py-16">{children}</main>
    </>
  );
}
