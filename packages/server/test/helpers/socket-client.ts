import { applyPatch } from '@cardtable/engine';
import type { ClientMessage, ServerMessage, WireEvent } from '@cardtable/sdk/protocol';
import WebSocket from 'ws';

type Waiter = {
  match: (m: ServerMessage) => boolean;
  resolve: (m: ServerMessage) => void;
  reject: (error: Error) => void;
};

/**
 * A raw protocol client for tests: records every frame it gets, keeps its view up to date from
 * WELCOME and the EVENT diffs, and acknowledges ack-steps unless told not to.
 */
export class RawClient {
  readonly received: ServerMessage[] = [];
  readonly rawFrames: string[] = [];
  view: unknown = null;
  version = 0;
  last = { version: 0, step: 0, resolutionId: 'r0' };
  closed: { code: number; reason: string } | null = null;
  private waiters: Waiter[] = [];
  private resuming: 'message' | 'url' | null = null;
  /** Index of the last received message a waiter took. */
  private consumed = -1;
  private seq = 0;

  private constructor(
    readonly socket: WebSocket,
    private readonly autoAck: boolean,
    private readonly batched: boolean,
  ) {
    socket.on('message', (data) => this.onFrame(String(data)));
    socket.on('close', (code, reason) => {
      this.closed = { code, reason: String(reason) };
      for (const waiter of this.waiters) waiter.reject(new Error(`socket closed (${code})`));
      this.waiters = [];
    });
    socket.on('error', () => undefined);
  }

  static async open(
    baseUrl: string,
    matchId: string,
    token: string | null,
    options: {
      autoAck?: boolean;
      waitWelcome?: boolean;
      resumeFrom?: RawClient;
      /** Resume with the position in the socket URL instead of a RESUME message. */
      resumeInUrl?: boolean;
      /** Ask for `?frames=batch`: FRAMEs are unpacked, one FLOW_ACK for each. */
      batched?: boolean;
      /** A finished match's replay link (`?link=`). */
      link?: string;
    } = {},
  ): Promise<RawClient> {
    const query = new URLSearchParams(token ? { token } : {});
    if (options.batched) query.set('frames', 'batch');
    if (options.link) query.set('link', options.link);
    if (options.resumeFrom && options.resumeInUrl) {
      const { version, step, resolutionId } = options.resumeFrom.last;
      query.set('lastVersion', String(version));
      query.set('lastStep', String(step));
      query.set('lastResolutionId', resolutionId);
    }
    const search = query.size > 0 ? `?${query}` : '';
    const url = `${baseUrl.replace(/^http/, 'ws')}/ws/matches/${matchId}${search}`;
    const socket = new WebSocket(url);
    const client = new RawClient(socket, options.autoAck ?? true, options.batched ?? false);
    if (options.resumeFrom) {
      // Keep the dropped client's view and position, and ask for what it missed.
      client.view = options.resumeFrom.view;
      client.version = options.resumeFrom.version;
      client.last = { ...options.resumeFrom.last };
      client.resuming = options.resumeInUrl ? 'url' : 'message';
    }
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    if (token && options.waitWelcome !== false) await client.next('WELCOME');
    return client;
  }

  private onFrame(text: string): void {
    this.rawFrames.push(text);
    const message = JSON.parse(text) as ServerMessage;
    if (message.type !== 'FRAME') {
      this.onMessage(message);
      return;
    }
    for (const inner of message.messages) this.onMessage(inner);
    const toAck = message.messages.findLast((m) => m.type === 'EVENT' && m.event.requiresAck);
    if (this.autoAck && toAck?.type === 'EVENT') this.ack(toAck.event);
  }

  private ack(event: WireEvent): void {
    this.send({ type: 'FLOW_ACK', resolutionId: event.resolutionId, step: event.step });
  }

  private onMessage(message: ServerMessage): void {
    this.received.push(message);
    if (message.type === 'WELCOME' && this.resuming === 'url') {
      this.resuming = null;
    } else if (message.type === 'WELCOME' && this.resuming) {
      this.resuming = null;
      this.send({
        type: 'RESUME',
        lastVersion: this.last.version,
        lastStep: this.last.step,
        lastResolutionId: this.last.resolutionId,
      });
    } else if (message.type === 'WELCOME') {
      this.view = message.view;
      this.version = message.version;
      this.last = {
        version: message.version,
        step: message.step,
        resolutionId: message.resolutionId,
      };
    } else if (message.type === 'EVENT') {
      this.applyEvent(message.event);
    }
    const index = this.received.length - 1;
    this.waiters = this.waiters.filter((waiter) => {
      if (!waiter.match(message)) return true;
      this.consumed = index;
      waiter.resolve(message);
      return false;
    });
  }

