import { Type, type Static } from '@sinclair/typebox';
import type { ErrorMessage } from './protocol.ts';

/**
 * Ratings, leaderboards, stats, achievements and match history (issue 14): the schemas the server
 * validates and documents, and the types clients use. See docs/social.md.
 */

const UserId = Type.String({ minLength: 1, maxLength: 128 });
/** A game's name (golf, tcg) or a published game's slug. */
const GameName = Type.String({ minLength: 1, maxLength: 64, pattern: '^[a-z0-9][a-z0-9-]*$' });
/** A ruleset version (golf: 1.0.0) or a published version number. */
const GameVersion = Type.String({ minLength: 1, maxLength: 32, pattern: '^[0-9A-Za-z.+-]+$' });

export const LeaderboardParams = Type.Object({ game: GameName, version: GameVersion });
export type LeaderboardParams = Static<typeof LeaderboardParams>;

export const LeaderboardQuery = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  /** The `next` of the previous page. */
  after: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
});
export type LeaderboardQuery = Static<typeof LeaderboardQuery>;

export const LeaderboardEntry = Type.Object({
  /** 1-based place in the board: rating first, equal ratings by user id. */
  position: Type.Integer({ minimum: 1 }),
  userId: Type.String(),
  name: Type.String(),
  rating: Type.Number(),
  rd: Type.Number(),
  games: Type.Integer({ minimum: 0 }),
});
export type LeaderboardEntry = Static<typeof LeaderboardEntry>;

export const Leaderboard = Type.Object({
  game: Type.String(),
  version: Type.String(),
  /** Rated games a player needs to be listed. */
  minGames: Type.Integer({ minimum: 0 }),
  entries: Type.Array(LeaderboardEntry),
  /** Pass as `after` for the next page; null on the last one. */
  next: Type.Union([Type.String(), Type.Null()]),
  /** The caller's own entry, wherever it is (null: not listed). */
  me: Type.Union([LeaderboardEntry, Type.Null()]),
});
export type Leaderboard = Static<typeof Leaderboard>;

export const RatedGame = Type.Object({
  game: Type.String(),
  version: Type.String(),
  players: Type.Integer({ minimum: 0 }),
});
export const RatedGameList = Type.Object({
  boards: Type.Array(RatedGame),
  /** Rated games a player needs to be listed (and a board, to be listed here, one such player). */
  minGames: Type.Integer({ minimum: 0 }),
});
export type RatedGameList = Static<typeof RatedGameList>;

export const PlayerParams = Type.Object({ id: UserId });

export const PlayerRating = Type.Object({
  game: Type.String(),
  version: Type.String(),
  rating: Type.Number(),
  rd: Type.Number(),
  games: Type.Integer({ minimum: 0 }),
});

export const PlayerStatsEntry = Type.Object({
  game: Type.String(),
  /** See src/social/stats.ts on the server: games, wins, streaks, golf {...}, tcg {decks}. */
  stats: Type.Record(Type.String(), Type.Unknown()),
});

export const EarnedAchievement = Type.Object({
  id: Type.String(),
  name: Type.String(),
  description: Type.String(),
  grantedAt: Type.String(),
  matchId: Type.String(),
});
export type EarnedAchievement = Static<typeof EarnedAchievement>;

export const PlayerProfile = Type.Object({
  user: Type.Object({ id: Type.String(), name: Type.String(), guest: Type.Boolean() }),
  ratings: Type.Array(PlayerRating),
  stats: Type.Array(PlayerStatsEntry),
  achievements: Type.Array(EarnedAchievement),
  /**
   * The player's finished matches not yet counted in the ratings, stats and achievements above:
   * they are folded in feed order a moment after they end (a second or so), so a profile opened
   * straight after a match may be one behind.
   */
  counting: Type.Integer({ minimum: 0 }),
});
export type PlayerProfile = Static<typeof PlayerProfile>;

export const RatingHistoryParams = Type.Object({
  id: UserId,
  game: GameName,
  version: GameVersion,
});

