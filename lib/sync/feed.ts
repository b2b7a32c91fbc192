import 'server-only';
import { and, asc, eq, not, sql, type SQL } from 'drizzle-orm';
import { projectMembers, tasks, tombstones } from '@/lib/db/schema';
import { currentSnapshot } from '@/lib/db/snapshot';
import { projectsChangedIn, type ProjectRow } from '@/lib/projects/queries';
import { liveSession, ownedByCaller, scopedStatement, visibleLists, type Scope } from '@/lib/scope/scope';
import { taskColumns, type TaskRow } from '@/lib/tasks/rows';
import { decodeFeedCursor, encodeFeedCursor, type FeedPosition } from '@/lib/sync/cursor';
import { FeedCursorExpired } from '@/lib/sync/errors';

/*
 * The changes feed: what changed in the caller's tasks since a cursor, without ever missing or
 * repeating a change while other requests write concurrently.
 *
 * Why not a sequence. A writer takes its number when it writes and becomes visible when it
 * commits, and the two orders differ: number 7 can commit after number 8 was read, and a reader
 * that moved its cursor past 8 never sees 7.
 *
 * What instead. Every task row carries `change_xid`, the id of the transaction that last wrote
 * it (drizzle/0007: the column's default on insert, a trigger on update; deletes leave a
 * tombstone stamped the same way). A cursor holds a PostgreSQL snapshot, `lo`: the exact set of
 * transactions that had committed when the client's state was read (`pg_current_snapshot()`:
 * xmin, xmax and the list in progress). An answer reads as of a newer snapshot `hi` and returns
 * the rows whose transaction is visible in `hi` but not in `lo`: committed after the client's
 * read, before this one. Snapshots are ordered by commit, not by number, so:
 * - a transaction that was in progress at `lo` is not visible in `lo`; once committed, the next
 *   answer returns its rows, whatever its number;
 * - one still in progress at `hi` is not returned now, and `hi` becomes the next `lo`, in which
 *   it is not visible either: the answer after its commit returns it;
 * - a row changed twice is returned once, as it is now (a row's xid is its latest writer's).
 * Consecutive windows (lo, hi], (hi, hi'] … partition every commit, so following the feed from
 * any cursor ends in the state a full list shows. The property test in
 * tests/property/changes-feed.test.ts checks it against concurrent writers, and
 * tests/api/changes-feed-commit-order.pg.test.ts the out-of-order commit itself.
 *
 * Pages. An answer past `limit` rows keeps its `hi` in the cursor and goes on after the last row
 * sent, in (change_xid, id) order: changed tasks first, then deleted ids. A later page runs in a
 * newer statement, so its rows are still bounded by `hi`; a row written again since then has
 * left this window and is in the next one.
 *
 * Deleted ids are kept 31 days (the trigger and the cron purge remove older ones), so a cursor
 * older than 30 days answers 410, as does one whose snapshot is ahead of the database (a
 * database restored from a backup, or a preview branch reset): the client syncs in full again.
 */

/** A cursor lives this long; deleted ids are kept a day longer (drizzle/0007). */
export const FEED_RETENTION_MS = 30 * 24 * 60 * 60 * 1000;

export interface ChangesPage {
  changes: TaskRow[];
  deleted: string[];
  /** The projects of the window (on its first page): created, changed, joined or reordered. */
  projects: ProjectRow[];
  /** The projects the caller no longer sees (deleted, or left), on the window's first page. */
  deletedProjects: string[];
  cursor: string;
  more: boolean;
}

/** Which of the caller's tasks a page of the changes feed reads. */
interface ChangesWindow {
  /** The snapshot the client is up to date with (pg_snapshot text); none for a full sync. */
  lo?: string;
  /** The snapshot the answer reads as of. */
  hi: string;
  /** The last row of the previous page in this phase: its change_xid and id. */
  after?: { xid: string; id: string };
  limit: number;
}

