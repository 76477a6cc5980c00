import { createRng, seatViewer, type Seat } from '@cardtable/engine';
import { legalActions } from '../legal.ts';
import type { GolfAction, GolfState } from '../types.ts';
import { view } from '../view.ts';
import { chooseAction } from './choose.ts';
import { TIMEOUT_PROFILE } from './profiles.ts';

/**
 * The move played for a seat whose turn timer ran out: the steady profile decides from that
 * seat's view and legal actions, with randomness derived from the table so the move is
 * deterministic.
 */
export function cpuTimeoutAction(state: GolfState, seat: Seat): GolfAction | null {
  const legal = legalActions(state, seat);
  if (legal.length === 0) return null;
  const rng = createRng('timeout', state.round, seat, state.deck.length, state.discard.length);
  return chooseAction({
    view: view(state, seatViewer(seat)),
    legal,
    seat,
    profile: TIMEOUT_PROFILE,
    rng,
  });
}
