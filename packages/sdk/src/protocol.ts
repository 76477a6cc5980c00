/**
 * Match protocol v1: the wire contract between every client and the server, as TypeBox schemas
 * (JSON Schema at run time) plus their static types. The server validates every inbound message
 * and request body with these same schemas; clients import the types. Fields follow
 * shared/specs/protocol.md; additions are listed in docs/protocol.md. Change additively only.
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { AccountRole, DISPLAY_NAME_MAX_LENGTH } from './accounts.ts';
import { EmbeddedContent, MatchContent, SeatDeck, VersionNumber } from './content.ts';
import { ROOM_CODE_LENGTH } from './room-code.ts';

export { CLOSE_CODES } from './close-codes.ts';

export const PROTOCOL_VERSION = 1;

/** Largest accepted socket frame, in bytes (the server may be configured lower, never higher). */
export const MAX_FRAME_BYTES = 64 * 1024;

// ---------------------------------------------------------------------------------------------
// Error codes
// ---------------------------------------------------------------------------------------------

/** Every error code the server sends, on the socket (ACTION_RESULT, ERROR) and over HTTP. */
export const ERROR_CODES = [
  /** The action came from a seat that may not act now. */
  'NOT_YOUR_TURN',
  /** The game's rules refuse the action (the game's own rule code is in `details.rule`). */
  'ILLEGAL_ACTION',
  /** The action's type or payload is not one the game understands. */
  'INVALID_PAYLOAD',
  /** `knownVersion` is older than the match and the action depends on the state it saw. */
  'STALE_VERSION',
  /** The match is over (or was never started) and takes no more actions. */
  'MATCH_OVER',
  /** The match has not started yet: not every seat is taken. */
  'MATCH_NOT_STARTED',
  /** A spectator (or a seat that left) tried to act. */
  'NOT_A_PLAYER',
  /** Your seat already used this `actionId` in this match for another kind of action. */
  'DUPLICATE_ACTION_ID',
  /** Too many messages or requests; slow down. */
  'RATE_LIMITED',
  /** A quota is used up (matches created or open at once, stored replays or their bytes); `details.limit` names which. */
  'QUOTA_EXCEEDED',
  /** No valid access token (missing, forged, expired). */
  'UNAUTHORIZED',
  /** The session was signed out (logout, password change, a reused refresh token): sign in again. */
  'SESSION_REVOKED',
  /** Authenticated but not allowed to do this. */
  'FORBIDDEN',
  /** No such match, code, replay or route. */
  'NOT_FOUND',
  /** The request conflicts with the current state (seat already taken, match already started). */
  'CONFLICT',
  /** A frame that is not a valid message (bad JSON, unknown type, wrong fields). */
  'BAD_MESSAGE',
  /** An HTTP request whose body or parameters fail validation. */
  'BAD_REQUEST',
  /** A frame or body larger than the limit. */
  'TOO_LARGE',
  /** The match already has the maximum number of connections. */
  'TOO_MANY_CONNECTIONS',
  /** A replay failed verification on import. */
  'REPLAY_INVALID',
  /** A content package breaks a limit or fails validation (`details.errors`, `details.warnings`). */
  'CONTENT_INVALID',
  /** Publishing a draft identical to the latest version (`details.version`). */
  'CONTENT_UNCHANGED',
  /** The server is shutting down; reconnect shortly. */
  'SHUTTING_DOWN',
  /** Something unexpected failed on the server; nothing was applied. */
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];
export const ErrorCodeSchema = Type.Union(ERROR_CODES.map((code) => Type.Literal(code)));

export const ErrorBody = Type.Object({
  code: ErrorCodeSchema,
  message: Type.String({ description: 'Written for a person.' }),
  details: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
});
export type ErrorBody = Static<typeof ErrorBody>;

// ---------------------------------------------------------------------------------------------
// Shared shapes
// ---------------------------------------------------------------------------------------------

const Id = (description: string) => Type.String({ minLength: 1, maxLength: 128, description });
/**
 * A count a client may send: a whole number from 0 to 2^53 - 1. JSON Schema's integer takes 1e308
 * too (a whole number as a double), which no counter reaches and no comparison can trust.
 */
const Count = (description: string) =>
  Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER, description });
const Version = Count('Resolution number; 0 before start.');
const StepNumber = Count('Step within a resolution, from 1.');

export const MatchStatus = Type.Union([
  Type.Literal('waiting'),
  Type.Literal('active'),
  Type.Literal('over'),
]);
export type MatchStatus = Static<typeof MatchStatus>;