  private applyEvent(event: WireEvent): void {
    const position = { version: event.version, step: event.step };
    if (
      position.version < this.last.version ||
      (position.version === this.last.version && position.step <= this.last.step)
    ) {
      return;
    }
    this.view = applyPatch(this.view, event.stateDiff);
    this.version = event.version;
    this.last = { ...position, resolutionId: event.resolutionId };
    // Batched: the FRAME's last step to ack is acknowledged once the whole frame is read.
    if (this.autoAck && event.requiresAck && !this.batched) this.ack(event);
  }

  send(message: ClientMessage | Record<string, unknown>): void {
    if (this.socket.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify(message));
  }

  sendRaw(data: string | Buffer): void {
    if (this.socket.readyState === WebSocket.OPEN) this.socket.send(data);
  }

  /**
   * The next message of this type (and predicate) after the last one a waiter took: frames that
   * arrived in the same read as that one (an ACTION_RESULT and the LEGAL after it) still count.
   * Rejects if the socket closes.
   */
  next<T extends ServerMessage['type']>(
    type: T,
    predicate: (message: Extract<ServerMessage, { type: T }>) => boolean = () => true,
    timeoutMs = 15_000,
  ): Promise<Extract<ServerMessage, { type: T }>> {
    const matches = (m: ServerMessage) =>
      m.type === type && predicate(m as Extract<ServerMessage, { type: T }>);
    for (let i = this.consumed + 1; i < this.received.length; i++) {
      const message = this.received[i] as ServerMessage;
      if (matches(message)) {
        this.consumed = i;
        return Promise.resolve(message as Extract<ServerMessage, { type: T }>);
      }
    }
    return new Promise((resolve, reject) => {
      if (this.closed) {
        reject(new Error('socket closed'));
        return;
      }
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${type}`)), timeoutMs);
      this.waiters.push({
        match: (m) => m.type === type && predicate(m as Extract<ServerMessage, { type: T }>),
        resolve: (m) => {
          clearTimeout(timer);
          resolve(m as Extract<ServerMessage, { type: T }>);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
    });
  }

  /** Like `next`, but a matching message received earlier counts too. */
  waitFor<T extends ServerMessage['type']>(
    type: T,
    predicate: (message: Extract<ServerMessage, { type: T }>) => boolean = () => true,
    timeoutMs = 15_000,
  ): Promise<Extract<ServerMessage, { type: T }>> {
    const earlier = this.received.find(
      (m) => m.type === type && predicate(m as Extract<ServerMessage, { type: T }>),
    );
    if (earlier) return Promise.resolve(earlier as Extract<ServerMessage, { type: T }>);
    return this.next(type, predicate, timeoutMs);
  }

  /** Sends an ACTION and waits for its ACTION_RESULT. */
  async act(
    type: string,
    payload: unknown = {},
    extra: { actionId?: string; knownVersion?: number } = {},
  ) {
    const actionId = extra.actionId ?? `a-${Math.random().toString(36).slice(2)}-${this.seq}`;
    const result = this.next('ACTION_RESULT', (m) => m.actionId === actionId);
    this.send({
      type: 'ACTION',
      action: {
        actionId,
        type,
        payload,
        clientSeq: this.seq++,
        ...(extra.knownVersion !== undefined ? { knownVersion: extra.knownVersion } : {}),
      },
    });
    return result;
  }

  /** The most recent LEGAL (or WELCOME) legal list. */
  get legal() {
    for (let i = this.received.length - 1; i >= 0; i--) {
      const message = this.received[i] as ServerMessage;
      if (message.type === 'LEGAL' || message.type === 'WELCOME') return message.legal;
    }
    return [];
  }

  close(): Promise<void> {
    if (this.socket.readyState === WebSocket.CLOSED) return Promise.resolve();
    return new Promise((resolve) => {
      this.socket.once('close', () => resolve());
      this.socket.close();
    });
  }

  /** Drops the connection without a close handshake (like a lost network). */
  drop(): void {
    this.socket.terminate();
  }
}

/** Plays whatever is legal for this client whenever it is its turn, until the match is over. */
export async function playUntilOver(
  client: RawClient,
  pick: (n: number) => number = () => 0,
): Promise<void> {
  for (;;) {
    const legal = await client.next('LEGAL', (m) => m.status === 'over' || m.legal.length > 0);
    if (legal.status === 'over') return;
    const action = legal.legal[pick(legal.legal.length)] as { type: string; payload: unknown };
    const result = await client.act(action.type, action.payload, { knownVersion: legal.version });
    if (!result.ok && result.error.code !== 'STALE_VERSION') {
      throw new Error(`action refused: ${JSON.stringify(result)}`);
    }
  }
}
