import 'server-only';
import { callerOf, confirmCaller } from '@/lib/auth/caller';
import {
  EmailTaken,
  HashingBusy,
  NotAuthenticated,
  NotYourTasks,
  SessionNotFound,
  SignInLockedOut,
  TooManyFromAddress,
  WrongCredentials,
  WrongPassword,
} from '@/lib/auth/errors';
import { describeDatabaseError, driverError, isDatabaseUnavailable, sqlState } from '@/lib/db/errors';
import { HttpError, problem } from '@/lib/http/problem';
import { IdempotencyKeyInProgress, IdempotencyKeyReused } from '@/lib/http/idempotency';
import { validationFailed } from '@/lib/http/validation';
import { LabelNameTaken, LabelNotFound, TooManyLabels } from '@/lib/labels/errors';
import {
  InvalidCursor,
  InvalidTaskFields,
  MoveAnchorIsTask,
  MoveAnchorNotFound,
  SearchTooSlow,
  TaskLimitReached,
  TaskNotFound,
  VersionConflict,
} from '@/lib/tasks/errors';
import { FeedCursorExpired, InvalidFeedCursor, ShuttingDown } from '@/lib/sync/errors';
import { ImportInvalid } from '@/lib/transfer/errors';

// The one place where what went wrong becomes a status code: domain errors (lib/auth, lib/tasks)
// and the request pipeline's own HttpErrors map to problem documents; anything else is a 503 or
// a 500, logged once with its cause.

const FOREIGN_KEY_VIOLATION = '23503';
// An insert by a revoked session: its owner is null (lib/auth/scope.ts `callerAsOwner`).
const NOT_NULL_VIOLATION = '23502';

const BEARER = { 'WWW-Authenticate': 'Bearer' };

/** The HttpError a known error answers with; undefined for an unexpected one. */
function knownError(err: unknown): HttpError | undefined {
  if (err instanceof HttpError) return err;
  if (err instanceof NotAuthenticated) return new HttpError(401, err.message, { headers: BEARER });
  if (err instanceof WrongCredentials) return new HttpError(401, err.message, { headers: BEARER });
  if (err instanceof NotYourTasks) return new HttpError(403, err.message);
  if (err instanceof TaskNotFound) return new HttpError(404, err.message);
  if (err instanceof MoveAnchorNotFound) return new HttpError(404, err.message);
  if (err instanceof LabelNotFound) return new HttpError(404, err.message);
  if (err instanceof SessionNotFound) return new HttpError(404, err.message);
  if (err instanceof EmailTaken) return new HttpError(409, err.message);
  if (err instanceof LabelNameTaken) return new HttpError(409, err.message);
  if (err instanceof IdempotencyKeyInProgress) return new HttpError(409, err.message, { headers: { 'Retry-After': '1' } });
  if (err instanceof VersionConflict) return new HttpError(412, err.message, { headers: { ETag: err.etag } });
  if (err instanceof InvalidCursor) return validationFailed([{ path: 'cursor', message: err.message }]);
  if (err instanceof InvalidFeedCursor) return validationFailed([{ path: 'since', message: err.message }]);
  if (err instanceof FeedCursorExpired) return new HttpError(410, err.message);
  if (err instanceof IdempotencyKeyReused) return new HttpError(422, err.message);
  if (err instanceof InvalidTaskFields) return validationFailed(err.errors);
  if (err instanceof TaskLimitReached) return new HttpError(422, err.message);
  if (err instanceof MoveAnchorIsTask) return validationFailed([{ path: err.field, message: err.message }]);
  if (err instanceof TooManyLabels) return validationFailed([{ path: 'name', message: err.message }]);
  if (err instanceof WrongPassword) return validationFailed([{ path: err.field, message: 'is incorrect' }]);
  if (err instanceof ImportInvalid) return new HttpError(422, err.message, { errors: err.errors });
  if (err instanceof SignInLockedOut) return new HttpError(429, err.message, { headers: { 'Retry-After': String(err.retryAfterSeconds) } });
  if (err instanceof TooManyFromAddress) return new HttpError(429, err.message, { headers: { 'Retry-After': String(err.retryAfterSeconds) } });
  if (err instanceof HashingBusy) return new HttpError(503, err.message, { headers: { 'Retry-After': '1' } });
  if (err instanceof ShuttingDown) return new HttpError(503, err.message, { headers: { 'Retry-After': '2' } });
  if (err instanceof SearchTooSlow) return new HttpError(503, err.message, { headers: { 'Retry-After': '1' } });
  return undefined;
}

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

/**
 * Whether `err` is an answer a revoked session or a deleted caller could also get: a client
 * error other than `401`, or a create that had no owner or that the foreign key refused. Not a
 * database outage: asking again would only double the wait for the 503.
 */
function mayHideGoneCaller(err: unknown, known: HttpError | undefined): boolean {
  if (known) return known.status !== 401;
  const state = sqlState(err);
  return state === FOREIGN_KEY_VIOLATION || state === NOT_NULL_VIOLATION;
}

/**
 * Turns anything a handler throws into the response the contract asks for. For a request
 * `requireCaller()` let through, the caller's session is confirmed first (on this error path
 * only), so a revoked session's still-valid token or cookie gets the `401` the contract puts
 * before all else.
 */
export async function errorResponse(err: unknown, request: Request): Promise<Response> {
  let failure = err;
  const caller = callerOf(request);
  if (caller && mayHideGoneCaller(err, knownError(err))) {
    try {
      await confirmCaller(caller);
    } catch (confirmation) {
      failure = confirmation;
    }
  }
  const known = knownError(failure);
  return known ? problem(known.status, known.detail, known.options) : unexpectedErrorResponse(failure, request);
}
