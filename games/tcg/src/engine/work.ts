import { runCombat } from './combat.ts';
import { runFrame, frameForTrigger } from './frames.ts';
import type { Runner, StepResult } from './runner.ts';
import { finishSpell, resolveTop } from './stack.ts';
import { endInDraw, settle } from './state-checks.ts';
import type { Task } from './state.ts';
import { orderBatch } from './triggers.ts';
import { runAdvance } from './turn.ts';
import { runPromote } from './battler/between-turns.ts';

/**
 * Runs a command's work until quiescent, over or paused. `resume` continues the top task
 * first (after an answer).
 */
export function runWork(r: Runner, resume = false): void {
  if (resume && step(r) === 'suspend') return r.suspend();
  for (;;) {
    if (r.state.outcome) return;
    settle(r);
    if (r.state.outcome) return;
    if (r.batch.length) {
      r.queue.push(...orderBatch(r.state, r.content, r.batch));
      r.batch = [];
    }
    const next = r.queue.shift();
    if (next) r.work.push({ kind: 'ability', frame: frameForTrigger(r, next) });
    if (r.work.length === 0) return r.quiesce();
    if (!r.withinBudget()) return endInDraw(r, 'loop');
    if (step(r) === 'suspend') return r.suspend();
  }
}

function step(r: Runner): StepResult {
  const task = r.work.at(-1)!;
  const result = runTask(r, task);
  const at = r.work.lastIndexOf(task);
  if (result === 'done' && at >= 0) r.work.splice(at, 1);
  return result;
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
    case 'promote':
      return runPromote(r, task);
  }
}
