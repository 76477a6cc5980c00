import { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff.ts';
import type { ChatClientMessage, ChatError, ChatMessage, ChatServerMessage } from './chat.ts';
import { chatSocketUrl, CHAT_MUTE_BATCH, type ChatChannel, type Emote } from './chat-constants.ts';
import { CLOSE_CODES } from './close-codes.ts';
import { Emitter } from './emitter.ts';
import { SignedOut } from './http.ts';
import { randomId } from './ids.ts';
import {
  frameText,
  resolveWebSocket,
  SOCKET_OPEN,
  type SocketLike,
  type WebSocketConstructor,
} from './socket.ts';

export interface ChatRoomOptions {
  /** The server's HTTP base URL. */
  baseUrl: string;
  /** `match:<matchId>` or `lobby:<game>`. */
  room: string;
  /**
   * The access token, asked for before every (re)connect; `refused` says the server refused the
   * last one (close 4401), so a saved one is not to be trusted. Throwing SignedOut ends the room
   * (`refused`, with an UNAUTHORIZED error).
   */
  token: string | ((refused: boolean) => string | Promise<string>);
  /** Mask filtered words (default true). */
  filter?: boolean;
  /** A finished match's replay link, for a chat shared by link. */
  link?: string;
  WebSocket?: WebSocketConstructor;
  backoff?: Partial<BackoffPolicy>;
}

/** A refusal from the server, or `NOT_CONNECTED` when the socket was not open or closed first. */
export type ChatOutcome =
  | { ok: true; messageId?: string }
  | { ok: false; error: ChatError | { code: 'NOT_CONNECTED'; message: string } };

export type ChatRoomState = 'connecting' | 'open' | 'reconnecting' | 'refused' | 'closed';

export type ChatWelcome = Extract<ChatServerMessage, { type: 'CHAT_WELCOME' }>;
export type ChatEmote = Extract<ChatServerMessage, { type: 'CHAT_EMOTE' }>;

export interface ChatRoomEvents {
  state: ChatRoomState;
  welcome: ChatWelcome;
  /** The message list changed (a message came, history arrived, a mute hid someone). */
  messages: readonly ChatMessage[];
  emote: ChatEmote;
  muted: ReadonlySet<string>;
  /** A CHAT_ERROR: the server refused the connection or a frame. */
  error: { code: string; message: string };
}

/** Close codes after which reconnecting cannot help. */
const REFUSED = new Set<number>([
  CLOSE_CODES.refused,
  CLOSE_CODES.sessionRevoked,
  CLOSE_CODES.notFound,
]);

/**
 * One chat room over its own socket: keeps the messages (each channel's history, then what
 * arrives), the mute list and the role, reconnects with backoff, and answers every send with the
 * server's CHAT_RESULT. Messages of muted users never reach `messages`.
 */
export class ChatRoom extends Emitter<ChatRoomEvents> {
  state: ChatRoomState = 'connecting';
  welcome: ChatWelcome | null = null;
  messages: ChatMessage[] = [];
  muted: ReadonlySet<string> = new Set();
  private socket: SocketLike | null = null;
  private readonly pending = new Map<string, (outcome: ChatOutcome) => void>();
  private failedAttempts = 0;
  /** The last socket was refused its token (4401): the next one asks for a fresh one, once. */
  private tokenRefused = false;
  private reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly backoff: BackoffPolicy;
  private filter: boolean;

  constructor(private readonly options: ChatRoomOptions) {
    super();
    this.backoff = { ...DEFAULT_BACKOFF, ...options.backoff };
    this.filter = options.filter ?? true;
    void this.open();
  }

  send(channel: ChatChannel, text: string): Promise<ChatOutcome> {
    return this.request({ type: 'SEND', channel, text });
  }

  emote(emote: Emote): Promise<ChatOutcome> {
    return this.request({ type: 'EMOTE', emote });
  }

  mute(userId: string): Promise<ChatOutcome> {
    return this.request({ type: 'MUTE', userId });
  }

  unmute(userId: string): Promise<ChatOutcome> {
    return this.request({ type: 'UNMUTE', userId });
  }

  /**
   * Mutes every one of `userIds` (a guest's list, sent again on connect: the server keeps a
   * guest's mutes only while connected), `CHAT_MUTE_BATCH` to a frame, so a whole list stays
   * within the socket's burst. The first refusal, if any, else ok.
   */
  async muteMany(userIds: readonly string[]): Promise<ChatOutcome> {
    const batches: string[][] = [];
    for (let at = 0; at < userIds.length; at += CHAT_MUTE_BATCH)
      batches.push(userIds.slice(at, at + CHAT_MUTE_BATCH));
    const outcomes = await Promise.all(
      batches.map((batch) => this.request({ type: 'MUTE_MANY', userIds: batch })),
    );
    return outcomes.find((outcome) => !outcome.ok) ?? { ok: true };
  }

  report(messageId: string, reason = ''): Promise<ChatOutcome> {
    return this.request({ type: 'REPORT', messageId, ...(reason ? { reason } : {}) });
  }

  /** Turns the word filter on or off for what arrives from now on (and after reconnects). */
  setFilter(on: boolean): Promise<ChatOutcome> {
    this.filter = on;
    return this.request({ type: 'SET_FILTER', on });
  }

  close(): void {
    this.setState('closed');
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.socket?.close(1000, 'closed');
    this.socket = null;
    this.settleAll();
  }

  private request(body: DistributiveOmit<ChatClientMessage, 'clientId'>): Promise<ChatOutcome> {
    const socket = this.socket;
    if (!socket || socket.readyState !== SOCKET_OPEN || !this.welcome) {
      return Promise.resolve(notConnected());
    }
    const clientId = randomId();
    return new Promise((resolve) => {
      this.pending.set(clientId, resolve);
      socket.send(JSON.stringify({ ...body, clientId }));
    });
  }

  private async open(): Promise<void> {
    if (this.state === 'closed') return;
    let socket: SocketLike;
    try {
      const { token } = this.options;
      const fresh = typeof token === 'string' ? token : await token(this.tokenRefused);
      const WebSocketImpl = this.options.WebSocket ?? (await resolveWebSocket());
      if (this.isClosed()) return;
      socket = new WebSocketImpl(
        chatSocketUrl(this.options.baseUrl, this.options.room, fresh, {
          filter: this.filter,
          ...(this.options.link ? { link: this.options.link } : {}),
        }),
      );
    } catch (error) {
      if (error instanceof SignedOut) this.refuse({ code: 'UNAUTHORIZED', message: error.message });
      else this.retry();
      return;
    }
    this.socket = socket;
    socket.onmessage = (event) => {
      let message: ChatServerMessage;
      try {
        message = JSON.parse(frameText(event.data)) as ChatServerMessage;
      } catch {
        return;
      }
      this.receive(message);
    };
    socket.onclose = (event) => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.welcome = null;
      this.settleAll();
      if (this.state === 'closed') return;
      // A refused token earns one retry with a fresh one; refused again, it is final.
      const refusedAgain = event.code === CLOSE_CODES.unauthorized && this.tokenRefused;
      this.tokenRefused = event.code === CLOSE_CODES.unauthorized;
      if (REFUSED.has(event.code) || refusedAgain) this.setState('refused');
      else this.retry();
    };
    socket.onerror = () => undefined;
  }

  private receive(message: ChatServerMessage): void {
    switch (message.type) {
      case 'CHAT_WELCOME':
        this.failedAttempts = 0;
        this.tokenRefused = false;
        this.welcome = message;
        this.muted = new Set(message.muted);
        this.messages = message.history;
        this.setState('open');
        this.emit('welcome', message);
        this.emit('muted', this.muted);
        this.emit('messages', this.messages);
        return;
      case 'CHAT_MESSAGE':
        if (this.muted.has(message.message.userId)) return;
        this.messages = [...this.messages, message.message];
        this.emit('messages', this.messages);
        return;
      case 'CHAT_EMOTE':
        if (!this.muted.has(message.userId)) this.emit('emote', message);
        return;
      case 'CHAT_MUTED':
        this.muted = new Set(message.muted);
        this.messages = this.messages.filter((shown) => !this.muted.has(shown.userId));
        this.emit('muted', this.muted);
        this.emit('messages', this.messages);
        return;
      case 'CHAT_RESULT': {
        const settle = this.pending.get(message.clientId);
        this.pending.delete(message.clientId);
        settle?.(
          message.ok
            ? { ok: true, ...(message.messageId ? { messageId: message.messageId } : {}) }
            : { ok: false, error: message.error },
        );
        return;
      }
      case 'CHAT_ERROR':
        this.emit('error', { code: message.code, message: message.message });
        return;
    }
  }

  /** Read through a method: TypeScript keeps a narrowed `state` across the awaits otherwise. */
  private isClosed(): boolean {
    return this.state === 'closed';
  }

  private refuse(error: { code: string; message: string }): void {
    this.setState('refused');
    this.emit('error', error);
  }

  private retry(): void {
    if (this.state === 'closed') return;
    this.setState('reconnecting');
    const delay = backoffDelay(this.failedAttempts++, this.backoff);
    this.reconnectTimer = setTimeout(() => void this.open(), delay);
  }

  private setState(state: ChatRoomState): void {
    if (this.state === state) return;
    this.state = state;
    this.emit('state', state);
  }

  private settleAll(): void {
    for (const settle of this.pending.values()) settle(notConnected());
    this.pending.clear();
  }
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

const notConnected = (): ChatOutcome => ({
  ok: false,
  error: { code: 'NOT_CONNECTED', message: 'The chat is not connected: try again in a moment.' },
});
