import type { Database } from '../store/database.ts';
import type { FinishedMatch } from './finished-match.ts';
import type { MatchChanges, PlayersBefore, StoredRating } from './fold.ts';
import type { PlayerStats } from './stats.ts';

type Query = Database['query'];

/** The projection's row in `projection_checkpoints`: the feed position folded so far. */
export const SOCIAL_CHECKPOINT = 'social';

/** The projection's tables, emptied by a rebuild (the feed's order stays). */
export const PROJECTION_TABLES = [
  'player_ratings',
  'rating_history',
  'player_stats',
  'player_achievements',
] as const;

/** Reads what the projection holds for one match's players (inside the projector's transaction). */
export async function readPlayersBefore(
  query: Query,
  match: FinishedMatch,
): Promise<PlayersBefore> {
  const users = match.players.map((p) => p.userId);
  const [ratings, stats, held] = [
    await query<{
      user_id: string;
      rating: number;
      rd: number;
      volatility: number;
      games: number;
      last_period: number;
    }>(
      `SELECT user_id, rating, rd, volatility, games, last_period FROM player_ratings
        WHERE game = $1 AND version = $2 AND user_id = ANY($3)`,
      [match.game, match.version, users],
    ),
    await query<{ user_id: string; stats: PlayerStats }>(
      `SELECT user_id, stats FROM player_stats WHERE game = $1 AND user_id = ANY($2)`,
      [match.game, users],
    ),
    await query<{ user_id: string; achievement: string }>(
      `SELECT user_id, achievement FROM player_achievements WHERE user_id = ANY($1)`,
      [users],
    ),
  ];
  const heldBy = new Map<string, Set<string>>();
  for (const row of held) {
    const set = heldBy.get(row.user_id) ?? new Set<string>();
    set.add(row.achievement);
    heldBy.set(row.user_id, set);
  }
  return {
    ratings: new Map(
      ratings.map((r): [string, StoredRating] => [
        r.user_id,
        {
          rating: r.rating,
          rd: r.rd,
          volatility: r.volatility,
          games: r.games,
          lastPeriod: r.last_period,
        },
      ]),
    ),
    stats: new Map(stats.map((s) => [s.user_id, s.stats])),
    held: heldBy,
  };
}

/** Writes one match's changes; the achievements' key refuses a second grant outright. */
export async function writeChanges(
  query: Query,
  match: FinishedMatch,
  changes: MatchChanges,
): Promise<void> {
  for (const { userId, rating } of changes.ratings) {
    await query(
      `INSERT INTO player_ratings
         (game, version, user_id, rating, rd, volatility, games, updated_at, last_period)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (game, version, user_id) DO UPDATE
         SET rating = $4, rd = $5, volatility = $6, games = $7, updated_at = $8, last_period = $9`,
      [
        match.game,
        match.version,
        userId,
        rating.rating,
        rating.rd,
        rating.volatility,
        rating.games,
        match.endedAt,
        rating.lastPeriod,
      ],
    );
    await query(
      `INSERT INTO rating_history (user_id, game, version, position, match_id, rating, rd, at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        userId,
        match.game,
        match.version,
        match.position,
        match.matchId,
        rating.rating,
        rating.rd,
        match.endedAt,
      ],
    );
  }
  for (const { userId, stats } of changes.stats) {
    await query(
      `INSERT INTO player_stats (user_id, game, stats, updated_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (user_id, game) DO UPDATE SET stats = $3, updated_at = $4`,
      [userId, match.game, JSON.stringify(stats), match.endedAt],
    );
  }
  for (const { userId, achievement } of changes.grants) {
    await query(
      `INSERT INTO player_achievements (user_id, achievement, match_id, granted_at)
       VALUES ($1, $2, $3, $4)`,
      [userId, achievement, match.matchId, match.endedAt],
    );
  }
}
