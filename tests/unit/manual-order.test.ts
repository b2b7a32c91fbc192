import { arrayMove } from '@dnd-kit/sortable';
import { describe, expect, it } from 'vitest';
import { applyMove, moveByOffset, moveForDrop, positionAfter } from '@/lib/client/manual-order';

const ids = ['a', 'b', 'c', 'd', 'e'];

describe('moveForDrop', () => {
  it('moving down lands after the row it was dropped on', () => {
    expect(moveForDrop(ids, 'b', 'd')).toEqual({ after: 'd' });
    expect(moveForDrop(ids, 'a', 'b')).toEqual({ after: 'b' });
    expect(moveForDrop(ids, 'a', 'e')).toEqual({ after: 'e' });
  });

  it('moving up lands before the row it was dropped on', () => {
    expect(moveForDrop(ids, 'd', 'b')).toEqual({ before: 'b' });
    expect(moveForDrop(ids, 'e', 'a')).toEqual({ before: 'a' });
  });

  it('sends nothing for a drop in place or on a row it does not know', () => {
    expect(moveForDrop(ids, 'c', 'c')).toBeNull();
    expect(moveForDrop(ids, 'c', 'zz')).toBeNull();
    expect(moveForDrop(ids, 'zz', 'c')).toBeNull();
  });

  it('for every drop, the server ends with the order dnd-kit showed', () => {
    for (let from = 0; from < ids.length; from++) {
      for (let to = 0; to < ids.length; to++) {
        const id = ids[from]!;
        const move = moveForDrop(ids, id, ids[to]!);
        const shown = arrayMove(ids, from, to);
        if (move === null) expect(shown).toEqual(ids);
        else expect(applyMove(ids, id, move)).toEqual(shown);
      }
    }
  });
});

describe('moveByOffset (Alt+↑ and Alt+↓)', () => {
  it('moves one place, naming the row it passes', () => {
    expect(moveByOffset(ids, 'c', -1)).toEqual({ before: 'b' });
    expect(moveByOffset(ids, 'c', 1)).toEqual({ after: 'd' });
  });

  it('does nothing past either end, or for a row not in the list', () => {
    expect(moveByOffset(ids, 'a', -1)).toBeNull();
    expect(moveByOffset(ids, 'e', 1)).toBeNull();
    expect(moveByOffset(ids, 'zz', 1)).toBeNull();
    expect(moveByOffset(['a'], 'a', 1)).toBeNull();
  });
});

describe('applyMove', () => {
  it('applies each kind of move body', () => {
    expect(applyMove(ids, 'c', { to: 'top' })).toEqual(['c', 'a', 'b', 'd', 'e']);
    expect(applyMove(ids, 'c', { to: 'bottom' })).toEqual(['a', 'b', 'd', 'e', 'c']);
    expect(applyMove(ids, 'e', { before: 'a' })).toEqual(['e', 'a', 'b', 'c', 'd']);
    expect(applyMove(ids, 'a', { after: 'e' })).toEqual(['b', 'c', 'd', 'e', 'a']);
  });

  it('leaves the list as it was when the row or the anchor is missing, or the row is its own anchor', () => {
    expect(applyMove(ids, 'zz', { to: 'top' })).toEqual(ids);
    expect(applyMove(ids, 'a', { before: 'zz' })).toEqual(ids);
    expect(applyMove(ids, 'b', { after: 'b' })).toEqual(ids);
  });

  it('never loses or repeats a row', () => {
    for (const id of ids) {
      for (const anchor of ids) {
        for (const move of [{ before: anchor }, { after: anchor }]) {
          expect([...applyMove(ids, id, move)].sort()).toEqual(ids);
        }
      }
    }
  });
});

describe('positionAfter', () => {
  it('counts from 1', () => {
    expect(positionAfter(ids, 'e', { before: 'a' })).toBe(1);
    expect(positionAfter(ids, 'a', { after: 'c' })).toBe(3);
  });
});
