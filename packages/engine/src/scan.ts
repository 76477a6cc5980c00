import type { Game, GameAction, GameEvent, MatchConfig } from './game.ts';

/**
 * Every state a log passes through, for viewers that move back and forth in a replay:
 * `states[i]` is the state after the first `i` events (`states[0]` is the initial state), so
 * the last entry equals `foldEvents` of the whole log.
 */
export function scanEvents<S, E extends GameEvent, O>(
  game: Pick<Game<S, GameAction, E, O>, 'initialState' | 'evolve'>,
  config: MatchConfig<O>,
  events: Iterable<{ type: string; data: unknown }>,
): S[] {
  const states = [game.initialState(config)];
  let state = states[0] as S;
  for (const event of events) {
    state = game.evolve(state, { type: event.type, data: event.data } as E);
    states.push(state);
  }
  return states;
}
