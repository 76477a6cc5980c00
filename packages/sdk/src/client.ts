import { ChatRoom, type ChatRoomOptions } from './chat-room.ts';
import { MatchConnection, type ConnectionOptions } from './connection.ts';
import { CardtableApi, type ApiOptions } from './http.ts';

export type ConnectOptions = Omit<ConnectionOptions, 'baseUrl' | 'matchId' | 'token'>;

/**
 * The SDK's front door: `api` for HTTP, `connect` for a match's socket, both signed in as the
 * same session (the socket asks the API for a fresh token on every reconnect).
 */
export class CardtableClient {
  readonly api: CardtableApi;

  constructor(options: ApiOptions) {
    this.api = new CardtableApi(options);
  }

  connect<V = unknown>(matchId: string, options: ConnectOptions = {}): MatchConnection<V> {
    return new MatchConnection<V>({
      ...options,
      baseUrl: this.api.baseUrl,
      matchId,
      token: (refused) => this.api.accessToken(refused),
    });
  }

  /** A chat room (`match:<id>` or `lobby:<game>`) on its own socket, signed in as this session. */
  chat(room: string, options: Omit<ChatRoomOptions, 'baseUrl' | 'room' | 'token'> = {}): ChatRoom {
    return new ChatRoom({
      ...options,
      baseUrl: this.api.baseUrl,
      room,
      token: (refused) => this.api.accessToken(refused),
    });
  }
}
