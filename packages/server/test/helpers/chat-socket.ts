import type { ChatClientMessage, ChatMessage, ChatServerMessage } from '@cardtable/sdk/chat';
import WebSocket from 'ws';
import { until } from './accounts.ts';

type Welcome = Extract<ChatServerMessage, { type: 'CHAT_WELCOME' }>;
type Outcome = Extract<ChatServerMessage, { type: 'CHAT_RESULT' }>;

/** A raw chat socket: records what arrives, answers each request with its CHAT_RESULT. */
export class ChatSocket {
  readonly received: ChatServerMessage[] = [];
  closed: number | null = null;
  private next = 0;

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data) => this.received.push(JSON.parse(String(data))));
    socket.on('close', (code) => (this.closed = code));
  }

  static async open(
    url: string,
    token: string,
    room: string,
    /** More query parameters; as pairs, a name may be given twice. */
    extra: Record<string, string> | [string, string][] = {},
    options: WebSocket.ClientOptions = {},
  ) {
    const query = new URLSearchParams({ token, room });
    for (const [name, value] of Array.isArray(extra) ? extra : Object.entries(extra))
      query.append(name, value);
    const chat = new ChatSocket(
      new WebSocket(`${url.replace('http', 'ws')}/ws/chat?${query}`, options),
    );
    await until(() => chat.welcome !== null || chat.closed !== null);
    return chat;
  }

  get welcome(): Welcome | null {
    return (this.received.find((m) => m.type === 'CHAT_WELCOME') as Welcome | undefined) ?? null;
  }

  get error() {
    return this.received.find((m) => m.type === 'CHAT_ERROR') ?? null;
  }

  /** Messages received live (after the welcome), in order. */
  get messages(): ChatMessage[] {
    return this.received.flatMap((m) => (m.type === 'CHAT_MESSAGE' ? [m.message] : []));
  }

  async request(body: DistributiveOmit<ChatClientMessage, 'clientId'>): Promise<Outcome> {
    const clientId = `c${this.next++}`;
    this.socket.send(JSON.stringify({ ...body, clientId }));
    let found: Outcome | undefined;
    await until(() => {
      found = this.received.find(
        (m): m is Outcome => m.type === 'CHAT_RESULT' && m.clientId === clientId,
      );
      return found !== undefined;
    });
    return found as Outcome;
  }

  /** Sends a frame as JSON (no answer is awaited). */
  sendRaw(frame: unknown) {
    this.socket.send(JSON.stringify(frame));
  }

  /** Sends text exactly as given, malformed or not (no answer is awaited). */
  sendText(text: string) {
    this.socket.send(text);
  }

  say(channel: 'players' | 'spectators' | 'lobby', text: string) {
    return this.request({ type: 'SEND', channel, text });
  }

  /** Closes the socket; resolves once it is closed (the server counts it gone then too). */
  close(): Promise<void> {
    if (this.closed !== null) return Promise.resolve();
    this.socket.close();
    return until(() => this.closed !== null);
  }
}
export type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
