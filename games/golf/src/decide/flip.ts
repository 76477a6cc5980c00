import { ok, type Result, type Seat } from '@cardtable/engine';
import { reject } from '../errors.ts';
import { handOf } from '../hand.ts';
import type { Card, FlipReason, GolfState } from '../types.ts';
import type { Play } from './emitter.ts';
import { checkFaceDownSlot } from './slots.ts';
import { endTurn } from './turn-end.ts';

/** Turn up one of your face-down cards (the flip step after a discard, or flip as a turn). */
export function flip(
  state: GolfState,
  seat: Seat,
  slot: number,
  reason: Extract<FlipReason, 'afterDiscard' | 'flipAction'>,
): Result<Play> {
  const checked = checkFaceDownSlot(state, seat, slot);
  if (!checked.ok) return checked;
  const card = handOf(state, seat)[slot]?.card as Card;
  return ok((emitter) => {
    emitter.emit({ type: 'cardFlipped', data: { seat, slot, card, reason } });
    endTurn(emitter, seat);
  });
}

/** Decline an optional flip (flipMode endgame); an owed flip (flipMode always) cannot be skipped. */
export function skipFlip(seat: Seat, optional: boolean): Result<Play> {
  if (!optional) {
    return reject('FLIP_REQUIRED', 'In Speed Golf you must flip one of your face-down cards now.');
  }
  return ok((emitter) => {
    emitter.emit({ type: 'flipSkipped', data: { seat } });
    endTurn(emitter, seat);
  });
}
