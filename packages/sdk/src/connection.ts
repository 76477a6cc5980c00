import { applyPatch } from '@cardtable/engine';
import {
  ActionTracker,
  type ActionError,
  type ActionOutcome,
  type ActionRequest,
} from './action-tracker.ts';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff.ts';
import { compareSteps, StepCursor, type StepPosition } from './cursor.ts';
import { Emitter } from './emitter.ts';
import { EventQueue, type Delivery } from './event-queue.ts';
import { Heartbeat } from './heartbeat.ts';
import { SignedOut } from './http.ts';
import { StepPacer } from './step-pacer.ts';
import type {
  ClientMessage,
  ErrorMessage,
  LegalAction,
  LegalMessage,
  MatchStatus,
  MatchStatusMessage,
  Outcome,
  PacedMessage,
  PublicSeat,
  Role,
  SeatDeadline,
  ServerMessage,
  WelcomeMessage,
  WireEvent,
} from './protocol.ts';
import {
  frameText,
  matchSocketUrl,
  resolveWebSocket,
  SOCKET_OPEN,
  type SocketLike,
  type WebSocketConstructor,
} from './socket.ts';

/** For a connection indicator: `open` means welcomed and live. */
export type ConnectionState = 'connecting' | 'open' | 'reconnecting' | 'closed';

export interface ConnectionOptions {
  /** The server's HTTP base URL, e.g. `http://localhost:8080`. */
  baseUrl: string;
  matchId: string;
  /**
   * The access token, asked for before every (re)connect so that it can be refreshed; `refused`
   * says the server refused the last one (UNAUTHORIZED), so a saved one is not to be trusted.
   * Throwing SignedOut ends the connection with UNAUTHORIZED (there is no one to sign in as).
   */
  token: string | ((refused: boolean) => string | Promise<string>);
  /**
   * `manual` (default): steps wait in `events` until taken, and FLOW_ACK goes out when the
   * consumer calls `ack()`. `auto`: every step is acknowledged on arrival and nothing is
   * buffered (bots, load generators); listen to `step` instead.
   */
  ackMode?: 'manual' | 'auto';
  /** Keep `view` current by applying each step's `stateDiff` (default true). */
  trackView?: boolean;
  backoff?: Partial<BackoffPolicy>;
  /** PING interval and the silence after which the socket counts as dead; false turns it off. */
  heartbeat?: { intervalMs: number; timeoutMs: number } | false;
  /** Give up after this many failed reconnects in a row (default: never). */
  maxReconnectAttempts?: number;
  /** A WebSocket implementation; by default the global one, else `ws` in Node. */
  WebSocket?: WebSocketConstructor;
  /** Source of jitter, a float in [0, 1). */
  random?: () => number;
}

/** A step as the consumer takes it: the event and this viewer's view once it is applied. */
export interface ReceivedStep<V = unknown> {
  event: WireEvent;
  /** The view after this step (null when `trackView` is off). */
  view: V | null;
}

export interface LegalUpdate {
  version: number;
  status: MatchStatus;
  legal: LegalAction[];
  turnEndsAt: string | null;
  /** Every running turn clock (each seat that must act), for every viewer. */
  clocks: SeatDeadline[];
}

/** Why a connection ended for good; pending actions settle with it as their error. */
export type CloseReason = ActionError;

export interface ConnectionEvents<V> {
  state: ConnectionState;
  /** Each WELCOME: `resumed` when the connection kept its view and RESUMEd from its last step. */
  welcome: { welcome: WelcomeMessage; resumed: boolean };
  legal: LegalUpdate;
  status: MatchStatusMessage;
  /** Every new step on arrival, in order, after duplicates are dropped. */
  step: ReceivedStep<V>;
  /** An ERROR frame: the server could not read something this client sent. */
  serverError: ErrorMessage;
  /** Every frame received, parsed, before the connection acts on it. */
  message: ServerMessage;
  closed: CloseReason;
}