export const Role = Type.Union([Type.Literal('player'), Type.Literal('spectator')]);
export type Role = Static<typeof Role>;

/** A complete action a client may send as is (the entries of `legal`). */
export const LegalAction = Type.Object({ type: Type.String(), payload: Type.Unknown() });
export type LegalAction = Static<typeof LegalAction>;

/** JSON Patch (RFC 6902 subset) between two of the same viewer's views. */
export const PatchOp = Type.Union([
  Type.Object({ op: Type.Literal('add'), path: Type.String(), value: Type.Unknown() }),
  Type.Object({ op: Type.Literal('remove'), path: Type.String() }),
  Type.Object({ op: Type.Literal('replace'), path: Type.String(), value: Type.Unknown() }),
]);
export type PatchOp = Static<typeof PatchOp>;

/** One step of a resolution as one viewer receives it. */
export const WireEvent = Type.Object({
  eventId: Type.String({ description: '`${matchId}:${version}:${step}`' }),
  matchId: Type.String(),
  version: Version,
  step: StepNumber,
  resolutionId: Type.String(),
  type: Type.String(),
  data: Type.Unknown({ description: "The viewer's projection of the event data." }),
  ts: Type.String({ description: 'ISO 8601 time the resolution was persisted.' }),
  requiresAck: Type.Boolean(),
  stateDiff: Type.Array(PatchOp),
  timedOut: Type.Optional(
    Type.Integer({
      minimum: 0,
      description:
        'The seat whose turn clock ran out: this step is of the move the timeout rule played for it.',
    }),
  ),
});
export type WireEvent = Static<typeof WireEvent>;

/** A running turn clock, in server time (ISO 8601). */
export const SeatDeadline = Type.Object({
  seat: Type.Integer({ minimum: 0 }),
  /** When it started (later than the frame for a clock held while the table shows a summary). */
  startsAt: Type.String(),
  /** When its time runs out and the timeout rule plays the seat's move. */
  endsAt: Type.String(),
});
export type SeatDeadline = Static<typeof SeatDeadline>;

export const SeatKind = Type.Union([Type.Literal('human'), Type.Literal('cpu')]);

/** A seat as the public sees it. */
export const PublicSeat = Type.Object({
  seat: Type.Integer({ minimum: 0 }),
  kind: SeatKind,
  name: Type.Optional(Type.String()),
  profile: Type.Optional(Type.String({ description: 'CPU personality.' })),
  taken: Type.Boolean({ description: 'A person holds it (always true for CPU seats).' }),
  connected: Type.Boolean({ description: 'At least one live socket holds it (CPUs: true).' }),
  away: Type.Boolean({
    description: 'Left, or disconnected past the grace period: the timeout rule plays it.',
  }),
  surrendered: Type.Boolean(),
  /** After the end: this player offered or accepted a rematch. */
  rematch: Type.Optional(Type.Boolean()),
  /** Joined, waiting for the host's approval (matches with `approveJoins`). */
  pending: Type.Optional(Type.Boolean()),
  /** An open table before the start: this player is ready to play. */
  ready: Type.Optional(Type.Boolean()),
});
export type PublicSeat = Static<typeof PublicSeat>;

/** Seats a match has at most (`POST /api/matches` takes no more). */
export const MAX_SEATS = 16;
/** A seat's number; bounded where a client sends one (an imported replay's outcome, its actions). */
const SeatNumber = Type.Integer({ minimum: 0, maximum: MAX_SEATS - 1 });
const SeatList = (description?: string) =>
  Type.Array(SeatNumber, { maxItems: MAX_SEATS, ...(description ? { description } : {}) });

export const Standing = Type.Object({
  seat: SeatNumber,
  place: Type.Integer({ minimum: 1, maximum: MAX_SEATS }),
  score: Type.Optional(Type.Number()),
});

export const Outcome = Type.Object({
  winners: SeatList(),
  tie: Type.Boolean(),
  standings: Type.Array(Standing, { maxItems: MAX_SEATS }),
  reason: Type.Optional(Type.String()),
  conceded: Type.Optional(SeatList('Seats that conceded: placed after every seat still playing.')),
});
export type Outcome = Static<typeof Outcome>;

// ---------------------------------------------------------------------------------------------
// Socket: client -> server
// ---------------------------------------------------------------------------------------------

