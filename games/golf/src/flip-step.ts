import type { Seat } from '@cardtable/engine';
import { faceDownSlots, handOf } from './hand.ts';
import type { GolfState, TurnStep } from './types.ts';

/**
 * Under flipMode `endgame` the optional flip is offered while any player has at most one
 * face-down card, which always holds in the final turn phase (the finisher has none).
 */
export const isEndgame = (state: GolfState): boolean =>
  state.finisher !== null || state.players.some((player) => faceDownSlots(player.hand).length <= 1);

/** The flip step that follows discarding a deck draw, or null when the turn simply ends. */
export function flipStepAfterDiscard(
  state: GolfState,
  seat: Seat,
): Extract<TurnStep, { kind: 'awaitingFlip' }> | null {
  if (faceDownSlots(handOf(state, seat)).length === 0) return null;
  switch (state.options.flipMode) {
    case 'never':
      return null;
    case 'always':
      return { kind: 'awaitingFlip', optional: false };
    case 'endgame':
      return isEndgame(state) ? { kind: 'awaitingFlip', optional: true } : null;
  }
}
