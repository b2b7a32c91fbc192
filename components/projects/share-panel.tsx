'use client';

import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import {
  ApiError,
  cancelInvitation,
  fetchMembers,
  fetchProjectInvitations,
  inviteToProject,
  removeMember,
  setMemberRole,
  type Invitation,
  type Member,
  type Project,
  type Role,
} from '@/lib/client/api';

interface Props {
  userId: string;
  project: Project;
  /** Membership changed (left, handed over, removed someone): the planner loads the projects again. */
  onChanged: () => void;
  /** The person left the project. */
  onLeft: () => void;
}

const ROLE_NAMES: Record<Role, string> = { owner: 'Owner', editor: 'Editor', viewer: 'Viewer' };

/**
 * Who a project is shared with, and (for its owner) sharing it: invite by email with a role,
 * pending invitations (cancel), members with their roles (change, hand over, remove). Anyone
 * but the owner may leave.
 */
export function SharePanel({ userId, project, onChanged, onLeft }: Props) {
  const id = useId();
  const isOwner = project.role === 'owner';
  const [members, setMembers] = useState<Member[] | null>(null);
  const [invitations, setInvitations] = useState<Invitation[]>([]);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<'editor' | 'viewer'>('editor');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [status, setStatus] = useState('');

  // Loaded again whenever the planner has the project anew (a member joined, left, or changed
  // role elsewhere: the changes feed brought it).
  const load = useCallback(async () => {
    const [freshMembers, freshInvitations] = await Promise.all([
      fetchMembers(userId, project.id),
      project.role === 'owner' ? fetchProjectInvitations(userId, project.id) : Promise.resolve([]),
    ]);
    setMembers(freshMembers);
    setInvitations(freshInvitations);
  }, [userId, project]);

  useEffect(() => {
    let live = true;
    Promise.resolve()
      .then(load)
      .catch((err: unknown) => {
        if (live) setProblem(err instanceof ApiError ? err.message : 'Could not load the members.');
      });
    return () => {
      live = false;
    };
  }, [load]);

  async function act(work: () => Promise<unknown>, done: string, { left = false } = {}) {
    setBusy(true);
    setProblem(null);
    try {
      await work();
      setStatus(done);
      if (left) {
        onLeft();
        return;
      }
      await load();
      onChanged();
    } catch (err) {
      setProblem(err instanceof ApiError ? err.message : 'Something went wrong. Try again.');
    } finally {
      setBusy(false);
    }
  }

  async function invite(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const address = email.trim();
    if (!/^[^\s@]+@[^\s@]+$/.test(address)) {
      setProblem('Enter an email address.');
      return;
    }
    await act(async () => {
      await inviteToProject(userId, project.id, address, role);
      setEmail('');
    }, `Invited ${address} as ${role === 'editor' ? 'an editor' : 'a viewer'}.`);
  }

  return (
    <div className="space-y-4 rounded-md border border-zinc-200 p-3 dark:border-zinc-700" data-testid="share-panel">
      {isOwner && (
        <form onSubmit={invite} noValidate aria-label={`Invite to ${project.name}`} className="flex flex-wrap items-end gap-2">
          <div className="min-w-0 flex-1 basis-48">
            <label htmlFor={`${id}-email`} className="label">
              Invite by email
            </label>
            <input
              id={`${id}-email`}
              type="email"
              className="field"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              autoComplete="off"
              readOnly={busy}
              aria-invalid={problem === 'Enter an email address.' ? true : undefined}
            />
          </div>
          <div>
            <label htmlFor={`${id}-role`} className="label">
              Role
            </label>
            <select id={`${id}-role`} className="field" value={role} onChange={(e) => setRole(e.target.value as 'editor' | 'viewer')}>
              <option value="editor">Editor</option>
              <option value="viewer">Viewer</option>
            </select>
          </div>
          <button type="submit" className="btn btn-primary" disabled={busy}>
            Invite
          </button>
        </form>
      )}

      {isOwner && invitations.length > 0 && (
        <section aria-labelledby={`${id}-pending`}>
          <h3 id={`${id}-pending`} className="text-sm font-semibold">
            Pending invitations
          </h3>
          <ul className="mt-1 space-y-1" data-testid="pending-invitations">
            {invitations.map((invitation) => (
              <li key={invitation.id} className="flex flex-wrap items-center gap-2 text-sm">
                <span className="min-w-0 flex-1 wrap-anywhere">
                  {invitation.email} · {ROLE_NAMES[invitation.role]}
                </span>
                <button
                  type="button"
                  className="btn btn-ghost px-2 py-1"
                  disabled={busy}
                  onClick={() => void act(() => cancelInvitation(userId, project.id, invitation.id), `Cancelled the invitation to ${invitation.email}.`)}
                >
                  Cancel<span className="sr-only"> the invitation to {invitation.email}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby={`${id}-members`}>
        <h3 id={`${id}-members`} className="text-sm font-semibold">
          Members
        </h3>
        {members === null ? (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">Loading…</p>
        ) : (
          <ul className="mt-1 space-y-1" data-testid="members">
            {members.map((member) => {
              const self = member.user_id === userId;
              const who = member.name ? `${member.name} (${member.email})` : member.email;
              return (
                <li key={member.user_id} className="flex flex-wrap items-center gap-2 text-sm">
                  <span className="min-w-0 flex-1 wrap-anywhere">
                    {who}
                    {self && ' · you'}
                  </span>
                  {isOwner && !self ? (
                    <>
                      <label htmlFor={`${id}-role-${member.user_id}`} className="sr-only">
                        Role of {who}
                      </label>
                      <select
                        id={`${id}-role-${member.user_id}`}
                        className="field w-auto py-1"
                        value={member.role}
                        disabled={busy}
                        onChange={(e) => {
                          const next = e.target.value as Role;
                          const done = next === 'owner' ? `${who} now owns “${project.name}”; you are an editor.` : `${who} is now ${ROLE_NAMES[next].toLowerCase()}.`;
                          void act(() => setMemberRole(userId, project.id, member.user_id, next), done);
                        }}
                      >
                        <option value="editor">Editor</option>
                        <option value="viewer">Viewer</option>
                        <option value="owner">Owner (hand over)</option>
                      </select>
                      <button
                        type="button"
                        className="btn btn-ghost px-2 py-1"
                        disabled={busy}
                        onClick={() => void act(() => removeMember(userId, project.id, member.user_id), `Removed ${who}.`)}
                      >
                        Remove<span className="sr-only"> {who}</span>
                      </button>
                    </>
                  ) : (
                    <span className="text-zinc-600 dark:text-zinc-400">{ROLE_NAMES[member.role]}</span>
                  )}
                  {self && !isOwner && (
                    <button
                      type="button"
                      className="btn btn-ghost px-2 py-1"
                      disabled={busy}
                      onClick={() => void act(() => removeMember(userId, project.id, userId), `You left “${project.name}”.`, { left: true })}
                    >
                      Leave<span className="sr-only"> {project.name}</span>
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </section>

      {problem && (
        <p role="alert" data-testid="share-error" className="alert-error wrap-anywhere">
          {problem}
        </p>
      )}
      <p role="status" className="sr-only">
        {status}
      </p>
    </div>
  );
}
