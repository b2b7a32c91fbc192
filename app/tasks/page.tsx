import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { SiteHeader } from '@/components/site-header';
import { Planner } from '@/components/tasks/planner';
import { auth } from '@/lib/auth';
import { viewFromSearch, viewHref, viewTitle } from '@/lib/client/views';

type Search = Promise<{ view?: string | string[]; label?: string | string[] }>;

export async function generateMetadata({ searchParams }: { searchParams: Search }): Promise<Metadata> {
  const view = viewFromSearch(await searchParams);
  return { title: view.kind === 'inbox' ? 'Your tasks' : viewTitle(view) };
}

export default async function TasksPage({ searchParams }: { searchParams: Search }) {
  const view = viewFromSearch(await searchParams);
  // The page's one session check: signed-out visitors go to sign in and come back here.
  const session = await auth();
  if (!session?.user?.id) redirect(`/login?callbackUrl=${encodeURIComponent(viewHref(view))}`);
  return (
    <>
      <SiteHeader email={session.user.email} wide />
      <main className="mx-auto max-w-5xl px-4 py-6 sm:py-8">
        {/* The board reads and writes through /api/{user_id}/… like any other client. */}
        <Planner userId={session.user.id} view={view} />
      </main>
    </>
  );
}
