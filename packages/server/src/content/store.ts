import type { StoredFiles } from './package.ts';
import type { Database, Row } from '../store/database.ts';
import {
  isForeignKeyViolation,
  isUniqueViolation,
  lockForTransaction,
  writeUnderCap,
} from '../store/database.ts';

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

/** What a match plays: a published version, or (`version` null) a playtest's draft snapshot. */
export interface ContentPin {
  gameId: string;
  version: number | null;
  contentHash: string;
}

/** The content a match is pinned to, with its game's slug and name. */
export interface MatchContentRow extends ContentPin {
  slug: string;
  name: string;
  /** The draft revision a playtest's snapshot was taken at (null for a published version). */
  draftRevision: number | null;
}

/** A draft frozen for playtests: immutable, keyed by its game and content hash. */
export interface SnapshotRow {
  gameId: string;
  contentHash: string;
  slug: string;
  name: string;
  draftRevision: number;
}

/** A position saved from a playtest (a full engine state), for dry runs of Lua abilities. */
export interface PositionRow {
  name: string;
  matchId: string;
  contentHash: string;
  createdAt: string;
}

export class SlugTaken extends Error {}
/** Card images one user may upload in all, and their total size in bytes. */
export interface ArtQuota {
  images: number;
  bytes: number;
}
/** The owner already has `max` games. */
export class GamesQuotaReached extends Error {
  constructor(readonly max: number) {
    super(`At most ${max} games per owner.`);
  }
}

const GAME_COLUMNS = `g.id, g.slug, g.name, g.description, g.kind, g.owner_id, u.name AS owner_name`;
const VERSION_COLUMNS = `game_id, version, content_hash, published_at, deprecated, banlist, decks`;

const POSITION_COLUMNS = `name, match_id, content_hash, created_at`;

