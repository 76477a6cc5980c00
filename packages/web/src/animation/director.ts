import type { Seat } from '@cardtable/engine';
import type { GolfEvent, GolfView, RoundResult } from '@cardtable/golf';
import type { LogPosition } from './log-position.ts';
import { SnapshotStore } from './snapshot-store.ts';
import { describeEvent, planStep, type StepAnimation, type Timing } from './plan.ts';

/** What the table shows at this moment. */
export interface Stage {
  view: GolfView | null;
  /** The log position of the last step shown: `version` and `step` (0 for a whole version). */
  version: number;
  step: number;
  /** A step is playing: nothing may be clicked until it settles. */
  busy: boolean;
  /** The flights in the air, over the previous view; `id` changes with each step. */
  flying: { id: number; plan: StepAnimation } | null;
  /** The round-end score tally, shown until dismissed. */
  tally: RoundResult | null;
  /** The last thing that happened, in words (also read out by an aria-live region). */
  caption: string;
  /** The seat that knocked this hole (went out by an early knock), if one did. */
  knocked: Seat | null;
}

export type { LogPosition } from './log-position.ts';

export interface DirectorOptions {
  timing(): Timing;
  name(seat: Seat): string;
  /** How long the tally stays up unless dismissed earlier (at speed 1). */
  tallyMs: number;
  wait?: (ms: number) => Promise<void>;
  /** Told of each step as it starts playing (its sound). */
  onStep?: (event: GolfEvent) => void;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Plays steps one at a time: flights over the old view, then the new view, then a pause;
 * a round end holds on its tally. A subscribable store, for `useSyncExternalStore`.
 */
export class Director extends SnapshotStore<Stage> {
  /** Bumped by `reset`, so a step still playing from before it commits nothing. */
  private generation = 0;
  private nextFlightId = 1;
  private endTally: (() => void) | null = null;
  private readonly wait: (ms: number) => Promise<void>;

  constructor(private readonly options: DirectorOptions) {
    super({
      view: null,
      version: 0,
      step: 0,
      busy: false,
      flying: null,
      tally: null,
      caption: '',
      knocked: null,
    });
    this.wait = options.wait ?? sleep;
  }

  /**
   * Shows a view as it is, dropping whatever was playing (a WELCOME, a replay jump); the event
   * that led there, when known, becomes the caption.
   */
  reset(view: GolfView | null, at: LogPosition, lastEvent?: GolfEvent): void {
    this.generation++;
    this.endTally?.();
    const caption = lastEvent ? describeEvent(lastEvent, this.options.name) : '';
    this.set({ view, ...at, busy: false, flying: null, tally: null, caption, knocked: null });
  }

  /** Plays one step; resolves when its animation has ended (time to FLOW_ACK). */
  async play(event: GolfEvent, at: LogPosition, next: GolfView): Promise<void> {
    const generation = this.generation;
    const current = () => generation === this.generation;
    const timing = this.options.timing();
    const plan = planStep(event, timing, this.options.name);
    const knocked = knockerAfter(event, this.getSnapshot().knocked);
    this.options.onStep?.(event);
    this.set({
      busy: true,
      knocked,
      caption:
        event.type === 'wentOut' && knocked === event.data.seat
          ? `${this.options.name(knocked)} knocked! Everyone else gets one last turn.`
          : plan.caption,
      flying: plan.flights.length > 0 ? { id: this.nextFlightId++, plan } : null,
    });
    if (plan.flightMs > 0) await this.wait(plan.flightMs);
    if (!current()) return;
    this.set({ view: next, ...at, flying: null });
    if (plan.settleMs > 0) await this.wait(plan.settleMs);
    if (!current()) return;
    if (plan.holdForTally && event.type === 'roundEnded') {
      this.set({ tally: event.data.result });
      // The tally is for reading: even the instant speed holds it (at the normal pace).
      const tallySpeed = Number.isFinite(timing.speed) ? timing.speed : 1;
      await this.holdTally(Math.round(this.options.tallyMs / tallySpeed));
      if (!current()) return;
      this.set({ tally: null });
    }
    this.set({ busy: false });
  }

  /** Closes the tally now (the reader pressed Continue). */
  dismissTally(): void {
    this.endTally?.();
  }

  private holdTally(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        this.endTally = null;
        resolve();
      };
      this.endTally = done;
      void this.wait(ms).then(() => {
        if (this.endTally === done) done();
      });
    });
  }
}

/** Who has knocked this hole, after an event. */
function knockerAfter(event: GolfEvent, knocked: Seat | null): Seat | null {
  if (event.type === 'roundDealt') return null;
  if (event.type === 'cardFlipped' && event.data.reason === 'knock') return event.data.seat;
  return knocked;
}
