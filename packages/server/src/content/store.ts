import type { StoredFiles } from './package.ts';
import type { Database, Row } from '../store/database.ts';
import { isUniqueViolation } from '../store/database.ts';

export interface GameRow {
  id: string;
  slug: string;
  name: string;
  description: string;
  kind: 'tcg';
  ownerId: string;
  ownerName: string;
}

export interface VersionRow {
  gameId: string;
  version: number;
  contentHash: string;
  publishedAt: string;
  deprecated: boolean;
  banlist: string[];
  decks: { id: string; name: string }[];
}

/** The content version a match is pinned to. */
export interface MatchContentRow {
  gameId: string;
  slug: string;
  name: string;
  version: number;
  contentHash: string;
}

export class SlugTaken extends Error {}

const GAME_COLUMNS = `g.id, g.slug, g.name, g.description, g.kind, g.owner_id, u.name AS owner_name`;
const VERSION_COLUMNS = `game_id, version, content_hash, published_at, deprecated, banlist, decks`;

const toGame = (row: Row): GameRow => ({
  id: row.id as string,
  slug: row.slug as string,
  name: row.name as string,
  description: row.description as string,
  kind: row.kind as 'tcg',
  ownerId: row.owner_id as string,
  ownerName: row.owner_name as string,
});

const toVersion = (row: Row): VersionRow => ({
  gameId: row.game_id as string,
  version: row.version as number,
  contentHash: row.content_hash as string,
  publishedAt: (row.published_at as Date).toISOString(),
  deprecated: row.deprecated as boolean,
  banlist: row.banlist as string[],
  decks: row.decks as { id: string; name: string }[],
});

/** Creators' games, their drafts and published versions, and which version each match plays. */
export class ContentStore {
  constructor(private readonly db: Database) {}

  async createGame(game: {
    id: string;
    slug: string;
    name: string;
    description: string;
    ownerId: string;
  }): Promise<void> {
    try {
      await this.db.query(
        `INSERT INTO content_games (id, slug, name, description, owner_id) VALUES ($1, $2, $3, $4, $5)`,
        [game.id, game.slug, game.name, game.description, game.ownerId],
      );
    } catch (error) {
      if (isUniqueViolation(error)) throw new SlugTaken(game.slug);
      throw error;
    }
  }

  async gameBySlug(slug: string): Promise<GameRow | null> {
    const rows = await this.db.query(
      `SELECT ${GAME_COLUMNS} FROM content_games g JOIN users u ON u.id = g.owner_id WHERE g.slug = $1`,
      [slug],
    );
    return rows[0] ? toGame(rows[0]) : null;
  }

  async gamesOf(ownerId: string): Promise<GameRow[]> {
    const rows = await this.db.query(
      `SELECT ${GAME_COLUMNS} FROM content_games g JOIN users u ON u.id = g.owner_id
       WHERE g.owner_id = $1 ORDER BY g.created_at DESC`,
      [ownerId],
    );
    return rows.map(toGame);
  }

  /** Games with at least one version new matches may use, most played first. */
  async playableGames(limit = 200): Promise<GameRow[]> {
    const rows = await this.db.query(
      `SELECT ${GAME_COLUMNS} FROM content_games g JOIN users u ON u.id = g.owner_id
       WHERE EXISTS (SELECT 1 FROM content_versions v WHERE v.game_id = g.id AND NOT v.deprecated)
       ORDER BY (SELECT count(*) FROM match_content m WHERE m.game_id = g.id) DESC, g.created_at
       LIMIT $1`,
      [limit],
    );
    return rows.map(toGame);
  }

  /**
   * Replaces the draft and bumps its revision. With `expected`, only when the draft is still at
   * that revision: the answer is then null when another save came first.
   */
  async saveDraft(
    gameId: string,
    files: StoredFiles,
    expected?: number,
  ): Promise<{ revision: number } | null> {
    const rows = await this.db.query<{ draft_revision: number }>(
      `UPDATE content_games
       SET draft = $2, draft_updated_at = now(), draft_revision = draft_revision + 1
       WHERE id = $1 AND ($3::integer IS NULL OR draft_revision = $3)
       RETURNING draft_revision`,
      [gameId, JSON.stringify(files), expected ?? null],
    );
    return rows[0] ? { revision: rows[0].draft_revision } : null;
  }

  async draft(gameId: string): Promise<StoredFiles> {
    return (await this.draftDetail(gameId))?.files ?? {};
  }

  async draftDetail(
    gameId: string,
  ): Promise<{ files: StoredFiles; revision: number; updatedAt: string | null } | null> {
    const rows = await this.db.query(
      `SELECT draft, draft_revision, draft_updated_at FROM content_games WHERE id = $1`,
      [gameId],
    );
    const row = rows[0];
    if (!row) return null;
    const updated = row.draft_updated_at as Date | null;
    return {
      files: row.draft as StoredFiles,
      revision: row.draft_revision as number,
      updatedAt: updated ? updated.toISOString() : null,
    };
  }

  async updateGame(gameId: string, change: { name?: string; description?: string }) {
    await this.db.query(
      `UPDATE content_games SET name = coalesce($2, name), description = coalesce($3, description)
       WHERE id = $1`,
      [gameId, change.name ?? null, change.description ?? null],
    );
  }

  /** Deletes a game that was never published (published versions are pinned by matches). */
  async deleteUnpublishedGame(gameId: string): Promise<boolean> {
    const rows = await this.db.query(
      `DELETE FROM content_games g WHERE g.id = $1
       AND NOT EXISTS (SELECT 1 FROM content_versions v WHERE v.game_id = g.id)
       RETURNING g.id`,
      [gameId],
    );
    return rows.length > 0;
  }

