import type { Seat } from '@cardtable/engine';
import { cardOf, cardTypeOf, type Content } from '../../content/content.ts';
import type { TcgAction } from '../actions.ts';
import type { MainAction } from '../../content/ast.ts';
import type { TcgState } from '../state.ts';
import { attackProblem, evolveProblem, retreatProblem } from './moves.ts';
import { toolProblem } from './play-rules.ts';
import { activeOf, benchOf } from './rules.ts';

/** The battler's own legal actions in a main phase: evolutions, attacks and retreats. */
export function battlerActions(
  state: TcgState,
  content: Content,
  seat: Seat,
  allowed: readonly MainAction[],
): TcgAction[] {
  const r = { state, content };
  const actions: TcgAction[] = [];
  const board = state.players[seat]!.zones.board ?? [];
  if (allowed.includes('evolve'))
    for (const card of state.players[seat]!.zones.hand ?? [])
      if ((cardOf(content, state.cards[card]!.defId).stage ?? 0) > 0)
        for (const unit of board)
          if (evolveProblem(r, seat, card, unit) === null)
            actions.push({ type: 'evolve', payload: { card, unit } });
  if (allowed.includes('retreat'))
    for (const to of benchOf(state, seat))
      if (retreatProblem(r, seat, to) === null) actions.push({ type: 'retreat', payload: { to } });
  const active = activeOf(state, seat);
  if (allowed.includes('attack') && active)
    for (const attack of cardOf(content, state.cards[active]!.defId).attacks ?? [])
      if (attackProblem(r, seat, attack.id) === null)
        actions.push({ type: 'useAttack', payload: { attack: attack.id } });
  return actions;
}

/** Tools in hand onto creatures without one (one card of each kind: copies are the same). */
export function toolAttaches(state: TcgState, content: Content, seat: Seat): TcgAction[] {
  const seen = new Set<string>();
  const actions: TcgAction[] = [];
  for (const card of state.players[seat]!.zones.hand ?? []) {
    const defId = state.cards[card]!.defId;
    if (cardTypeOf(content, cardOf(content, defId)).kind !== 'tool' || seen.has(defId)) continue;
    seen.add(defId);
    for (const unit of state.players[seat]!.zones.board ?? [])
      if (toolProblem(state, content, seat, unit) === null)
        actions.push({ type: 'attach', payload: { card, unit } });
  }
  return actions;
}