const placeholder = sql.placeholder;
/** Written after snapshot `lo` (not visible in it); the xmin bound is implied, and lets an index skip everything older. */
const afterLo = (xid: SQL) =>
  sql`${xid} >= pg_snapshot_xmin(${placeholder('lo')}::pg_snapshot) and not pg_visible_in_snapshot(${xid}, ${placeholder('lo')}::pg_snapshot)`;
/** …and by `hi`: a write committed since (the statement's snapshot is newer) waits for the next answer. */
const byHi = (xid: SQL) => sql`pg_visible_in_snapshot(${xid}, ${placeholder('hi')}::pg_snapshot)`;

/**
 * The projects the caller joined inside the window (accepted an invitation, or was made a
 * member): every task of theirs is new to the caller, however long ago it was written.
 */
const joinedInWindow = () =>
  sql`(select ${projectMembers.projectId} from ${projectMembers} where ${projectMembers.userId} = ${placeholder('userId')}
    and ${afterLo(sql`${projectMembers.joinedXid}`)} and ${byHi(sql`${projectMembers.joinedXid}`)})`;

const changedTasksStatement = scopedStatement('changed_tasks', (db, shape: { since: boolean; after: boolean }, name) =>
  db
    .select(taskColumns())
    .from(tasks)
    .where(
      and(
        // Every list the caller sees (the session's check is the tombstones' statement's), but
        // the projects they joined in the window: those come whole, in the next phase.
        sql`${tasks.listId} in ${visibleLists()}`,
        liveSession(),
        shape.since ? afterLo(sql`${tasks.changeXid}`) : undefined,
        shape.since ? sql`${tasks.listId} not in ${joinedInWindow()}` : undefined,
        byHi(sql`${tasks.changeXid}`),
        shape.after ? sql`(${tasks.changeXid}, ${tasks.id}) > (${placeholder('afterXid')}::xid8, ${placeholder('afterId')}::uuid)` : undefined,
      ),
    )
    .orderBy(tasks.changeXid, tasks.id)
    .limit(placeholder('limit'))
    .prepare(name),
);

// Every task of the projects joined in the window (as of `hi`), by id.
const joinedTasksStatement = scopedStatement('joined_tasks', (db, shape: { after: boolean }, name) =>
  db
    .select(taskColumns())
    .from(tasks)
    .where(
      and(
        sql`${tasks.listId} in ${joinedInWindow()}`,
        liveSession(),
        byHi(sql`${tasks.changeXid}`),
        shape.after ? sql`${tasks.id} > ${placeholder('afterId')}::uuid` : undefined,
      ),
    )
    .orderBy(tasks.id)
    .limit(placeholder('limit'))
    .prepare(name),
);

/**
 * Tombstones of what the caller sees again are left out (a task moved back, a project rejoined):
 * they are never taken back, because a write still running when one is taken back can make it
 * needed again (drizzle/0013). What the caller sees now came, or comes in the next window, as a
 * change or with a joined project.
 */
const seenAgain = (kind: 'task' | 'project') =>
  kind === 'task'
    ? sql`exists (select 1 from ${tasks} where ${tasks.id} = ${tombstones.id} and ${tasks.listId} in ${visibleLists()})`
    : sql`exists (select 1 from ${projectMembers} where ${projectMembers.projectId} = ${tombstones.id} and ${projectMembers.userId} = ${placeholder('userId')})`;

const deletedStatement = scopedStatement('deleted_rows', (db, shape: { after: boolean; kind: 'task' | 'project' }, name) =>
  db
    .select({ id: tombstones.id, changeXid: tombstones.changeXid })
    .from(tombstones)
    .where(
      and(
        ownedByCaller(tombstones.userId),
        eq(tombstones.kind, shape.kind),
        not(seenAgain(shape.kind)),
        afterLo(sql`${tombstones.changeXid}`),
        byHi(sql`${tombstones.changeXid}`),
        shape.after ? sql`(${tombstones.changeXid}, ${tombstones.id}) > (${placeholder('afterXid')}::xid8, ${placeholder('afterId')}::uuid)` : undefined,
      ),
    )
    .orderBy(asc(tombstones.changeXid), asc(tombstones.id))
    .limit(placeholder('limit'))
    .prepare(name),
);

