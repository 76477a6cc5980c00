import type { Seat } from '@cardtable/engine';
import { handOf, isAllFaceUp, nextSeat } from '../hand.ts';
import type { Emitter } from './emitter.ts';
import { endRound } from './round.ts';

/**
 * What follows every turn: going out (the first player to end a turn with six face-up cards),
 * or, in the final turn phase, turning up the rest of this player's cards; then the turn
 * passes, or the round ends when play would return to the finisher.
 */
export function endTurn(emitter: Emitter, seat: Seat): void {
  const hand = handOf(emitter.state, seat);
  if (emitter.state.finisher === null) {
    if (isAllFaceUp(hand)) emitter.emit({ type: 'wentOut', data: { seat } });
  } else {
    // Only seats owed a final turn play once someone has gone out: this was that turn.
    hand.forEach(({ card, faceUp }, slot) => {
      if (!faceUp)
        emitter.emit({ type: 'cardFlipped', data: { seat, slot, card, reason: 'finalTurn' } });
    });
  }
  const { finisher, finalTurnsLeft, seatCount } = emitter.state;
  if (finisher === null) {
    emitter.emit({ type: 'turnPassed', data: { from: seat, to: nextSeat(seat, seatCount) } });
    return;
  }
  const next = finalTurnsLeft.find((owed) => owed !== seat);
  if (next === undefined) endRound(emitter, 'finalTurnsDone');
  else emitter.emit({ type: 'turnPassed', data: { from: seat, to: next } });
}
