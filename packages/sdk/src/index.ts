export { CardtableClient, type ConnectOptions } from './client.ts';
export {
  MatchConnection,
  type CloseReason,
  type ConnectionEvents,
  type ConnectionOptions,
  type ConnectionState,
  type LegalUpdate,
  type ReceivedStep,
} from './connection.ts';
export { AccountApi } from './account-api.ts';
export { ChatApi } from './chat-api.ts';
export {
  ChatRoom,
  type ChatEmote,
  type ChatOutcome,
  type ChatRoomEvents,
  type ChatRoomOptions,
  type ChatRoomState,
  type ChatWelcome,
} from './chat-room.ts';
export {
  CHAT_CHANNELS,
  CHAT_ERROR_CODES,
  CHAT_HISTORY_LIMIT,
  CHAT_MAX_LENGTH,
  CHAT_MAX_MUTES,
  CHAT_MUTE_BATCH,
  EMOTE_NAMES,
  EMOTES,
  REPORT_REASON_MAX_LENGTH,
  matchOfRoom,
  type ChatChannel,
  type ChatErrorCode,
  type Emote,
} from './chat-constants.ts';
export { CLOSE_CODES } from './close-codes.ts';
export { DISPLAY_NAME_MAX_LENGTH } from './display-name.ts';
export {
  CardtableApi,
  networkError,
  SignedOut,
  type ApiError,
  type ApiOptions,
  type ApiResult,
} from './http.ts';
export type {
  ActionError,
  ActionOutcome,
  ActionRequest,
  ClientErrorCode,
  OutgoingAction,
} from './action-tracker.ts';
export { RandomPlayer, type ActionSample, type PlayerOptions } from './random-player.ts';
export { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff.ts';
export { EventQueue, type Delivery } from './event-queue.ts';
export type { StepPosition } from './cursor.ts';
export type { SocketLike, WebSocketConstructor } from './socket.ts';
// Types only: the run-time schemas live at '@cardtable/sdk/protocol', kept out of app bundles.
export type * from './protocol.ts';
export { ROOM_CODE_LENGTH } from './room-code.ts';
export type * from './content.ts';
export type * from './accounts.ts';
export type * from './social.ts';
export type {
  ChatError,
  ChatMessage,
  ChatReportList,
  ChatReportView,
  ChatServerMessage,
  MatchChatLog,
  ReportedTable,
} from './chat.ts';
