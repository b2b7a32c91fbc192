import 'server-only';
import { appUrl, sendMail } from '@/lib/email/mailer';
import { INVITATION_DAYS } from '@/lib/limits';
import type { InvitationJson } from '@/lib/projects/schemas';

/** The invitee's page of invitations in the app, which the email links to. */
export function invitationLink(): string {
  return `${appUrl()}/tasks`;
}

/**
 * Tells the invitee, by email where the server has SMTP. Without it the invitation is in the app
 * only (their sidebar, GET /invitations), and a development server prints its link.
 */
export async function sendInvitationEmail(invitation: InvitationJson): Promise<void> {
  const link = invitationLink();
  const inviter = invitation.invited_by.name ? `${invitation.invited_by.name} (${invitation.invited_by.email})` : invitation.invited_by.email;
  const sent = await sendMail({
    to: invitation.email,
    subject: `${inviter} invited you to "${invitation.project.name}"`,
    text: [
      `${inviter} invited you to the project "${invitation.project.name}" as ${invitation.role === 'editor' ? 'an editor' : 'a viewer'}.`,
      '',
      `Sign in, or sign up with this email address, to accept or decline it: ${link}`,
      '',
      `The invitation expires in ${INVITATION_DAYS} days, on ${invitation.expires_at.slice(0, 10)}.`,
    ].join('\n'),
  });
  if (sent === 'off' && process.env.NODE_ENV === 'development') {
    console.log(`[invitations] ${invitation.email} is invited to "${invitation.project.name}" as ${invitation.role}: ${link}`);
  }
}