/** Client messages are closed objects: an unknown field is refused, naming it. */
const CLOSED = { additionalProperties: false } as const;

/** Authenticates a socket opened without `?token=`; must be the first frame. */
export const HelloMessage = Type.Object(
  {
    type: Type.Literal('HELLO'),
    token: Type.String({ minLength: 1, maxLength: 4096 }),
  },
  CLOSED,
);
export type HelloMessage = Static<typeof HelloMessage>;

export const ActionBody = Type.Object(
  {
    actionId: Id('Client-made unique id; a retry with the same id is never applied twice.'),
    type: Type.String({ minLength: 1, maxLength: 64 }),
    payload: Type.Optional(Type.Unknown()),
    clientSeq: Count('Increases per client.'),
    knownVersion: Type.Optional(Version),
  },
  CLOSED,
);
export type ActionBody = Static<typeof ActionBody>;

export const ActionMessage = Type.Object(
  { type: Type.Literal('ACTION'), action: ActionBody },
  CLOSED,
);
export type ActionMessage = Static<typeof ActionMessage>;

export const FlowAckMessage = Type.Object(
  {
    type: Type.Literal('FLOW_ACK'),
    resolutionId: Type.String({ minLength: 1, maxLength: 64 }),
    step: StepNumber,
  },
  CLOSED,
);
export type FlowAckMessage = Static<typeof FlowAckMessage>;

export const ResumeMessage = Type.Object(
  {
    type: Type.Literal('RESUME'),
    lastVersion: Version,
    lastResolutionId: Type.Optional(Type.String({ maxLength: 64 })),
    lastStep: StepNumber,
  },
  CLOSED,
);
export type ResumeMessage = Static<typeof ResumeMessage>;

export const PingMessage = Type.Object({ type: Type.Literal('PING'), t: Type.Number() }, CLOSED);
export type PingMessage = Static<typeof PingMessage>;

export const ClientMessage = Type.Union([
  HelloMessage,
  ActionMessage,
  FlowAckMessage,
  ResumeMessage,
  PingMessage,
]);
export type ClientMessage = Static<typeof ClientMessage>;
export type ClientMessageType = ClientMessage['type'];

// ---------------------------------------------------------------------------------------------
// Socket: server -> client
// ---------------------------------------------------------------------------------------------

export const WelcomeMessage = Type.Object({
  type: Type.Literal('WELCOME'),
  protocolVersion: Type.Integer(),
  matchId: Type.String(),
  game: Type.String(),
  seat: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()]),
  role: Role,
  status: MatchStatus,
  version: Version,
  /** The last step of `version` (so a RESUME from here misses nothing). */
  step: StepNumber,
  resolutionId: Type.String(),
  view: Type.Unknown(),
  legal: Type.Array(LegalAction),
  seats: Type.Array(PublicSeat),
  result: Type.Union([Outcome, Type.Null()]),
  /** When the current turn's time limit runs out (ISO 8601), if the match has one. */
  turnEndsAt: Type.Union([Type.String(), Type.Null()]),
  /** The clock of every seat that must act (with a time limit; empty without one). */
  clocks: Type.Optional(Type.Array(SeatDeadline)),
});
export type WelcomeMessage = Static<typeof WelcomeMessage>;

export const LegalMessage = Type.Object({
  type: Type.Literal('LEGAL'),
  version: Version,
  status: MatchStatus,
  legal: Type.Array(LegalAction),
  turnEndsAt: Type.Union([Type.String(), Type.Null()]),
  /** The clock of every seat that must act, for every viewer (spectators too). */
  clocks: Type.Optional(Type.Array(SeatDeadline)),
});
export type LegalMessage = Static<typeof LegalMessage>;

export const EventMessage = Type.Object({ type: Type.Literal('EVENT'), event: WireEvent });
export type EventMessage = Static<typeof EventMessage>;

export const ActionResultOk = Type.Object({
  type: Type.Literal('ACTION_RESULT'),
  actionId: Type.String(),
  ok: Type.Literal(true),
  version: Version,
});
export const ActionResultError = Type.Object({
  type: Type.Literal('ACTION_RESULT'),
  actionId: Type.String(),
  ok: Type.Literal(false),
  error: ErrorBody,
});
export const ActionResultMessage = Type.Union([ActionResultOk, ActionResultError]);
export type ActionResultMessage = Static<typeof ActionResultMessage>;

export const ErrorMessage = Type.Object({
  type: Type.Literal('ERROR'),
  code: ErrorCodeSchema,
  message: Type.String(),
  details: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
});
export type ErrorMessage = Static<typeof ErrorMessage>;