export const RatingPoint = Type.Object({
  at: Type.String(),
  rating: Type.Number(),
  rd: Type.Number(),
  matchId: Type.String(),
});
export type RatingPoint = Static<typeof RatingPoint>;
export const RatingHistory = Type.Object({ points: Type.Array(RatingPoint) });
export type RatingHistory = Static<typeof RatingHistory>;

export const HistoryQuery = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })),
  after: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
});
export type HistoryQuery = Static<typeof HistoryQuery>;

export const PlayedMatch = Type.Object({
  matchId: Type.String(),
  game: Type.String(),
  endedAt: Type.String(),
  rated: Type.Boolean(),
  /** The player's place (1-based), null for a no-contest. */
  place: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()]),
  won: Type.Boolean(),
  reason: Type.Union([Type.String(), Type.Null()]),
  /** Everyone at the table, by seat. */
  players: Type.Array(Type.Object({ name: Type.String(), cpu: Type.Boolean() })),
});
export type PlayedMatch = Static<typeof PlayedMatch>;

export const MatchHistory = Type.Object({
  matches: Type.Array(PlayedMatch),
  next: Type.Union([Type.String(), Type.Null()]),
});
export type MatchHistory = Static<typeof MatchHistory>;

// ---- Matchmaking socket: GET /ws/matchmaking?token=..&game=..&mode=casual|rated&seats=2 ----

export type QueueMode = 'casual' | 'rated';

/** What the matchmaking socket sends: status while waiting, then the match or why it ended. */
export type QueueServerMessage =
  | {
      type: 'QUEUE_STATUS';
      /** 1-based place in the queue (longest waiting first). */
      position: number;
      /** Players waiting in this queue. */
      waiting: number;
      /** From recent waits in this queue; null until there are some. */
      estimatedWaitMs: number | null;
      waitedMs: number;
    }
  | { type: 'QUEUE_MATCHED'; matchId: string; game: string }
  /**
   * Out of the queue: cancelled by the player, or gone (a newer ticket of the same player replaced
   * it, or its table could not be created): queue again.
   */
  | { type: 'QUEUE_ENDED'; reason: 'cancelled' | 'gone' }
  /** The match socket's ERROR: a protocol code, words for a person, `details` when there are. */
  | ErrorMessage;

/** The one message a client sends: leave the queue (closing the socket does the same). */
export type QueueClientMessage = { type: 'CANCEL' };

// ---- Open tables: GET /api/tables?game=..&version=..; POST /api/tables/:id/join ----

export const OpenTablesQuery = Type.Object({
  game: GameName,
  /** A ruleset version or a published version number; every version when left out. */
  version: Type.Optional(GameVersion),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })),
  /** The `next` of the previous page. */
  after: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
});
export type OpenTablesQuery = Static<typeof OpenTablesQuery>;

/** A public table waiting for players, as the lobby list shows it. */
export const OpenTable = Type.Object({
  matchId: Type.String(),
  /** The game's name, or a published game's slug. */
  game: Type.String(),
  /** The published game's name (built-in games: null). */
  title: Type.Union([Type.String(), Type.Null()]),
  version: Type.String(),
  host: Type.String(),
  /** Everyone seated so far (people and CPUs), by seat. */
  players: Type.Array(Type.String()),
  seats: Type.Integer({ minimum: 1 }),
  free: Type.Integer({ minimum: 0 }),
  /** The rules in words (Golf: holes, decks, then whatever differs from the standard game). */
  rules: Type.Array(Type.String()),
  rated: Type.Boolean(),
  approveJoins: Type.Boolean(),
  turnTimeLimitMs: Type.Union([Type.Integer(), Type.Null()]),
  createdAt: Type.String(),
});
export type OpenTable = Static<typeof OpenTable>;

export const OpenTableList = Type.Object({
  tables: Type.Array(OpenTable),
  next: Type.Union([Type.String(), Type.Null()]),
});
export type OpenTableList = Static<typeof OpenTableList>;

export const TableParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 128 }) });

/** `POST /api/admin/social/rebuild` (admins): the projection emptied and folded again. */
export const SocialRebuildResult = Type.Object({
  /** Finished matches folded from zero. */
  folded: Type.Integer({ minimum: 0 }),
});
export type SocialRebuildResult = Static<typeof SocialRebuildResult>;
