import { Type, type Static } from '@sinclair/typebox';
import {
  CHAT_CHANNELS,
  CHAT_ERROR_CODES,
  CHAT_MAX_LENGTH,
  CHAT_MUTE_BATCH,
  CHAT_MAX_SILENCE_HOURS,
  EMOTE_NAMES,
  REPORT_REASON_MAX_LENGTH,
} from './chat-constants.ts';
import { PublicSeat } from './protocol.ts';

/** The chat socket's and the moderation routes' schemas and types; plain values: `chat-constants.ts`. */
export * from './chat-constants.ts';

const Channel = Type.Union(CHAT_CHANNELS.map((channel) => Type.Literal(channel)));
const EmoteName = Type.Union(EMOTE_NAMES.map((emote) => Type.Literal(emote)));
const ChatErrorCodeSchema = Type.Union(CHAT_ERROR_CODES.map((code) => Type.Literal(code)));

export const ChatError = Type.Object({
  code: ChatErrorCodeSchema,
  message: Type.String({ description: 'Written for a person.' }),
  details: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
});
export type ChatError = Static<typeof ChatError>;

/** A message as a reader gets it: `text` is masked when the reader's word filter is on. */
export const ChatMessage = Type.Object({
  id: Type.String({ description: 'Unique on the server; name it to report the message.' }),
  channel: Channel,
  userId: Type.String(),
  name: Type.String(),
  seat: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()], {
    description: "The sender's seat in a match room, null for spectators and lobby rooms.",
  }),
  text: Type.String(),
  at: Type.String({ description: 'ISO time the server stored it.' }),
});
export type ChatMessage = Static<typeof ChatMessage>;

export const ChatWelcomeMessage = Type.Object({
  type: Type.Literal('CHAT_WELCOME'),
  protocolVersion: Type.Integer(),
  room: Type.String(),
  role: Type.Union([Type.Literal('player'), Type.Literal('spectator'), Type.Literal('member')], {
    description: 'A seat holder in a match room, anyone else there, or anyone in a lobby room.',
  }),
  channels: Type.Array(Type.Object({ channel: Channel, write: Type.Boolean() }), {
    description: 'The channels this connection reads, and which of them it may write.',
  }),
  emotes: Type.Boolean({ description: 'Whether this connection may send emotes (players).' }),
  history: Type.Array(ChatMessage, {
    description: "Each readable channel's kept messages, oldest first, muted senders left out.",
  }),
  muted: Type.Array(Type.String()),
  filter: Type.Boolean(),
  limits: Type.Object({
    maxLength: Type.Integer(),
    burst: Type.Integer(),
    perMinute: Type.Integer(),
  }),
});
export const ChatMessageMessage = Type.Object({
  type: Type.Literal('CHAT_MESSAGE'),
  message: ChatMessage,
});
export const ChatEmoteMessage = Type.Object({
  type: Type.Literal('CHAT_EMOTE'),
  userId: Type.String(),
  name: Type.String(),
  seat: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()]),
  emote: EmoteName,
  at: Type.String(),
});
export const ChatResultMessage = Type.Union([
  Type.Object({
    type: Type.Literal('CHAT_RESULT'),
    clientId: Type.String(),
    ok: Type.Literal(true),
    messageId: Type.Optional(Type.String()),
  }),
  Type.Object({
    type: Type.Literal('CHAT_RESULT'),
    clientId: Type.String(),
    ok: Type.Literal(false),
    error: ChatError,
  }),
]);
/** The muted list changed (a MUTE or UNMUTE of this user, from any of their connections). */
export const ChatMutedMessage = Type.Object({
  type: Type.Literal('CHAT_MUTED'),
  muted: Type.Array(Type.String()),
});
export const ChatErrorMessage = Type.Object({
  type: Type.Literal('CHAT_ERROR'),
  code: ChatErrorCodeSchema,
  message: Type.String(),
});

/** What the server sends on the chat socket. */
export const ChatServerMessage = Type.Union([
  ChatWelcomeMessage,
  ChatMessageMessage,
  ChatEmoteMessage,
  ChatResultMessage,
  ChatMutedMessage,
  ChatErrorMessage,
]);
export type ChatServerMessage = Static<typeof ChatServerMessage>;

const ClientId = Type.String({ minLength: 1, maxLength: 64 });
const UserId = Type.String({ minLength: 1, maxLength: 128 });

/**
 * What a client sends on the chat socket. `clientId` is echoed in the one CHAT_RESULT answer.
 * Closed objects: a field the server does not know is `BAD_MESSAGE`, not silently ignored, so a
 * client learns at once that it sent something nothing reads.
 */
