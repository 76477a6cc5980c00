import type { Seat } from '@cardtable/engine';
import { cardOf, keywordWithBuiltin, type Content } from '../content/content.ts';
import { attachedByUnit } from './attachments.ts';
import { dealDamage } from './damage.ts';
import { pickOrAsk } from './decisions.ts';
import type { Runner, StepResult } from './runner.ts';
import { hasKeyword, statsOf } from './stats.ts';
import { heroId, heroSeat, opponentOf, type ObjectId, type Task, type TcgState } from './state.ts';

type Combat = Extract<Task, { kind: 'combat' }>;

const alive = (state: TcgState, content: Content, handle: string) => {
  const card = state.cards[handle];
  return (
    card !== undefined &&
    card.zone === 'board' &&
    !card.doomed &&
    statsOf(state, content, handle).health > 0
  );
};

/** Why `attacker` may not attack now (ignoring whose turn it is), or null. */
export function attackerProblem(
  state: TcgState,
  content: Content,
  seat: Seat,
  attacker: string,
): string | null {
  const card = state.cards[attacker];
  // Said in the ruleset's own word for a unit ("That thrall has already attacked").
  const unit = content.ruleset.vocabulary.unit;
  if (!card || card.zone !== 'board' || card.controller !== seat)
    return `That is not a ${unit} of yours on the board.`;
  if (!alive(state, content, attacker)) return `That ${unit} is about to die.`;
  const stats = statsOf(state, content, attacker);
  if (stats.attack <= 0) return `A ${unit} with no attack cannot attack.`;
  const { combat, resources } = content.ruleset;
  if (card.attacks >= combat.attacksPerTurn) return `That ${unit} has already attacked this turn.`;
  if (
    combat.summoningSickness &&
    card.enteredTurn === state.turn &&
    !hasKeyword(state, content, attacker, keywordWithBuiltin(content, 'haste'))
  )
    return `That ${unit} entered the board this turn.`;
  if (resources.model === 'attached') {
    const energy = attachedByUnit(state.cards).get(attacker)?.length ?? 0;
    const needed = cardOf(content, card.defId).cost;
    if (energy < needed)
      return `That ${unit} needs ${needed} ${resources.name} attached to attack.`;
  }
  return null;
}

/** The legal targets of an attack: guards first, heroes when the ruleset allows. */
export function attackTargets(state: TcgState, content: Content, seat: Seat): ObjectId[] {
  const enemy = opponentOf(seat);
  const units = (state.players[enemy]!.zones.board ?? []).filter((h) => alive(state, content, h));
  const guard = keywordWithBuiltin(content, 'guard');
  const guards = units.filter((h) => hasKeyword(state, content, h, guard));
  if (guards.length) return guards;
  return content.ruleset.combat.canAttackHeroes ? [heroId(enemy), ...units] : units;
}

/**
 * Resolves a declared attack: the defender may block (if the ruleset has blocking), then the
 * attacker and its target strike at once — the target strikes back unless it is a hero, the
 * ruleset has no retaliation or the attacker is ranged.
 */
export function runCombat(r: Runner, task: Combat): StepResult {
  const { state, content } = r;
  const defender = opponentOf(state.cards[task.attacker]?.controller ?? state.active);
  if (
    !alive(state, content, task.attacker) ||
    (heroSeat(task.target) === null && !alive(state, content, task.target))
  ) {
    r.emit({ type: 'stepFizzled', data: { reason: 'attackCancelled', source: task.attacker } });
    return 'done';
  }
  if (task.stage === 'block') {
    task.stage = 'damage';
    if (content.ruleset.combat.blocking === 'defenderAssigns') {
      const blockers = (state.players[defender]!.zones.board ?? []).filter(
        (h) => alive(state, content, h) && state.cards[h]!.attacks === 0,
      );
      if (blockers.length > 0) {
        task.awaiting = true;
        const picks = pickOrAsk(r, {
          player: defender,
          kind: 'block',
          key: 'choose.blocker',
          params: { attacker: task.attacker },
          candidates: blockers,
          min: 0,
          max: 1,
          frame: null,
          defaultPicks: [],
        });
        if (picks === 'suspend') return 'suspend';
        applyBlock(r, task, picks);
      }
    }
    return 'continue';
  }
  const attack = statsOf(state, content, task.attacker).attack;
  const targetIsUnit = heroSeat(task.target) === null;
  const ranged = hasKeyword(state, content, task.attacker, keywordWithBuiltin(content, 'ranged'));
  const strikeBack =
    targetIsUnit && content.ruleset.combat.retaliation && !ranged
      ? statsOf(state, content, task.target).attack
      : 0;
  dealDamage(r, task.attacker, task.target, attack, true);
  if (strikeBack > 0) dealDamage(r, task.target, task.attacker, strikeBack, true);
  return 'done';
}

export function applyBlock(r: Runner, task: Combat, picks: string[]): void {
  task.awaiting = false;
  const blocker = picks[0] ?? null;
  r.emit({ type: 'blockDeclared', data: { attacker: task.attacker, blocker } });
  if (blocker) task.target = blocker;
}
