import type { Seat } from '@cardtable/engine';
import { cardOf, cardTypeOf, type Content } from '../content/content.ts';
import type { TcgAction } from './actions.ts';
import { legalActions } from './legal.ts';
import type { TcgState } from './state.ts';
import type { StopKind } from './stops.ts';

export { STOP_KINDS, type StopKind } from './stops.ts';

/** The kind of the priority window open now (what tops the stack), or null when none is. */
export function windowKind(state: TcgState, content: Content): StopKind | null {
  if (!state.priority || state.pending) return null;
  const top = state.stack.at(-1);
  if (!top) return null;
  if (top.kind === 'attack') return 'attack';
  const card = state.cards[top.card];
  if (!card) return null;
  return cardTypeOf(content, cardOf(content, card.defId)).kind === 'unit' ? 'unit' : 'spell';
}

/**
 * The pass played for a priority holder who can do nothing else (no instant they can pay for
 * and target), unless they asked to stop at this kind of window. The rules' own legal list
 * decides what is possible, so any ruleset gets the same treatment.
 */
export function autoPass(
  state: TcgState,
  content: Content,
  seat: Seat,
  stops: readonly string[],
): TcgAction | null {
  const kind = windowKind(state, content);
  if (kind === null || state.priority?.holder !== seat || stops.includes(kind)) return null;
  const legal = legalActions(state, content, seat);
  return legal.every((action) => action.type === 'pass') && legal.length > 0
    ? { type: 'pass', payload: {} }
    : null;
}
