import type { Seat } from '@cardtable/engine';
import { checkAction } from './decide/index.ts';
import { SLOT_INDEXES } from './hand.ts';
import type { GolfAction, GolfState, TurnStep } from './types.ts';

const NO_PAYLOAD = {} as Record<string, never>;

/**
 * Every complete turn action, in the order legal actions are listed. Listed actions are these
 * very objects, shared by every call: nothing may change them.
 */
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

/** The turn actions of these types, in the order above. */
const ofTypes = (...types: GolfAction['type'][]): readonly GolfAction[] =>
  TURN_CANDIDATES.filter((action) => types.includes(action.type));

/**
 * The turn actions worth checking at each turn step: those of the step's types. Only a
 * shortlist: `checkAction` still decides which of them are legal, but the actions of other
 * steps (always rejected there) are no longer checked one by one.
 */
const STEP_CANDIDATES: Record<TurnStep['kind'], readonly GolfAction[]> = {
  awaitingDraw: ofTypes('drawDeck', 'takeDiscard', 'knock', 'flip'),
  holding: ofTypes('swap', 'discard', 'returnDiscard'),
  awaitingFlip: ofTypes('flip', 'skipFlip'),
};

/** Every way to choose `count` distinct slots, each in ascending order. */
function slotCombinations(count: number, from = 0): number[][] {
  if (count === 0) return [[]];
  const combinations: number[][] = [];
  for (let slot = from; slot <= SLOT_INDEXES.length - count; slot++) {
    for (const rest of slotCombinations(count - 1, slot + 1)) combinations.push([slot, ...rest]);
  }
  return combinations;
}

/** The initial flips for each `initialFlips` option (0 to 2), built once and shared alike. */
const INITIAL_FLIP_CANDIDATES: readonly (readonly GolfAction[])[] = [0, 1, 2].map((count) =>
  slotCombinations(count).map((slots): GolfAction => ({ type: 'initialFlip', payload: { slots } })),
);

function candidatesFor(state: GolfState): readonly GolfAction[] {
  const { phase } = state;
  switch (phase.kind) {
    case 'initialFlip':
      return INITIAL_FLIP_CANDIDATES[state.options.initialFlips] ?? [];
    case 'turn':
      return STEP_CANDIDATES[phase.step.kind];
    case 'waiting':
    case 'gameOver':
      return [];
  }
}

/**
 * Every complete action `seat` may send now. Each candidate goes through the same check as
 * `decide`, so an action is accepted exactly when it is listed here.
 */
export function legalActions(state: GolfState, seat: Seat): GolfAction[] {
  if (!activeSeats(state).includes(seat)) return [];
  return candidatesFor(state).filter((action) => checkAction(state, seat, action).ok);
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
