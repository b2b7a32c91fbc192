'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { acceptInvitation, ApiError, declineInvitation, type Invitation, type Project } from '@/lib/client/api';
import { viewHref } from '@/lib/client/views';

interface Props {
  userId: string;
  invitations: Invitation[];
  /** An invitation was accepted or declined: the planner loads the projects and invitations again. */
  onAnswered: (joined?: Project) => void;
}

const SECTION_HEADING = 'mt-5 mb-1 flex items-center gap-2 px-3 text-xs font-semibold tracking-wide text-zinc-600 uppercase dark:text-zinc-400';

/** The invitations addressed to the person, in the sidebar: accept (and open the project) or decline. */
export function Invitations({ userId, invitations, onAnswered }: Props) {
  const router = useRouter();
  const [busy, setBusy] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  if (invitations.length === 0) return status ? <p role="status" className="sr-only">{status}</p> : null;

  async function answer(invitation: Invitation, accept: boolean) {
    setBusy(invitation.id);
    setProblem(null);
    try {
      if (accept) {
        const project = await acceptInvitation(userId, invitation.id);
        setStatus(`You joined “${project.name}”.`);
        onAnswered(project);
        router.push(viewHref({ kind: 'project', id: project.id }));
      } else {
        await declineInvitation(userId, invitation.id);
        setStatus(`Declined the invitation to “${invitation.project.name}”.`);
        onAnswered();
      }
    } catch (err) {
      const gone = err instanceof ApiError && err.status === 404;
      setProblem(gone ? `The invitation to “${invitation.project.name}” is no longer valid.` : err instanceof ApiError ? err.message : 'Something went wrong. Try again.');
      if (gone) onAnswered();
    } finally {
      setBusy(null);
    }
  }

  return (
    <section aria-labelledby="invitations-heading">
      <h2 id="invitations-heading" className={SECTION_HEADING}>
        Invitations
        <span data-testid="invitation-count" className="rounded-full bg-blue-600 px-1.5 text-[0.7rem] text-white tabular-nums dark:bg-blue-500">
          {invitations.length}
        </span>
      </h2>
      <ul className="space-y-2 px-3" data-testid="invitations">
        {invitations.map((invitation) => (
          <li key={invitation.id} className="rounded-md border border-zinc-200 p-2 text-sm dark:border-zinc-700">
            <p className="wrap-anywhere">
              <span className="font-medium">{invitation.invited_by.name ?? invitation.invited_by.email}</span> invites you to{' '}
              <span className="font-medium">“{invitation.project.name}”</span> as {invitation.role === 'editor' ? 'an editor' : 'a viewer'}.
            </p>
            <div className="mt-2 flex gap-2">
              <button type="button" className="btn btn-primary px-2 py-1" disabled={busy !== null} onClick={() => void answer(invitation, true)}>
                Accept<span className="sr-only"> the invitation to {invitation.project.name}</span>
              </button>
              <button type="button" className="btn btn-secondary px-2 py-1" disabled={busy !== null} onClick={() => void answer(invitation, false)}>
                Decline<span className="sr-only"> the invitation to {invitation.project.name}</span>
              </button>
            </div>
          </li>
        ))}
      </ul>
      {problem && (
        <p role="alert" className="alert-error mx-3 mt-1 wrap-anywhere">
          {problem}
        </p>
      )}
      <p role="status" className="sr-only">
        {status}
      </p>
    </section>
  );
}
