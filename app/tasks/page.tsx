import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { SiteHeader } from '@/components/site-header';
import { Planner } from '@/components/tasks/planner';
import { auth } from '@/lib/auth';

export const metadata: Metadata = { title: 'Your tasks' };

type Search = { view?: string | string[]; label?: string | string[]; project?: string | string[]; task?: string | string[] };

/** The URL of this page with only the parameters that name a view, to come back to after signing in. */
function returnTo(search: Search): string {
  const params = new URLSearchParams();
  for (const key of ['view', 'label', 'project', 'task'] as const) {
    const value = search[key];
    if (typeof value === 'string') params.set(key, value);
  }
  return params.size > 0 ? `/tasks?${params.toString()}` : '/tasks';
}

export default async function TasksPage({ searchParams }: { searchParams: Promise<Search> }) {
  const search = await searchParams;
  // The page's one session check: signed-out visitors go to sign in and come back here.
  const session = await auth();
  if (!session?.user?.id) redirect(`/login?callbackUrl=${encodeURIComponent(returnTo(search))}`);
  return (
    <>
      <SiteHeader email={session.user.email} userId={session.user.id} wide />
      <main className="mx-auto max-w-5xl px-4 py-6 sm:py-8">
        {/* The board reads the device's copy of the tasks and writes through /api/{user_id}/… like any other client; the view is read from the URL in the browser. */}
        <Planner userId={session.user.id} page="tasks" />
      </main>
    </>
  );
}