const DEFAULT_HEARTBEAT = { intervalMs: 10_000, timeoutMs: 25_000 };

/** Server refusals that no retry can fix. */
const FATAL_CODES: ReadonlySet<string> = new Set([
  'NOT_FOUND',
  'FORBIDDEN',
  'TOO_MANY_CONNECTIONS',
  'SESSION_REVOKED',
]);

/**
 * One client's live link to a match: reconnects with backoff and jitter, RESUMEs from the last
 * step it holds, drops steps it already has, keeps the viewer's view, paces steps for a renderer,
 * and turns each action into a promise that settles on its ACTION_RESULT.
 */
export class MatchConnection<V = unknown> {
  private readonly emitter = new Emitter<ConnectionEvents<V>>();
  private readonly tracker = new ActionTracker();
  private readonly cursor = new StepCursor();
  private readonly backoff: BackoffPolicy;
  private readonly random: () => number;
  private readonly heartbeat: Heartbeat | null;
  private readonly manualAck: boolean;
  private readonly trackView: boolean;
  private readonly pacer: StepPacer;

  private socket: SocketLike | null = null;
  private welcomed = false;
  /** Whether the view (and the cursor) can be carried over to a new socket with RESUME. */
  private hasView = false;
  private everOpen = false;
  private failedAttempts = 0;
  private lastError: ErrorMessage | null = null;
  private unauthorizedInARow = 0;
  /** While RESUMEd steps are due: the position of the WELCOME they lead up to. */
  private resumeTarget: StepPosition | null = null;
  private reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  /**
   * A FLOW_ACK due, held to the end of this turn of the event loop: an ACTION sent meanwhile
   * on that step's version acknowledges it (docs/protocol.md), one message instead of two.
   */
  private heldAck: { event: WireEvent; socket: SocketLike } | null = null;
  /** The highest `knownVersion` an ACTION on this socket carried: its steps need no FLOW_ACK. */
  private actedOn: { version: number; socket: SocketLike } | null = null;

  /** Steps to animate, in order (manual ack mode). */
  readonly events: EventQueue<ReceivedStep<V>>;
  state: ConnectionState = 'connecting';
  closeReason: CloseReason | null = null;
  seat: number | null = null;
  role: Role | null = null;
  status: MatchStatus | null = null;
  /** The highest version this client holds steps of. */
  version = 0;
  /** This viewer's view after the last step received. */
  view: V | null = null;
  legal: LegalAction[] = [];
  /** The version `legal` was computed at (the `knownVersion` to act on). */
  legalVersion = 0;
  turnEndsAt: string | null = null;
  /** Every running turn clock, from the last LEGAL or WELCOME. */
  clocks: SeatDeadline[] = [];
  seats: PublicSeat[] = [];
  result: Outcome | null = null;
  /** Round trip of the last PING, in milliseconds. */
  latencyMs: number | null = null;

  constructor(private readonly options: ConnectionOptions) {
    this.backoff = { ...DEFAULT_BACKOFF, ...options.backoff };
    this.random = options.random ?? Math.random;
    this.manualAck = (options.ackMode ?? 'manual') === 'manual';
    this.trackView = options.trackView ?? true;
    this.pacer = new StepPacer({
      manual: this.manualAck,
      handle: (message) => this.handlePaced(message),
      sendAck: (event) => this.sendAck(event),
    });
    this.events = new EventQueue<ReceivedStep<V>>(
      ({ event }) => event.requiresAck,
      ({ event }) => this.pacer.animated(event),
    );
    const heartbeat = options.heartbeat ?? DEFAULT_HEARTBEAT;
    this.heartbeat = heartbeat
      ? new Heartbeat({
          ...heartbeat,
          sendPing: (t) => this.send({ type: 'PING', t }),
          onDead: () => this.dropSocket(),
        })
      : null;
    void this.openSocket();
  }

  get matchId(): string {
    return this.options.matchId;
  }

  /** True between a reconnect's RESUME and the arrival of the last step it missed. */
  get resuming(): boolean {
    return this.resumeTarget !== null;
  }

