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
  /**
   * `statesAfter[i]` is the state after `steps[i]`; used to project diffs, never stored. When the
   * game handed its final state (`decideWithState`), the states before it are folded on first
   * read, so a host that never projects steps (a CPU batch, a replay) does not pay for them.
   */
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
  const ctx = decideContext(match.config.seed, version);
  const cause: Cause<A> = { kind: 'action', seat, actionId, action };
  if (game.decideWithState) {
    const decided = game.decideWithState(match.state, seat, action, ctx);
    if (!decided.ok) return decided;
    return ok(resolve(game, match, decided.value.events, cause, decided.value.state));
  }
  const decided = game.decide(match.state, seat, action, ctx);
  if (!decided.ok) return decided;
  return ok(resolve(game, match, decided.value, cause));
}

/** `decidedState`: the state after all `events`, when the game folded them as it decided. */
function resolve<S, A extends GameAction, E extends GameEvent, O>(
  game: Game<S, A, E, O>,
  match: MatchState<S, O>,
  events: E[],
  cause: Cause<A>,
  decidedState?: S,
): { match: MatchState<S, O>; resolution: Resolution<S, A, E> } {
  const version = match.version + 1;
  const resolutionId = resolutionIdFor(version);
  const steps = events.map((event, index): StepEvent<E> => ({
    version,
    step: index + 1,
    resolutionId,
    type: event.type,
    data: event.data,
    requiresAck: game.requiresAck(event),
  }));
  // With a decided state, the fold stops short of the last event: that state is its result.
  const foldSteps = (): S[] => {
    let state = match.state;
    return events.map((event, index) => {
      state =
        index === events.length - 1 && decidedState !== undefined
          ? decidedState
          : game.evolve(state, event);
      return state;
    });
  };
  const resolution: Resolution<S, A, E> = {
    version,
    resolutionId,
    cause,
    steps,
    statesAfter: decidedState === undefined ? foldSteps() : [],
  };
  if (decidedState !== undefined) lazyStatesAfter(resolution, foldSteps);
  const state = decidedState ?? resolution.statesAfter.at(-1) ?? match.state;
  return { match: { config: match.config, state, version }, resolution };
}

/** Makes `statesAfter` a plain array folded on its first read (and kept from then on). */
function lazyStatesAfter<S>(resolution: { statesAfter: S[] }, fold: () => S[]): void {
  Object.defineProperty(resolution, 'statesAfter', {
    enumerable: true,
    configurable: true,
    get(): S[] {
      const statesAfter = fold();
      Object.defineProperty(resolution, 'statesAfter', {
        value: statesAfter,
        enumerable: true,
        writable: true,
        configurable: true,
      });
      return statesAfter;
    },
  });
}

/** The event a step carries, as the game's own event type. */
export const eventOf = <E extends GameEvent>(step: StepEvent<E>): E =>
  ({ type: step.type, data: step.data }) as E;
