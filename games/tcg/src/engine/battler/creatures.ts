import type { Seat } from '@cardtable/engine';
import { cardOf } from '../../content/content.ts';
import { dealDamage } from '../damage.ts';
import type { Runner } from '../runner.ts';
import { activeOf, attachedOf, battlerOf } from './rules.ts';
import { typedDamage } from './typed-damage.ts';
import { moveCard } from '../zones.ts';

/**
 * What happens to creatures in a battler: coin flips, special conditions, the active spot,
 * attack damage with weakness and resistance, energy discards and de-evolution. Every random
 * result comes from the command's RNG and is recorded in a public `coinFlipped` event.
 */
export function flipCoins(
  r: Runner,
  player: Seat,
  source: string | null,
  coins: number | 'untilTails',
  purpose: string,
): boolean[] {
  const results: boolean[] = [];
  const limit = coins === 'untilTails' ? 100 : Math.min(coins, 100);
  for (let i = 0; i < limit; i++) {
    const heads = r.randomIndex(2) === 1;
    results.push(heads);
    if (coins === 'untilTails' && !heads) break;
  }
  if (results.length) r.emit({ type: 'coinFlipped', data: { player, source, results, purpose } });
  return results;
}

/** Adds a special condition to an active creature (others of its group are replaced). */
export function addCondition(r: Runner, target: string, condition: string): void {
  const rules = battlerOf(r.content);
  const card = r.state.cards[target];
  const def = rules?.conditions[condition];
  if (!rules || !def || !card || activeOf(r.state, card.controller) !== target) return;
  const current = card.conditions ?? [];
  if (current.includes(condition)) return;
  for (const other of current)
    if (def.group !== undefined && rules.conditions[other]?.group === def.group)
      r.emit({ type: 'conditionRemoved', data: { target, condition: other } });
  r.emit({ type: 'conditionAdded', data: { target, condition } });
}

export function removeConditions(r: Runner, target: string, which: string | 'all'): void {
  for (const condition of r.state.cards[target]?.conditions ?? [])
    if (which === 'all' || which === condition)
      r.emit({ type: 'conditionRemoved', data: { target, condition } });
}

/** A new active creature; the old one (now benched) loses its conditions. */
export function setActive(
  r: Runner,
  player: Seat,
  card: string,
  reason: 'promoted' | 'retreat' | 'switch',
): void {
  const old = activeOf(r.state, player);
  if (old) removeConditions(r, old, 'all');
  r.emit({ type: 'activeSet', data: { player, card, reason } });
}

/** An attack's damage to the defending creature: weakness, then resistance. */
export function attackDamage(r: Runner, attacker: string, defender: string, base: number): void {
  const rules = battlerOf(r.content);
  const target = r.state.cards[defender];
  const source = r.state.cards[attacker];
  if (!rules || !target || target.zone !== 'board') return;
  const element = source ? cardOf(r.content, source.defId).element : undefined;
  const amount = typedDamage(rules, base, element, cardOf(r.content, target.defId));
  dealDamage(r, attacker, defender, amount, true);
}

/** Discards up to `count` energy attached to a creature (of one type, or any), oldest first. */
export function discardEnergy(r: Runner, unit: string, count: number, type?: string): void {
  const energy = attachedOf(r.state, r.content, unit, 'energy').filter(
    (c) => type === undefined || cardOf(r.content, c.defId).element === type,
  );
  for (const card of energy.slice(0, count))
    moveCard(r, card.handle, { player: card.owner, zone: 'discard' }, -1, 'discard');
}

/** Puts a creature's top evolution card into its owner's hand; what was under it remains. */
export function devolve(r: Runner, unit: string): void {
  const card = r.state.cards[unit];
  if (!card || card.zone !== 'board') return;
  const under = attachedOf(r.state, r.content, unit, 'under').at(-1);
  if (!under) return;
  r.emit({
    type: 'creatureDevolved',
    data: {
      unit,
      under: under.handle,
      defId: under.defId,
      card: r.newHandle(),
      cardDefId: card.defId,
    },
  });
}