  /** The last step received (or the WELCOME's position): where a RESUME would start. */
  get position(): StepPosition {
    return this.cursor.position;
  }

  /** Actions sent and still waiting for their ACTION_RESULT. */
  get pendingActions(): number {
    return this.tracker.inFlight;
  }

  on<K extends keyof ConnectionEvents<V>>(
    type: K,
    listener: (payload: ConnectionEvents<V>[K]) => void,
  ): () => void {
    return this.emitter.on(type, listener);
  }

  /** The next step to animate (manual ack mode); null once the connection is closed. */
  nextStep(): Promise<Delivery<ReceivedStep<V>> | null> {
    return this.events.next();
  }

  /**
   * Sends an action; the promise settles with its ACTION_RESULT (never rejects). Made while
   * disconnected, it goes out once the connection is back; sent but unanswered when the socket
   * dropped, it is resent with the same actionId, so it is applied at most once.
   */
  act(request: ActionRequest, options: { knownVersion?: number } = {}): Promise<ActionOutcome> {
    const { action, result } = this.tracker.create(request, options.knownVersion);
    if (this.closeReason) {
      this.tracker.failAll(this.closeReason);
    } else if (this.welcomed) {
      if (action.knownVersion !== undefined) this.noteActedOn(action.knownVersion);
      // A held ack this action does not imply goes first, as it would have.
      this.flushAck();
      this.send({ type: 'ACTION', action });
    }
    return result;
  }

  /**
   * Resolves true once `predicate` holds, checked after every frame and state change; false if
   * the connection closes first.
   */
  until(predicate: (connection: this) => boolean): Promise<boolean> {
    if (predicate(this)) return Promise.resolve(true);
    if (this.state === 'closed') return Promise.resolve(false);
    return new Promise((resolve) => {
      const settle = (value: boolean) => {
        offMessage();
        offState();
        offClosed();
        resolve(value);
      };
      // Message listeners run before the frame is handled: look once it has been.
      const check = () => queueMicrotask(() => predicate(this) && settle(true));
      const offMessage = this.emitter.on('message', check);
      const offState = this.emitter.on('state', check);
      const offClosed = this.emitter.on('closed', () => settle(false));
    });
  }

  /** Closes for good: no reconnect; pending actions settle with CONNECTION_CLOSED. */
  close(): void {
    this.finish({ code: 'CONNECTION_CLOSED', message: 'The client closed the connection.' });
  }

  private async openSocket(): Promise<void> {
    this.setState(this.everOpen ? 'reconnecting' : 'connecting');
    let socket: SocketLike;
    try {
      const { token } = this.options;
      const fresh = typeof token === 'string' ? token : await token(this.unauthorizedInARow > 0);
      const WebSocketImpl = this.options.WebSocket ?? (await resolveWebSocket());
      if (this.closeReason) return;
      socket = new WebSocketImpl(matchSocketUrl(this.options.baseUrl, this.matchId, fresh));
    } catch (error) {
      if (error instanceof SignedOut) this.finish({ code: 'UNAUTHORIZED', message: error.message });
      else this.scheduleReconnect();
      return;
    }
    this.socket = socket;
    this.welcomed = false;
    this.lastError = null;
    socket.onopen = () => this.heartbeat?.start();
    socket.onmessage = (event) => {
      if (socket === this.socket) this.receive(frameText(event.data));
    };
    socket.onclose = () => {
      if (socket === this.socket) this.socketLost();
    };
    // An error is always followed by close, which does the work.
    socket.onerror = () => {};
  }

