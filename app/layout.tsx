import type { Metadata, Viewport } from 'next';
import { connection } from 'next/server';
import { THEME_DARK, THEME_LIGHT } from './manifest';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Todo', template: '%s · Todo' },
  description: 'A simple, fast todo list for people and programs.',
  // Installed on iOS, which reads these rather than the manifest.
  appleWebApp: { capable: true, title: 'Todo', statusBarStyle: 'default' },
  icons: { icon: '/icons/192.png', apple: '/icons/192.png' },
};

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  // The browser's and the installed app's chrome follow the page: light, or dark.
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: THEME_LIGHT },
    { media: '(prefers-color-scheme: dark)', color: THEME_DARK },
  ],
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page is rendered per request, so that its scripts carry that request's CSP nonce
  // (lib/server/guard.ts), the 404 page too.
  await connection();
  return (
    <html lang="en">
      <body className="min-h-dvh bg-white text-zinc-900 antialiased dark:bg-zinc-950 dark:text-zinc-100">{children}</body>
    </html>
  );
}
