import type { Seat } from '@cardtable/engine';
import { checkAction } from './decide/index.ts';
import { SLOT_INDEXES } from './hand.ts';
import type { GolfAction, GolfState } from './types.ts';

const NO_PAYLOAD = {} as Record<string, never>;

const TURN_CANDIDATES: readonly GolfAction[] = [
  { type: 'drawDeck', payload: NO_PAYLOAD },
  { type: 'takeDiscard', payload: NO_PAYLOAD },
  { type: 'knock', payload: NO_PAYLOAD },
  ...SLOT_INDEXES.map((slot): GolfAction => ({ type: 'flip', payload: { slot } })),
  ...SLOT_INDEXES.map((slot): GolfAction => ({ type: 'swap', payload: { slot } })),
  { type: 'discard', payload: NO_PAYLOAD },
  { type: 'returnDiscard', payload: NO_PAYLOAD },
  { type: 'skipFlip', payload: NO_PAYLOAD },
];

/** Every way to choose `count` distinct slots, each in ascending order. */
function slotCombinations(count: number, from = 0): number[][] {
  if (count === 0) return [[]];
  const combinations: number[][] = [];
  for (let slot = from; slot <= SLOT_INDEXES.length - count; slot++) {
    for (const rest of slotCombinations(count - 1, slot + 1)) combinations.push([slot, ...rest]);
  }
  return combinations;
}

/**
 * Every complete action `seat` may send now. Each candidate goes through the same check as
 * `decide`, so an action is accepted exactly when it is listed here.
 */
export function legalActions(state: GolfState, seat: Seat): GolfAction[] {
  const candidates: readonly GolfAction[] =
    state.phase.kind === 'initialFlip'
      ? slotCombinations(state.options.initialFlips).map((slots) => ({
          type: 'initialFlip',
          payload: { slots },
        }))
      : state.phase.kind === 'turn'
        ? TURN_CANDIDATES
        : [];
  return candidates.filter((action) => checkAction(state, seat, action).ok);
}

/** Seats that may act now: those owing initial flips, or the seat whose turn it is. */
export function activeSeats(state: GolfState): Seat[] {
  switch (state.phase.kind) {
    case 'initialFlip':
      return [...state.phase.pending];
    case 'turn':
      return [state.phase.seat];
    case 'waiting':
    case 'gameOver':
      return [];
  }
}
