import type { Seat } from '@cardtable/engine';
import { cardOf, type Content } from '../content/content.ts';
import { activeOf, attachedOf } from '../engine/battler/rules.ts';
import { PRIZE } from './battler-threats.ts';
import { statsOf } from '../engine/stats.ts';
import type { TcgState } from '../engine/state.ts';

/**
 * A battler side's score: prizes left (fewer is better), each creature in play by its health
 * left, stage and attached energy (more on the active one, which attacks), conditions on the
 * active creature, cards in hand, and a thin deck.
 */
export function battlerSide(state: TcgState, content: Content, seat: Seat): number {
  const rules = content.ruleset.battler!;
  const player = state.players[seat]!;
  const active = activeOf(state, seat);
  let score = -(player.zones[rules.prizeZone]?.length ?? 0) * PRIZE;
  for (const handle of player.zones.board ?? []) {
    const stats = statsOf(state, content, handle);
    if (stats.health <= 0) continue;
    const def = cardOf(content, state.cards[handle]!.defId);
    const energy = attachedOf(state, content, handle, 'energy').length;
    const needed = Math.max(0, ...(def.attacks ?? []).map((a) => a.cost.length));
    const useful = Math.min(energy, needed);
    const weight = handle === active ? 1.5 : 1;
    score +=
      (8 + (def.stage ?? 0) * 6 + (stats.health / Math.max(1, stats.maxHealth)) * 10) * weight +
      useful * 4 * weight +
      (energy - useful) * 0.5;
  }
  if (active) score -= (state.cards[active]!.conditions?.length ?? 0) * 5;
  const deck = player.zones.deck?.length ?? 0;
  return score + (player.zones.hand?.length ?? 0) * 0.8 - (deck < 6 ? (6 - deck) * 3 : 0);
}
