import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { SiteHeader } from '@/components/site-header';
import { TaskBoard } from '@/components/tasks/task-board';
import { auth } from '@/lib/auth';

export const metadata: Metadata = { title: 'Your tasks' };

export default async function TasksPage() {
  // The page's one session check: signed-out visitors go to sign in and come back here.
  const session = await auth();
  if (!session?.user?.id) redirect('/login?callbackUrl=%2Ftasks');
  return (
    <>
      <SiteHeader email={session.user.email} />
      <main className="mx-auto max-w-3xl px-4 py-6 sm:py-8">
        {/* The board reads and writes through /api/{user_id}/tasks like any other client. */}
        <TaskBoard userId={session.user.id} />
      </main>
    </>
  );
}
