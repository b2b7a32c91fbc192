/**
 * Manual order in the browser: which `POST …/tasks/{id}/move` body a drop or a keystroke
 * sends, and the list as it looks once the move is applied (for an optimistic update).
 *
 * A move names the neighbour the row landed beside, not an index: the view may be filtered or
 * only partly loaded, and another device may be reordering at the same time, so "after Pay
 * rent" keeps its meaning where "third" would not.
 */

/** The contract's move body: exactly one key. */
export type MoveRequest = { before: string } | { after: string } | { to: 'top' | 'bottom' };

/**
 * The move for a row dropped onto another (dnd-kit's `active` and `over`), or null when
 * nothing moves. Moving down, the row lands after the one it was dropped on; moving up,
 * before it: the order `arrayMove` from @dnd-kit/sortable shows while dragging.
 */
export function moveForDrop(ids: readonly string[], activeId: string, overId: string): MoveRequest | null {
  const from = ids.indexOf(activeId);
  const to = ids.indexOf(overId);
  if (from === -1 || to === -1 || from === to) return null;
  return to > from ? { after: overId } : { before: overId };
}

/** The move one place up (-1) or down (+1), or null at either end of the list. */
export function moveByOffset(ids: readonly string[], id: string, offset: -1 | 1): MoveRequest | null {
  const neighbour = ids[ids.indexOf(id) + offset];
  return ids.includes(id) && neighbour !== undefined ? moveForDrop(ids, id, neighbour) : null;
}

/** The list once `move` is applied; unchanged when `id` or the anchor is not in it. */
export function applyMove(ids: readonly string[], id: string, move: MoveRequest): string[] {
  if (!ids.includes(id)) return [...ids];
  const rest = ids.filter((other) => other !== id);
  if ('to' in move) return move.to === 'top' ? [id, ...rest] : [...rest, id];
  const anchor = 'before' in move ? move.before : move.after;
  const at = rest.indexOf(anchor);
  if (at === -1 || anchor === id) return [...ids];
  rest.splice('before' in move ? at : at + 1, 0, id);
  return rest;
}

/** Where the row sits after `move`, counted from 1, for announcements ("position 2 of 5"). */
export function positionAfter(ids: readonly string[], id: string, move: MoveRequest): number {
  return applyMove(ids, id, move).indexOf(id) + 1;
}
