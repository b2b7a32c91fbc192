import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { TaskBoard } from '@/components/tasks/task-board';
import { auth } from '@/lib/auth';

export const metadata: Metadata = { title: 'Your tasks' };

export default async function TasksPage() {
  const session = await auth();
  if (!session?.user?.id) redirect('/login?callbackUrl=%2Ftasks');
  // The board reads and writes through /api/{user_id}/tasks like any other client.
  return <TaskBoard userId={session.user.id} />;
}