export const PongMessage = Type.Object({
  type: Type.Literal('PONG'),
  t: Type.Number(),
  serverTime: Type.Number(),
});
export type PongMessage = Static<typeof PongMessage>;

/** Sent to every connection when the match's status or its seats change (join, leave, presence). */
export const MatchStatusMessage = Type.Object({
  type: Type.Literal('MATCH_STATUS'),
  status: MatchStatus,
  version: Version,
  seats: Type.Array(PublicSeat),
  result: Type.Union([Outcome, Type.Null()]),
  /** The rematch every player agreed to: clients move to it. */
  rematchId: Type.Optional(Type.String()),
});
export type MatchStatusMessage = Static<typeof MatchStatusMessage>;

/** A paced message: the ones a FRAME may carry. */
export const PacedMessage = Type.Union([EventMessage, LegalMessage, MatchStatusMessage]);
export type PacedMessage = Static<typeof PacedMessage>;

/**
 * Paced messages sent together, to a client that asked for them (`?frames=batch` on the socket
 * URL): handle them in order as if each had come alone. The server waits for the FLOW_ACK of
 * the frame's last step that requires one; the client paces the steps in between itself.
 */
export const FrameMessage = Type.Object({
  type: Type.Literal('FRAME'),
  messages: Type.Array(PacedMessage),
});
export type FrameMessage = Static<typeof FrameMessage>;

export const ServerMessage = Type.Union([
  WelcomeMessage,
  LegalMessage,
  EventMessage,
  ActionResultMessage,
  ErrorMessage,
  PongMessage,
  MatchStatusMessage,
  FrameMessage,
]);
export type ServerMessage = Static<typeof ServerMessage>;
export type ServerMessageType = ServerMessage['type'];

// ---------------------------------------------------------------------------------------------
// HTTP bodies
// ---------------------------------------------------------------------------------------------

export const User = Type.Object({
  id: Type.String(),
  name: Type.String(),
  guest: Type.Boolean(),
  /** Accounts (issue 12); absent from servers before them. */
  role: Type.Optional(AccountRole),
});
export type User = Static<typeof User>;

export const GuestAuthRequest = Type.Object({
  name: Type.String({ minLength: 1, maxLength: DISPLAY_NAME_MAX_LENGTH }),
});
export type GuestAuthRequest = Static<typeof GuestAuthRequest>;

export const AuthResponse = Type.Object({
  accessToken: Type.String(),
  refreshToken: Type.String(),
  /** When the access token expires (ISO 8601); refresh before then. */
  accessTokenExpiresAt: Type.String(),
  user: User,
});
export type AuthResponse = Static<typeof AuthResponse>;

export const RefreshRequest = Type.Object({
  refreshToken: Type.String({ minLength: 1, maxLength: 512 }),
});
export type RefreshRequest = Static<typeof RefreshRequest>;

export const SeatRequest = Type.Union([
  Type.Object({
    kind: Type.Literal('human'),
    name: Type.Optional(Type.String({ maxLength: 40 })),
    deck: Type.Optional(SeatDeck),
  }),
  Type.Object({
    kind: Type.Literal('cpu'),
    profile: Type.String({ minLength: 1, maxLength: 40 }),
    name: Type.Optional(Type.String({ maxLength: 40 })),
    deck: Type.Optional(SeatDeck),
  }),
]);
export type SeatRequest = Static<typeof SeatRequest>;

export const CreateMatchRequest = Type.Object({
  game: Type.String({ minLength: 1, maxLength: 64 }),
  options: Type.Optional(Type.Unknown()),
  seats: Type.Array(SeatRequest, { minItems: 1, maxItems: MAX_SEATS }),
  /** A published game's version (default: its latest non-deprecated one). */
  version: Type.Optional(VersionNumber),
  /**
   * A playtest of the game's current draft (its creator only): the draft is frozen as an
   * immutable snapshot the match plays to the end; never rated, listed or counted.
   */
  draft: Type.Optional(Type.Boolean()),
  /** Per-turn time limit in milliseconds; on timeout the game's timeout rule plays the turn. */
  turnTimeLimitMs: Type.Optional(Type.Integer({ minimum: 1000, maximum: 86_400_000 })),
  /**
   * Who may export the finished match: its players only ('private', the default), or also
   * whoever has its replay link ('link').
   */
  replayPrivacy: Type.Optional(Type.Union([Type.Literal('private'), Type.Literal('link')])),
  /** Joins by room code wait for the host's approval before the start (default false). */
  approveJoins: Type.Optional(Type.Boolean()),
  /**
   * An open table: listed in the lobby for anyone to join with one click, started once every
   * seated player is ready (default false: private, joined by invite code only).
   */
  listed: Type.Optional(Type.Boolean()),
  /** Counts for ratings: accounts only, with rules that count (Golf: standard); CPUs never do. */
  rated: Type.Optional(Type.Boolean()),
});
export type CreateMatchRequest = Static<typeof CreateMatchRequest>;

