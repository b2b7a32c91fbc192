import 'server-only';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { BOTTOM_POSITION, TOP_POSITION, tasks } from '@/lib/db/schema';
import { positionBetween } from '@/lib/manual-order';
import { scopedStatement, visibleLists, visibleTask, type Scope } from '@/lib/scope/scope';
import { MoveAnchorInOtherList, MoveAnchorIsTask, MoveAnchorNotFound, TaskNotFound } from '@/lib/tasks/errors';
import { refusedWrite, selectVersion, taskColumns, writeTask, writeWhere, type TaskRow, type Versions } from '@/lib/tasks/rows';
import type { MoveTaskInput } from '@/lib/tasks/schemas';

// The manual order of each list: a task moved to the top, the bottom, or next to another task
// of its list (lib/manual-order.ts says how positions work).

const placeholder = sql.placeholder;

// Moves next to an anchor in one list take turns: an advisory lock on the anchor's list, taken
// by the statement that finds the anchor (creates, which land on top, do not wait for it).
const lockAnchorsList = scopedStatement('lock_move_list', (db, _shape: Record<never, never>, name) =>
  db
    .select({ listId: tasks.listId, locked: sql<string>`pg_advisory_xact_lock(hashtextextended('moves:' || ${tasks.listId}::text, 0))::text` })
    .from(tasks)
    .where(and(eq(tasks.id, placeholder('anchor')), visibleTask()))
    .limit(1)
    .prepare(name),
);

/** The anchor and the moved task, as they are once the list's moves are this one's turn. */
const selectAnchor = scopedStatement('get_move_anchor', (db, _shape: Record<never, never>, name) =>
  db
    .select({
      position: tasks.position,
      listId: tasks.listId,
      taskListId: sql<string | null>`(select "moved"."list_id" from ${tasks} "moved" where "moved"."id" = ${placeholder('id')} and "moved"."list_id" in ${visibleLists()})`,
    })
    .from(tasks)
    .where(and(eq(tasks.id, placeholder('anchor')), visibleTask()))
    .limit(1)
    .prepare(name),
);

/** The anchor's neighbour on the side the task goes to, in the anchor's list, the task itself left out. */
const selectNeighbour = scopedStatement('get_move_neighbour', (db, shape: { side: 'before' | 'after' }, name) => {
  const before = shape.side === 'before';
  return db
    .select({ position: tasks.position })
    .from(tasks)
    .where(
      and(
        eq(tasks.listId, placeholder('listId')),
        visibleTask(),
        sql`${tasks.position} ${sql.raw(before ? '<' : '>')} ${placeholder('anchorPosition')}`,
        sql`${tasks.id} <> ${placeholder('id')}`,
      ),
    )
    .orderBy(before ? desc(tasks.position) : asc(tasks.position))
    .limit(1)
    .prepare(name);
});

const moveTaskStatement = scopedStatement('move_task', (db, shape: { to: 'top' | 'bottom' | 'between'; ifMatch: boolean }, name) => {
  const position = shape.to === 'top' ? TOP_POSITION : shape.to === 'bottom' ? BOTTOM_POSITION : sql`${placeholder('position')}`;
  const sameList = shape.to === 'between' ? eq(tasks.listId, placeholder('listId')) : undefined;
  return db.update(tasks).set({ position }).where(and(writeWhere(shape.ifMatch), sameList)).returning(taskColumns()).prepare(name);
});

/**
 * Moves a task in its list's manual order. Moves next to an anchor take turns per list, so the
 * anchor and its neighbour stay neighbours until the task lands strictly between them; top and
 * bottom come from the sequence and need no turn. Concurrent moves always leave distinct positions.
 */
export async function moveTask(scope: Scope, id: string, move: MoveTaskInput, versions?: Versions): Promise<TaskRow> {
  const anchorId = move.before ?? move.after;
  if (anchorId !== undefined && anchorId.toLowerCase() === id.toLowerCase()) throw new MoveAnchorIsTask(move.before ? 'before' : 'after');
  let to: 'top' | 'bottom' | 'between' = move.to ?? 'between';
  if (anchorId === undefined) return writeTask(scope, moveTaskStatement, { to, ifMatch: Boolean(versions) }, id, versions, {});
  const side = move.before ? 'before' : 'after';
  return scope.transaction(async (tx) => {
    const [locked] = await scope.run(lockAnchorsList, {}, { anchor: anchorId }, tx);
    const [anchor] = locked ? await scope.run(selectAnchor, {}, { anchor: anchorId, id }, tx) : [];
    // The task's own 404 (and 403, 412) comes first.
    if (!anchor?.taskListId) {
      // The task's own 404 first.
      if (!anchor && (await scope.run(selectVersion, {}, { id }, tx)).length) throw new MoveAnchorNotFound();
      throw new TaskNotFound();
    }
    if (anchor.taskListId !== anchor.listId) throw new MoveAnchorInOtherList(side);
    const [neighbour] = await scope.run(selectNeighbour, { side }, { id, listId: anchor.listId, anchorPosition: anchor.position }, tx);
    let position: string | undefined;
    if (!neighbour) to = side === 'before' ? 'top' : 'bottom';
    else position = side === 'before' ? positionBetween(neighbour.position, anchor.position) : positionBetween(anchor.position, neighbour.position);
    const values = { id, position, listId: anchor.listId, versions: versions?.map((version) => version.toISOString()) };
    const [moved] = await scope.run(moveTaskStatement, { to, ifMatch: Boolean(versions) }, values, tx);
    // The task left the anchor's list meanwhile (a project change does not wait for the list's moves).
    return moved ?? refusedWrite(scope, id, versions, tx, new MoveAnchorInOtherList(side));
  });
}
