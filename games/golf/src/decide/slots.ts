import { ok, type Result, type Seat } from '@cardtable/engine';
import { reject } from '../errors.ts';
import { handOf, isSlotIndex } from '../hand.ts';
import type { GolfState } from '../types.ts';

/** A slot the player may turn up: it exists and is face down. */
export function checkFaceDownSlot(state: GolfState, seat: Seat, slot: number): Result<number> {
  const checked = checkSlot(slot);
  if (!checked.ok) return checked;
  if (handOf(state, seat)[slot]?.faceUp) {
    return reject('ALREADY_FACE_UP', `The card in slot ${slot} is already face up.`, { slot });
  }
  return ok(slot);
}

export function checkSlot(slot: number): Result<number> {
  if (!isSlotIndex(slot)) {
    return reject('SLOT_OUT_OF_RANGE', `There is no slot ${slot}: choose a slot from 0 to 5.`, {
      slot,
    });
  }
  return ok(slot);
}
