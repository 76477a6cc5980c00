import type { Game, MatchConfig } from '@cardtable/engine';
import { cpuTimeoutAction, golfCpu } from './cpu/index.ts';
import { decide, start } from './decide/index.ts';
import { evolve } from './evolve.ts';
import { activeSeats, legalActions } from './legal.ts';
import { MAX_SEATS, MIN_SEATS, parseOptions } from './options.ts';
import { outcome } from './outcome.ts';
import { parseAction } from './parse-action.ts';
import type { GolfAction, GolfEvent, GolfOptions, GolfState, GolfView } from './types.ts';
import { projectEvent, view } from './view.ts';

/** The state before the first deal: every player at 0 with an empty hand. */
export function initialState(config: MatchConfig<GolfOptions>): GolfState {
  return {
    options: config.options,
    seatCount: config.seats.length,
    round: 0,
    dealer: 0,
    deck: [],
    discard: [],
    players: config.seats.map(() => ({ hand: [], total: 0, holesWon: 0 })),
    phase: { kind: 'waiting' },
    finisher: null,
    finalTurnsLeft: [],
    rounds: [],
  };
}

/** The beats a renderer animates: cards moving or turning, deals and scores. */
const ACK_EVENTS: ReadonlySet<GolfEvent['type']> = new Set([
  'roundDealt',
  'initialFlipped',
  'deckDrawn',
  'discardTaken',
  'discardReturned',
  'cardSwapped',
  'cardDiscarded',
  'cardFlipped',
  'deckReshuffled',
  'wentOut',
  'roundEnded',
]);

export const golf: Game<GolfState, GolfAction, GolfEvent, GolfOptions, GolfView> = {
  name: 'golf',
  version: '1.0.0',
  seats: { min: MIN_SEATS, max: MAX_SEATS },
  parseOptions,
  parseAction,
  initialState,
  start,
  decide,
  evolve,
  view,
  projectEvent,
  legalActions,
  activeSeats,
  outcome,
  requiresAck: (event) => ACK_EVENTS.has(event.type),
  timeoutAction: cpuTimeoutAction,
  // The hole tally: nobody's clock runs while the table shows it.
  pauseAfter: ['roundEnded'],
  cpu: golfCpu,
};
