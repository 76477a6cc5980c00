import type { DecideContext, Game, GameAction, GameEvent, MatchConfig, Seat } from './game.ts';
import { fail, ok, type Result } from './result.ts';
import { opaqueIds, type OpaqueIds } from './opaque-ids.ts';
import { createRng, type Rng } from './rng.ts';

/** One step of a resolution: an event at (version, step). Steps of one action share a resolutionId. */
export interface StepEvent<E extends GameEvent = GameEvent> {
  version: number;
  step: number;
  resolutionId: string;
  type: E['type'];
  data: E['data'];
  requiresAck: boolean;
}

export type Cause<A extends GameAction = GameAction> =
  { kind: 'start' } | { kind: 'action'; seat: Seat; actionId: string; action: A };

/** What one accepted action (or the match start) produced, with the state after each step. */
export interface Resolution<S, A extends GameAction = GameAction, E extends GameEvent = GameEvent> {
  version: number;
  resolutionId: string;
  cause: Cause<A>;
  steps: StepEvent<E>[];
  /** `statesAfter[i]` is the state after `steps[i]`; used to project diffs, never stored. */
  statesAfter: S[];
}

export interface MatchState<S, O = unknown> {
  config: MatchConfig<O>;
  state: S;
  version: number;
}

export const resolutionIdFor = (version: number) => `r${version}`;

export function decideContext(seed: string, version: number): DecideContext {
  return { version, rng: stepRngs(seed, version), opaqueIds: stepIds(seed, version) };
}

/**
 * The generators of one resolution, by step. Made here rather than as an arrow in the context
 * literal: under tsx (esbuild keepNames) an arrow assigned to a property is renamed with a
 * defineProperty call each time it is made (as slow as bind), and every action makes a context.
 */
function stepRngs(seed: string, version: number): (step: number) => Rng {
  return (step) => createRng(seed, version, step);
}

function stepIds(seed: string, version: number): (step: number) => OpaqueIds {
  return (step) => opaqueIds(seed, version, step);
}

/** Creates a match at version 0 and plays its opening resolution (version 1). */
export function startMatch<S, A extends GameAction, E extends GameEvent, O>(
  game: Game<S, A, E, O>,
  config: MatchConfig<O>,
): { match: MatchState<S, O>; resolution: Resolution<S, A, E> } {
  const initial = game.initialState(config);
  const events = game.start(initial, decideContext(config.seed, 1));
  return resolve(game, { config, state: initial, version: 0 }, events, { kind: 'start' });
}

/** Decides an action for a seat; on success returns the next match state and its resolution. */
export function applyAction<S, A extends GameAction, E extends GameEvent, O>(
  game: Game<S, A, E, O>,
  match: MatchState<S, O>,
  seat: Seat,
  action: A,
  actionId: string,
): Result<{ match: MatchState<S, O>; resolution: Resolution<S, A, E> }> {
  if (game.outcome(match.state) !== null) return fail('MATCH_OVER', 'The match is over.');
  if (!game.activeSeats(match.state).includes(seat)) {
    return fail('NOT_YOUR_TURN', 'It is not your turn.', { seat });
  }
  const version = match.version + 1;
  const decided = game.decide(match.state, seat, action, decideContext(match.config.seed, version));
  if (!decided.ok) return decided;
  return ok(resolve(game, match, decided.value, { kind: 'action', seat, actionId, action }));
}

function resolve<S, A extends GameAction, E extends GameEvent, O>(
  game: Game<S, A, E, O>,
  match: MatchState<S, O>,
  events: E[],
  cause: Cause<A>,
): { match: MatchState<S, O>; resolution: Resolution<S, A, E> } {
  const version = match.version + 1;
  const resolutionId = resolutionIdFor(version);
  const statesAfter: S[] = [];
  let state = match.state;
  const steps = events.map((event, index): StepEvent<E> => {
    state = game.evolve(state, event);
    statesAfter.push(state);
    return {
      version,
      step: index + 1,
      resolutionId,
      type: event.type,
      data: event.data,
      requiresAck: game.requiresAck(event),
    };
  });
  return {
    match: { config: match.config, state, version },
    resolution: { version, resolutionId, cause, steps, statesAfter },
  };
}

/** The event a step carries, as the game's own event type. */
export const eventOf = <E extends GameEvent>(step: StepEvent<E>): E =>
  ({ type: step.type, data: step.data }) as E;
