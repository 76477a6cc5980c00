import type { Leaderboard, LeaderboardEntry, RatedGameList } from '@cardtable/sdk/social';
import type { Database } from '../store/database.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { currentRd } from './fold.ts';

type BoardRow = {
  user_id: string;
  name: string;
  rating: number;
  rd: number;
  volatility: number;
  last_period: number;
  games: number;
};

/**
 * Leaderboards per game and version: players with at least `minGames` rated games, best rating
 * first, equal ratings by user id (so a page boundary never splits or repeats a tie). Pages are
 * keyset pages: the cursor is the last row's (rating, user id).
 */
export class Leaderboards {
  constructor(
    private readonly db: Database,
    readonly minGames: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** An entry with the RD as of now (grown by the rating periods the player sat out). */
  private toEntry(row: BoardRow, position: number): LeaderboardEntry {
    return {
      position,
      userId: row.user_id,
      name: row.name,
      rating: row.rating,
      rd: currentRd(row, this.now()),
      games: row.games,
    };
  }

  async page(
    game: string,
    version: string,
    { limit = 25, after }: { limit?: number; after?: string },
    viewerId: string | null,
  ): Promise<Leaderboard> {
    const from = after === undefined ? null : decodeCursor(after, { r: 'number', u: 'string' });
    const rows = await this.db.query<BoardRow>(
      `SELECT p.user_id, u.name, p.rating, p.rd, p.volatility, p.last_period, p.games
         FROM player_ratings p JOIN users u ON u.id = p.user_id
        WHERE p.game = $1 AND p.version = $2 AND p.games >= $3
          AND ($4::double precision IS NULL OR p.rating < $4 OR (p.rating = $4 AND p.user_id > $5))
        ORDER BY p.rating DESC, p.user_id
        LIMIT $6`,
      [game, version, this.minGames, from?.r ?? null, from?.u ?? '', limit + 1],
    );
    const page = rows.slice(0, limit);
    const first = page[0];
    const start = first ? await this.positionOf(game, version, first) : 1;
    const last = page.at(-1);
    return {
      game,
      version,
      minGames: this.minGames,
      entries: page.map((row, i) => this.toEntry(row, start + i)),
      next: rows.length > limit && last ? encodeCursor({ r: last.rating, u: last.user_id }) : null,
      me: viewerId === null ? null : await this.entryOf(game, version, viewerId),
    };
  }

  /** A player's own entry, or null while they have fewer than `minGames` rated games. */
  async entryOf(game: string, version: string, userId: string): Promise<LeaderboardEntry | null> {
    const [row] = await this.db.query<BoardRow>(
      `SELECT p.user_id, u.name, p.rating, p.rd, p.volatility, p.last_period, p.games
         FROM player_ratings p JOIN users u ON u.id = p.user_id
        WHERE p.game = $1 AND p.version = $2 AND p.user_id = $3 AND p.games >= $4`,
      [game, version, userId, this.minGames],
    );
    return row ? this.toEntry(row, await this.positionOf(game, version, row)) : null;
  }

  /** The (game, version) pairs with ratings, most players first. */
  async boards(): Promise<RatedGameList> {
    const rows = await this.db.query<{ game: string; version: string; players: number }>(
      `SELECT game, version, count(*)::int AS players FROM player_ratings
        WHERE games >= $1 GROUP BY game, version ORDER BY players DESC, game, version LIMIT 200`,
      [this.minGames],
    );
    return { boards: rows, minGames: this.minGames };
  }

  private async positionOf(game: string, version: string, row: BoardRow): Promise<number> {
    const [ahead] = await this.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM player_ratings
        WHERE game = $1 AND version = $2 AND games >= $3
          AND (rating > $4 OR (rating = $4 AND user_id < $5))`,
      [game, version, this.minGames, row.rating, row.user_id],
    );
    return (ahead?.n ?? 0) + 1;
  }
}
