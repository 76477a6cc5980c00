import {
  applyAction,
  createRng,
  startMatch,
  type MatchConfig,
  type MatchState,
  type ReplayAction,
  type Resolution,
  type StepEvent,
} from '@cardtable/engine';
import {
  golf,
  type GolfAction,
  type GolfEvent,
  type GolfOptions,
  type GolfState,
} from '../../src/index.ts';
import { humanSeats } from '../support/seats.ts';
import type { TableSetup } from './arbitraries.ts';

type Match = MatchState<GolfState, GolfOptions>;
type GolfResolution = Resolution<GolfState, GolfAction, GolfEvent>;

export interface PlayedStep {
  before: Match;
  seat: number | null;
  action: GolfAction | null;
  resolution: GolfResolution;
  after: Match;
}

export interface PlayedMatch {
  config: MatchConfig<GolfOptions>;
  final: Match;
  events: StepEvent[];
  actions: ReplayAction[];
}

/** Generous: random play ends a hole in well under a hundred actions on average. */
const MAX_ACTIONS_PER_ROUND = 2_000;

/**
 * Plays a match to its end choosing uniformly among the active seats and their legal actions,
 * calling `onStep` for the opening deal and after every accepted action.
 */
export function playRandomMatch(
  table: TableSetup,
  onStep: (step: PlayedStep) => void = () => {},
): PlayedMatch {
  const config: MatchConfig<GolfOptions> = {
    options: table.options,
    seats: humanSeats(table.seats),
    seed: table.seed,
  };
  const chooser = createRng('random-play', table.playSeed);
  const started = startMatch(golf, config);
  const initial: Match = { config, state: golf.initialState(config), version: 0 };
  onStep({
    before: initial,
    seat: null,
    action: null,
    resolution: started.resolution,
    after: started.match,
  });
  let match = started.match;
  const events: StepEvent[] = [...started.resolution.steps];
  const actions: ReplayAction[] = [];
  const limit = MAX_ACTIONS_PER_ROUND * table.options.rounds;

  while (golf.outcome(match.state) === null) {
    if (actions.length >= limit) throw new Error(`No end after ${limit} actions.`);
    const active = golf.activeSeats(match.state);
    if (active.length === 0) throw new Error('Nobody may act, yet the match is not over.');
    const seat = active[chooser.int(0, active.length - 1)] as number;
    const legal = golf.legalActions(match.state, seat);
    if (legal.length === 0) throw new Error(`Seat ${seat} is active but has no legal action.`);
    const action = legal[chooser.int(0, legal.length - 1)] as GolfAction;
    const actionId = `a${actions.length + 1}`;
    const applied = applyAction(golf, match, seat, action, actionId);
    if (!applied.ok) throw new Error(`A legal action was rejected: ${applied.error.message}`);
    onStep({
      before: match,
      seat,
      action,
      resolution: applied.value.resolution,
      after: applied.value.match,
    });
    match = applied.value.match;
    events.push(...applied.value.resolution.steps);
    actions.push({
      version: match.version,
      seat,
      actionId,
      type: action.type,
      payload: action.payload,
    });
  }
  return { config, final: match, events, actions };
}
