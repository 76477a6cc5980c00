import type { Viewer } from '@cardtable/engine';
import type { ServerMessage, WireEvent } from '@cardtable/sdk/protocol';
import type { Metrics } from '../metrics.ts';
import { sendUnlessStalled, type SendableSocket } from '../socket-send.ts';

/** What the connection needs of its socket (a `ws` WebSocket). */
export interface SocketLike extends SendableSocket {
  /** The TCP socket under a `ws` WebSocket, corked to coalesce writes. */
  readonly _socket?: { cork(): void; uncork(): void } | null;
}

const OPEN = 1;
/** Past this many paced messages waiting, send a fresh WELCOME instead of the backlog. */
const MAX_QUEUED = 4000;
/** Versions whose last step sent a connection remembers, to tell a forged FLOW_ACK. */
const VERSIONS_REMEMBERED = 64;

export interface ConnectionIdentity {
  userId: string;
  seat: number | null;
  viewer: Viewer;
  ip: string;
}

export interface StepPosition {
  version: number;
  step: number;
}

/** Where an EVENT sits in the log, and whether the client must ack it. */
export type StepMark = Pick<WireEvent, 'version' | 'step' | 'resolutionId' | 'requiresAck'>;

/**
 * A paced message as JSON (made once per viewer by the stream, or here when it was not), with
 * the step it carries when it is an EVENT: all the connection needs to pace it.
 */
export interface Outgoing {
  text: string;
  event: StepMark | null;
}

/** How a connection sends its paced messages: one frame each, or one frame per batch. */
export type Framing = 'step' | 'batch';

interface AckWait {
  resolutionId: string;
  version: number;
  step: number;
  startedAt: number;
  /** When the wait gives up (Date.now() time). */
  deadline: number;
}

/**
 * One socket's outbound stream. EVENT, LEGAL and MATCH_STATUS messages are paced: after an
 * EVENT that requires an ack, nothing more is sent until the client acknowledges that step or
 * the ack timeout passes. Replies (ACTION_RESULT, ERROR, PONG, WELCOME) go out at once.
 * Pacing is per connection, so a slow client only ever delays itself.
 *
 * With `batch` framing (the client asked for it) everything ready to send goes out as one
 * FRAME (a resolution's steps, the MATCH_STATUS and LEGAL after them), and the wait is for the
 * ack of the frame's last step that requires one: the client paces the steps in between itself.
 */
export class Connection {
  private queue: Outgoing[] = [];
  private awaiting: AckWait | null = null;
  /**
   * The ack timeout's timer, armed for the earliest deadline it may have to act on. An ack
   * (the usual end of a wait) leaves it be: it wakes once per timeout, finds the wait it
   * was armed for over, and sleeps again until the next wait's deadline, instead of a timer
   * made and cleared for every frame.
   */
  private ackTimer: ReturnType<typeof setTimeout> | null = null;
  /** RESUMEs this connection sent (they are limited per connection). */
  resumes = 0;
  /** The position the client's stream started from (its WELCOME). */
  welcomedAt: StepPosition = { version: 0, step: 0 };
  /** The last EVENT sent. */
  lastSent: StepPosition = { version: 0, step: 0 };
  /** The last step sent of each of the latest versions (at most VERSIONS_REMEMBERED). */
  private readonly lastStepOf = new Map<number, number>();

  constructor(
    private readonly socket: SocketLike,
    readonly identity: ConnectionIdentity,
    private readonly ackTimeoutMs: number,
    private readonly metrics: Metrics,
    private readonly onBacklog: (connection: Connection) => void,
    private readonly maxQueued = MAX_QUEUED,
    readonly framing: Framing = 'step',
  ) {}

  /** Paced messages waiting (never more than the cap: past it the stream starts over). */
  get queueLength(): number {
    return this.queue.length;
  }

  get isPlayer(): boolean {
    return this.identity.seat !== null;
  }

  /** True once an EVENT beyond the WELCOME went out (a RESUME can then no longer slot in). */
  get sentLive(): boolean {
    return compare(this.lastSent, this.welcomedAt) > 0;
  }

  /** Sends at once, outside the paced stream. */
  send(message: ServerMessage): void {
    // A result goes out on its own, ahead of the frames that follow it (batched: in the same write).
    this.write(
      JSON.stringify(message),
      message.type !== 'ACTION_RESULT' || this.framing === 'batch',
    );
  }

  private write(text: string, coalesce: boolean): void {
    if (this.socket.readyState !== OPEN) return;
    if (coalesce) this.coalesceWrites();
    sendUnlessStalled(this.socket, text);
  }

  /**
   * Holds this turn of the event loop's frames (a resolution's steps, its LEGAL, the
   * ACTION_RESULT) in the TCP socket's write buffer, then writes them in one system call.
   */
  private coalesceWrites(): void {
    const tcp = this.socket._socket;
    if (tcp) corkForThisTurn(tcp);
  }

  /** Adds messages to the paced stream (a fresh WELCOME instead, when they would not fit). */
  enqueue(messages: readonly (ServerMessage | Outgoing)[]): void {
    if (this.queue.length + messages.length > this.maxQueued) {
      this.onBacklog(this);
      return;
    }
    for (const message of messages) this.queue.push(outgoing(message));
    this.pump();
  }

  /** Starts the stream over from a WELCOME: drops whatever was waiting. */
  restart(welcome: ServerMessage & { type: 'WELCOME' }): void {
    this.clearWait();
    this.queue = [];
    this.welcomedAt = { version: welcome.version, step: welcome.step };
    this.lastSent = { ...this.welcomedAt };
    this.send(welcome);
  }

