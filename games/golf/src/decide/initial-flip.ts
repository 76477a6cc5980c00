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
  const invalid = (reason: string) =>
    reject('INVALID_INITIAL_FLIP', `Turn up exactly ${countOf(wanted)}: ${reason}`, {
      slots,
      expected: wanted,
    });
  if (slots.length !== wanted) return invalid(`you chose ${slots.length}.`);
  const outOfRange = slots.find((slot) => !isSlotIndex(slot));
  if (outOfRange !== undefined)
    return invalid(`there is no slot ${outOfRange} (slots are 0 to 5).`);
  if (new Set(slots).size !== slots.length) return invalid('each slot may be chosen only once.');

  const ordered = [...slots].sort((a, b) => a - b);
  const hand = handOf(state, seat);
  const cards = ordered.map((slot) => hand[slot]?.card as Card);
  return ok((emitter) =>
    emitter.emit({ type: 'initialFlipped', data: { seat, slots: ordered, cards } }),
  );
}

const countOf = (count: number) => `${count} different card${count === 1 ? '' : 's'}`;
