import { newlyEarned } from './achievements.ts';
import { placeOf, NO_CONTEST_REASONS, type FinishedMatch } from './finished-match.ts';
import {
  afterIdlePeriods,
  NEW_PLAYER,
  RATING_PERIOD_MS,
  ratingPeriodOf,
  updateMatch,
  type Rating,
} from './glicko2.ts';
import { addMatch, EMPTY_STATS, type PlayerStats } from './stats.ts';

export interface StoredRating extends Rating {
  games: number;
  /** The rating period of the player's last rated match (see `ratingPeriodOf`). */
  lastPeriod: number;
}

/** A stored rating as of `period`: its RD grown by the whole periods sat out since the last. */
export const ratingInPeriod = (
  stored: Pick<StoredRating, 'rating' | 'rd' | 'volatility' | 'lastPeriod'>,
  period: number,
): Rating => afterIdlePeriods(stored, period - stored.lastPeriod - 1);

/** A stored rating row's RD now (leaderboards and profiles show this one). */
export const currentRd = (
  row: { rating: number; rd: number; volatility: number; last_period: number },
  nowMs: number,
): number =>
  ratingInPeriod({ ...row, lastPeriod: row.last_period }, Math.floor(nowMs / RATING_PERIOD_MS)).rd;

/** What the projection holds today for the players of one match. */
export interface PlayersBefore {
  /** Ratings in this match's game and version. */
  ratings: ReadonlyMap<string, StoredRating>;
  /** Stats in this match's game. */
  stats: ReadonlyMap<string, PlayerStats>;
  /** Achievement ids held. */
  held: ReadonlyMap<string, ReadonlySet<string>>;
}

/** What folding one match changes; the projector writes it in the same transaction. */
export interface MatchChanges {
  ratings: { userId: string; rating: StoredRating }[];
  stats: { userId: string; stats: PlayerStats }[];
  grants: { userId: string; achievement: string }[];
}

/**
 * Folds one finished match into its players' ratings, stats and achievements: a pure function,
 * so folding the same feed from zero always gives the same projection.
 */
export function foldMatch(match: FinishedMatch, before: PlayersBefore): MatchChanges {
  const changes: MatchChanges = { ratings: [], stats: [], grants: [] };
  if (match.outcome.reason !== undefined && NO_CONTEST_REASONS.has(match.outcome.reason))
    return changes;
  // One user in two seats (a test, a hot-seat table) counts once, by the first seat.
  const players = match.players.filter(
    (p, i) => match.players.findIndex((q) => q.userId === p.userId) === i,
  );
  for (const { seat, userId } of players) {
    const stats = addMatch(before.stats.get(userId) ?? EMPTY_STATS, match, seat);
    changes.stats.push({ userId, stats });
    for (const achievement of newlyEarned(match.game, stats, before.held.get(userId) ?? new Set()))
      changes.grants.push({ userId, achievement: achievement.id });
  }
  const rated = players.flatMap(({ seat, userId }) => {
    const place = placeOf(match.outcome, seat);
    return place === null ? [] : [{ userId, place }];
  });
  if (match.rated && rated.length >= 2) {
    const period = ratingPeriodOf(match.endedAt);
    const stored = rated.map(({ userId }) => before.ratings.get(userId));
    const next = updateMatch(
      rated.map(({ place }, i) => {
        const known = stored[i];
        return { rating: known ? ratingInPeriod(known, period) : NEW_PLAYER, place };
      }),
    );
    rated.forEach(({ userId }, i) => {
      const { rating, rd, volatility } = next[i] as Rating;
      const games = (stored[i]?.games ?? 0) + 1;
      // A match folded late (ended before the last one) does not move the period back.
      const lastPeriod = Math.max(period, stored[i]?.lastPeriod ?? period);
      changes.ratings.push({ userId, rating: { rating, rd, volatility, games, lastPeriod } });
    });
  }
  return changes;
}
