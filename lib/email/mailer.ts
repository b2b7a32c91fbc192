import 'server-only';
import { createTransport, type Transporter } from 'nodemailer';
import { env } from '@/lib/env';

// Email, where the server has SMTP (SMTP_URL, sent from MAIL_FROM by nodemailer); without it,
// nothing is sent and `sendMail` says so. A failed send is logged once, never thrown: the mail
// is a courtesy beside what the app shows.

let transport: Transporter | undefined;

/** The app's public origin, for links in mail: APP_URL, else Vercel's deployment URL, else the local server. */
export function appUrl(): string {
  const { APP_URL } = env();
  if (APP_URL) return APP_URL.replace(/\/$/, '');
  if (process.env.VERCEL_URL) return `https://${process.env.VERCEL_URL}`;
  return 'http://localhost:3000';
}

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

/** Sends `mail`: `sent`, `failed` (logged), or `off` when the server has no SMTP. */
export async function sendMail(mail: Mail): Promise<'sent' | 'failed' | 'off'> {
  const { SMTP_URL, MAIL_FROM } = env();
  if (!SMTP_URL) return 'off';
  // A server that does not answer must not hold the request that sends the mail for minutes
  // (nodemailer waits 2 minutes to connect by default).
  transport ??= createTransport({ url: SMTP_URL, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 });
  try {
    await transport.sendMail({ from: MAIL_FROM, ...mail });
    return 'sent';
  } catch (err) {
    // The server's answer says why; the URL (which may hold a password) is not logged.
    console.error(`[email] "${mail.subject}" to ${mail.to} was not sent: ${err instanceof Error ? err.message : String(err)}`);
    return 'failed';
  }
}
