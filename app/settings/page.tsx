import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { SiteHeader } from '@/components/site-header';
import { DeleteAccountForm, NameForm, PasswordForm, TimeZoneForm } from '@/components/settings/account-forms';
import { PushNotifications } from '@/components/settings/push-notifications';
import { CalendarFeed } from '@/components/settings/calendar-feed';
import { AccessTokens } from '@/components/settings/access-tokens';
import { Webhooks } from '@/components/settings/webhooks';
import { DataTransfer } from '@/components/settings/data-transfer';
import { SessionsList } from '@/components/settings/sessions-list';
import { getAccount } from '@/lib/account/account';
import { calendarFeedIsOn } from '@/lib/calendar/feed';
import { toTokenJson } from '@/lib/account/responses';
import { listSessions } from '@/lib/account/sessions';
import { listTokens } from '@/lib/account/tokens';
import { TOKEN_SCOPES } from '@/lib/auth/personal-tokens';
import { SessionEnded } from '@/lib/auth/errors';
import { browserScope } from '@/lib/scope/browser';
import { WEBHOOK_EVENTS } from '@/lib/webhooks/schemas';
import { listWebhooks } from '@/lib/webhooks/webhooks';

export const metadata: Metadata = { title: 'Settings' };

function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = `settings-${title.toLowerCase().replace(/\W+/g, '-')}`;
  return (
    <section aria-labelledby={id} className="rounded-xl border border-zinc-200 p-4 dark:border-zinc-800">
      <h2 id={id} className="mb-3 text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

export default async function SettingsPage({ searchParams }: { searchParams: Promise<{ password?: string }> }) {
  let scope;
  let data;
  try {
    scope = await browserScope();
    data = await Promise.all([getAccount(scope), listSessions(scope), calendarFeedIsOn(scope), listTokens(scope), listWebhooks(scope)]);
  } catch (error) {
    if (error instanceof SessionEnded) redirect('/login?callbackUrl=%2Fsettings');
    throw error;
  }
  const [account, sessions, calendarOn, tokens, webhooks] = data;
  // Every zone the runtime knows, and the account's own (an older alias stays selectable).
  const zones = [...new Set([account.timeZone, 'UTC', ...Intl.supportedValuesOf('timeZone')])].sort();
  return (
    <>
      <SiteHeader email={account.email} userId={scope.userId} />
      <main className="mx-auto max-w-3xl space-y-6 px-4 py-6 sm:py-8">
        <h1 className="text-2xl font-semibold">Settings</h1>
        <Section title="Profile">
          <NameForm name={account.name} />
          <div className="mt-5">
            <TimeZoneForm timeZone={account.timeZone} zones={zones} />
          </div>
        </Section>
        <Section title="Password">
          <PasswordForm changed={(await searchParams).password === 'changed'} />
        </Section>
        <Section title="Where you are signed in">
          <SessionsList sessions={sessions} />
        </Section>
        <Section title="Notifications">
          <PushNotifications userId={scope.userId} />
        </Section>
        <Section title="Calendar feed">
          <CalendarFeed userId={scope.userId} on={calendarOn} />
        </Section>
        <Section title="Personal access tokens">
          <AccessTokens userId={scope.userId} tokens={tokens.map(toTokenJson)} scopes={TOKEN_SCOPES} />
        </Section>
        <Section title="Webhooks">
          <Webhooks userId={scope.userId} webhooks={webhooks} events={WEBHOOK_EVENTS} />
        </Section>
        <Section title="Your data">
          <DataTransfer userId={scope.userId} />
        </Section>
        <Section title="Delete account">
          <DeleteAccountForm email={account.email} />
        </Section>
      </main>
    </>
  );
}
