import { keywordWithBuiltin } from '../content/content.ts';
import type { Runner } from './runner.ts';
import { hasKeyword } from './stats.ts';
import { heroId, heroSeat, type ObjectId } from './state.ts';
import { raise } from './triggers.ts';

/**
 * Deals damage with the built-in keywords: shield prevents the hit and breaks; lifesteal heals
 * the source's controller; poison marks a damaged unit for destruction. Returns what was dealt.
 */
export function dealDamage(
  r: Runner,
  source: ObjectId | null,
  target: ObjectId,
  amount: number,
  combat: boolean,
): number {
  if (amount <= 0) return 0;
  const { content } = r;
  const targetSeat = heroSeat(target);
  if (targetSeat === null) {
    const card = r.state.cards[target];
    if (!card || card.zone !== 'board') return 0;
    const shield = keywordWithBuiltin(content, 'shield');
    if (shield && hasKeyword(r.state, content, target, shield)) {
      r.emit({ type: 'shieldBroken', data: { target, keyword: shield } });
      return 0;
    }
  }
  const controller = targetSeat ?? r.state.cards[target]!.controller;
  r.emit({ type: 'damageDealt', data: { source, target, amount, combat } });
  raise(r, { on: 'damaged', subject: target, source, player: controller, amount });
  const sourceCard = source === null || heroSeat(source) !== null ? null : r.state.cards[source];
  if (sourceCard && source) {
    if (hasKeyword(r.state, content, source, keywordWithBuiltin(content, 'lifesteal')))
      heal(r, source, heroId(sourceCard.controller), amount);
    if (
      targetSeat === null &&
      hasKeyword(r.state, content, source, keywordWithBuiltin(content, 'poison')) &&
      !r.state.cards[target]!.doomed
    )
      r.emit({ type: 'destroyMarked', data: { target } });
  }
  return amount;
}

/** Restores health up to the maximum; returns what was healed. */
export function heal(r: Runner, source: ObjectId | null, target: ObjectId, amount: number): number {
  const seat = heroSeat(target);
  const missing =
    seat !== null
      ? r.content.ruleset.players.maxLife - r.state.players[seat]!.life
      : r.state.cards[target]?.zone === 'board'
        ? r.state.cards[target]!.damage
        : 0;
  const healed = Math.min(Math.max(0, amount), Math.max(0, missing));
  if (healed <= 0) return 0;
  r.emit({ type: 'healed', data: { target, amount: healed } });
  raise(r, {
    on: 'healed',
    subject: target,
    source,
    player: seat ?? r.state.cards[target]!.controller,
    amount: healed,
  });
  return healed;
}