const closed = { additionalProperties: false } as const;
export const ChatClientMessage = Type.Union([
  Type.Object(
    {
      type: Type.Literal('SEND'),
      clientId: ClientId,
      channel: Channel,
      // Checked for length by the server (to answer TOO_LONG), bounded here against abuse.
      text: Type.String({ maxLength: CHAT_MAX_LENGTH * 8 }),
    },
    closed,
  ),
  Type.Object({ type: Type.Literal('EMOTE'), clientId: ClientId, emote: EmoteName }, closed),
  Type.Object({ type: Type.Literal('MUTE'), clientId: ClientId, userId: UserId }, closed),
  Type.Object({ type: Type.Literal('UNMUTE'), clientId: ClientId, userId: UserId }, closed),
  // A guest's mutes, sent again when it connects (the server keeps them only while it is).
  Type.Object(
    {
      type: Type.Literal('MUTE_MANY'),
      clientId: ClientId,
      userIds: Type.Array(UserId, { minItems: 1, maxItems: CHAT_MUTE_BATCH }),
    },
    closed,
  ),
  Type.Object(
    {
      type: Type.Literal('REPORT'),
      clientId: ClientId,
      // Fits PostgreSQL's bigint, so no id a client sends can make a query fail.
      messageId: Type.String({ pattern: '^[0-9]{1,18}$' }),
      reason: Type.Optional(Type.String({ maxLength: REPORT_REASON_MAX_LENGTH })),
    },
    closed,
  ),
  Type.Object({ type: Type.Literal('SET_FILTER'), clientId: ClientId, on: Type.Boolean() }, closed),
]);
export type ChatClientMessage = Static<typeof ChatClientMessage>;

/** Every chat socket message's schema, as `/api/docs/chat-socket.json` publishes them. */
export const CHAT_SOCKET_SCHEMAS = {
  ChatClientMessage,
  ChatServerMessage,
};

// ---- Moderation (HTTP, moderators and admins) ----

export const ChatReportView = Type.Object({
  id: Type.String(),
  messageId: Type.String(),
  room: Type.String(),
  channel: Type.String(),
  text: Type.String({ description: 'The message as written (never masked).' }),
  messageAt: Type.String(),
  reporter: Type.Object({ id: Type.String(), name: Type.String() }),
  reported: Type.Object({
    id: Type.String(),
    name: Type.String(),
    /** Until when a moderator silenced them in chat; null when they may write. */
    silencedUntil: Type.Union([Type.String(), Type.Null()]),
  }),
  reason: Type.String(),
  createdAt: Type.String(),
  resolution: Type.Union([
    Type.Null(),
    Type.Object({
      outcome: Type.Union([Type.Literal('dismissed'), Type.Literal('actioned')]),
      by: Type.String(),
      at: Type.String(),
      note: Type.String(),
    }),
  ]),
});
export type ChatReportView = Static<typeof ChatReportView>;

export const ChatReportQuery = Type.Object({
  status: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('resolved')])),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
});
export type ChatReportQuery = Static<typeof ChatReportQuery>;

/** A table the listed reports were written at, as the queue names it (one per match). */
export const ReportedTable = Type.Object({
  matchId: Type.String(),
  game: Type.String(),
  /** The published game's name, for a match of creator content; null for built-in games. */
  contentName: Type.Union([Type.String(), Type.Null()]),
  seats: Type.Array(PublicSeat),
  createdAt: Type.String(),
});
export type ReportedTable = Static<typeof ReportedTable>;

export const ChatReportList = Type.Object({
  reports: Type.Array(ChatReportView),
  /**
   * The tables of the reports written in a match's chat, each once (a match since deleted is
   * missing): the queue names them with no request per report.
   */
  tables: Type.Array(ReportedTable),
});
export type ChatReportList = Static<typeof ChatReportList>;

export const ResolveChatReport = Type.Object({
  outcome: Type.Union([Type.Literal('dismissed'), Type.Literal('actioned')]),
  note: Type.Optional(Type.String({ maxLength: 500 })),
  /** With `actioned`: silence the message's author in every chat for this many hours. */
  silenceHours: Type.Optional(Type.Integer({ minimum: 1, maximum: CHAT_MAX_SILENCE_HOURS })),
});
export type ResolveChatReport = Static<typeof ResolveChatReport>;

/** A user's chat silence as a moderator left it (null: they may write). */
export const ChatSilence = Type.Object({
  userId: Type.String(),
  silencedUntil: Type.Union([Type.String(), Type.Null()]),
});
export type ChatSilence = Static<typeof ChatSilence>;

/** `GET /api/matches/{id}/chat`: a finished match's chat, for whoever may see its replay. */
export const MatchChatLog = Type.Object({
  messages: Type.Array(
    Type.Object({
      id: Type.String(),
      channel: Type.String(),
      userId: Type.String(),
      name: Type.String(),
      seat: Type.Union([Type.Integer(), Type.Null()]),
      text: Type.String(),
      at: Type.String(),
    }),
  ),
});
export type MatchChatLog = Static<typeof MatchChatLog>;
