import type { Seat } from '@cardtable/engine';
import type { BattlerRules, CardDef } from '../../content/ast.ts';
import { cardOf, cardTypeOf, type Content } from '../../content/content.ts';
import { attachedByUnit } from '../attachments.ts';
import type { CardInstance, TcgState } from '../state.ts';
import { article } from '../../content/words.ts';

/**
 * Monster-battler rules shared by its actions, effects and checks: the active creature, what
 * is attached to a creature, typed energy costs and the conditions that stop a creature.
 */
export const battlerOf = (content: Content): BattlerRules | undefined => content.ruleset.battler;

export const activeOf = (state: TcgState, seat: Seat): string | null =>
  state.battler?.active[seat] ?? null;

export const benchOf = (state: TcgState, seat: Seat): string[] =>
  (state.players[seat]!.zones.board ?? []).filter((h) => h !== activeOf(state, seat));

export const isBasic = (content: Content, def: CardDef): boolean =>
  cardTypeOf(content, def).kind === 'unit' && (def.stage ?? 0) === 0;

export type AttachedKind = 'energy' | 'tool' | 'under';

/** Cards attached to a creature of one kind, in the order they were attached. */
export function attachedOf(
  state: TcgState,
  content: Content,
  unit: string,
  kind: AttachedKind,
): CardInstance[] {
  return (attachedByUnit(state.cards).get(unit) ?? [])
    .map((handle) => state.cards[handle]!)
    .filter((c) => kindOf(content, c) === kind)
    .sort((a, b) => a.playOrder - b.playOrder);
}

function kindOf(content: Content, card: CardInstance): AttachedKind | null {
  if (card.under) return 'under';
  const kind = cardTypeOf(content, cardOf(content, card.defId)).kind;
  return kind === 'energy' || kind === 'tool' ? kind : null;
}

/** The energy types attached to a creature (one per energy card). */
export const energyTypes = (state: TcgState, content: Content, unit: string): string[] =>
  attachedOf(state, content, unit, 'energy').map((c) => cardOf(content, c.defId).element ?? 'none');

/** Whether attached energy pays a cost: typed symbols first, the wildcard by anything left. */
export function canPay(cost: readonly string[], energy: readonly string[], wildcard: string) {
  const left = [...energy];
  let wild = 0;
  for (const symbol of cost) {
    if (symbol === wildcard) {
      wild++;
      continue;
    }
    const at = left.indexOf(symbol);
    if (at < 0) return false;
    left.splice(at, 1);
  }
  return left.length >= wild;
}

/** The first condition on a creature that prevents `what`, or null. */
export function preventedBy(
  state: TcgState,
  content: Content,
  unit: string,
  what: 'attack' | 'retreat',
): string | null {
  const rules = battlerOf(content);
  for (const condition of state.cards[unit]?.conditions ?? [])
    if (rules?.conditions[condition]?.prevents?.includes(what)) return condition;
  return null;
}

/** The first player's very first turn. */
export const isFirstTurnOfGame = (state: TcgState, seat: Seat): boolean =>
  state.turn === 1 && seat === state.firstPlayer;

/** A player's own first turn (evolution waits for the second). */
export const isOwnFirstTurn = (state: TcgState, seat: Seat): boolean =>
  (state.battler?.turnsTaken[seat] ?? 0) <= 1;

/** The cards in hand that can evolve `unit` now (by name, stage one above, timing rules). */
export function canEvolve(
  state: TcgState,
  content: Content,
  seat: Seat,
  evolution: CardDef,
  unit: string,
): string | null {
  const rules = battlerOf(content)!;
  const card = state.cards[unit];
  if (!card || card.zone !== 'board' || card.controller !== seat)
    return `Evolve ${article(content.ruleset.vocabulary.unit)} of yours in play.`;
  const base = cardOf(content, card.defId);
  if ((evolution.stage ?? 0) === 0 || evolution.evolvesFrom !== base.name)
    return `${evolution.name} does not evolve from ${base.name}.`;
  if (rules.evolution.notOnFirstTurn && isOwnFirstTurn(state, seat))
    return 'Nothing evolves on your first turn.';
  if (rules.evolution.notTheTurnItEntered && card.enteredTurn === state.turn)
    return `That ${content.ruleset.vocabulary.unit} came into play or evolved this turn.`;
  return null;
}
