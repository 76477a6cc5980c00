import type { PacedMessage, WireEvent } from './protocol.ts';

/** How long a held message waits for its step's animation, like the server's ACK_TIMEOUT_MS. */
export const PACE_TIMEOUT_MS = 3_000;

export interface PacerOptions {
  /** Steps wait for the consumer's ack (manual mode); else every step counts as animated. */
  manual: boolean;
  /** Handles one paced message; true when it handed a step to the consumer to animate. */
  handle(message: PacedMessage): boolean;
  /** Sends FLOW_ACK for a step. */
  sendAck(event: WireEvent): void;
  timeoutMs?: number;
}

const sameStep = (a: WireEvent, b: WireEvent) =>
  a.resolutionId === b.resolutionId && a.step === b.step;

/**
 * The client's half of pacing. A FRAME brings a resolution's steps with the LEGAL and status
 * after them; the pacer hands them on as the server's per-step pacing would: after a step that
 * requires an ack, nothing more is handled until the consumer has animated it (or
 * PACE_TIMEOUT_MS passes). FLOW_ACK goes out only for the step the server waits for: the
 * frame's last step that requires one (a lone EVENT's own step).
 */
export class StepPacer {
  private held: PacedMessage[] = [];
  private holdingFor: WireEvent | null = null;
  private serverAwaits: WireEvent | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** Bumped by `reset`, so a frame being handled when the stream starts over stops there. */
  private generation = 0;

  constructor(private readonly options: PacerOptions) {}

  /** Paced messages as they arrived: a FRAME's, or one alone. */
  receive(messages: readonly PacedMessage[]): void {
    const generation = this.generation;
    const toAck = lastStepToAck(messages);
    if (toAck) this.serverAwaits = toAck;
    this.held.push(...messages);
    this.drain();
    if (!this.options.manual && this.serverAwaits && generation === this.generation) {
      this.options.sendAck(this.serverAwaits);
      this.serverAwaits = null;
    }
  }

  /** The consumer finished animating `event` (manual mode). */
  animated(event: WireEvent): void {
    if (this.serverAwaits && sameStep(event, this.serverAwaits)) {
      this.options.sendAck(event);
      this.serverAwaits = null;
    }
    if (this.holdingFor && sameStep(event, this.holdingFor)) this.release();
  }

  /** Drops whatever is held: the stream starts over (a WELCOME, a lost socket, the end). */
  reset(): void {
    this.generation++;
    this.clearTimer();
    this.held = [];
    this.holdingFor = null;
    this.serverAwaits = null;
  }

  /**
   * Handles held messages in order until one is a step to animate with more behind it: those
   * wait for its ack. (A step that came last, alone or at the end of a frame, holds nothing:
   * the server sends nothing more until its ack.)
   */
  private drain(): void {
    const generation = this.generation;
    while (this.held.length > 0 && !this.holdingFor && generation === this.generation) {
      const message = this.held.shift() as PacedMessage;
      const toConsumer = this.options.handle(message);
      const paced = this.options.manual && toConsumer && message.type === 'EVENT';
      if (paced && message.event.requiresAck && this.held.length > 0) {
        this.holdingFor = message.event;
        this.timer = setTimeout(() => this.release(), this.options.timeoutMs ?? PACE_TIMEOUT_MS);
      }
    }
  }

  private release(): void {
    this.clearTimer();
    this.holdingFor = null;
    this.drain();
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}

function lastStepToAck(messages: readonly PacedMessage[]): WireEvent | null {
  for (let i = messages.length - 1; i >= 0; i--) {
    const message = messages[i] as PacedMessage;
    if (message.type === 'EVENT' && message.event.requiresAck) return message.event;
  }
  return null;
}
