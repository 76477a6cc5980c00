import {
  ENGINE_VERSION,
  REPLAY_FORMAT,
  REPLAY_FORMAT_VERSION,
  stateHash,
  type MatchConfig,
  type ReplayAction,
  type ReplayFile,
  type StepEvent,
} from '@cardtable/engine';
import { golf, type GolfOptions, type GolfState } from '../../src/index.ts';

/** A full export of a played match, as the server would write it, for verifyReplay. */
export function replayOf(
  config: MatchConfig<GolfOptions>,
  events: readonly StepEvent[],
  actions: readonly ReplayAction[],
  finalState: GolfState,
): ReplayFile {
  return {
    format: REPLAY_FORMAT,
    formatVersion: REPLAY_FORMAT_VERSION,
    match: {
      matchId: 'test',
      game: golf.name,
      rulesetVersion: golf.version,
      engineVersion: ENGINE_VERSION,
      options: config.options,
      seats: config.seats,
      status: golf.outcome(finalState) ? 'over' : 'active',
      result: golf.outcome(finalState),
      seed: config.seed,
      finalStateHash: stateHash(finalState),
    },
    events: events.map((event) => structuredClone(event)),
    actions: [...actions],
  };
}

export const humanSeats = (count: number) =>
  Array.from({ length: count }, () => ({ kind: 'human' as const }));
