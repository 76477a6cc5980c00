import { ok, type Result, type Seat } from '@cardtable/engine';
import { reject } from '../errors.ts';
import { faceDownSlots, handOf } from '../hand.ts';
import type { Card, GolfState } from '../types.ts';
import type { Play } from './emitter.ts';
import { endTurn } from './turn-end.ts';

/**
 * Early knock (house rule knockEarly): before drawing, with exactly 1 or 2 face-down cards,
 * turn them all up; the turn ends with six face-up cards, so the knocker may go out.
 */
export function knock(state: GolfState, seat: Seat): Result<Play> {
  if (!state.options.knockEarly) {
    return reject('KNOCK_NOT_ALLOWED', 'Early knocking is not a rule at this table.');
  }
  const hand = handOf(state, seat);
  const slots = faceDownSlots(hand);
  if (slots.length < 1 || slots.length > 2) {
    return reject(
      'KNOCK_NOT_ALLOWED',
      `You may knock only with 1 or 2 face-down cards; you have ${slots.length}.`,
      { faceDown: slots.length },
    );
  }
  return ok((emitter) => {
    for (const slot of slots) {
      const card = hand[slot]?.card as Card;
      emitter.emit({ type: 'cardFlipped', data: { seat, slot, card, reason: 'knock' } });
    }
    endTurn(emitter, seat);
  });
}
