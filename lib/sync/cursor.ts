import 'server-only';
import { z } from 'zod';
import { decodeCursor, encodeCursor } from '@/lib/tasks/cursor';
import { InvalidFeedCursor } from '@/lib/sync/errors';

// A changes cursor, opaque to clients and signed (lib/tasks/cursor.ts): the snapshot the client's
// state is as of, and, between the pages of one answer, where that answer has got to.

const Snapshot = z.string().regex(/^\d+:\d+:(\d+(,\d+)*)?$/);
const Xid = z.string().regex(/^\d+$/);

/** A snapshot (`pg_current_snapshot()` as text) and when it was taken, in ms since the epoch. */
const TakenSnapshot = z.object({ s: Snapshot, t: z.number().int() });

const FeedPosition = z.object({
  /** feed cursors only: keeps a list cursor from being taken for one */
  k: z.literal('changes'),
  /** whose feed */
  u: z.uuid(),
  /** the snapshot the client is up to date with; absent during a full sync's pages */
  lo: TakenSnapshot.optional(),
  /** between the pages of one answer: the snapshot the answer reads as of… */
  hi: TakenSnapshot.optional(),
  /**
   * …and the last row sent: from the changed tasks, the tasks of projects joined in the window,
   * or the deleted ids; its change_xid (0 for a joined project's task, ordered by id alone) and id
   */
  after: z.object({ phase: z.enum(['tasks', 'joined', 'deleted']), xid: Xid, id: z.uuid() }).optional(),
});

export type FeedPosition = Omit<z.output<typeof FeedPosition>, 'k' | 'u'>;

/** Whose feed a cursor follows: a caller, or the scope of one. */
type FeedOwner = { readonly userId: string };

export function encodeFeedCursor(owner: FeedOwner, position: FeedPosition): string {
  return encodeCursor({ k: 'changes', u: owner.userId, ...position });
}

/** The position of a cursor this user was given; `InvalidFeedCursor` for anything else. */
export function decodeFeedCursor(owner: FeedOwner, cursor: string): FeedPosition {
  const parsed = FeedPosition.safeParse(decodeCursor(cursor));
  if (!parsed.success || parsed.data.u !== owner.userId) throw new InvalidFeedCursor();
  const { k: _kind, u: _user, ...position } = parsed.data;
  return position;
}
