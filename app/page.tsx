import Link from 'next/link';
import { redirect } from 'next/navigation';
import { SiteHeader } from '@/components/site-header';
import { auth } from '@/lib/auth';

const FEATURES = [
  { title: 'Quick to add', text: 'Type a title, press Enter. Add details when they matter.' },
  { title: 'Easy to finish', text: 'Tick a task off, filter what is left, search everything.' },
  { title: 'Yours alone', text: 'Your list is private to your account and there on every device.' },
];

export default async function Home() {
  if ((await auth())?.user) redirect('/tasks');
  return (
    <>
      <SiteHeader />
      <main className="mx-auto max-w-3xl px-4 py-12 sm:py-20">
        <section className="space-y-6 text-center">
          <h1 className="text-3xl font-bold tracking-tight text-balance sm:text-5xl">Everything you need to do, in one calm list.</h1>
          <p className="mx-auto max-w-xl text-lg text-pretty text-zinc-600 dark:text-zinc-400">
            Todo keeps track of your tasks so you don&rsquo;t have to. Sign up, add what&rsquo;s on your mind, and check it off
            when it&rsquo;s done.
          </p>
          <div className="flex flex-col items-center justify-center gap-3 sm:flex-row">
            <Link href="/signup" className="btn btn-primary w-full px-5 py-2.5 text-base sm:w-auto">
              Create a free account
            </Link>
            <Link href="/login" className="btn btn-secondary w-full px-5 py-2.5 text-base sm:w-auto">
              I have an account
            </Link>
          </div>
        </section>
        <ul className="mt-14 grid gap-4 sm:grid-cols-3">
          {FEATURES.map((feature) => (
            <li key={feature.title} className="rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
              <h2 className="font-semibold">{feature.title}</h2>
              <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{feature.text}</p>
            </li>
          ))}
        </ul>
        <p className="mt-12 text-center text-sm text-zinc-500 dark:text-zinc-400">
          Building something? The same tasks are available through a{' '}
          <Link href="/docs" className="underline underline-offset-2">
            JSON API
          </Link>
          .
        </p>
      </main>
    </>
  );
}
