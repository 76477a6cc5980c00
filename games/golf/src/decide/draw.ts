import { ok, type Result, type Seat } from '@cardtable/engine';
import { reject } from '../errors.ts';
import type { Card, GolfState } from '../types.ts';
import type { Play } from './emitter.ts';
import { endRound } from './round.ts';

/**
 * Draw the top card of the deck. An empty deck is first rebuilt from every discard but the top
 * one (shuffled, recorded in deckReshuffled); with one discard or none the round ends at once.
 */
export function drawDeck(seat: Seat): Result<Play> {
  return ok((emitter) => {
    const { deck, discard } = emitter.state;
    if (deck.length === 0) {
      if (discard.length <= 1) {
        endRound(emitter, 'deckExhausted');
        return;
      }
      const reshuffled = emitter.rngForNextEvent().shuffle(discard.slice(0, -1));
      emitter.emit({
        type: 'deckReshuffled',
        data: { deck: reshuffled, deckCount: reshuffled.length },
      });
    }
    const card = emitter.state.deck.at(-1) as Card;
    emitter.emit({ type: 'deckDrawn', data: { seat, card } });
  });
}

export function takeDiscard(state: GolfState, seat: Seat): Result<Play> {
  const card = state.discard.at(-1);
  if (!card) return reject('DISCARD_EMPTY', 'The discard pile is empty: draw from the deck.');
  return ok((emitter) => emitter.emit({ type: 'discardTaken', data: { seat, card } }));
}

/** Put a taken discard back on the pile and choose again. */
export function returnDiscard(seat: Seat, card: Card): Result<Play> {
  return ok((emitter) => emitter.emit({ type: 'discardReturned', data: { seat, card } }));
}
