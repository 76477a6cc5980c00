import {
  fail,
  ok,
  REPLAY_FORMAT,
  REPLAY_FORMAT_VERSION,
  type ReplayFile,
  type Result,
} from '@cardtable/engine';
import type { LogPosition } from '../animation/log-position.ts';

export type { LogPosition };

/**
 * A finished match folded in the browser, for any game: its events, and the table after any
 * number of them (`view(0)` is before the first event). The replay player moves through it.
 */
export interface ReplayTimeline<E, V> {
  replay: ReplayFile;
  events: E[];
  view(position: number): V;
}

export type TimelineErrorCode =
  | 'NOT_A_REPLAY'
  | 'UNSUPPORTED_VERSION'
  | 'WRONG_GAME'
  | 'NOT_FINISHED'
  | 'BAD_OPTIONS'
  | 'UNKNOWN_CONTENT'
  | 'CORRUPT_LOG';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The checks every game's replay passes before folding: a Cardtable replay file of a supported
 * format version, of this game (`game` is its engine name, `label` how the reader knows it),
 * finished (its log is then the full, unprojected one, so everything can be revealed), with
 * seats and events.
 */
export function checkReplayFile(raw: unknown, game: string, label: string): Result<ReplayFile> {
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
  if (replay.match.game !== game) {
    return fail('WRONG_GAME', `This replay is of "${String(replay.match.game)}", not ${label}.`);
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
  return ok(replay);
}

/** The game a replay file says it is, before any checks (null when it names none). */
export const replayGame = (raw: unknown): string | null =>
  isRecord(raw) && isRecord(raw.match) && typeof raw.match.game === 'string'
    ? raw.match.game
    : null;

/** The events of a replay as a game's own event type. */
export const eventsOf = <E>(replay: ReplayFile): E[] =>
  replay.events.map((event) => ({ type: event.type, data: event.data }) as E);

/** Where in the log the table stands after `position` events. */
export function logPositionAt(
  timeline: Pick<ReplayTimeline<unknown, unknown>, 'replay'>,
  position: number,
): LogPosition {
  const event = timeline.replay.events[position - 1];
  return event ? { version: event.version, step: event.step } : { version: 0, step: 0 };
}

export const lastPosition = (timeline: Pick<ReplayTimeline<unknown, unknown>, 'events'>) =>
  timeline.events.length;
