import { ok, type Result, type Seat } from '@cardtable/engine';
import { reject } from '../errors.ts';
import { handOf } from '../hand.ts';
import type { Card, GolfState, TurnStep } from '../types.ts';
import type { Play } from './emitter.ts';
import { checkSlot } from './slots.ts';
import { endTurn } from './turn-end.ts';

type Holding = Extract<TurnStep, { kind: 'holding' }>;

/** Swap the held card into a slot: it lands face up, the old card goes face up to the discard. */
export function swap(state: GolfState, seat: Seat, holding: Holding, slot: number): Result<Play> {
  const checked = checkSlot(slot);
  if (!checked.ok) return checked;
  const replaced = handOf(state, seat)[slot]?.card as Card;
  return ok((emitter) => {
    emitter.emit({ type: 'cardSwapped', data: { seat, slot, card: holding.card, replaced } });
    endTurn(emitter, seat);
  });
}

/**
 * Discard a deck draw. A card taken from the discard pile must be swapped (or put back). The
 * flip mode then decides whether a flip step follows or the turn ends.
 */
export function discard(seat: Seat, holding: Holding): Result<Play> {
  if (holding.source === 'discard') {
    return reject(
      'MUST_SWAP_DISCARD',
      'A card taken from the discard pile must be swapped into a slot (or put back).',
    );
  }
  return ok((emitter) => {
    emitter.emit({ type: 'cardDiscarded', data: { seat, card: holding.card } });
    const { phase } = emitter.state;
    if (phase.kind === 'turn' && phase.step.kind === 'awaitingFlip') return;
    endTurn(emitter, seat);
  });
}