type Phase = 'tasks' | 'joined' | 'deleted';
const PHASES: readonly Phase[] = ['tasks', 'joined', 'deleted'];

/** One phase's rows of the window, after the previous page's last row when it was of this phase. */
async function phaseRows(scope: Scope, phase: Phase, window: ChangesWindow): Promise<{ task?: TaskRow; id: string; changeXid: string }[]> {
  const values = { lo: window.lo ?? null, hi: window.hi, afterXid: window.after?.xid ?? null, afterId: window.after?.id ?? null, limit: window.limit };
  const after = window.after !== undefined;
  if (phase === 'tasks') {
    const rows = await scope.run(changedTasksStatement, { since: window.lo !== undefined, after }, values);
    return rows.map((task) => ({ task, id: task.id, changeXid: task.changeXid }));
  }
  if (phase === 'joined') {
    const rows = await scope.run(joinedTasksStatement, { after }, values);
    return rows.map((task) => ({ task, id: task.id, changeXid: '0' }));
  }
  return scope.run(deletedStatement, { after, kind: 'task' }, values);
}

/** xmax of a snapshot's text form: every transaction at or past it had not committed. */
const xmaxOf = (snapshot: string) => BigInt(snapshot.split(':')[1]!);

/**
 * One page of the caller's changes: a full sync without `since`, else what changed after it.
 * `since` is checked before anything is read: another user's or a tampered cursor is a 422,
 * an expired one a 410.
 */
export async function changesSince(scope: Scope, since: string | undefined, limit: number): Promise<ChangesPage> {
  const position: FeedPosition = since === undefined ? {} : decodeFeedCursor(scope, since);
  const now = await currentSnapshot();
  const { lo, after } = position;
  if (lo && (now.t - lo.t > FEED_RETENTION_MS || xmaxOf(lo.s) > xmaxOf(now.s))) throw new FeedCursorExpired();
  const hi = position.hi ?? now;

  // Changed tasks, then the tasks of projects joined in the window, then deleted ids; a full
  // sync lists what exists: it has joined nothing since and missed no deletion.
  const rows: { phase: Phase; task?: TaskRow; id: string; changeXid: string }[] = [];
  for (const phase of PHASES.slice(PHASES.indexOf(after?.phase ?? 'tasks'))) {
    if (!lo && phase !== 'tasks') break;
    const window = { lo: lo?.s, hi: hi.s, after: after?.phase === phase ? after : undefined, limit: limit + 1 - rows.length };
    rows.push(...(await phaseRows(scope, phase, window)).map((row) => ({ phase, ...row })));
    if (rows.length > limit) break;
  }
  // Projects are few (a user's sidebar): the window's first page carries them all.
  const firstPage = after === undefined;
  const projects = firstPage ? await projectsChangedIn(scope, lo?.s, hi.s) : [];
  const deletedProjects =
    firstPage && lo
      ? await scope.run(deletedStatement, { after: false, kind: 'project' }, { lo: lo.s, hi: hi.s, afterXid: null, afterId: null, limit: null })
      : [];
  const more = rows.length > limit;
  const sent = rows.slice(0, limit);
  const last = sent.at(-1);
  const cursor = !more
    ? encodeFeedCursor(scope, { lo: hi })
    : encodeFeedCursor(scope, { lo, hi, after: { phase: last!.phase, xid: last!.changeXid, id: last!.id } });
  const sentChanges = sent.flatMap((row) => (row.task ? [row.task] : []));
  const sentDeleted = sent.filter((row) => row.phase === 'deleted').map((row) => row.id);
  return {
    changes: sentChanges,
    deleted: sentDeleted,
    projects,
    deletedProjects: deletedProjects.map((row) => row.id),
    cursor,
    more,
  };
}