/** The kinds of moment a player still wants to be asked at (the game's `autoPlay.stops`). */
export const SetStopsRequest = Type.Object({
  stops: Type.Array(Type.String({ minLength: 1, maxLength: 32 }), { maxItems: 16 }),
});
export type SetStopsRequest = Static<typeof SetStopsRequest>;

export const RematchResponse = Type.Object({
  /**
   * The new match, once every player agreed (an offer made while it is being created waits for
   * it); null only while someone has yet to agree.
   */
  rematchId: Type.Union([Type.String(), Type.Null()]),
  seats: Type.Array(PublicSeat),
});
export type RematchResponse = Static<typeof RematchResponse>;

export const CreateMatchResponse = Type.Object({
  matchId: Type.String(),
  code: Type.String(),
  seat: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()]),
});
export type CreateMatchResponse = Static<typeof CreateMatchResponse>;

export const JoinMatchRequest = Type.Object({
  code: Type.String({ minLength: ROOM_CODE_LENGTH.min, maxLength: ROOM_CODE_LENGTH.max }),
});
export type JoinMatchRequest = Static<typeof JoinMatchRequest>;

export const JoinMatchResponse = Type.Object({
  matchId: Type.String(),
  seat: Type.Integer({ minimum: 0 }),
});
export type JoinMatchResponse = Static<typeof JoinMatchResponse>;

export const MatchMetadata = Type.Object({
  matchId: Type.String(),
  game: Type.String(),
  rulesetVersion: Type.String(),
  engineVersion: Type.String(),
  options: Type.Unknown(),
  seats: Type.Array(PublicSeat),
  status: MatchStatus,
  version: Version,
  /** The room code; only participants see it. */
  code: Type.Optional(Type.String()),
  /** The caller's seat, when the caller holds one. */
  yourSeat: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()]),
  turnTimeLimitMs: Type.Union([Type.Integer(), Type.Null()]),
  createdAt: Type.String(),
  endedAt: Type.Union([Type.String(), Type.Null()]),
  result: Type.Union([Outcome, Type.Null()]),
  /** The published content version the match plays; null for built-in games. */
  content: Type.Optional(Type.Union([MatchContent, Type.Null()])),
  /** The rematch every player agreed to, once there is one. */
  rematchId: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  /** The caller's stops (moments they are asked at even with nothing to answer with). */
  stops: Type.Optional(Type.Array(Type.String())),
  replayPrivacy: Type.Optional(Type.Union([Type.Literal('private'), Type.Literal('link')])),
  /** The token of a 'link' match's export (`?link=`); only its players see it. */
  replayLink: Type.Optional(Type.String()),
  approveJoins: Type.Optional(Type.Boolean()),
  /** An open table (listed in the lobby; starts when everyone seated is ready). */
  listed: Type.Optional(Type.Boolean()),
  rated: Type.Optional(Type.Boolean()),
});
export type MatchMetadata = Static<typeof MatchMetadata>;

export const ReadyRequest = Type.Object({ ready: Type.Boolean() });
export type ReadyRequest = Static<typeof ReadyRequest>;

export const MatchList = Type.Object({ matches: Type.Array(MatchMetadata) });
export type MatchList = Static<typeof MatchList>;

export const MatchStateResponse = Type.Object({
  matchId: Type.String(),
  seat: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()]),
  role: Role,
  status: MatchStatus,
  version: Version,
  step: StepNumber,
  resolutionId: Type.String(),
  view: Type.Unknown(),
  legal: Type.Array(LegalAction),
  result: Type.Union([Outcome, Type.Null()]),
});
export type MatchStateResponse = Static<typeof MatchStateResponse>;