  /** Puts missed steps ahead of everything queued (within the cap, like every message). */
  resumeWith(missed: readonly (ServerMessage | Outgoing)[]): void {
    if (this.queue.length + missed.length > this.maxQueued) {
      this.onBacklog(this);
      return;
    }
    this.queue.unshift(...missed.map(outgoing));
    this.pump();
  }

  /**
   * A FLOW_ACK. Returns false when it names a step this connection was never sent (a forged or
   * confused ack); a late ack of a step already past is harmless and ignored.
   */
  ack(resolutionId: string, step: number): boolean {
    const version = versionOfResolution(resolutionId);
    if (version === null || compare({ version, step }, this.lastSent) > 0) return false;
    // A step past the last one sent of a version sent here was never sent (a step of a version
    // this connection no longer remembers, or never carried, may be a late one: ignored).
    const lastStep = this.lastStepOf.get(version);
    if (lastStep !== undefined && (step < 1 || step > lastStep)) return false;
    const wait = this.awaiting;
    if (wait && wait.resolutionId === resolutionId && wait.step === step) this.acknowledged(wait);
    return true;
  }

  /**
   * An ACTION on `knownVersion`: the client acted on that version's LEGAL, which comes after
   * that version's steps, so it has handled them: it acknowledges the step awaited when that
   * step is of that version or earlier, with no FLOW_ACK of its own (docs/protocol.md).
   */
  actedOn(knownVersion: number): void {
    const wait = this.awaiting;
    if (wait && wait.version <= knownVersion) this.acknowledged(wait);
  }

  private acknowledged(wait: AckWait): void {
    this.metrics.ackWaits.observe({ outcome: 'acked' }, (Date.now() - wait.startedAt) / 1000);
    this.clearWait();
    this.pump();
  }

  close(code: number, reason: string): void {
    this.clearWait();
    this.stopAckTimer();
    this.queue = [];
    this.socket.close(code, reason);
  }

  /** Forgets timers when the socket is gone. */
  dispose(): void {
    this.clearWait();
    this.stopAckTimer();
    this.queue = [];
  }

  private pump(): void {
    while (!this.awaiting && this.queue.length > 0) {
      if (this.socket.readyState !== OPEN) {
        this.queue = [];
        return;
      }
      // Batched: everything ready; else one message, as far as the next step to ack.
      const batch = this.framing === 'batch' ? this.queue.splice(0) : this.queue.splice(0, 1);
      let toAck: StepMark | null = null;
      for (const { event } of batch) {
        if (!event) continue;
        this.lastSent = { version: event.version, step: event.step };
        this.rememberSent(event);
        if (event.requiresAck) toAck = event;
      }
      this.write(
        batch.length === 1
          ? (batch[0] as Outgoing).text
          : `{"type":"FRAME","messages":[${batch.map((item) => item.text).join(',')}]}`,
        true,
      );
      if (toAck && this.ackTimeoutMs > 0) this.waitForAck(toAck);
    }
  }

  private rememberSent({ version, step }: StepMark): void {
    this.lastStepOf.set(version, Math.max(step, this.lastStepOf.get(version) ?? 0));
    if (this.lastStepOf.size <= VERSIONS_REMEMBERED) return;
    // Versions are sent in order, so the first one remembered is the oldest (no scan of all).
    this.lastStepOf.delete(this.lastStepOf.keys().next().value as number);
  }

  private waitForAck(event: StepMark): void {
    const startedAt = Date.now();
    const deadline = startedAt + this.ackTimeoutMs;
    this.awaiting = {
      resolutionId: event.resolutionId,
      version: event.version,
      step: event.step,
      startedAt,
      deadline,
    };
    if (!this.ackTimer) this.armAckTimer(this.ackTimeoutMs);
  }

  private armAckTimer(delayMs: number): void {
    this.ackTimer = setTimeout(() => this.onAckTimer(), delayMs);
    this.ackTimer.unref?.();
  }

  private onAckTimer(): void {
    this.ackTimer = null;
    const wait = this.awaiting;
    if (!wait) return;
    const now = Date.now();
    if (now < wait.deadline) {
      this.armAckTimer(wait.deadline - now);
      return;
    }
    this.metrics.ackWaits.observe({ outcome: 'timeout' }, (now - wait.startedAt) / 1000);
    this.awaiting = null;
    this.pump();
  }

  private clearWait(): void {
    this.awaiting = null;
  }

  /** Stops the ack timer (the connection is done with). */
  private stopAckTimer(): void {
    if (this.ackTimer) clearTimeout(this.ackTimer);
    this.ackTimer = null;
  }
}

type Corkable = NonNullable<SocketLike['_socket']>;

/** The TCP sockets corked in this turn of the event loop: one immediate uncorks them all. */
const corked = new Set<Corkable>();

function corkForThisTurn(tcp: Corkable): void {
  if (corked.has(tcp)) return;
  if (corked.size === 0) setImmediate(uncorkAll);
  tcp.cork();
  corked.add(tcp);
}

function uncorkAll(): void {
  const all = [...corked];
  corked.clear();
  for (const tcp of all) tcp.uncork();
}

/** A message as JSON (made now unless it came with it). */
function outgoing(item: ServerMessage | Outgoing): Outgoing {
  if (!('type' in item)) return item;
  const event = item.type === 'EVENT' ? item.event : null;
  return {
    text: JSON.stringify(item),
    event: event && {
      version: event.version,
      step: event.step,
      resolutionId: event.resolutionId,
      requiresAck: event.requiresAck,
    },
  };
}

export const compare = (a: StepPosition, b: StepPosition) =>
  a.version - b.version || a.step - b.step;

/** Resolution ids are `r<version>` (the engine's `resolutionIdFor`). */
export function versionOfResolution(resolutionId: string): number | null {
  const match = /^r(\d{1,9})$/.exec(resolutionId);
  return match ? Number(match[1]) : null;
}