  private receive(text: string): void {
    this.heartbeat?.heard();
    let message: ServerMessage;
    try {
      message = JSON.parse(text) as ServerMessage;
    } catch {
      return;
    }
    if (typeof message !== 'object' || message === null) return;
    switch (message.type) {
      case 'FRAME':
        return this.pacer.receive(message.messages);
      case 'EVENT':
      case 'LEGAL':
      case 'MATCH_STATUS':
        return this.pacer.receive([message]);
    }
    this.emitter.emit('message', message);
    switch (message.type) {
      case 'WELCOME':
        return this.onWelcome(message);
      case 'ACTION_RESULT':
        this.tracker.settle(
          message.ok
            ? { ok: true, actionId: message.actionId, version: message.version }
            : { ok: false, actionId: message.actionId, error: message.error },
        );
        return;
      case 'ERROR':
        this.lastError = message;
        this.emitter.emit('serverError', message);
        return;
      case 'PONG':
        this.latencyMs = Date.now() - message.t;
        return;
    }
  }

  /** A paced message, in its turn; true when it handed a step to the consumer to animate. */
  private handlePaced(message: PacedMessage): boolean {
    this.emitter.emit('message', message);
    switch (message.type) {
      case 'EVENT':
        return this.onStep(message.event);
      case 'LEGAL':
        this.onLegal(message);
        return false;
      case 'MATCH_STATUS':
        this.status = message.status;
        this.seats = message.seats;
        this.result = message.result;
        this.emitter.emit('status', message);
        return false;
    }
  }

  private onWelcome(welcome: WelcomeMessage): void {
    // The stream starts over: steps held for pacing come again (RESUME) or are in the view.
    this.pacer.reset();
    const firstOnSocket = !this.welcomed;
    this.welcomed = true;
    this.failedAttempts = 0;
    // A token that expires on an open socket (UNAUTHORIZED, close 4401) earns a reconnect each time.
    this.unauthorizedInARow = 0;
    this.seat = welcome.seat;
    this.role = welcome.role;
    this.seats = welcome.seats;
    this.result = welcome.result;

    // A reconnect keeps its view and asks for the steps it missed; a second WELCOME on the
    // same socket is the server's answer that the gap was too long: start over from it.
    const position = {
      version: welcome.version,
      step: welcome.step,
      resolutionId: welcome.resolutionId,
    };
    const resumed =
      firstOnSocket && this.hasView && compareSteps(position, this.cursor.position) >= 0;
    this.resumeTarget = null;
    if (resumed) {
      if (compareSteps(position, this.cursor.position) > 0) {
        this.resumeTarget = position;
        const { version, step, resolutionId } = this.cursor.position;
        this.send({
          type: 'RESUME',
          lastVersion: version,
          lastStep: step,
          ...(resolutionId ? { lastResolutionId: resolutionId } : {}),
        });
      }
    } else {
      this.cursor.reset(position);
      this.events.clear();
      this.view = this.trackView ? (welcome.view as V) : null;
      this.version = welcome.version;
      this.hasView = true;
    }
    this.everOpen = true;
    this.setState('open');
    this.emitter.emit('welcome', { welcome, resumed });
    this.onLegal({ ...welcome, type: 'LEGAL' });
    for (const action of this.tracker.unsettled()) this.send({ type: 'ACTION', action });
  }

  /** Applies a step; true when it went to the consumer's queue (manual mode). */
  private onStep(event: WireEvent): boolean {
    // Until the missed steps are in, a step past the WELCOME means the server went live before
    // it read the RESUME: it will send a fresh WELCOME; applying the step now would skip a gap.
    if (this.resumeTarget && compareSteps(event, this.resumeTarget) > 0) return false;
    if (!this.cursor.advance(event)) return false;
    if (this.resumeTarget && compareSteps(event, this.resumeTarget) === 0) this.resumeTarget = null;
    this.version = event.version;
    if (this.trackView && this.view !== null) {
      try {
        this.view = applyPatch(this.view, event.stateDiff);
      } catch {
        // A diff that does not fit the view: the view can no longer be trusted. Start over
        // from a fresh WELCOME rather than show a wrong table.
        this.hasView = false;
        this.dropSocket();
        return false;
      }
    }
    const received: ReceivedStep<V> = { event, view: this.view };
    this.emitter.emit('step', received);
    if (!this.manualAck) return false;
    this.events.push(received);
    return true;
  }

