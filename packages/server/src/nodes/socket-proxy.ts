import type { ServerMessage } from '@cardtable/sdk/protocol';
import { WebSocket, type RawData } from 'ws';
import { MAX_BUFFERED_BYTES } from '../socket-send.ts';

/** What the client is told when the owner goes away: the SDK reconnects (and RESUMEs). */
const OWNER_GONE: ServerMessage = {
  type: 'ERROR',
  code: 'SHUTTING_DOWN',
  message: 'The server holding this match went away: reconnect.',
};
/** "Service restart" (RFC 6455): what a draining owner sends too. */
const RESTART = 1012;

/** Close codes a peer may not send in a close frame (they only describe what happened). */
const sendable = (code: number) =>
  (code >= 1000 && code <= 1014 && ![1004, 1005, 1006].includes(code)) ||
  (code >= 3000 && code <= 4999);

export interface ProxyOptions {
  /** `ws://owner/ws/matches/<id>?<the client's query>` */
  upstreamUrl: string;
  /** The forwarding headers that vouch for the client's address. */
  headers: Record<string, string>;
  /** Frames the client sent before the proxy existed that the owner must see first (HELLO). */
  firstFrames: string[];
  /** Pings the owner this often; an owner that misses one is dropped (a vanished host). */
  heartbeatMs: number;
}

/**
 * Pipes a client's match socket to the node that owns the match, frame for frame in both
 * directions, close codes included. The owner does everything else (authentication, limits by
 * the client's address, pacing, FLOW_ACK, RESUME, projection): this node only carries bytes. When
 * the owner goes away without a close the client may act on (killed, unreachable), the client
 * gets SHUTTING_DOWN and 1012, as from a draining server, and reconnects.
 */
export class SocketProxy {
  private readonly upstream: WebSocket;
  /** Frames from the client while the owner's socket opens, with whether each is binary. */
  private readonly pending: [RawData | string, boolean][];
  private pinger: ReturnType<typeof setInterval> | null = null;

  constructor(
    private readonly client: WebSocket,
    options: ProxyOptions,
  ) {
    this.pending = options.firstFrames.map((frame) => [frame, false]);
    const upstream = new WebSocket(options.upstreamUrl, {
      headers: options.headers,
      perMessageDeflate: false,
    });
    this.upstream = upstream;
    upstream.on('open', () => {
      for (const [frame, binary] of this.pending) upstream.send(frame, { binary });
      this.pending.length = 0;
      this.watch(options.heartbeatMs);
    });
    upstream.on('message', (data, isBinary) => this.toClient(data, isBinary));
    upstream.on('close', (code, reason) => this.ownerClosed(code, reason.toString()));
    upstream.on('error', () => undefined);
    client.on('close', (code) => this.clientClosed(code));
  }

  /** A frame from the client, passed on as it came. */
  send(data: RawData, isBinary: boolean): void {
    const upstream = this.upstream;
    if (upstream.readyState === WebSocket.CONNECTING) this.pending.push([data, isBinary]);
    else if (upstream.readyState === WebSocket.OPEN) {
      if (upstream.bufferedAmount > MAX_BUFFERED_BYTES) upstream.terminate();
      else upstream.send(data, { binary: isBinary });
    }
  }

  private toClient(data: RawData, isBinary: boolean): void {
    const client = this.client;
    if (client.readyState !== WebSocket.OPEN) return;
    // The owner's own stall check sees this node reading; the client's is here.
    if (client.bufferedAmount > MAX_BUFFERED_BYTES) {
      client.close(1013, 'Client is not reading');
      return;
    }
    client.send(data, { binary: isBinary });
  }

  private ownerClosed(code: number, reason: string): void {
    this.stopWatching();
    const client = this.client;
    if (client.readyState !== WebSocket.OPEN) return;
    if (sendable(code)) {
      client.close(code, reason);
      return;
    }
    client.send(JSON.stringify(OWNER_GONE));
    client.close(RESTART, 'Match server went away');
  }

  private clientClosed(code: number): void {
    this.stopWatching();
    const upstream = this.upstream;
    if (upstream.readyState === WebSocket.OPEN) upstream.close(sendable(code) ? code : 1000);
    else if (upstream.readyState === WebSocket.CONNECTING) upstream.terminate();
  }

  private watch(everyMs: number): void {
    let answered = true;
    this.upstream.on('pong', () => (answered = true));
    this.pinger = setInterval(() => {
      if (!answered) {
        this.upstream.terminate();
        return;
      }
      answered = false;
      this.upstream.ping();
    }, everyMs);
    this.pinger.unref();
  }

  private stopWatching(): void {
    if (this.pinger) clearInterval(this.pinger);
    this.pinger = null;
  }
}
