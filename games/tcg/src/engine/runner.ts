import type { DecideContext, OpaqueIds, Rng, Seat } from '@cardtable/engine';
import type { Content } from '../content/content.ts';
import { runCombat } from './combat.ts';
import { Draft } from './draft.ts';
import { applyEvent } from './evolve.ts';
import type { TcgEvent } from './events.ts';
import { runFrame, frameForTrigger } from './frames.ts';
import { newHandle } from './handles.ts';
import type { ScriptHost } from './scripts.ts';
import type { EvalContext } from './select.ts';
import { finishSpell, resolveTop } from './stack.ts';
import { endInDraw, settle } from './state-checks.ts';
import { orderBatch } from './triggers.ts';
import { runAdvance } from './turn.ts';
import type { Decision, EventInfo, ObjectId, QueuedTrigger, Task, TcgState } from './state.ts';

export type StepResult = 'done' | 'continue' | 'suspend';

/**
 * The interpreter for one command: it runs work on a working copy of the state, folding each
 * event in as it is emitted so the next step sees it, until the game is quiescent, over, or
 * waiting for a decision. Its work stack lives here while it runs and goes into the
 * `decisionRequested` event when it pauses, so every bit of state comes from events.
 */
export class Runner {
  readonly events: TcgEvent[] = [];
  work: Task[] = [];
  queue: QueuedTrigger[] = [];
  batch: QueuedTrigger[] = [];
  private asking: Omit<Decision, 'id'> | null = null;
  private steps = 0;
  private triggers = 0;
  private readonly rng: Rng;
  private readonly handleIds: OpaqueIds;
  private readonly issued = new Set<string>();
  /** One copy-on-write draft for the whole command: each part is copied at most once. */
  private readonly draft: Draft;

  constructor(
    public state: TcgState,
    readonly content: Content,
    ctx: DecideContext,
    readonly scripts: ScriptHost | null,
  ) {
    this.rng = ctx.rng(0);
    this.handleIds = ctx.opaqueIds(1);
    this.draft = new Draft(state);
  }

  /**
   * Records an event and folds it in. `state` becomes a new object each time (derived-stat
   * caches are keyed by it); the parts it shares with the draft are private to this command.
   */
  emit(event: TcgEvent): void {
    this.events.push(event);
    applyEvent(this.draft, event);
    this.state = { ...this.draft.s };
  }

  newHandle(): string {
    return newHandle(this.handleIds, this.state, this.issued);
  }

  randomIndex = (n: number): number => this.rng.int(0, n - 1);

  shuffle<T>(items: readonly T[]): T[] {
    return this.rng.shuffle(items);
  }

  ctx(
    controller: Seat,
    self: string | null,
    bindings: Record<string, readonly ObjectId[]> = {},
    event: EventInfo | null = null,
  ): EvalContext {
    return { state: this.state, content: this.content, controller, self, bindings, event };
  }

  /** Pauses the current task for a player's decision; the task records what the answer means. */
  ask(decision: Omit<Decision, 'id'>): 'suspend' {
    this.asking = decision;
    return 'suspend';
  }

  countTrigger(): boolean {
    return ++this.triggers <= this.content.ruleset.limits.triggersPerCommand;
  }

  /** Runs until quiescent, over or paused. `resume` continues the top task first (after an answer). */
  run(resume = false): void {
    if (resume && this.step() === 'suspend') return this.suspend();
    for (;;) {
      if (this.state.outcome) return;
      settle(this);
      if (this.state.outcome) return;
      if (this.batch.length) {
        this.queue.push(...orderBatch(this.state, this.content, this.batch));
        this.batch = [];
      }
      const next = this.queue.shift();
      if (next) this.work.push({ kind: 'ability', frame: frameForTrigger(this, next) });
      if (this.work.length === 0) return this.quiesce();
      if (
        ++this.steps > this.content.ruleset.limits.stepsPerCommand ||
        this.triggers > this.content.ruleset.limits.triggersPerCommand
      )
        return endInDraw(this, 'loop');
      if (this.step() === 'suspend') return this.suspend();
    }
  }

  private step(): StepResult {
    const task = this.work.at(-1)!;
    const result = runTask(this, task);
    const at = this.work.lastIndexOf(task);
    if (result === 'done' && at >= 0) this.work.splice(at, 1);
    return result;
  }

  private suspend(): void {
    const decision = this.asking!;
    this.asking = null;
    const id = `d${this.state.seq + 1}`;
    const continuation = structuredClone({ work: this.work, queue: this.queue, batch: this.batch });
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
  private quiesce(): void {
    if (this.state.stack.length > 0 && this.state.priority === null && this.state.pending === null)
      this.emit({ type: 'priority', data: { holder: this.state.active, otherPassed: false } });
  }
}

function runTask(r: Runner, task: Task): StepResult {
  switch (task.kind) {
    case 'ability':
      return runFrame(r, task.frame);
    case 'advance':
      return runAdvance(r, task);
    case 'combat':
      return runCombat(r, task);
    case 'finishSpell':
      return finishSpell(r, task.card);
    case 'resolveTop':
      return resolveTop(r);
  }
}
