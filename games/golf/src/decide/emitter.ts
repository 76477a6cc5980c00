import type { DecideContext, Rng } from '@cardtable/engine';
import { evolve } from '../evolve.ts';
import type { GolfEvent, GolfState } from '../types.ts';

/**
 * Collects the events of one resolution and keeps the state they lead to, so each rule can
 * look at the table as the previous events left it.
 */
export class Emitter {
  readonly events: GolfEvent[] = [];

  constructor(
    public state: GolfState,
    private readonly ctx: DecideContext,
  ) {}

  emit(event: GolfEvent): void {
    this.events.push(event);
    this.state = evolve(this.state, event);
  }

  /** The RNG for the event about to be emitted, keyed by its step (1-based) in the resolution. */
  rngForNextEvent(): Rng {
    return this.ctx.rng(this.events.length + 1);
  }
}

/** A checked action, ready to emit its events. */
export type Play = (emitter: Emitter) => void;