/** The engine's ReplayFile (`@cardtable/engine`), as it travels over HTTP. */
export const ReplayMatch = Type.Object({
  matchId: Type.String({ maxLength: 128 }),
  game: Type.String({ maxLength: 64 }),
  rulesetVersion: Type.String({ maxLength: 64 }),
  engineVersion: Type.String({ maxLength: 64 }),
  options: Type.Unknown(),
  seats: Type.Array(
    Type.Union([
      Type.Object({ kind: Type.Literal('human'), name: Type.Optional(Type.String()) }),
      Type.Object({
        kind: Type.Literal('cpu'),
        profile: Type.String(),
        name: Type.Optional(Type.String()),
      }),
    ]),
    { maxItems: MAX_SEATS },
  ),
  status: MatchStatus,
  result: Type.Union([Outcome, Type.Null()]),
  seed: Type.Optional(Type.String()),
  finalStateHash: Type.Optional(Type.String()),
  createdAt: Type.Optional(Type.String()),
  endedAt: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  /** The published content version the match was played with. */
  content: Type.Optional(MatchContent),
});

/**
 * Events, and apart actions, one replay file holds at most: more than the default import size
 * (`MAX_BODY_BYTES`, 8 MiB) can carry, as an event takes some 70 bytes at the least.
 */
export const REPLAY_MAX_ENTRIES = 200_000;
/**
 * A replay's version numbers: the start (1), then one per action, so no file's go past this.
 * Bounded so an imported file cannot name 1e308 (JSON Schema's integer takes any whole double),
 * a number no match log reaches and past 2^53 no comparison of the file's readers can trust.
 */
const ReplayVersion = (minimum: number) =>
  Type.Integer({ minimum, maximum: REPLAY_MAX_ENTRIES + 1 });

export const ReplayEvent = Type.Object({
  eventId: Type.Optional(Type.String()),
  matchId: Type.Optional(Type.String()),
  version: ReplayVersion(1),
  /** A step within its version's resolution: never more than the file's events. */
  step: Type.Integer({ minimum: 1, maximum: REPLAY_MAX_ENTRIES }),
  resolutionId: Type.String(),
  type: Type.String(),
  data: Type.Unknown(),
  ts: Type.Optional(Type.String()),
  requiresAck: Type.Boolean(),
});

export const ReplayAction = Type.Object({
  version: ReplayVersion(2),
  seat: SeatNumber,
  actionId: Type.String(),
  type: Type.String(),
  payload: Type.Unknown(),
});

export const ReplayFileSchema = Type.Object({
  format: Type.Literal('cardtable-replay'),
  /** The engine's REPLAY_FORMAT_VERSION: a file of another version cannot be read here. */
  formatVersion: Type.Literal(1),
  match: ReplayMatch,
  events: Type.Array(ReplayEvent, { maxItems: REPLAY_MAX_ENTRIES }),
  actions: Type.Array(ReplayAction, { maxItems: REPLAY_MAX_ENTRIES }),
  /** That content itself, so the replay verifies anywhere (images by hash only). */
  content: Type.Optional(EmbeddedContent),
});
export type ReplayFileBody = Static<typeof ReplayFileSchema>;

/**
 * What the server found an imported replay to be. `verified` only when the file is this
 * server's record of a finished match (players, dates, result, log) and its seed and actions
 * re-execute to the same events, final state hash and result; otherwise `problem` says why not.
 */
export const ReplayVerdict = {
  replayId: Type.String(),
  verified: Type.Boolean(),
  problem: Type.Optional(Type.String()),
};

export const ImportReplayResponse = Type.Object(ReplayVerdict);
export type ImportReplayResponse = Static<typeof ImportReplayResponse>;

/** `GET /api/replays/:id`: the file as imported, with its verdict. */
export const StoredReplayResponse = Type.Object({
  ...ReplayVerdict,
  importedAt: Type.String(),
  replay: ReplayFileSchema,
});
export type StoredReplayResponse = Static<typeof StoredReplayResponse>;

// ---------------------------------------------------------------------------------------------

/** Every socket message schema by name, for the JSON Schema document the server serves. */
export const SOCKET_SCHEMAS: Record<string, TSchema> = {
  HelloMessage,
  ActionMessage,
  FlowAckMessage,
  ResumeMessage,
  PingMessage,
  WelcomeMessage,
  LegalMessage,
  EventMessage,
  ActionResultMessage,
  ErrorMessage,
  PongMessage,
  MatchStatusMessage,
};

/** The event id the server puts on each step. */
export const eventIdOf = (matchId: string, version: number, step: number) =>
  `${matchId}:${version}:${step}`;
