// The manual order of a list: tasks in the Inbox or a project, projects in a member's sidebar
// (docs/api.md, "Manual order"). A position is a string of base-62 digits compared
// as bytes (`COLLATE "C"`; `0-9A-Za-z` is ascending in ASCII) that never ends in the lowest
// digit, so there is always room between two positions:
// - the top is `TOP_POSITION` (lib/db/schema.ts): a later number of a sequence gives a smaller
//   key, so creates land on top with distinct keys and take no lock;
// - the bottom is `BOTTOM_POSITION` (beside it), above every top key and every key between two others;
// - between two neighbours, `positionBetween` (fractional indexing's midpoint), run while the
//   list's moves take turns, so nothing else can land between the same two neighbours.

const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/**
 * A key strictly between `a` and `b` (`a < b`, neither ending in `0`), as short as the gap
 * allows, and not ending in `0` either. After fractional-indexing's `midpoint`, without its
 * integer-part format: our keys have their own (see above).
 */
export function positionBetween(a: string, b: string | null): string {
  if (b !== null) {
    let n = 0;
    while ((a[n] ?? '0') === b[n]) n++;
    if (n > 0) return b.slice(0, n) + positionBetween(a.slice(n), b.slice(n));
  }
  const digitA = a ? DIGITS.indexOf(a[0]!) : 0;
  const digitB = b !== null ? DIGITS.indexOf(b[0]!) : DIGITS.length;
  if (digitB - digitA > 1) return DIGITS[Math.round((digitA + digitB) / 2)]!;
  // Adjacent digits: b's first digit alone is between when b goes on; else go one digit deeper.
  if (b !== null && b.length > 1) return b.slice(0, 1);
  return DIGITS[digitA]! + positionBetween(a.slice(1), null);
}
