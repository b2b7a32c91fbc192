import 'server-only';
import { DrizzleQueryError } from 'drizzle-orm';

// By shape as well as by class: the database handle lives on globalThis, so a query can throw
// the DrizzleQueryError of another bundle layer's copy of drizzle-orm (server actions do).
function isDrizzleQueryError(err: unknown): err is DrizzleQueryError {
  return err instanceof DrizzleQueryError || (err instanceof Error && typeof (err as DrizzleQueryError).query === 'string' && 'params' in err);
}

/** The innermost driver error: Drizzle wraps what pg, Neon and PGlite throw. */
export function driverError(err: unknown): (Error & { code?: string }) | undefined {
  let e: unknown = err;
  while (isDrizzleQueryError(e) && e.cause) e = e.cause;
  return e instanceof Error ? (e as Error & { code?: string }) : undefined;
}

/** The SQLSTATE of a failed query (`23505` unique violation, …), if the server sent one. */
export function sqlState(err: unknown): string | undefined {
  const code = driverError(err)?.code;
  return code && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

// 40P01 deadlock_detected, 40001 serialization_failure: PostgreSQL rolled the transaction back
// to break a cycle of waits; the same work, run again, succeeds.
const RETRYABLE_STATES = new Set(['40P01', '40001']);

/** True when the whole transaction (or lone statement) was rolled back by the server and may simply be run again. */
export function isRetryable(err: unknown): boolean {
  const state = sqlState(err);
  return state !== undefined && RETRYABLE_STATES.has(state);
}

// 57014: the server cancelled a statement that ran past statement_timeout (lib/db/index.ts).
const UNAVAILABLE_STATES = new Set(['57P01', '57P02', '57P03', '53300', '57014']);
const UNAVAILABLE_ERRNOS = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN']);
const UNAVAILABLE_MESSAGES = [
  'timeout exceeded when trying to connect',
  // pg's and Neon's query_timeout: the connection is up but the server does not answer.
  'Query read timeout',
  'Connection terminated',
  'Client has encountered a connection error',
  'connection is closed',
  'WebSocket',
];

/** True when the database could not be reached (answer 503), not when a query was wrong. */
export function isDatabaseUnavailable(err: unknown): boolean {
  const e = driverError(err);
  if (!e) return false;
  const code = e.code ?? '';
  if (code.startsWith('08') || UNAVAILABLE_STATES.has(code) || UNAVAILABLE_ERRNOS.has(code)) return true;
  if (e instanceof AggregateError) return e.errors.some(isDatabaseUnavailable);
  return UNAVAILABLE_MESSAGES.some((m) => e.message.includes(m));
}

/** What may go to the server log about a failed query: never its parameters. */
export function describeDatabaseError(err: unknown): string {
  const e = driverError(err);
  const query = isDrizzleQueryError(err) ? ` in: ${err.query.slice(0, 200)}` : '';
  return `${e?.code ? `[${e.code}] ` : ''}${e?.message ?? String(err)}${query}`;
}
