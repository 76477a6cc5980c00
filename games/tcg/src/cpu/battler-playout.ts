import type { Seat } from '@cardtable/engine';
import { cardOf, cardTypeOf, type Content } from '../content/content.ts';
import type { TcgAction } from '../engine/actions.ts';
import { activeOf, energyTypes } from '../engine/battler/rules.ts';
import { typedDamage } from '../engine/battler/typed-damage.ts';
import { opponentOf, type TcgState } from '../engine/state.ts';
import { estimateDamage } from './battler-threats.ts';

/**
 * A battler turn played out with a plan, for the `hard` CPU's playouts: evolve, attach energy
 * where an attack still needs it (the active creature first), bench basics, then use the
 * attack that deals the most to the defending creature (weakness and resistance counted), else
 * end the turn. Trainers, tools and retreats are left to the search at the root. Deterministic:
 * the playout's randomness is the match's own (draws, coin flips).
 */
export function plannedBattlerMove(
  state: TcgState,
  content: Content,
  actor: Seat,
  legal: readonly TcgAction[],
): TcgAction {
  const evolve = legal.find((a) => a.type === 'evolve');
  if (evolve) return evolve;
  const attach = energyAttachment(state, content, actor, legal);
  if (attach) return attach;
  const basic = legal.find(
    (a) =>
      a.type === 'play' &&
      cardTypeOf(content, cardOf(content, state.cards[a.payload.card]!.defId)).kind === 'unit',
  );
  if (basic) return basic;
  const attack = strongestAttack(state, content, actor, legal);
  if (attack) return attack;
  return legal.find((a) => a.type === 'endTurn') ?? legal[0]!;
}

/** Energy for the creature that needs it most: the active one while its attacks want more. */
function energyAttachment(
  state: TcgState,
  content: Content,
  actor: Seat,
  legal: readonly TcgAction[],
): TcgAction | null {
  const attaches = legal.filter(
    (a): a is Extract<TcgAction, { type: 'attach' }> =>
      a.type === 'attach' &&
      cardTypeOf(content, cardOf(content, state.cards[a.payload.card]!.defId)).kind === 'energy',
  );
  if (!attaches.length) return null;
  const active = activeOf(state, actor);
  const wanted = (unit: string) => {
    const attacks = cardOf(content, state.cards[unit]!.defId).attacks ?? [];
    const need = Math.max(0, ...attacks.map((attack) => attack.cost.length));
    return need - energyTypes(state, content, unit).length + (unit === active ? 1 : 0);
  };
  const best = attaches.reduce((a, b) => (wanted(b.payload.unit) > wanted(a.payload.unit) ? b : a));
  return wanted(best.payload.unit) > 0 ? best : null;
}

function strongestAttack(
  state: TcgState,
  content: Content,
  actor: Seat,
  legal: readonly TcgAction[],
): TcgAction | null {
  const mine = activeOf(state, actor);
  const theirs = activeOf(state, opponentOf(actor));
  const attacks = legal.filter((a) => a.type === 'useAttack');
  if (!mine || !theirs || !attacks.length) return null;
  const rules = content.ruleset.battler!;
  const def = cardOf(content, state.cards[mine]!.defId);
  const target = cardOf(content, state.cards[theirs]!.defId);
  const damage = (action: TcgAction) => {
    const id = action.type === 'useAttack' ? action.payload.attack : '';
    const attack = def.attacks?.find((a) => a.id === id);
    return typedDamage(rules, estimateDamage(attack?.damage), def.element, target);
  };
  return attacks.reduce((a, b) => (damage(b) > damage(a) ? b : a));
}
