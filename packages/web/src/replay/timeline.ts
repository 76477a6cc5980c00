import {
  EVERYTHING,
  fail,
  ok,
  REPLAY_FORMAT,
  REPLAY_FORMAT_VERSION,
  scanEvents,
  type ReplayFile,
  type Result,
} from '@cardtable/engine';
import { golf, type GolfEvent, type GolfState, type GolfView } from '@cardtable/golf';
import type { LogPosition } from '../animation/director.ts';

/** A finished match folded in the browser with the engine: every state it passed through. */
export interface Timeline {
  replay: ReplayFile;
  events: GolfEvent[];
  /** `states[i]` follows the first `i` events. */
  states: GolfState[];
}

export type TimelineErrorCode =
  | 'NOT_A_REPLAY'
  | 'UNSUPPORTED_VERSION'
  | 'WRONG_GAME'
  | 'NOT_FINISHED'
  | 'BAD_OPTIONS'
  | 'CORRUPT_LOG';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Checks an untrusted replay file and folds its events. Only finished matches can be replayed:
 * their log is the full, unprojected one, so everything can be revealed.
 */
export function buildTimeline(raw: unknown): Result<Timeline> {
  if (!isRecord(raw) || raw.format !== REPLAY_FORMAT || !isRecord(raw.match)) {
    return fail('NOT_A_REPLAY', 'This is not a Cardtable replay file.');
  }
  if (raw.formatVersion !== REPLAY_FORMAT_VERSION) {
    return fail(
      'UNSUPPORTED_VERSION',
      `Replay format version ${String(raw.formatVersion)} is not supported.`,
    );
  }
  const replay = raw as unknown as ReplayFile;
  if (replay.match.game !== golf.name) {
    return fail('WRONG_GAME', `This replay is of "${String(replay.match.game)}", not Golf.`);
  }
  if (replay.match.status !== 'over') {
    return fail(
      'NOT_FINISHED',
      'This match is still being played: its replay opens once it is over.',
    );
  }
  if (!Array.isArray(replay.match.seats) || !Array.isArray(replay.events)) {
    return fail('NOT_A_REPLAY', 'The replay needs its seats and events.');
  }
  const options = golf.parseOptions(replay.match.options, replay.match.seats.length);
  if (!options.ok) return fail('BAD_OPTIONS', options.error.message);
  const events = replay.events.map(
    (event) => ({ type: event.type, data: event.data }) as GolfEvent,
  );
  const config = {
    options: options.value,
    seats: replay.match.seats,
    seed: replay.match.seed ?? '',
  };
  try {
    return ok({ replay, events, states: scanEvents(golf, config, events) });
  } catch (error) {
    return fail(
      'CORRUPT_LOG',
      `The replay's events do not fold into a game: ${(error as Error).message}`,
    );
  }
}

/** Everything at that point, face-down cards included: the match is over. */
export const viewAt = (timeline: Timeline, position: number): GolfView =>
  golf.view(timeline.states[position] as GolfState, EVERYTHING);

/** Where in the log the table stands after `position` events: the last one's version and step. */
export function logPositionAt(timeline: Timeline, position: number): LogPosition {
  const event = timeline.replay.events[position - 1];
  return event ? { version: event.version, step: event.step } : { version: 0, step: 0 };
}

export const lastPosition = (timeline: Timeline) => timeline.events.length;
