import { Type, type Static } from '@sinclair/typebox';
import {
  CHAT_CHANNELS,
  CHAT_MAX_LENGTH,
  EMOTE_NAMES,
  REPORT_REASON_MAX_LENGTH,
} from './chat-constants.ts';

/** The chat socket's and the moderation routes' schemas; values and types: `chat-constants.ts`. */
export * from './chat-constants.ts';

const ClientId = Type.String({ minLength: 1, maxLength: 64 });
const UserId = Type.String({ minLength: 1, maxLength: 128 });

/** What a client sends on the chat socket. `clientId` is echoed in the one CHAT_RESULT answer. */
export const ChatClientMessage = Type.Union([
  Type.Object({
    type: Type.Literal('SEND'),
    clientId: ClientId,
    channel: Type.Union(CHAT_CHANNELS.map((channel) => Type.Literal(channel))),
    // Checked for length by the server (to answer TOO_LONG), bounded here against abuse.
    text: Type.String({ maxLength: CHAT_MAX_LENGTH * 8 }),
  }),
  Type.Object({
    type: Type.Literal('EMOTE'),
    clientId: ClientId,
    emote: Type.Union(EMOTE_NAMES.map((emote) => Type.Literal(emote))),
  }),
  Type.Object({ type: Type.Literal('MUTE'), clientId: ClientId, userId: UserId }),
  Type.Object({ type: Type.Literal('UNMUTE'), clientId: ClientId, userId: UserId }),
  Type.Object({
    type: Type.Literal('REPORT'),
    clientId: ClientId,
    messageId: Type.String({ minLength: 1, maxLength: 20, pattern: '^[0-9]+$' }),
    reason: Type.Optional(Type.String({ maxLength: REPORT_REASON_MAX_LENGTH })),
  }),
  Type.Object({ type: Type.Literal('SET_FILTER'), clientId: ClientId, on: Type.Boolean() }),
]);
export type ChatClientMessage = Static<typeof ChatClientMessage>;

// ---- Moderation (HTTP, moderators and admins) ----

export const ChatReportView = Type.Object({
  id: Type.String(),
  messageId: Type.String(),
  room: Type.String(),
  channel: Type.String(),
  text: Type.String({ description: 'The message as written (never masked).' }),
  messageAt: Type.String(),
  reporter: Type.Object({ id: Type.String(), name: Type.String() }),
  reported: Type.Object({ id: Type.String(), name: Type.String() }),
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

export const ChatReportList = Type.Object({ reports: Type.Array(ChatReportView) });
export type ChatReportList = Static<typeof ChatReportList>;

export const ResolveChatReport = Type.Object({
  outcome: Type.Union([Type.Literal('dismissed'), Type.Literal('actioned')]),
  note: Type.Optional(Type.String({ maxLength: 500 })),
});
export type ResolveChatReport = Static<typeof ResolveChatReport>;

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