  private onLegal(message: LegalMessage): void {
    this.status = message.status;
    this.legal = message.legal;
    this.legalVersion = message.version;
    this.turnEndsAt = message.turnEndsAt;
    this.clocks = message.clocks ?? [];
    this.emitter.emit('legal', {
      version: message.version,
      status: message.status,
      legal: message.legal,
      turnEndsAt: message.turnEndsAt,
      clocks: this.clocks,
    });
  }

  private sendAck(event: WireEvent): void {
    const socket = this.socket;
    if (!socket || this.impliedByAction(event)) return;
    this.flushAck();
    this.heldAck = { event, socket };
    setTimeout(() => this.flushAck(), 0);
  }

  /** Sends the held FLOW_ACK, if any and not since implied, on the socket it belongs to. */
  private flushAck(): void {
    const held = this.heldAck;
    this.heldAck = null;
    if (!held || held.socket !== this.socket || this.impliedByAction(held.event)) return;
    this.send({ type: 'FLOW_ACK', resolutionId: held.event.resolutionId, step: held.event.step });
  }

  /** An ACTION went out on `knownVersion`: it acknowledges the steps up to that version. */
  private noteActedOn(knownVersion: number): void {
    const socket = this.socket;
    if (!socket) return;
    const earlier = this.actedOn?.socket === socket ? this.actedOn.version : -1;
    this.actedOn = { version: Math.max(earlier, knownVersion), socket };
  }

  private impliedByAction(event: WireEvent): boolean {
    const acted = this.actedOn;
    return acted !== null && acted.socket === this.socket && event.version <= acted.version;
  }

  private send(message: ClientMessage): void {
    if (this.socket?.readyState === SOCKET_OPEN) this.socket.send(JSON.stringify(message));
  }

  /** Abandons the current socket at once (a dead one may take minutes to report its close). */
  private dropSocket(): void {
    const socket = this.socket;
    if (!socket) return;
    socket.onclose = null;
    socket.close();
    this.socketLost();
  }

  private socketLost(): void {
    this.socket = null;
    this.pacer.reset();
    this.welcomed = false;
    this.heartbeat?.stop();
    if (this.closeReason) return;
    const refusal = this.lastError;
    // An UNAUTHORIZED refusal earns one retry, with a token asked for afresh.
    this.unauthorizedInARow = refusal?.code === 'UNAUTHORIZED' ? this.unauthorizedInARow + 1 : 0;
    if (refusal && (FATAL_CODES.has(refusal.code) || this.unauthorizedInARow > 1)) {
      this.finish({ code: refusal.code, message: refusal.message });
    } else {
      this.scheduleReconnect();
    }
  }

  private scheduleReconnect(): void {
    if (this.closeReason) return;
    if (this.failedAttempts >= (this.options.maxReconnectAttempts ?? Infinity)) {
      const last = this.lastError;
      this.finish(
        last
          ? { code: last.code, message: last.message }
          : { code: 'RECONNECT_FAILED', message: 'Could not reconnect to the match.' },
      );
      return;
    }
    const delay = backoffDelay(this.failedAttempts++, this.backoff, this.random);
    this.setState(this.everOpen ? 'reconnecting' : 'connecting');
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      void this.openSocket();
    }, delay);
  }

  private finish(reason: CloseReason): void {
    if (this.closeReason) return;
    this.closeReason = reason;
    if (this.reconnectTimer !== null) clearTimeout(this.reconnectTimer);
    this.heartbeat?.stop();
    const socket = this.socket;
    this.socket = null;
    if (socket) {
      socket.onclose = null;
      socket.close(1000);
    }
    this.pacer.reset();
    this.events.close();
    this.tracker.failAll(reason);
    this.setState('closed');
    this.emitter.emit('closed', reason);
  }

  private setState(state: ConnectionState): void {
    if (this.state === state) return;
    this.state = state;
    this.emitter.emit('state', state);
  }
}
