import { buildShoe } from '../shoe.ts';
import { dealerOfRound, firstPlayer, HAND_SIZE, seatsAfter } from '../hand.ts';
import { outcomeFromTotals } from '../outcome.ts';
import { scoreRound } from '../scoring.ts';
import type { Card, RoundResult } from '../types.ts';
import type { Emitter } from './emitter.ts';

/**
 * Shuffles a fresh shoe and deals round `round`: six cards to each player in turn (starting
 * with the first player, six at a time, from the top of the deck), then the first discard.
 */
export function dealRound(emitter: Emitter, round: number): void {
  const { options, seatCount } = emitter.state;
  const dealer = dealerOfRound(round, seatCount);
  const deck = emitter.rngForNextEvent().shuffle(buildShoe(options.decks, options.jokerMode));
  const hands: Card[][] = Array.from({ length: seatCount }, () => []);
  const first = firstPlayer({ dealer, seatCount });
  for (const seat of [first, ...seatsAfter(first, seatCount)]) {
    hands[seat] = deck.splice(deck.length - HAND_SIZE, HAND_SIZE).reverse();
  }
  const discardTop = deck.pop() as Card;
  emitter.emit({
    type: 'roundDealt',
    data: { round, dealer, hands, discardTop, deck, deckCount: deck.length },
  });
}

/**
 * Ends the round: turns up every face-down card, scores, then deals the next hole or ends the
 * game, all in the resolution that ended the round.
 */
export function endRound(emitter: Emitter, reason: RoundResult['reason']): void {
  const { state } = emitter;
  const reveal = state.players.flatMap((player, seat) =>
    player.hand.flatMap((slot, index) =>
      slot.faceUp ? [] : [{ seat, slot: index, card: slot.card }],
    ),
  );
  const result = scoreRound({
    round: state.round,
    reason,
    finisher: state.finisher,
    hands: state.players.map((player) => player.hand.map((slot) => slot.card)),
    totals: state.players.map((player) => player.total),
    options: state.options,
  });
  emitter.emit({ type: 'roundEnded', data: { reveal, result } });
  if (state.round < state.options.rounds) {
    dealRound(emitter, state.round + 1);
  } else {
    const totals = emitter.state.players.map((player) => player.total);
    emitter.emit({ type: 'gameEnded', data: { outcome: outcomeFromTotals(totals) } });
  }
}
