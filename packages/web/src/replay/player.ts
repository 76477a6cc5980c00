import { SnapshotStore } from '../animation/snapshot-store.ts';
import {
  lastPosition,
  logPositionAt,
  type LogPosition,
  type ReplayTimeline,
} from './replay-timeline.ts';

export const SPEEDS = [0.5, 1, 1.5, 2, 4] as const;

/** A pause between steps during playback, at speed 1. */
const GAP_MS = 280;

/** What animates the steps: Golf's director and the card game's both fit. */
export interface StepDirector<E, V> {
  play(event: E, at: LogPosition, next: V): Promise<void>;
  reset(view: V | null, at: LogPosition, lastEvent?: E): void;
  getSnapshot(): { busy: boolean };
}

export interface PlayerState {
  /** The number of events shown (0 is the table before the deal). */
  position: number;
  playing: boolean;
  speed: number;
}

/**
 * Moves through a timeline: `next` animates one step through the director, jumps (seek, prev,
 * start, end) show the folded state at once, `play` keeps stepping at the chosen speed.
 */
export class ReplayPlayer<E = unknown, V = unknown> extends SnapshotStore<PlayerState> {
  /** Bumped by every jump and pause, so a playback loop from before stops. */
  private run = 0;
  /** The step animating now, if any. */
  private stepping: Promise<void> = Promise.resolve();

  constructor(
    private readonly timeline: ReplayTimeline<E, V>,
    private readonly director: StepDirector<E, V>,
    private readonly wait: (ms: number) => Promise<void>,
  ) {
    super({ position: 0, playing: false, speed: 1 });
    this.show(0);
  }

  private get state(): PlayerState {
    return this.getSnapshot();
  }

  get last(): number {
    return lastPosition(this.timeline);
  }

  seek(position: number): void {
    const target = Math.min(this.last, Math.max(0, Math.round(position)));
    this.run++;
    this.show(target);
    this.set({ position: target });
    if (this.state.playing) void this.loop(this.run);
  }

  start = () => this.seek(0);
  end = () => this.seek(this.last);
  prev = () => this.seek(this.state.position - 1);

  /** One step forward, animated; pressed again mid-animation it lands at once. */
  next = (): void => {
    if (this.state.position >= this.last) return;
    if (this.director.getSnapshot().busy) {
      this.seek(this.state.position + 1);
      return;
    }
    void this.animateStep();
  };

  toggle = (): void => (this.state.playing ? this.pause() : this.play());

  play(): void {
    if (this.state.position >= this.last) this.seek(0);
    this.set({ playing: true });
    void this.loop(++this.run);
  }

  pause(): void {
    this.run++;
    this.set({ playing: false });
  }

  setSpeed(speed: number): void {
    this.set({ speed });
  }

  private async loop(run: number): Promise<void> {
    // Let a step already on screen finish before the next one starts.
    await this.stepping;
    while (run === this.run && this.state.position < this.last) {
      await this.animateStep();
      if (run !== this.run) return;
      await this.wait(GAP_MS / this.state.speed);
    }
    if (run === this.run) this.set({ playing: false });
  }

  private async animateStep(): Promise<void> {
    const from = this.state.position;
    const event = this.timeline.events[from];
    if (!event) return;
    this.set({ position: from + 1 });
    const to = from + 1;
    this.stepping = this.director.play(
      event,
      logPositionAt(this.timeline, to),
      this.timeline.view(to),
    );
    await this.stepping;
  }

  /** The table at `position` at once, captioned with the event that led there. */
  private show(position: number): void {
    this.director.reset(
      this.timeline.view(position),
      logPositionAt(this.timeline, position),
      this.timeline.events[position - 1],
    );
  }
}
