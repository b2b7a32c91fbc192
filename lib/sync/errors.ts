import 'server-only';
import { DomainError, InvalidFields } from '@/lib/errors';

/** A `since` that is not a feed cursor of this user (another user's, edited, made up). */
export class InvalidFeedCursor extends InvalidFields {
  constructor() {
    super([{ path: 'since', message: 'is not a changes cursor of this user; start again with a full sync (no since)' }]);
  }
}

/**
 * A cursor older than the deleted ids are kept, or from a database that was since restored to
 * an earlier state: the feed can no longer say what changed after it. `410`: sync in full.
 */
export class FeedCursorExpired extends DomainError {
  constructor() {
    super(410, 'This cursor has expired; start again with a full sync (no since)');
  }
}

/** The server is stopping: a new event stream is refused (`503`), and the client reconnects elsewhere. */
export class ShuttingDown extends DomainError {
  constructor() {
    super(503, 'The server is restarting; reconnect in a moment', { headers: { 'Retry-After': '2' } });
  }
}
