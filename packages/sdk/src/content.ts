import { Type, type Static } from '@sinclair/typebox';

/**
 * The content API (creators' games as versioned data): the schemas the server validates with and
 * documents in its OpenAPI document, and the types clients use. See docs/creators.md.
 */

/** A slug names a published game in URLs and in `POST /api/matches`. */
export const SLUG_PATTERN = '^[a-z0-9][a-z0-9-]{2,39}$';
export const Slug = Type.String({ pattern: SLUG_PATTERN, minLength: 3, maxLength: 40 });

export const GameKind = Type.Union([Type.Literal('golf'), Type.Literal('tcg')]);
export type GameKind = Static<typeof GameKind>;

export const GameSummary = Type.Object({
  slug: Type.String(),
  name: Type.String(),
  description: Type.String(),
  kind: GameKind,
  builtIn: Type.Boolean(),
  creator: Type.Union([Type.Object({ id: Type.String(), name: Type.String() }), Type.Null()]),
  /** The newest published version (deprecated or not); null for built-ins and unpublished games. */
  latestVersion: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()]),
  /** Matches created with this game. */
  playCount: Type.Integer({ minimum: 0 }),
  /** The decks of the version new matches get (TCG). */
  decks: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })),
  /** How many seats a match of it has. */
  seats: Type.Object({ min: Type.Integer({ minimum: 1 }), max: Type.Integer({ minimum: 1 }) }),
});
export type GameSummary = Static<typeof GameSummary>;

/**
 * The largest number a PostgreSQL integer column holds: a count or number a client sends that is
 * stored or compared as one is bounded by it, so a larger one is refused as bad input (400)
 * rather than failing the query.
 */
export const PG_INTEGER_MAX = 2_147_483_647;

/** A published version's number as a client names it (a PostgreSQL integer). */
export const VersionNumber = Type.Integer({ minimum: 1, maximum: PG_INTEGER_MAX });

export const VersionSummary = Type.Object({
  version: Type.Integer({ minimum: 1 }),
  /** `sha256:<hex>` of the canonical package: matches and exports pin it. */
  contentHash: Type.String(),
  publishedAt: Type.String(),
  deprecated: Type.Boolean(),
  /** Cards refused in new matches' decks on this version. */
  banlist: Type.Array(Type.String()),
});
export type VersionSummary = Static<typeof VersionSummary>;

export const Diagnostic = Type.Object({
  severity: Type.Union([Type.Literal('error'), Type.Literal('warning')]),
  code: Type.String(),
  file: Type.Optional(Type.String()),
  path: Type.Optional(Type.String()),
  line: Type.Optional(Type.Integer()),
  column: Type.Optional(Type.Integer()),
  message: Type.String(),
});
export type Diagnostic = Static<typeof Diagnostic>;

/** A content folder as JSON: text files as strings, binary files (card art) as base64. */
export const ContentPackage = Type.Object({
  files: Type.Record(
    Type.String({ minLength: 1, maxLength: 200 }),
    Type.Union([
      Type.String(),
      Type.Object({ base64: Type.String() }, { additionalProperties: false }),
    ]),
  ),
});
export type ContentPackage = Static<typeof ContentPackage>;

export const ValidationReport = Type.Object({
  ok: Type.Boolean(),
  errors: Type.Array(Diagnostic),
  warnings: Type.Array(Diagnostic),
});
export type ValidationReport = Static<typeof ValidationReport>;

export const CreateGameRequest = Type.Object({
  slug: Slug,
  name: Type.String({ minLength: 1, maxLength: 80 }),
  description: Type.Optional(Type.String({ maxLength: 2000 })),
  /** Start the draft as a copy of a published version (default its latest); else empty. */
  from: Type.Optional(
    Type.Object(
      { slug: Slug, version: Type.Optional(VersionNumber) },
      { additionalProperties: false },
    ),
  ),
});
export type CreateGameRequest = Static<typeof CreateGameRequest>;

export const GameResponse = Type.Object({ game: GameSummary });
export const GameList = Type.Object({ games: Type.Array(GameSummary) });
export type GameList = Static<typeof GameList>;
export const GameDetail = Type.Object({ game: GameSummary, versions: Type.Array(VersionSummary) });
export type GameDetail = Static<typeof GameDetail>;
export const VersionResponse = Type.Object({ version: VersionSummary });

/** A published version as the table needs it: rules, cards with their text, decks, art URLs. */
export const VersionDetail = Type.Object({
  version: VersionSummary,
  content: Type.Object({
    ruleset: Type.Unknown(),
    cards: Type.Array(Type.Unknown()),
    decks: Type.Array(Type.Unknown()),
    /** Card id -> `/api/art/<sha256>`; cards without an image are absent. */
    art: Type.Record(Type.String(), Type.String()),
  }),
});
export type VersionDetail = Static<typeof VersionDetail>;

export const BanlistRequest = Type.Object({
  cards: Type.Array(Type.String({ minLength: 1, maxLength: 120 }), { maxItems: 500 }),
});
export type BanlistRequest = Static<typeof BanlistRequest>;

/** The content a match plays, as its metadata and its export carry it. */
export const MatchContent = Type.Object({
  slug: Type.String(),
  /** The published version; null for a playtest of the draft (`draftRevision` says which). */
  version: Type.Union([VersionNumber, Type.Null()]),
  contentHash: Type.String(),
  name: Type.String(),
  /** A playtest's draft revision when it was frozen (playtests only). */
  draftRevision: Type.Optional(Type.Integer({ minimum: 0, maximum: PG_INTEGER_MAX })),
});
export type MatchContent = Static<typeof MatchContent>;

