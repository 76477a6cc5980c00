import type { DecideContext, OpaqueIds, Rng, Seat } from '@cardtable/engine';
import type { Content } from '../content/content.ts';
import { Draft } from './draft.ts';
import { applyEvent } from './evolve.ts';
import type { EvalContext } from './eval-context.ts';
import type { TcgEvent } from './events.ts';
import { newHandle } from './handles.ts';
import type { ScriptHost } from './scripts.ts';
import { evalContext } from './stats.ts';
import {
  copyState,
  type Decision,
  type EventInfo,
  type ObjectId,
  type QueuedTrigger,
  type Task,
  type TcgState,
} from './state.ts';

export type StepResult = 'done' | 'continue' | 'suspend';

/**
 * One command in progress: a working copy of the state, folding each event in as it is
 * emitted so the next step sees it, and the work stack that `runWork` (work.ts) runs until the
 * game is quiescent, over, or waiting for a decision. The work stack goes into the
 * `decisionRequested` event when it pauses, so every bit of state comes from events. The steps
 * get this object, not the loop, so they do not import the loop that dispatches to them.
 */
export class Runner {
  readonly events: TcgEvent[] = [];
  work: Task[] = [];
  queue: QueuedTrigger[] = [];
  batch: QueuedTrigger[] = [];
  private asking: Omit<Decision, 'id'> | null = null;
  private steps = 0;
  private triggers = 0;
  /** The command's generators, made on first use (most playout commands draw nothing at random). */
  private generator: Rng | null = null;
  private handleIds: OpaqueIds | null = null;
  /** The handles this command minted (made with its first). */
  private issued: Set<string> | null = null;
  /** One copy-on-write draft for the whole command: each part is copied at most once. */
  readonly draft: Draft;
  /** The last state the state-based checks found nothing to do in (`settle`). */
  settled: TcgState | null = null;

  /** `previous`: see `Draft` (a command continuing the one before on a private line). */
  constructor(
    public state: TcgState,
    readonly content: Content,
    private readonly decideContext: DecideContext,
    readonly scripts: ScriptHost | null,
    previous: Draft | null = null,
  ) {
    this.draft = new Draft(state, previous);
  }

  /**
   * Records an event and folds it in. `state` becomes a new object each time (derived-stat
   * caches are keyed by it); the parts it shares with the draft are private to this command.
   */
  emit(event: TcgEvent): void {
    this.events.push(event);
    applyEvent(this.draft, event);
    this.state = copyState(this.draft.s);
  }

  newHandle(): string {
    this.handleIds ??= this.decideContext.opaqueIds(1);
    return newHandle(this.handleIds, this.state, (this.issued ??= new Set()));
  }

  randomIndex(n: number): number {
    return this.rng().int(0, n - 1);
  }

  shuffle<T>(items: readonly T[]): T[] {
    return this.rng().shuffle(items);
  }

  /** The command's generator: the same draws whenever it is made (keyed by version and step). */
  private rng(): Rng {
    return (this.generator ??= this.decideContext.rng(0));
  }

  ctx(
    controller: Seat,
    self: string | null,
    bindings: Record<string, readonly ObjectId[]> = {},
    event: EventInfo | null = null,
  ): EvalContext {
    return evalContext({
      state: this.state,
      content: this.content,
      controller,
      self,
      bindings,
      event,
    });
  }

  /** Pauses the current task for a player's decision; the task records what the answer means. */
  ask(decision: Omit<Decision, 'id'>): 'suspend' {
    this.asking = decision;
    return 'suspend';
  }

  countTrigger(): boolean {
    return ++this.triggers <= this.content.ruleset.limits.triggersPerCommand;
  }

  /** Counts one step of work; false when the command went over its step or trigger budget. */
  withinBudget(): boolean {
    return (
      ++this.steps <= this.content.ruleset.limits.stepsPerCommand &&
      this.triggers <= this.content.ruleset.limits.triggersPerCommand
    );
  }

  /**
   * Records the pending decision (from `ask`) with the work left to do when it is answered. The
   * work is handed over, not cloned: the command ends here (nothing runs on this runner after
   * it), and `answer` clones what it resumes before changing it, so the event's continuation is
   * never written (a second `structuredClone` of the paused frames, with their effect lists,
   * was 1.5% of a demo batch).
   */
  suspend(): void {
    const decision = this.asking!;
    this.asking = null;
    const id = `d${this.state.seq + 1}`;
    const continuation = { work: this.work, queue: this.queue, batch: this.batch };
    this.work = [];
    this.queue = [];
    this.batch = [];
    this.emit({
      type: 'decisionRequested',
      data: {
        decision: { id, ...decision },
        player: decision.player,
        id,
        kind: decision.kind,
        continuation,
      },
    });
  }

  /** Nothing left to run: a non-empty stack opens a priority window for the active player. */
  quiesce(): void {
    if (this.state.stack.length > 0 && this.state.priority === null && this.state.pending === null)
      this.emit({ type: 'priority', data: { holder: this.state.active, otherPassed: false } });
  }
}
