import 'server-only';
import { closeDatabase } from '@/lib/db';
import { stopReminderScheduler } from '@/lib/reminders/scheduler';
import { endEventStreams } from '@/lib/sync/events';

const POOL_CLOSE_TIMEOUT_MS = 5_000;

/**
 * Graceful shutdown. On SIGTERM or SIGINT, `next start` (and `next dev`) stop accepting
 * connections, let in-flight requests finish, then call `process.exit()`. The pool must outlive
 * those requests, and an 'exit' listener cannot wait for sockets to close, so this replaces
 * `process.exit` with one that first closes the pool, bounded in time. Open event streams are
 * in-flight requests that would never finish on their own: they end first (clients reconnect
 * to another instance, or to this one once it is back).
 */
export function shutDownGracefully(): void {
  // With NEXT_MANUAL_SIG_HANDLE, Next leaves the signals to the operator's own handler.
  if (process.env.NEXT_MANUAL_SIG_HANDLE) return;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, endEventStreams);
    process.once(signal, stopReminderScheduler);
    process.once(signal, closeDatabaseOnExit);
  }
}

let installed = false;
function closeDatabaseOnExit(): void {
  if (installed) return;
  installed = true;
  const exit = process.exit.bind(process);
  let exiting = false;
  process.exit = ((code?: number | string | null) => {
    if (exiting) return exit(code);
    exiting = true;
    const timeout = new Promise<'timeout'>((resolve) => setTimeout(resolve, POOL_CLOSE_TIMEOUT_MS, 'timeout').unref());
    void Promise.race([closeDatabase(), timeout])
      .then(
        (outcome) => console.log(`[server] shutting down: ${outcome === 'timeout' ? 'gave up closing the database connections' : 'database connections closed'}`),
        (err: unknown) => console.error(`[server] shutting down: closing the database failed: ${(err as Error).message}`),
      )
      .finally(() => exit(code));
  }) as typeof process.exit;
}
