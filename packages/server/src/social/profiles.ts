import { ENDINGS_BEFORE_START, type Outcome } from '@cardtable/engine';
import type {
  MatchHistory,
  PlayedMatch,
  PlayerProfile,
  RatingHistory,
} from '@cardtable/sdk/social';
import type { Database } from '../store/database.ts';
import type { SeatRecord } from '../store/event-store.ts';
import { achievementById } from './achievements.ts';
import { apiError } from '../errors.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { currentRd } from './fold.ts';
import { placeOf } from './finished-match.ts';
import { SOCIAL_CHECKPOINT } from './projection-store.ts';

/** Rating chart points kept per answer: the latest ones. */
const HISTORY_POINTS = 500;

/** A timestamp as PostgreSQL prints it (what history cursors carry). */
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?([+-]\d{2}(:\d{2})?|Z)?$/;

const iso = (value: unknown) => (value as Date).toISOString();

/** Player pages: profile (ratings, stats, achievements), rating history, finished matches. */
export class Profiles {
  constructor(
    private readonly db: Database,
    private readonly now: () => number = Date.now,
  ) {}

  /** The player, or null when no user has that id (every player page is then NOT_FOUND). */
  private async player(userId: string): Promise<PlayerProfile['user'] | null> {
    const [user] = await this.db.query<{ id: string; name: string; guest: boolean }>(
      `SELECT id, name, guest FROM users WHERE id = $1`,
      [userId],
    );
    return user ?? null;
  }

  async profile(userId: string): Promise<PlayerProfile | null> {
    const user = await this.player(userId);
    if (!user) return null;
    const ratings = await this.db.query<{
      game: string;
      version: string;
      rating: number;
      rd: number;
      volatility: number;
      last_period: number;
      games: number;
    }>(
      `SELECT game, version, rating, rd, volatility, last_period, games FROM player_ratings
        WHERE user_id = $1
        ORDER BY games DESC, game, version`,
      [userId],
    );
    const stats = await this.db.query<{ game: string; stats: Record<string, unknown> }>(
      `SELECT game, stats FROM player_stats WHERE user_id = $1 ORDER BY game`,
      [userId],
    );
    const earned = await this.db.query<{ achievement: string; match_id: string; granted_at: Date }>(
      `SELECT achievement, match_id, granted_at FROM player_achievements WHERE user_id = $1
        ORDER BY granted_at, achievement`,
      [userId],
    );
    return {
      user,
      counting: await this.counting(userId),
      ratings: ratings.map(({ game, version, rating, games, ...row }) => ({
        game,
        version,
        rating,
        rd: currentRd({ rating, ...row }, this.now()),
        games,
      })),
      stats,
      achievements: earned.flatMap((row) => {
        const known = achievementById.get(row.achievement);
        return known
          ? [
              {
                id: known.id,
                name: known.name,
                description: known.description,
                grantedAt: iso(row.granted_at),
                matchId: row.match_id,
              },
            ]
          : [];
      }),
    };
  }

  /** The user's finished matches (playtests left out) the social projection has not folded yet. */
  private async counting(userId: string): Promise<number> {
    const [row] = await this.db.query<{ n: number }>(
      `SELECT count(*)::int AS n
         FROM match_players p
         JOIN matches m ON m.id = p.match_id
        WHERE p.user_id = $1 AND m.status = 'over'
          AND NOT EXISTS (SELECT 1 FROM match_content c
                           WHERE c.match_id = m.id AND c.version IS NULL)
          AND (m.feed_position IS NULL
               OR m.feed_position > (SELECT position FROM projection_checkpoints
                                      WHERE name = $2))`,
      [userId, SOCIAL_CHECKPOINT],
    );
    return row?.n ?? 0;
  }

  async ratingHistory(
    userId: string,
    game: string,
    version: string,
  ): Promise<RatingHistory | null> {
    if (!(await this.player(userId))) return null;
    const rows = await this.db.query<{ at: Date; rating: number; rd: number; match_id: string }>(
      `SELECT at, rating, rd, match_id FROM (
         SELECT at, rating, rd, match_id, position FROM rating_history
          WHERE user_id = $1 AND game = $2 AND version = $3
          ORDER BY position DESC LIMIT $4) latest
        ORDER BY position`,
      [userId, game, version, HISTORY_POINTS],
    );
    return {
      points: rows.map((r) => ({ at: iso(r.at), rating: r.rating, rd: r.rd, matchId: r.match_id })),
    };
  }

  /**
   * The user's finished matches (playtests, and tables that never started, left out), newest
   * first, in keyset pages of (end, id).
   */
  async matches(
    userId: string,
    { limit = 20, after }: { limit?: number; after?: string },
  ): Promise<MatchHistory | null> {
    const from = after === undefined ? null : decodeCursor(after, { t: 'string', m: 'string' });
    if (from && !TIMESTAMP.test(from.t))
      throw apiError('BAD_REQUEST', 'The page cursor is not one this server gave out.');
    if (!(await this.player(userId))) return null;
    const rows = await this.db.query<{
      id: string;
      game: string;
      slug: string | null;
      ended_at: Date;
      /** The end as PostgreSQL prints it (microseconds kept), for the cursor. */
      ended_key: string;
      rated: boolean;
      seats: SeatRecord[];
      result: Outcome | null;
    }>(
      `SELECT m.id, m.game, g.slug, m.ended_at, m.ended_at::text AS ended_key, m.rated, m.seats, m.result
         FROM matches m
         LEFT JOIN match_content mc ON mc.match_id = m.id
         LEFT JOIN content_games g ON g.id = mc.game_id
        WHERE m.id IN (SELECT match_id FROM match_players WHERE user_id = $1)
          AND m.status = 'over' AND m.ended_at IS NOT NULL
          AND (mc.match_id IS NULL OR mc.version IS NOT NULL)
          AND coalesce(m.result->>'reason', '') <> ALL ($5::text[])
          AND ($2::timestamptz IS NULL OR (m.ended_at, m.id) < ($2::timestamptz, $3))
        ORDER BY m.ended_at DESC, m.id DESC
        LIMIT $4`,
      [userId, from?.t ?? null, from?.m ?? '', limit + 1, [...ENDINGS_BEFORE_START]],
    );
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      matches: page.map((row): PlayedMatch => {
        const seat = row.seats.findIndex((s) => s.userId === userId);
        const result = row.result ?? { winners: [], tie: false, standings: [] };
        return {
          matchId: row.id,
          game: row.slug ?? row.game,
          endedAt: iso(row.ended_at),
          rated: row.rated,
          place: placeOf(result, seat),
          won: result.winners.includes(seat),
          reason: result.reason ?? null,
          players: row.seats.map((s) => ({
            name: s.name ?? (s.kind === 'cpu' ? (s.profile ?? 'CPU') : 'Player'),
            cpu: s.kind === 'cpu',
          })),
        };
      }),
      next: rows.length > limit && last ? encodeCursor({ t: last.ended_key, m: last.id }) : null,
    };
  }
}