  async versions(gameId: string): Promise<VersionRow[]> {
    const rows = await this.db.query(
      `SELECT ${VERSION_COLUMNS} FROM content_versions WHERE game_id = $1 ORDER BY version`,
      [gameId],
    );
    return rows.map(toVersion);
  }

  async version(gameId: string, version: number): Promise<VersionRow | null> {
    const rows = await this.db.query(
      `SELECT ${VERSION_COLUMNS} FROM content_versions WHERE game_id = $1 AND version = $2`,
      [gameId, version],
    );
    return rows[0] ? toVersion(rows[0]) : null;
  }

  async files(gameId: string, version: number): Promise<StoredFiles | null> {
    const rows = await this.db.query<{ files: StoredFiles }>(
      `SELECT files FROM content_versions WHERE game_id = $1 AND version = $2`,
      [gameId, version],
    );
    return rows[0]?.files ?? null;
  }

  /** A published version with this content hash (any game's: the content is the same). */
  async versionByHash(contentHash: string): Promise<VersionRow | null> {
    const rows = await this.db.query(
      `SELECT ${VERSION_COLUMNS} FROM content_versions WHERE content_hash = $1 LIMIT 1`,
      [contentHash],
    );
    return rows[0] ? toVersion(rows[0]) : null;
  }

  /** The newest version new matches may use (not deprecated), if any. */
  async latestPlayable(gameId: string): Promise<VersionRow | null> {
    const rows = await this.db.query(
      `SELECT ${VERSION_COLUMNS} FROM content_versions WHERE game_id = $1 AND NOT deprecated
       ORDER BY version DESC LIMIT 1`,
      [gameId],
    );
    return rows[0] ? toVersion(rows[0]) : null;
  }

  async latest(gameId: string): Promise<VersionRow | null> {
    const rows = await this.db.query(
      `SELECT ${VERSION_COLUMNS} FROM content_versions WHERE game_id = $1 ORDER BY version DESC LIMIT 1`,
      [gameId],
    );
    return rows[0] ? toVersion(rows[0]) : null;
  }

  /** Stores the next version; two publishers racing get consecutive numbers. */
  async publish(input: {
    gameId: string;
    files: StoredFiles;
    contentHash: string;
    decks: { id: string; name: string }[];
    userId: string;
  }): Promise<VersionRow> {
    for (let attempt = 0; ; attempt++) {
      try {
        const rows = await this.db.query(
          `INSERT INTO content_versions (game_id, version, content_hash, files, decks, published_by)
           SELECT $1, coalesce(max(version), 0) + 1, $2, $3, $4, $5
           FROM content_versions WHERE game_id = $1
           RETURNING ${VERSION_COLUMNS}`,
          [
            input.gameId,
            input.contentHash,
            JSON.stringify(input.files),
            JSON.stringify(input.decks),
            input.userId,
          ],
        );
        return toVersion(rows[0]!);
      } catch (error) {
        if (!isUniqueViolation(error) || attempt >= 5) throw error;
      }
    }
  }

  async setDeprecated(gameId: string, version: number, deprecated: boolean): Promise<void> {
    await this.db.query(
      `UPDATE content_versions SET deprecated = $3 WHERE game_id = $1 AND version = $2`,
      [gameId, version, deprecated],
    );
  }

  async setBanlist(gameId: string, version: number, cards: string[]): Promise<void> {
    await this.db.query(
      `UPDATE content_versions SET banlist = $3 WHERE game_id = $1 AND version = $2`,
      [gameId, version, JSON.stringify(cards)],
    );
  }

  async pinMatch(matchId: string, gameId: string, version: number, contentHash: string) {
    await this.db.query(
      `INSERT INTO match_content (match_id, game_id, version, content_hash) VALUES ($1, $2, $3, $4)`,
      [matchId, gameId, version, contentHash],
    );
  }

  async matchContent(matchId: string): Promise<MatchContentRow | null> {
    const rows = await this.db.query(
      `SELECT m.game_id, g.slug, g.name, m.version, m.content_hash
       FROM match_content m JOIN content_games g ON g.id = m.game_id WHERE m.match_id = $1`,
      [matchId],
    );
    const row = rows[0];
    return row
      ? {
          gameId: row.game_id as string,
          slug: row.slug as string,
          name: row.name as string,
          version: row.version as number,
          contentHash: row.content_hash as string,
        }
      : null;
  }

  /** Matches created per content game. */
  async playCounts(gameIds: string[]): Promise<Map<string, number>> {
    if (gameIds.length === 0) return new Map();
    const rows = await this.db.query<{ game_id: string; n: string }>(
      `SELECT game_id, count(*) AS n FROM match_content WHERE game_id = ANY($1) GROUP BY game_id`,
      [gameIds],
    );
    return new Map(rows.map((row) => [row.game_id, Number(row.n)]));
  }

  /** Matches created per built-in game (those not pinned to creators' content). */
  async builtInPlayCounts(): Promise<Map<string, number>> {
    const rows = await this.db.query<{ game: string; n: string }>(
      `SELECT game, count(*) AS n FROM matches
       WHERE NOT EXISTS (SELECT 1 FROM match_content c WHERE c.match_id = matches.id)
       GROUP BY game`,
    );
    return new Map(rows.map((row) => [row.game, Number(row.n)]));
  }

  /** A user for content hosted from local folders (`cardtable serve --content`). */
  async ensureUser(id: string, name: string): Promise<void> {
    await this.db.query(
      `INSERT INTO users (id, name, guest) VALUES ($1, $2, false) ON CONFLICT (id) DO NOTHING`,
      [id, name],
    );
  }
}
