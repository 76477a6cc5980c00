/**
 * Chat (issue 14 item 7): the chat socket `GET /ws/chat?token=..&room=..`, its messages, and
 * the moderators' report routes. A socket of its own, beside the match socket, so chat never
 * waits behind the paced match stream and the match log stays the pure record of play. See
 * docs/social.md ("Chat") for who reads and writes which channel. Plain values here (no TypeBox:
 * app bundles import them); the schemas and the message types are in `chat.ts`
 * (`@cardtable/sdk/chat`).
 */

/** Version of the chat socket's messages; grows like the match protocol (fields are only added). */
export const CHAT_PROTOCOL_VERSION = 1;

/** The longest message, in characters (code points) after trimming. */
export const CHAT_MAX_LENGTH = 300;
/** Messages kept (and sent on connect) per channel. */
export const CHAT_HISTORY_LIMIT = 100;
/** The most users one user may mute. */
export const CHAT_MAX_MUTES = 500;
/**
 * Users one `MUTE_MANY` frame names at most: a guest's whole list (CHAT_MAX_MUTES) is sent
 * again in 10 frames, within the socket's burst, and a batch of the longest ids fits in a frame.
 */
export const CHAT_MUTE_BATCH = 50;
/** The longest a moderator may silence someone in chat at once: a year, in hours. */
export const CHAT_MAX_SILENCE_HOURS = 24 * 365;
/** The longest reason a reporter may give. */
export const REPORT_REASON_MAX_LENGTH = 200;

/**
 * Rooms: `match:<matchId>` (its players' and spectators' channels; before the start this is the
 * table's lobby) and `lobby:<game>` (one room per hosted game, for the open-tables list).
 */
export const CHAT_ROOM_PATTERN = '^(match:[A-Za-z0-9_-]{1,64}|lobby:[a-z0-9][a-z0-9_-]{0,63})$';

/** The match a room is the table chat of; null for a game's lobby. */
export const matchOfRoom = (room: string): string | null =>
  room.startsWith('match:') ? room.slice('match:'.length) : null;

export const CHAT_CHANNELS = ['players', 'spectators', 'lobby'] as const;
export type ChatChannel = (typeof CHAT_CHANNELS)[number];

/** The quick emotes of the table: a fixed set, each with what it says. */
export const EMOTES = {
  hello: 'Hello!',
  gg: 'Good game!',
  nice: 'Nice move!',
  oops: 'Oops!',
  thinking: 'Thinking…',
  thanks: 'Thanks!',
} as const;
export type Emote = keyof typeof EMOTES;
export const EMOTE_NAMES = Object.keys(EMOTES) as Emote[];

export const CHAT_ERROR_CODES = [
  /** Too many messages (or emotes) in this channel: wait a little. `details.retryAfterMs`. */
  'RATE_LIMITED',
  /** The message is longer than CHAT_MAX_LENGTH (`details.max`). */
  'TOO_LONG',
  /** The message shows nothing once trimmed (empty, or only spaces and zero-width characters). */
  'EMPTY',
  /** A character of the message carries more combining marks than a name may (`details.max`). */
  'UNPRINTABLE',
  /** This connection may not write there (a spectator in the players' channel, ...). */
  'FORBIDDEN',
  /** No such room, match, or message (or not one this connection may see). */
  'NOT_FOUND',
  /** Muting or reporting oneself. */
  'SELF',
  /** The message was already reported by this user. */
  'ALREADY_REPORTED',
  /** Muting one more user would pass CHAT_MAX_MUTES (`details.max`). */
  'TOO_MANY_MUTES',
  /** A moderator silenced this user in chat (after a report) until `details.until`. */
  'SILENCED',
  /** A frame that is not a chat message at all. */
  'BAD_MESSAGE',
  /** No valid access token, or the account was deleted (nothing of it is stored any more). */
  'UNAUTHORIZED',
  /** The server failed (the database, say); nothing was stored. */
  'INTERNAL',
] as const;
export type ChatErrorCode = (typeof CHAT_ERROR_CODES)[number];

/** `ws(s)://host/ws/chat?token=..&room=..` (and `filter=off` to start with the filter off). */
export function chatSocketUrl(
  baseUrl: string,
  room: string,
  token: string,
  options: { filter?: boolean; link?: string } = {},
): string {
  const url = new URL(baseUrl);
  url.protocol = url.protocol === 'https:' || url.protocol === 'wss:' ? 'wss:' : 'ws:';
  url.pathname = `${url.pathname.replace(/\/$/, '')}/ws/chat`;
  const query: Record<string, string> = { token, room };
  if (options.filter === false) query.filter = 'off';
  if (options.link) query.link = options.link;
  url.search = new URLSearchParams(query).toString();
  return url.toString();
}
