import { ok, type Result, type Seat } from '@cardtable/engine';
import { reject } from '../errors.ts';
import { handOf, isSlotIndex } from '../hand.ts';
import type { Card, GolfState } from '../types.ts';
import type { Play } from './emitter.ts';

/**
 * A player's initial flips: exactly `initialFlips` distinct slots in 0..5, once. An invalid
 * submission is rejected whole. The slots are a set: the event lists them in ascending order.
 */
export function initialFlip(state: GolfState, seat: Seat, slots: readonly number[]): Result<Play> {
  const wanted = state.options.initialFlips;
  if (slots.length !== wanted) return invalid(slots, wanted, `you chose ${slots.length}.`);
  const outOfRange = slots.find((slot) => !isSlotIndex(slot));
  if (outOfRange !== undefined)
    return invalid(slots, wanted, `there is no slot ${outOfRange} (slots are 0 to 5).`);
  const ordered = slots.slice().sort(ascending);
  // Once sorted, a slot chosen twice sits next to itself.
  if (ordered.some((slot, index) => index > 0 && slot === ordered[index - 1]))
    return invalid(slots, wanted, 'each slot may be chosen only once.');

  const hand = handOf(state, seat);
  const cards = ordered.map((slot) => hand[slot]?.card as Card);
  return ok((emitter) =>
    emitter.emit({ type: 'initialFlipped', data: { seat, slots: ordered, cards } }),
  );
}

const ascending = (a: number, b: number) => a - b;

const invalid = (slots: readonly number[], wanted: number, reason: string) =>
  reject('INVALID_INITIAL_FLIP', `Turn up exactly ${countOf(wanted)}: ${reason}`, {
    slots,
    expected: wanted,
  });

const countOf = (count: number) => `${count} different card${count === 1 ? '' : 's'}`;
