import 'server-only';
import { auth } from '@/lib/auth';
import { SessionEnded } from '@/lib/auth/errors';
import { Scope } from '@/lib/scope/scope';

/** The scope of the browser's own session (server actions and pages); `SessionEnded` without one. */
export async function browserScope(): Promise<Scope> {
  const session = await auth();
  if (!session?.user?.id || !session.sessionId) throw new SessionEnded();
  return Scope.of({ userId: session.user.id, sessionId: session.sessionId });
}
