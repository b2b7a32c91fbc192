import 'server-only';
import { describeDatabaseError, driverError, isDatabaseUnavailable } from '@/lib/db/errors';
import { DomainError } from '@/lib/errors';
import { problem } from '@/lib/http/problem';

// The one place where what went wrong becomes a response: an error that knows its status (every
// DomainError, lib/errors.ts) is answered as a problem document; anything else is a 503 or a
// 500, logged once with its cause.

function unexpectedErrorResponse(err: unknown, request: Request): Response {
  const where = `${request.method} ${new URL(request.url).pathname}`;
  if (isDatabaseUnavailable(err)) {
    console.error(`[api] ${where}: database unavailable: ${describeDatabaseError(err)}`);
    return problem(503, 'The database is unavailable; try again shortly', { headers: { 'Retry-After': '5' } });
  }
  // The driver's error, not Drizzle's wrapper: the wrapper's message lists the query's parameters.
  const cause = driverError(err);
  console.error(`[api] ${where} failed: ${describeDatabaseError(err)}\n${cause?.stack ?? ''}`);
  return problem(500, 'Something went wrong on our side');
}

/** Turns anything a handler throws into the response the contract asks for. */
export function errorResponse(err: unknown, request: Request): Response {
  return err instanceof DomainError ? problem(err.status, err.message, err.options) : unexpectedErrorResponse(err, request);
}
