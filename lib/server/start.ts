import 'server-only';
import { authSecret, env } from '@/lib/env';
import { startReminderScheduler } from '@/lib/reminders/scheduler';
import { guardNodeServers } from '@/lib/server/guard';
import { shutDownGracefully } from '@/lib/server/shutdown';

// What a server process does once, before its first request (instrumentation.ts): refuse a bad
// environment, then install two patches on Node itself, because Next gives no hook for either:
// `http.Server.prototype.emit` (lib/server/guard.ts: odd methods, undecodable paths, cross-site
// posts to pages, each page's CSP nonce) and, on SIGTERM/SIGINT, `process.exit`
// (lib/server/shutdown.ts: the pool closes before the process ends).

try {
  env();
  // A server signs sessions: no secret, or the development one outside `next dev`, and it stops.
  authSecret();
} catch (err) {
  // One line naming the variable, then stop: a server with a weak secret must not serve.
  console.error((err as Error).message);
  process.exit(1);
}

shutDownGracefully();
guardNodeServers();

// Reminders fire from this process (`npm start`, `npm run dev`); on Vercel a function lives only
// for its requests, and Cron calls /api/cron/reminders instead.
if (!process.env.VERCEL) startReminderScheduler();
