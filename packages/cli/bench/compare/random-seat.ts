import type { LatencySamples } from '../../src/load/stats.ts';
import { randomMove, type GolfMove } from './golf-rules.ts';

/** A move whose state never came back (a stale opening flip boardgame.io dropped): try again. */
const RETRY_AFTER_MS = 1_000;

/** A seat's latest state as a random player sees it. */
export interface SeatState {
  /** Grows by one with each accepted move of the match (boardgame.io's state id, Colyseus's move count). */
  version: number;
  legal: GolfMove[];
}

export interface RandomSeatOptions {
  thinkMs: number;
  latencies: LatencySamples;
  measuring(): boolean;
  stopping(): boolean;
  /** The seat's state now (null before its first). */
  current(): SeatState | null;
  send(move: GolfMove): void;
}

/**
 * One seat of an anchor's match played at random, like Cardtable's `RandomPlayer`: whenever it
 * may move it waits `thinkMs` and makes one of its legal moves. A move's latency runs from its
 * sending to the first state past the one it was made on arriving at this seat.
 */
export class RandomSeat {
  private sentAt: number | null = null;
  private sentVersion = -1;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly options: RandomSeatOptions) {}

  /** A state arrived at this seat. */
  onState(state: SeatState): void {
    const { options } = this;
    if (this.sentAt !== null && state.version > this.sentVersion) {
      if (options.measuring()) options.latencies.add(performance.now() - this.sentAt);
      this.sentAt = null;
      this.clearTimer();
    }
    if (
      state.legal.length > 0 &&
      this.sentAt === null &&
      this.timer === null &&
      !options.stopping()
    )
      this.timer = setTimeout(() => this.act(), options.thinkMs);
  }

  stop(): void {
    this.clearTimer();
  }

  private act(): void {
    this.timer = null;
    const { options } = this;
    if (options.stopping()) return;
    const state = options.current();
    const move = state && randomMove(state.legal);
    if (!state || !move) return;
    this.sentAt = performance.now();
    this.sentVersion = state.version;
    options.send(move);
    this.timer = setTimeout(() => {
      this.sentAt = null;
      this.act();
    }, RETRY_AFTER_MS + options.thinkMs);
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
