import type { Runner, StepResult } from './runner.ts';
import { endGame } from './state-checks.ts';
import { opponentOf, type Task } from './state.ts';
import { raise } from './triggers.ts';
import { drawCard } from './zones.ts';
import { runCheckup } from './battler/between-turns.ts';
import type { PhaseStep } from '../content/ast.ts';

type Advance = Extract<Task, { kind: 'advance' }>;

/**
 * Moves through the phases: entering an automatic phase raises its event (turnStart or
 * turnEnd) and then runs its steps one at a time, each followed by state checks and triggers;
 * reaching a main phase hands control to the active player.
 */
export function runAdvance(r: Runner, task: Advance): StepResult {
  const { phases } = r.content.ruleset.turn;
  if (task.step === null) {
    let next = r.state.phase + 1;
    if (task.endTurn) while (next < phases.length && phases[next]!.kind === 'main') next++;
    if (next >= phases.length) {
      if (!startNextTurn(r)) return 'done';
      task.endTurn = false;
      next = 0;
    }
    const phase = phases[next]!;
    r.emit({ type: 'phaseEntered', data: { phase: next, id: phase.id } });
    if (phase.kind === 'main') return 'done';
    task.step = 0;
    if (phase.raises) raise(r, { on: phase.raises, player: r.state.active });
    return 'continue';
  }
  const phase = phases[r.state.phase]!;
  if (phase.kind === 'auto' && task.step < phase.steps.length) {
    runStep(r, phase.steps[task.step]!);
    task.step++;
    return 'continue';
  }
  task.step = null;
  return 'continue';
}

function startNextTurn(r: Runner): boolean {
  const { state } = r;
  if (state.turn > 0)
    r.emit({ type: 'turnEnded', data: { player: state.active, turn: state.turn } });
  const limit = r.content.ruleset.turnLimit;
  if (state.turn >= limit.turns) {
    const [a, b] = [state.players[0]!.life, state.players[1]!.life];
    const winners = limit.result === 'mostLife' && a !== b ? [a > b ? 0 : 1] : [0, 1];
    endGame(r, winners, 'turnLimit');
    return false;
  }
  const player = state.turn === 0 ? state.firstPlayer : opponentOf(state.active);
  r.emit({ type: 'turnStarted', data: { player, turn: state.turn + 1 } });
  return true;
}

function runStep(r: Runner, step: PhaseStep): void {
  const seat = r.state.active;
  const player = r.state.players[seat]!;
  const resources = r.content.ruleset.resources;
  switch (step) {
    case 'readyUnits':
      r.emit({ type: 'unitsReadied', data: { player: seat } });
      return;
    case 'growResources': {
      const next =
        resources.model === 'pool'
          ? {
              current: player.resource.current,
              max: Math.min(resources.cap, player.resource.max + resources.growPerTurn),
            }
          : { current: resources.perTurn, max: resources.perTurn };
      r.emit({ type: 'resourceChanged', data: { player: seat, ...next } });
      return;
    }
    case 'refillResources': {
      const { current, max } = player.resource;
      const kept = resources.model === 'pool' ? Math.min(current, resources.carryOver ?? 0) : 0;
      r.emit({ type: 'resourceChanged', data: { player: seat, current: max + kept, max } });
      return;
    }
    case 'draw': {
      const rules = r.content.ruleset.turn.draw;
      if (rules.firstPlayerSkipsFirstDraw && r.state.turn === 1) return;
      for (let i = 0; i < rules.perTurn; i++) drawCard(r, seat);
      return;
    }
    case 'checkup':
      runCheckup(r);
      return;
    case 'expireEndOfTurn': {
      const ids = r.state.modifiers.filter((m) => m.duration === 'endOfTurn').map((m) => m.id);
      if (ids.length) r.emit({ type: 'modifiersExpired', data: { ids } });
      return;
    }
  }
}
