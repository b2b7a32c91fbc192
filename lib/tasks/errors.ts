import 'server-only';

// What can go wrong with a task request, in the domain's words; lib/http/errors.ts alone turns
// each into a status code and a problem document.

/** No task with this id belongs to the caller (another user's task is not found either). */
export class TaskNotFound extends Error {
  constructor() {
    super('Task not found');
    this.name = 'TaskNotFound';
  }
}

/** An `If-Match` write whose versions are all stale: `etag` is the task's current one. */
export class VersionConflict extends Error {
  constructor(readonly etag: string) {
    super('The task has changed since that version (If-Match); fetch it again');
    this.name = 'VersionConflict';
  }
}

/** A list cursor made for another user, other filters or another sort, or not made by us. */
export class InvalidCursor extends Error {
  constructor() {
    super('is not a cursor of this list with these filters and sort; start again without it');
    this.name = 'InvalidCursor';
  }
}

/** The same `Idempotency-Key` came with a different request body. */
export class IdempotencyKeyReused extends Error {
  constructor() {
    super('This Idempotency-Key was already used with a different request body');
    this.name = 'IdempotencyKeyReused';
  }
}

/** The key's stored response expired while this request waited for it: a retry will do. */
export class IdempotencyKeyInProgress extends Error {
  constructor() {
    super('This Idempotency-Key changed hands while the request ran; retry it');
    this.name = 'IdempotencyKeyInProgress';
  }
}
