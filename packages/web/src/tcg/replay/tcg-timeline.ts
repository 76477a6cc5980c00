import { EVERYTHING, fail, ok, scanEvents, type Result, type Viewer } from '@cardtable/engine';
import type { TcgEvent, TcgView } from '@cardtable/tcg/ui';
import { replayTcg, type SchemaValidSource } from '@cardtable/tcg/replay';
import {
  checkReplayFile,
  eventsOf,
  replayGame,
  type ReplayTimeline,
} from '../../replay/replay-timeline.ts';
import { isBuiltInTcg } from './built-in-content.ts';

/** A finished card game match folded in the browser, seen by one viewer. */
export interface TcgTimeline extends ReplayTimeline<TcgEvent, TcgView> {
  viewer: Viewer;
  /** The same match seen by another viewer (everything, a seat, or a spectator). */
  seenBy(viewer: Viewer): TcgTimeline;
}

/**
 * Checks an untrusted card game replay and folds it with its content (`replayContent` finds
 * it: embedded, published or built in; `checkSchemasOffPage` checks it). A published game's
 * matches are recorded as `tcg`, a built-in set's under its own name.
 */
export function buildTcgTimeline(raw: unknown, source: SchemaValidSource): Result<TcgTimeline> {
  const named = replayGame(raw);
  const checked = checkReplayFile(
    raw,
    named !== null && isBuiltInTcg(named) ? named : 'tcg',
    'a card game',
  );
  if (!checked.ok) return checked;
  const replay = checked.value;
  const setup = replayTcg(source, replay.match.options, replay.match.seats.length);
  if (!setup.ok) return setup;
  const { game, options: parsed } = setup.value;
  const events = eventsOf<TcgEvent>(replay);
  const config = { options: parsed, seats: replay.match.seats, seed: replay.match.seed ?? '' };
  let states;
  try {
    states = scanEvents(game, config, events);
  } catch (error) {
    return fail(
      'CORRUPT_LOG',
      `The replay's events do not fold into a game: ${(error as Error).message}`,
    );
  }
  const seenBy = (viewer: Viewer): TcgTimeline => ({
    replay,
    events,
    viewer,
    view: (position) => game.view(states[position]!, viewer),
    seenBy,
  });
  return ok(seenBy(EVERYTHING));
}
