import 'server-only';
import { DomainError, InvalidFields, type FieldError } from '@/lib/errors';

/** No task with this id belongs to the caller (another user's task is not found either). */
export class TaskNotFound extends DomainError {
  constructor() {
    super(404, 'Task not found');
  }
}

/** An `If-Match` write whose versions are all stale: `etag` is the task's current one. */
export class VersionConflict extends DomainError {
  constructor(readonly etag: string) {
    super(412, 'The task has changed since that version (If-Match); fetch it again', { headers: { ETag: etag } });
  }
}

/** A list cursor made for another user, other filters or another sort, or not made by us. */
export class InvalidCursor extends InvalidFields {
  constructor() {
    super([{ path: 'cursor', message: 'is not a cursor of this list with these filters and sort; start again without it' }]);
  }
}

/** A search that ran past its time bound: the text was built (or happens) to be slow to match. */
export class SearchTooSlow extends DomainError {
  constructor() {
    super(503, 'The search took too long; try fewer or more distinctive words', { headers: { 'Retry-After': '1' } });
  }
}

/** A write the stored task would not accept (a due_time on a task without a due_date, …). */
export class InvalidTaskFields extends InvalidFields {
  constructor(errors: FieldError[]) {
    super(errors);
  }
}

/** The account already holds the most tasks it may (drizzle/0008, task_counts). */
export class TaskLimitReached extends DomainError {
  constructor(readonly max: number) {
    super(422, `An account holds at most ${max} tasks; delete some first`);
  }
}

/** A `parent_id` the caller cannot see (another user's task answers the same). */
export class ParentNotFound extends DomainError {
  constructor() {
    super(404, 'The parent task was not found');
  }
}

/** A `parent_id` in another list than the task (its project, or the Inbox it is in). */
export class ParentInOtherList extends InvalidFields {
  constructor() {
    super([{ path: 'parent_id', message: 'must be a task of the same list (the Inbox or the same project)' }]);
  }
}

/** A move's anchor (`before`/`after`) is not a task the caller can see. */
export class MoveAnchorNotFound extends DomainError {
  constructor() {
    super(404, 'The anchor task was not found');
  }
}

/** A move's anchor is in another list than the task. */
export class MoveAnchorInOtherList extends InvalidFields {
  constructor(field: 'before' | 'after') {
    super([{ path: field, message: 'must be a task of the same list (the Inbox or the same project)' }]);
  }
}

/** A move names the task itself as its anchor. */
export class MoveAnchorIsTask extends InvalidFields {
  constructor(field: 'before' | 'after') {
    super([{ path: field, message: 'must be another task than the one moved' }]);
  }
}
