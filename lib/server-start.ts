import 'server-only';
import { closeDatabase } from '@/lib/db';
import { authSecret, env } from '@/lib/env';
import { refuseOddMethods } from '@/lib/http/odd-methods';
import { endEventStreams } from '@/lib/sync/events';

try {
  env();
  // A server signs sessions: no secret, or the development one outside `next dev`, and it stops.
  authSecret();
} catch (err) {
  // One line naming the variable, then stop: a server with a weak secret must not serve.
  console.error((err as Error).message);
  process.exit(1);
}

const POOL_CLOSE_TIMEOUT_MS = 5_000;

/**
 * Graceful shutdown. On SIGTERM or SIGINT, `next start` (and `next dev`) stop accepting
 * connections, let in-flight requests finish, then call `process.exit()`. The pool must
 * outlive those requests, and an 'exit' listener cannot wait for sockets to close, so the
 * pool is closed inside that final `process.exit()`, bounded in time.
 */
let installed = false;
function closeDatabaseBeforeExit(): void {
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

// With NEXT_MANUAL_SIG_HANDLE, Next leaves the signals to the operator's own handler.
// Open event streams are in-flight requests that would never finish on their own: they end
// first (clients reconnect to another instance, or to this one once it is back).
if (!process.env.NEXT_MANUAL_SIG_HANDLE) {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, endEventStreams);
    process.once(signal, closeDatabaseBeforeExit);
  }
}

refuseOddMethods();
