import type { Seat } from '@cardtable/engine';
import type { TcgEvent, TcgView } from '@cardtable/tcg/ui';
import type { LogPosition } from '../../animation/log-position.ts';
import type { Timing } from '../../animation/plan.ts';
import { SnapshotStore } from '../../animation/snapshot-store.ts';
import type { Beat } from '../../sound/beats.ts';
import { describeStep } from '../step-caption.ts';
import { planTcgStep, type TcgStepPlan } from './plan.ts';

/** What the card game table shows at this moment. */
export interface TcgStage {
  view: TcgView | null;
  version: number;
  step: number;
  /** A step is playing: nothing may be clicked until it settles. */
  busy: boolean;
  /** The step on screen; `id` changes with each step so its marks and flights play again. */
  shown: { id: number; plan: TcgStepPlan; moving: boolean; event?: TcgEvent } | null;
  /** The last thing that happened, in words. */
  caption: string;
}

export interface TcgDirectorOptions {
  timing(): Timing;
  name(seat: Seat): string;
  /** The seat this viewer plays (null when watching), for the sounds of turns and the end. */
  me(): Seat | null;
  onBeat?: (beat: Beat) => void;
  wait?: (ms: number) => Promise<void>;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Plays the card game's steps one at a time, like Golf's director: cards fly and attackers
 * lunge over the previous view, then the new view appears with its marks, then a pause.
 */
export class TcgDirector extends SnapshotStore<TcgStage> {
  private generation = 0;
  private nextId = 1;
  private readonly wait: (ms: number) => Promise<void>;

  constructor(private readonly options: TcgDirectorOptions) {
    super({ view: null, version: 0, step: 0, busy: false, shown: null, caption: '' });
    this.wait = options.wait ?? sleep;
  }

  /** Shows a view as it is, dropping whatever was playing (a WELCOME, a replay jump). */
  reset(view: TcgView | null, at: LogPosition, lastEvent?: TcgEvent): void {
    this.generation++;
    const caption =
      view && lastEvent
        ? describeStep(lastEvent, view, this.options.name, this.options.me()).caption
        : '';
    this.set({ view, ...at, busy: false, shown: null, caption });
  }

  /** Plays one step; resolves when its animation has ended (time to FLOW_ACK). */
  async play(event: TcgEvent, at: LogPosition, next: TcgView): Promise<void> {
    const generation = this.generation;
    const current = () => generation === this.generation;
    const before = this.getSnapshot().view ?? next;
    const plan = planTcgStep(
      event,
      before,
      next,
      this.options.timing(),
      this.options.name,
      this.options.me(),
    );
    if (plan.beat) this.options.onBeat?.(plan.beat);
    const id = this.nextId++;
    const caption = plan.caption || this.getSnapshot().caption;
    if (plan.moveMs > 0) {
      this.set({ busy: true, caption, shown: { id, plan, moving: true, event } });
      await this.wait(plan.moveMs);
      if (!current()) return;
    }
    this.set({
      view: next,
      ...at,
      busy: plan.settleMs > 0,
      caption,
      shown: { id, plan, moving: false, event },
    });
    if (plan.settleMs === 0) return;
    await this.wait(plan.settleMs);
    if (!current()) return;
    this.set({ busy: false });
  }
}
