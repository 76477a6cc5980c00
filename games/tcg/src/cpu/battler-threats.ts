import type { Seat } from '@cardtable/engine';
import type { AttackDef, BattlerRules, Value } from '../content/ast.ts';
import { cardOf, type Content } from '../content/content.ts';
import { activeOf, canPay, energyTypes, preventedBy } from '../engine/battler/rules.ts';
import { typedDamage } from '../engine/battler/typed-damage.ts';
import { statsOf } from '../engine/stats.ts';
import { opponentOf, type TcgState } from '../engine/state.ts';

/** What one prize is worth in the battler score (`evaluate-battler.ts` uses the same). */
export const PRIZE = 30;

/**
 * How likely a knock-out threat is carried out: the side to move next has it in hand (the
 * other can still answer first by retreating, healing or knocking the threat out).
 */
const TO_MOVE = 0.7;
const WAITING = 0.3;

/**
 * The next turn's knock-out threats, for `seat`: the prizes its active creature threatens to
 * take from the other active one, less those it stands to give up, each weighted by who moves
 * next. A threat is an attack payable with the attached energy plus one more attachment.
 * What the `hard` CPU adds to the battler score: it sees a blow coming and retreats, heals or
 * strikes first, where the greedy score only counts the position as it stands.
 */
export function knockOutThreats(state: TcgState, content: Content, seat: Seat): number {
  const other = opponentOf(seat);
  const mover = state.active;
  const weight = (attacker: Seat) => (mover === attacker ? TO_MOVE : WAITING);
  return (
    threatened(state, content, seat) * weight(seat) -
    threatened(state, content, other) * weight(other)
  );
}

/** The prizes `attacker`'s active creature can take next turn by knocking out the other's. */
function threatened(state: TcgState, content: Content, attacker: Seat): number {
  const rules = content.ruleset.battler!;
  const mine = activeOf(state, attacker);
  const theirs = activeOf(state, opponentOf(attacker));
  if (!mine || !theirs || preventedBy(state, content, mine, 'attack')) return 0;
  const def = cardOf(content, state.cards[mine]!.defId);
  const target = cardOf(content, state.cards[theirs]!.defId);
  const energy = energyTypes(state, content, mine);
  const best = Math.max(
    0,
    ...(def.attacks ?? [])
      .filter((attack) => payableNextTurn(attack, energy, rules))
      .map((attack) => typedDamage(rules, estimateDamage(attack.damage), def.element, target)),
  );
  const left = statsOf(state, content, theirs).health;
  return best >= left ? (target.prizeValue ?? 1) * PRIZE : 0;
}

/** Payable now, or after one more energy attachment of the creature's own type. */
function payableNextTurn(attack: AttackDef, energy: readonly string[], rules: BattlerRules) {
  if (canPay(attack.cost, energy, rules.wildcard)) return true;
  const typed = attack.cost.find((symbol) => symbol !== rules.wildcard) ?? rules.wildcard;
  return canPay(attack.cost, [...energy, typed], rules.wildcard);
}

/**
 * A rough expected value of an attack's damage: coin counts as one heads, energy counts as
 * two; anything the estimate does not know counts as nothing (a threat is not overrated).
 */
export function estimateDamage(value: Value | undefined): number {
  if (value === undefined) return 0;
  if (typeof value === 'number') return value;
  if ('add' in value) return value.add.reduce((sum: number, v) => sum + estimateDamage(v), 0);
  if ('mul' in value)
    return value.mul.reduce((product: number, v) => product * estimateDamage(v), 1);
  if ('heads' in value) return 1;
  if ('energy' in value) return 2;
  return 0;
}
