import type { Game, GameAction, GameEvent } from './game.ts';
import { stateHash } from './hash.ts';
import type { MatchState, Resolution } from './match.ts';
import {
  REPLAY_FORMAT,
  REPLAY_FORMAT_VERSION,
  type ReplayAction,
  type ReplayEvent,
  type ReplayFile,
} from './replay.ts';
import { ENGINE_VERSION } from './version.ts';

/** The log entries of one resolution: its steps as events, and the action that caused it. */
export function logEntries<S, A extends GameAction, E extends GameEvent>(
  resolution: Resolution<S, A, E>,
): { events: ReplayEvent[]; action: ReplayAction | null } {
  const events = resolution.steps.map((step) => ({ ...step }));
  const { cause } = resolution;
  const action =
    cause.kind === 'action'
      ? {
          version: resolution.version,
          seat: cause.seat,
          actionId: cause.actionId,
          type: cause.action.type,
          payload: cause.action.payload,
        }
      : null;
  return { events, action };
}

/** Accumulates resolutions into the `events` and `actions` lists of a replay file. */
export class ReplayLog {
  readonly events: ReplayEvent[] = [];
  readonly actions: ReplayAction[] = [];

  append<S, A extends GameAction, E extends GameEvent>(resolution: Resolution<S, A, E>): void {
    const { events, action } = logEntries(resolution);
    this.events.push(...events);
    if (action) this.actions.push(action);
  }
}

/** A full export of a match as it stands: metadata, log, and (once over) seed and state hash. */
export function replayFileOf<S, A extends GameAction, E extends GameEvent, O>(
  game: Game<S, A, E, O>,
  match: MatchState<S, O>,
  log: { events: readonly ReplayEvent[]; actions: readonly ReplayAction[] },
  matchId: string,
): ReplayFile {
  const result = game.outcome(match.state);
  return {
    format: REPLAY_FORMAT,
    formatVersion: REPLAY_FORMAT_VERSION,
    match: {
      matchId,
      game: game.name,
      rulesetVersion: game.version,
      engineVersion: ENGINE_VERSION,
      options: match.config.options,
      seats: match.config.seats,
      status: result ? 'over' : 'active',
      result,
      seed: match.config.seed,
      finalStateHash: stateHash(match.state),
    },
    events: log.events.map((event) => structuredClone(event)),
    actions: log.actions.map((action) => structuredClone(action)),
  };
}
