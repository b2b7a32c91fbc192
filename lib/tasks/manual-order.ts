import 'server-only';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { statementKind, preparedStatement } from '@/lib/db/prepared';
import { BOTTOM_POSITION, TOP_POSITION, tasks, users } from '@/lib/db/schema';
import { ownedByCaller, scopedStatement, type Scope } from '@/lib/scope/scope';
import { MoveAnchorIsTask, MoveAnchorNotFound } from '@/lib/tasks/errors';
import { positionBetween } from '@/lib/tasks/position';
import { taskColumns, writeTask, writeWhere, type TaskRow, type Versions } from '@/lib/tasks/rows';
import type { MoveTaskInput } from '@/lib/tasks/schemas';

// The manual order: a task moved to the top, the bottom, or next to another of the caller's
// tasks (lib/tasks/position.ts says how positions work).

const placeholder = sql.placeholder;

const lockUsersMoves = statementKind('lock_user_moves', (db, _shape: Record<never, never>, name) =>
  db.select({ id: users.id }).from(users).where(eq(users.id, placeholder('userId'))).for('no key update').prepare(name),
);

const selectAnchor = scopedStatement('get_move_anchor', (db, _shape: Record<never, never>, name) =>
  db.select({ position: tasks.position }).from(tasks).where(and(eq(tasks.id, placeholder('anchor')), ownedByCaller(tasks.userId))).limit(1).prepare(name),
);

/** The anchor's neighbour on the side the task goes to, the task itself left out. */
const selectNeighbour = scopedStatement('get_move_neighbour', (db, shape: { side: 'before' | 'after' }, name) => {
  const before = shape.side === 'before';
  return db
    .select({ position: tasks.position })
    .from(tasks)
    .where(
      and(
        ownedByCaller(tasks.userId),
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
  return db.update(tasks).set({ position }).where(writeWhere(shape.ifMatch)).returning(taskColumns(false)).prepare(name);
});

/**
 * Moves a task in the caller's manual order. Moves next to an anchor take turns per user (a lock
 * on the user row that creates do not wait for: FOR NO KEY UPDATE), so the anchor and its
 * neighbour stay neighbours until the task lands strictly between them; top and bottom come from
 * the sequence and need no turn. Concurrent moves always leave distinct positions.
 */
export async function moveTask(scope: Scope, id: string, move: MoveTaskInput, versions?: Versions): Promise<TaskRow> {
  const anchorId = move.before ?? move.after;
  if (anchorId !== undefined && anchorId.toLowerCase() === id.toLowerCase()) throw new MoveAnchorIsTask(move.before ? 'before' : 'after');
  let to: 'top' | 'bottom' | 'between' = move.to ?? 'between';
  if (anchorId === undefined) return writeTask(scope, moveTaskStatement, { to, ifMatch: Boolean(versions) }, id, versions, {});
  return scope.transaction(async (tx) => {
    await preparedStatement(tx, lockUsersMoves, {}).execute(scope.values);
    const [anchor] = await scope.run(selectAnchor, {}, { anchor: anchorId }, tx);
    if (!anchor) throw new MoveAnchorNotFound();
    const side = move.before ? 'before' : 'after';
    const [neighbour] = await scope.run(selectNeighbour, { side }, { id, anchorPosition: anchor.position }, tx);
    let position: string | undefined;
    if (!neighbour) to = side === 'before' ? 'top' : 'bottom';
    else position = side === 'before' ? positionBetween(neighbour.position, anchor.position) : positionBetween(anchor.position, neighbour.position);
    return writeTask(scope, moveTaskStatement, { to, ifMatch: Boolean(versions) }, id, versions, { position }, tx);
  });
}