/** A seat's deck in `POST /api/matches` (TCG): a deck id of the version, or a pasted list. */
export const SeatDeck = Type.Union([
  Type.String({ minLength: 1, maxLength: 80 }),
  Type.Object({ list: Type.String({ minLength: 1, maxLength: 20_000 }) }),
]);
export type SeatDeck = Static<typeof SeatDeck>;

/** A stored package file: text as is, an image by its hash (the bytes live in the art store). */
export const StoredFile = Type.Union([
  Type.String(),
  Type.Object({
    sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }),
    type: Type.String(),
    size: Type.Integer({ minimum: 0 }),
  }),
]);
export type StoredFile = Static<typeof StoredFile>;

/** Content embedded in a replay export: its hash and its files. */
export const EmbeddedContent = Type.Object({
  contentHash: Type.String(),
  files: Type.Record(Type.String({ maxLength: 200 }), StoredFile),
});
export type EmbeddedContent = Static<typeof EmbeddedContent>;

/** A draft's file in a save: a package file, or card art already uploaded (by its hash). */
export const DraftFile = Type.Union([
  Type.String(),
  Type.Object({ base64: Type.String() }, { additionalProperties: false }),
  Type.Object(
    { sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }) },
    { additionalProperties: false },
  ),
]);
export type DraftFile = Static<typeof DraftFile>;

/**
 * A draft save (`PUT .../draft`): the whole package, and the revision it was edited from. A save
 * whose `revision` is not the draft's current one is refused (409 CONFLICT, `details.revision`)
 * so two tabs never overwrite each other silently; without `revision` the save always lands.
 */
export const DraftSave = Type.Object({
  files: Type.Record(Type.String({ minLength: 1, maxLength: 200 }), DraftFile),
  revision: Type.Optional(Type.Integer({ minimum: 0, maximum: PG_INTEGER_MAX })),
});
export type DraftSave = Static<typeof DraftSave>;

/** A saved draft's validation report and its new revision. */
export const DraftSaved = Type.Object({
  ok: Type.Boolean(),
  errors: Type.Array(Diagnostic),
  warnings: Type.Array(Diagnostic),
  revision: Type.Integer({ minimum: 0 }),
});
export type DraftSaved = Static<typeof DraftSaved>;

/**
 * `POST /api/content/games/import`: a new game whose draft is a content folder zipped (files at
 * the archive's root or in one folder), as the studio's export and `cardtable content pack`
 * make it. Nothing is created when the archive breaks a limit or is not a zip.
 */
export const ImportGameRequest = Type.Object({
  slug: Slug,
  name: Type.String({ minLength: 1, maxLength: 80 }),
  description: Type.Optional(Type.String({ maxLength: 2000 })),
  archive: Type.Object({ base64: Type.String({ minLength: 1 }) }, { additionalProperties: false }),
});
export type ImportGameRequest = Static<typeof ImportGameRequest>;

/** The imported game and its draft's validation report (a draft is kept even with errors). */
export const ImportedGame = Type.Object({
  game: GameSummary,
  ok: Type.Boolean(),
  errors: Type.Array(Diagnostic),
  warnings: Type.Array(Diagnostic),
  revision: Type.Integer({ minimum: 0 }),
});
export type ImportedGame = Static<typeof ImportedGame>;

/** A game's draft, for its creator only: its files as stored (art by hash) and its revision. */
export const DraftDetail = Type.Object({
  game: GameSummary,
  revision: Type.Integer({ minimum: 0 }),
  updatedAt: Type.Union([Type.String(), Type.Null()]),
  files: Type.Record(Type.String(), StoredFile),
});
export type DraftDetail = Static<typeof DraftDetail>;

/** `PATCH /api/content/games/:slug`: rename a game or change its description. */
export const UpdateGameRequest = Type.Object({
  name: Type.Optional(Type.String({ minLength: 1, maxLength: 80 })),
  description: Type.Optional(Type.String({ maxLength: 2000 })),
});
export type UpdateGameRequest = Static<typeof UpdateGameRequest>;

/** `POST .../draft/art`: one image for the draft, stored by hash; the answer names it. */
export const ArtUpload = Type.Object({ base64: Type.String({ minLength: 1 }) });
export type ArtUpload = Static<typeof ArtUpload>;
export const ArtUploaded = Type.Object({
  sha256: Type.String(),
  type: Type.String(),
  size: Type.Integer({ minimum: 0 }),
  url: Type.String(),
});
export type ArtUploaded = Static<typeof ArtUploaded>;

/** The most positions one game's draft keeps (saving another by a new name is refused). */
export const MAX_SAVED_POSITIONS = 20;

/** `POST /api/content/games/:slug/positions`: save the position of a playtest of this draft. */
export const SavePositionRequest = Type.Object({
  matchId: Type.String({ minLength: 1, maxLength: 128 }),
  name: Type.String({ minLength: 1, maxLength: 60, pattern: '\\S' }),
});
export type SavePositionRequest = Static<typeof SavePositionRequest>;

export const PositionSummary = Type.Object({
  name: Type.String(),
  matchId: Type.String(),
  /** The playtest snapshot the position was saved from. */
  contentHash: Type.String(),
  createdAt: Type.String(),
});
export type PositionSummary = Static<typeof PositionSummary>;

export const PositionList = Type.Object({ positions: Type.Array(PositionSummary) });
export type PositionList = Static<typeof PositionList>;

/** A saved position with the full engine state, for the studio's dry runs. */
export const PositionDetail = Type.Object({
  position: PositionSummary,
  state: Type.Unknown(),
});
export type PositionDetail = Static<typeof PositionDetail>;

/** `GET /api/matches/:id/art`: the image URL of each card of the match's content that has one. */
export const MatchArt = Type.Object({ art: Type.Record(Type.String(), Type.String()) });
export type MatchArt = Static<typeof MatchArt>;
