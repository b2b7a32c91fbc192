import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InvitationJson } from '@/lib/projects/schemas';
import { createTestUser } from '@/tests/helpers/auth';
import { withTestDatabase } from '@/tests/helpers/db';
import { createProjectVia, projectsApi, sharingApi } from '@/tests/helpers/requests';

// The invitation email, through a real SMTP server on loopback (the smtp-server package) that
// keeps what it receives: nodemailer speaks SMTP to it as to any other.

interface Received {
  from: string;
  to: string[];
  data: string;
}

const received: Received[] = [];
let arrived: (() => void) | undefined;
/** Recipients the sink refuses (550), as a mailbox that does not exist. */
const refused = new Set<string>();

const sink = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onRcptTo(address, _session, callback) {
    callback(refused.has(address.address) ? Object.assign(new Error('no such mailbox'), { responseCode: 550 }) : undefined);
  },
  onData(stream, session, callback) {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => {
      received.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), data: Buffer.concat(chunks).toString('utf8') });
      arrived?.();
      callback();
    });
  },
});
await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve));
const { port } = sink.server.address() as { port: number };
// Before anything reads the environment (lib/env.ts reads it once).
process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
process.env.MAIL_FROM = 'Todo <todo@example.test>';
process.env.APP_URL = 'https://todo.example.test';

withTestDatabase();

afterAll(async () => {
  await new Promise<void>((resolve) => sink.close(() => resolve()));
});

beforeAll(() => {
  received.length = 0;
});

describe('the invitation email', () => {
  it('goes to the invited address, from MAIL_FROM, naming the project, the inviter and the link', async () => {
    const ann = await createTestUser({ name: 'Ann' });
    const project = await createProjectVia(projectsApi(ann), { name: 'Garden' });
    const mail = new Promise<void>((resolve) => (arrived = resolve));
    const response = await sharingApi(ann).invite(project.id, { email: 'newcomer@example.com', role: 'viewer' });
    expect(response.status).toBe(201);
    const invitation = (await response.json()) as InvitationJson;
    await mail;
    expect(received).toHaveLength(1);
    const [envelope] = received;
    expect(envelope!.from).toBe('todo@example.test');
    expect(envelope!.to).toEqual(['newcomer@example.com']);
    const message = await simpleParser(envelope!.data);
    expect(message.from?.text).toBe('"Todo" <todo@example.test>');
    expect(message.subject).toBe(`Ann (${ann.email}) invited you to "Garden"`);
    expect(message.text).toContain('as a viewer');
    expect(message.text).toContain('https://todo.example.test/tasks');
    expect(message.text).toContain(invitation.expires_at.slice(0, 10));
  });

  it('does not fail the invitation when the mail server refuses it', async () => {
    const ann = await createTestUser();
    const project = await createProjectVia(projectsApi(ann), { name: 'Shed' });
    const before = received.length;
    refused.add('refused@example.com');
    const response = await sharingApi(ann).invite(project.id, { email: 'refused@example.com', role: 'editor' });
    expect(response.status).toBe(201);
    expect(received.length).toBe(before);
    expect(((await (await sharingApi(ann).invitationsOf(project.id)).json()) as InvitationJson[]).map((i) => i.email)).toEqual(['refused@example.com']);
  });
});
