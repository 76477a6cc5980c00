import { EVERYTHING, fail, ok, scanEvents, type Result } from '@cardtable/engine';
import { golf, type GolfEvent, type GolfState, type GolfView } from '@cardtable/golf';
import { checkReplayFile, eventsOf, type ReplayTimeline } from './replay-timeline.ts';

export {
  lastPosition,
  logPositionAt,
  type LogPosition,
  type TimelineErrorCode,
} from './replay-timeline.ts';

/** A finished Golf match folded in the browser with the engine: every state it passed through. */
export interface Timeline extends ReplayTimeline<GolfEvent, GolfView> {
  /** `states[i]` follows the first `i` events. */
  states: GolfState[];
}

/** Checks an untrusted replay file and folds its events. */
export function buildTimeline(raw: unknown): Result<Timeline> {
  const checked = checkReplayFile(raw, golf.name, 'Golf');
  if (!checked.ok) return checked;
  const replay = checked.value;
  const options = golf.parseOptions(replay.match.options, replay.match.seats.length);
  if (!options.ok) return fail('BAD_OPTIONS', options.error.message);
  const events = eventsOf<GolfEvent>(replay);
  const config = {
    options: options.value,
    seats: replay.match.seats,
    seed: replay.match.seed ?? '',
  };
  try {
    const states = scanEvents(golf, config, events);
    // Everything at every point, face-down cards included: the match is over.
    const view = (position: number) => golf.view(states[position] as GolfState, EVERYTHING);
    return ok({ replay, events, states, view });
  } catch (error) {
    return fail(
      'CORRUPT_LOG',
      `The replay's events do not fold into a game: ${(error as Error).message}`,
    );
  }
}

export const viewAt = (timeline: Timeline, position: number): GolfView => timeline.view(position);
