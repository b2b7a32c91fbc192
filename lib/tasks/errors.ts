import 'server-only';
import { DomainError } from '@/lib/errors';

/** No task with this id belongs to the caller (another user's task is not found either). */
export class TaskNotFound extends DomainError {
  constructor() {
    super('Task not found');
  }
}

/** An `If-Match` write whose versions are all stale: `etag` is the task's current one. */
export class VersionConflict extends DomainError {
  constructor(readonly etag: string) {
    super('The task has changed since that version (If-Match); fetch it again');
  }
}

/** A list cursor made for another user, other filters or another sort, or not made by us. */
export class InvalidCursor extends DomainError {
  constructor() {
    super('is not a cursor of this list with these filters and sort; start again without it');
  }
}

/** A search that ran past its time bound: the text was built (or happens) to be slow to match. */
export class SearchTooSlow extends DomainError {
  constructor() {
    super('The search took too long; try fewer or more distinctive words');
  }
}

/** A write the stored task would not accept (a due_time on a task without a due_date, …). */
export class InvalidTaskFields extends DomainError {
  constructor(readonly errors: { path: string; message: string }[]) {
    super(errors.map((e) => `${e.path} ${e.message}`).join('; '));
  }
}

/** The account already holds the most tasks it may (drizzle/0008, task_counts). */
export class TaskLimitReached extends DomainError {
  constructor(readonly max: number) {
    super(`An account holds at most ${max} tasks; delete some first`);
  }
}

/** A move's anchor (`before`/`after`) is not one of the caller's tasks. */
export class MoveAnchorNotFound extends DomainError {
  constructor() {
    super('The anchor task was not found');
  }
}

/** A move names the task itself as its anchor. */
export class MoveAnchorIsTask extends DomainError {
  constructor(readonly field: 'before' | 'after') {
    super('must be another task than the one moved');
  }
}
