import {
  applyAction,
  replayFileOf,
  ReplayLog,
  startMatch,
  type MatchConfig,
} from '../src/index.ts';
import { highCard } from './fixtures/high-card.ts';

export const config = (seed = 'seed-1', seats = 3): MatchConfig<Record<string, never>> => ({
  options: {},
  seats: Array.from({ length: seats }, () => ({ kind: 'human' as const })),
  seed,
});

/** Plays a high-card match to the end, always taking the first legal action. */
export function playHighCard(seed = 'seed-1', seats = 3) {
  const started = startMatch(highCard, config(seed, seats));
  const log = new ReplayLog();
  log.append(started.resolution);
  const resolutions = [started.resolution];
  let match = started.match;
  while (highCard.outcome(match.state) === null) {
    const seat = match.state.turn;
    const action = highCard.legalActions(match.state, seat)[0]!;
    const applied = applyAction(highCard, match, seat, action, `a${match.version}`);
    if (!applied.ok) throw new Error(applied.error.message);
    match = applied.value.match;
    log.append(applied.value.resolution);
    resolutions.push(applied.value.resolution);
  }
  const replay = replayFileOf(highCard, match, log, 'm1');
  return { match, replay, resolutions };
}
