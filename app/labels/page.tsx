import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { SiteHeader } from '@/components/site-header';
import { Planner } from '@/components/tasks/planner';
import { auth } from '@/lib/auth';

export const metadata: Metadata = { title: 'Labels' };

export default async function LabelsPage() {
  const session = await auth();
  if (!session?.user?.id) redirect('/login?callbackUrl=%2Flabels');
  return (
    <>
      <SiteHeader email={session.user.email} userId={session.user.id} wide />
      <main className="mx-auto max-w-5xl px-4 py-6 sm:py-8">
        <Planner userId={session.user.id} page="labels" />
      </main>
    </>
  );
}
