import { EVERYTHING, fail, ok, scanEvents, type Result, type Viewer } from '@cardtable/engine';
import type { TcgEvent, TcgView } from '@cardtable/tcg/ui';
import { contentSourceOfFiles, replayTcg, type ContentSource } from '@cardtable/tcg/replay';
import { checkReplayFile, eventsOf, type ReplayTimeline } from '../../replay/replay-timeline.ts';

/** The name of the built-in card game, whose content ships with the app. */
const BUILT_IN_RULESET = 'demo';

/** A finished card game match folded in the browser, seen by one viewer. */
export interface TcgTimeline extends ReplayTimeline<TcgEvent, TcgView> {
  viewer: Viewer;
  /** The same match seen by another viewer (everything, a seat, or a spectator). */
  seenBy(viewer: Viewer): TcgTimeline;
}

/**
 * Checks an untrusted TCG replay and folds it: with the content the file embeds (a published
 * game) or, for the built-in game, the content shipped with the app (`builtIn`).
 */
export function buildTcgTimeline(raw: unknown, builtIn: () => ContentSource): Result<TcgTimeline> {
  const checked = checkReplayFile(raw, 'tcg', 'a card game');
  if (!checked.ok) return checked;
  const replay = checked.value;
  const embedded = (raw as { content?: { files?: Record<string, unknown> } }).content?.files;
  const options = replay.match.options as { ruleset?: unknown } | null;
  let source: ContentSource;
  if (embedded) {
    const read = contentSourceOfFiles(embedded);
    if (!read.ok) return read;
    source = read.value;
  } else if ((options?.ruleset ?? BUILT_IN_RULESET) === BUILT_IN_RULESET) {
    source = builtIn();
  } else {
    return fail('UNKNOWN_CONTENT', 'This replay does not include the content it was played with.');
  }
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