const toPosition = (row: Row): PositionRow => ({
  name: row.name as string,
  matchId: row.match_id as string,
  contentHash: row.content_hash as string,
  createdAt: (row.created_at as Date).toISOString(),
});

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

  /**
   * Inserts a game; with `maxGames`, only while its owner has fewer (else GamesQuotaReached). The
   * count and the insert run in one transaction holding the owner's advisory lock, so concurrent
   * creations on every node of this database are counted one after another.
   */
  async createGame(
    game: { id: string; slug: string; name: string; description: string; ownerId: string },
    maxGames?: number,
  ): Promise<void> {
    try {
      await this.db.transaction(async (query) => {
        const insert = () =>
          query(
            `INSERT INTO content_games (id, slug, name, description, owner_id) VALUES ($1, $2, $3, $4, $5)`,
            [game.id, game.slug, game.name, game.description, game.ownerId],
          );
        if (maxGames === undefined) {
          await insert();
          return;
        }
        const created = await writeUnderCap(
          query,
          {
            lock: `games:user:${game.ownerId}`,
            count: 'SELECT count(*)::int AS n FROM content_games WHERE owner_id = $1',
            params: [game.ownerId],
            cap: maxGames,
          },
          insert,
        );
        if (!created.ok) throw new GamesQuotaReached(maxGames);
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new SlugTaken(game.slug);
      throw error;
    }
  }

  /**
   * Records that `userId` uploaded these images, unless that would take them past `quota` (then
   * says which bound, and records none). Images they uploaded before are not counted again. The
   * count and the inserts run under the user's advisory lock, so concurrent uploads cannot slip
   * past it.
   */
  async recordArtUploads(
    userId: string,
    images: readonly { sha256: string; size: number }[],
    quota: ArtQuota,
  ): Promise<keyof ArtQuota | null> {
    if (images.length === 0) return null;
    return this.db.transaction(async (query) => {
      await lockForTransaction(query, `art:user:${userId}`);
      const [used] = await query(
        `SELECT count(*)::int AS images, coalesce(sum(size), 0)::bigint AS bytes
         FROM content_art_uploads WHERE user_id = $1`,
        [userId],
      );
      const known = new Set(
        (
          await query(
            'SELECT sha256 FROM content_art_uploads WHERE user_id = $1 AND sha256 = ANY($2)',
            [userId, images.map((image) => image.sha256)],
          )
        ).map((row) => row.sha256 as string),
      );
      const added = [...new Map(images.map((image) => [image.sha256, image])).values()].filter(
        (image) => !known.has(image.sha256),
      );
      if ((used!.images as number) + added.length > quota.images) return 'images';
      const bytes = added.reduce((sum, image) => sum + image.size, 0);
      if (Number(used!.bytes) + bytes > quota.bytes) return 'bytes';
      for (const image of added)
        await query('INSERT INTO content_art_uploads (user_id, sha256, size) VALUES ($1, $2, $3)', [
          userId,
          image.sha256,
          image.size,
        ]);
      return null;
    });
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
       ORDER BY (SELECT count(*) FROM match_content m
                 WHERE m.game_id = g.id AND m.version IS NOT NULL) DESC, g.created_at
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

  /**
   * Stores the next version, unless the latest already has this content (`unchangedSince`).
   * The latest is read again on each try, after the (game, version) key refused a racing
   * publisher's number: two publishers racing with the same content store it once (two tabs'
   * or two nodes' publishes of one draft made two identical versions), with different content
   * they get consecutive numbers. `gone`: the game was deleted while its draft was checked.
   * `full`: the game keeps `maxVersions` already (none: no cap). Versions are never deleted and each is numbered
   * one past the latest under the (game, version) key, so the latest number is their count, and
   * racing publishers cannot pass the cap (no count under a lock is needed).
   */
  async publish(input: {
    gameId: string;
    files: StoredFiles;
    contentHash: string;
    decks: { id: string; name: string }[];
    userId: string;
    maxVersions?: number;
  }): Promise<
    { version: VersionRow } | { unchangedSince: number } | { gone: true } | { full: true }
  > {
    for (let attempt = 0; ; attempt++) {
      const latest = await this.latest(input.gameId);
      if (latest?.contentHash === input.contentHash) return { unchangedSince: latest.version };
      if (input.maxVersions !== undefined && (latest?.version ?? 0) >= input.maxVersions)
        return { full: true };
      try {
        const rows = await this.db.query(
          `INSERT INTO content_versions (game_id, version, content_hash, files, decks, published_by)
           VALUES ($1, $2, $3, $4, $5, $6)
           RETURNING ${VERSION_COLUMNS}`,
          [
            input.gameId,
            (latest?.version ?? 0) + 1,
            input.contentHash,
            JSON.stringify(input.files),
            JSON.stringify(input.decks),
            input.userId,
          ],
        );
        return { version: toVersion(rows[0]!) };
      } catch (error) {
        if (isForeignKeyViolation(error)) return { gone: true };
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

  async pinMatch(matchId: string, pin: ContentPin) {
    await this.db.query(
      `INSERT INTO match_content (match_id, game_id, version, content_hash) VALUES ($1, $2, $3, $4)`,
      [matchId, pin.gameId, pin.version, pin.contentHash],
    );
  }

  /** The content a match plays; a playtest's slug and name are its snapshot's. */
  async matchContent(matchId: string): Promise<MatchContentRow | null> {
    return (await this.matchContents([matchId])).get(matchId) ?? null;
  }

  /** The content each of these matches plays, by match id (built-in games have none). */
  async matchContents(matchIds: readonly string[]): Promise<Map<string, MatchContentRow>> {
    const rows = await this.db.query(
      `SELECT m.match_id, m.game_id, m.version, m.content_hash, s.draft_revision,
              coalesce(s.slug, g.slug) AS slug, coalesce(s.name, g.name) AS name
       FROM match_content m
       LEFT JOIN content_games g ON m.version IS NOT NULL AND g.id = m.game_id
       LEFT JOIN content_snapshots s
         ON m.version IS NULL AND s.game_id = m.game_id AND s.content_hash = m.content_hash
       WHERE m.match_id = ANY($1::text[])`,
      [matchIds],
    );
    return new Map(
      rows.map((row) => [
        row.match_id as string,
        {
          gameId: row.game_id as string,
          slug: row.slug as string,
          name: row.name as string,
          version: row.version as number | null,
          contentHash: row.content_hash as string,
          draftRevision: row.draft_revision as number | null,
        },
      ]),
    );
  }

  /** The files a pin names: a published version's or a snapshot's. */
  async pinnedFiles(pin: ContentPin): Promise<StoredFiles | null> {
    if (pin.version !== null) return this.files(pin.gameId, pin.version);
    const rows = await this.db.query<{ files: StoredFiles }>(
      `SELECT files FROM content_snapshots WHERE game_id = $1 AND content_hash = $2`,
      [pin.gameId, pin.contentHash],
    );
    return rows[0]?.files ?? null;
  }

  /**
   * Freezes a draft's files for playtests. Identical content is stored once: the snapshot
   * already taken of it (at its first revision) is the answer.
   */
  async saveSnapshot(snapshot: SnapshotRow & { files: StoredFiles }): Promise<SnapshotRow> {
    await this.db.query(
      `INSERT INTO content_snapshots (game_id, content_hash, slug, name, draft_revision, files)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (game_id, content_hash) DO NOTHING`,
      [
        snapshot.gameId,
        snapshot.contentHash,
        snapshot.slug,
        snapshot.name,
        snapshot.draftRevision,
        JSON.stringify(snapshot.files),
      ],
    );
    return (await this.snapshotByHash(snapshot.contentHash, snapshot.gameId))!;
  }

  /** A snapshot with this content hash (of this game, or of any). */
  async snapshotByHash(contentHash: string, gameId?: string): Promise<SnapshotRow | null> {
    const rows = await this.db.query(
      `SELECT game_id, content_hash, slug, name, draft_revision FROM content_snapshots
       WHERE content_hash = $1 AND ($2::text IS NULL OR game_id = $2) LIMIT 1`,
      [contentHash, gameId ?? null],
    );
    const row = rows[0];
    return row
      ? {
          gameId: row.game_id as string,
          contentHash: row.content_hash as string,
          slug: row.slug as string,
          name: row.name as string,
          draftRevision: row.draft_revision as number,
        }
      : null;
  }

  /**
   * Playtests a user hosts that are not over yet, but for those still waiting for a friend that
   * the user left (they cannot play them any more; they expire on their own).
   */
  async livePlaytests(userId: string): Promise<number> {
    const rows = await this.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM match_content c JOIN matches m ON m.id = c.match_id
       WHERE c.version IS NULL AND m.host_user_id = $1 AND m.status <> 'over'
         AND NOT (m.status = 'waiting'
                  AND NOT m.seats @> jsonb_build_array(jsonb_build_object('userId', $1::text)))`,
      [userId],
    );
    return rows[0]?.n ?? 0;
  }

  /**
   * Saves (or replaces, by name) a position for a draft's dry runs, and answers it as saved;
   * `full`, saving nothing, when it is a new name and the game keeps `max` already; `gone` when
   * the game was deleted meanwhile (its positions' foreign key refuses the row). Counted and
   * written under the game's advisory lock, so concurrent saves cannot pass `max`.
   */
  async savePosition(
    gameId: string,
    position: Omit<PositionRow, 'createdAt'> & { state: unknown },
    max: number,
  ): Promise<PositionRow | 'full' | 'gone'> {
    try {
      const saved = await this.db.transaction((query) =>
        writeUnderCap(
          query,
          {
            lock: `positions:${gameId}`,
            count:
              'SELECT count(*)::int AS n FROM draft_positions WHERE game_id = $1 AND name <> $2',
            params: [gameId, position.name],
            cap: max,
          },
          async () => {
            const [row] = await query(
              `INSERT INTO draft_positions (game_id, name, match_id, content_hash, state)
               VALUES ($1, $2, $3, $4, $5)
               ON CONFLICT (game_id, name) DO UPDATE
               SET match_id = $3, content_hash = $4, state = $5, created_at = now()
               RETURNING ${POSITION_COLUMNS}`,
              [
                gameId,
                position.name,
                position.matchId,
                position.contentHash,
                JSON.stringify(position.state),
              ],
            );
            return toPosition(row!);
          },
        ),
      );
      return saved.ok ? saved.value : 'full';
    } catch (error) {
      if (isForeignKeyViolation(error)) return 'gone';
      throw error;
    }
  }

  async positions(gameId: string): Promise<PositionRow[]> {
    const rows = await this.db.query(
      `SELECT ${POSITION_COLUMNS} FROM draft_positions
       WHERE game_id = $1 ORDER BY created_at DESC, name`,
      [gameId],
    );
    return rows.map(toPosition);
  }

  async positionState(gameId: string, name: string): Promise<unknown> {
    const rows = await this.db.query<{ state: unknown }>(
      `SELECT state FROM draft_positions WHERE game_id = $1 AND name = $2`,
      [gameId, name],
    );
    return rows[0]?.state ?? null;
  }

  async deletePosition(gameId: string, name: string): Promise<boolean> {
    const rows = await this.db.query(
      `DELETE FROM draft_positions WHERE game_id = $1 AND name = $2 RETURNING name`,
      [gameId, name],
    );
    return rows.length > 0;
  }

  /** Published matches created per content game (playtests are not counted). */
  async playCounts(gameIds: string[]): Promise<Map<string, number>> {
    if (gameIds.length === 0) return new Map();
    const rows = await this.db.query<{ game_id: string; n: string }>(
      `SELECT game_id, count(*) AS n FROM match_content
       WHERE game_id = ANY($1) AND version IS NOT NULL GROUP BY game_id`,
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
