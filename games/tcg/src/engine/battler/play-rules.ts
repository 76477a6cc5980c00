import type { Seat } from '@cardtable/engine';
import type { CardDef } from '../../content/ast.ts';
import { cardOf, cardTypeOf, type Content } from '../../content/content.ts';
import type { TcgState } from '../state.ts';
import { attachedOf, battlerOf, isFirstTurnOfGame } from './rules.ts';
import { article } from '../../content/words.ts';

/**
 * Why a card may not be played from hand in a battler ruleset now (null: it may, as far as
 * the battler's own rules go): evolutions evolve, tools attach, per-turn limits on card types
 * (a supporter a turn), first-turn bans and one stadium of a name in play.
 */
export function battlerPlayProblem(
  state: TcgState,
  content: Content,
  seat: Seat,
  def: CardDef,
): string | null {
  const rules = battlerOf(content);
  if (!rules) return null;
  const type = cardTypeOf(content, def);
  if (type.kind === 'unit' && (def.stage ?? 0) > 0)
    return `${def.name} is an evolution: evolve ${article(content.ruleset.vocabulary.unit)} in play with it.`;
  if (type.kind === 'tool')
    return `${def.name} is a tool: attach it to ${article(content.ruleset.vocabulary.unit)}.`;
  if (type.kind === 'spell') {
    if (type.notOnFirstTurn && isFirstTurnOfGame(state, seat))
      return `No ${type.name} can be played on the first turn of the game.`;
    const used = state.battler?.turnCounts[`type:${def.type}`] ?? 0;
    if (type.perTurn !== undefined && used >= type.perTurn)
      return `You have played ${type.perTurn} ${type.name} this turn.`;
  }
  if (type.kind === 'stadium') {
    const current = stadiumInPlay(state, content);
    if (current && cardOf(content, state.cards[current]!.defId).name === def.name)
      return `${def.name} is already in play.`;
  }
  return null;
}

/** The stadium in play (either player's), or null. */
export function stadiumInPlay(state: TcgState, content: Content): string | null {
  const zone = battlerOf(content)?.stadiumZone;
  if (!zone) return null;
  for (const player of state.players) {
    const card = player.zones[zone]?.[0];
    if (card) return card;
  }
  return null;
}

/** Why a tool may not be attached to `unit` (null: it may). */
export function toolProblem(state: TcgState, content: Content, seat: Seat, unit: string) {
  const target = state.cards[unit];
  if (!target || target.zone !== 'board' || target.controller !== seat)
    return `Attach a tool to ${article(content.ruleset.vocabulary.unit)} of yours in play.`;
  if (attachedOf(state, content, unit, 'tool').length > 0)
    return `That ${content.ruleset.vocabulary.unit} already has a tool.`;
  return null;
}
