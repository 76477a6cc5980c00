import type { Seat } from '@cardtable/engine';
import { flipStepAfterDiscard } from './flip-step.ts';
import { firstPlayer, seatsAfter } from './hand.ts';
import {
  isHidden,
  type Card,
  type GolfEvent,
  type GolfState,
  type PlayerState,
  type SeenCard,
  type Slot,
  type TurnStep,
} from './types.ts';

/**
 * Folds one (unprojected) event into the state, without mutating it. Evolve never rolls dice:
 * every shuffle arrives as data. Projected events (hidden cards, null decks) cannot be folded.
 */
export function evolve(state: GolfState, event: GolfEvent): GolfState {
  switch (event.type) {
    case 'roundDealt': {
      const { round, dealer, hands, discardTop, deck } = event.data;
      if (deck === null) throw new Error('A projected roundDealt (no deck) cannot be folded.');
      const players = state.players.map((player, seat) =>
        withPlayerHand(
          player,
          (hands[seat] ?? []).map((card) => ({ card: knownCard(card), faceUp: false })),
        ),
      );
      const dealt = changed(state, {
        round,
        dealer,
        deck,
        discard: [discardTop],
        players,
        finisher: null,
        finalTurnsLeft: [],
      });
      const pending = state.players.map((_, seat) => seat);
      return changed(dealt, {
        phase:
          state.options.initialFlips > 0
            ? { kind: 'initialFlip', pending }
            : turnOf(firstPlayer(dealt), { kind: 'awaitingDraw' }),
      });
    }
    case 'initialFlipped': {
      const { seat, slots } = event.data;
      const flipped = withHand(state, seat, (hand) => turnUp(hand, slots));
      const pending =
        state.phase.kind === 'initialFlip' ? state.phase.pending.filter((s) => s !== seat) : [];
      return changed(flipped, {
        phase:
          pending.length > 0
            ? { kind: 'initialFlip', pending }
            : turnOf(firstPlayer(state), { kind: 'awaitingDraw' }),
      });
    }
    case 'deckDrawn': {
      const card = state.deck.at(-1);
      if (!card) throw new Error('deckDrawn on an empty deck.');
      return withStep(changed(state, { deck: state.deck.slice(0, -1) }), event.data.seat, {
        kind: 'holding',
        card,
        source: 'deck',
      });
    }
    case 'discardTaken': {
      const card = state.discard.at(-1);
      if (!card) throw new Error('discardTaken on an empty discard pile.');
      return withStep(changed(state, { discard: state.discard.slice(0, -1) }), event.data.seat, {
        kind: 'holding',
        card,
        source: 'discard',
      });
    }
    case 'discardReturned': {
      const card = heldCard(state);
      return withStep(changed(state, { discard: [...state.discard, card] }), event.data.seat, {
        kind: 'awaitingDraw',
      });
    }
    case 'cardSwapped': {
      const { seat, slot } = event.data;
      const card = heldCard(state);
      const replaced = state.players[seat]?.hand[slot]?.card;
      if (!replaced) throw new Error(`cardSwapped into a missing slot ${slot}.`);
      const swapped = withHand(state, seat, (hand) =>
        hand.map((old, index) => (index === slot ? { card, faceUp: true } : old)),
      );
      // The turn is over; turnPassed (or the round's end) follows in the same resolution.
      return withStep(changed(swapped, { discard: [...state.discard, replaced] }), seat, {
        kind: 'awaitingDraw',
      });
    }
    case 'cardDiscarded': {
      const { seat } = event.data;
      const discarded = changed(state, { discard: [...state.discard, heldCard(state)] });
      return withStep(
        discarded,
        seat,
        flipStepAfterDiscard(discarded, seat) ?? { kind: 'awaitingDraw' },
      );
    }
    case 'cardFlipped': {
      const { seat, slot, reason } = event.data;
      const flipped = withHand(state, seat, (hand) => turnUp(hand, [slot]));
      return reason === 'afterDiscard'
        ? withStep(flipped, seat, { kind: 'awaitingDraw' })
        : flipped;
    }
    case 'flipSkipped':
      return withStep(state, event.data.seat, { kind: 'awaitingDraw' });
    case 'wentOut': {
      const { seat } = event.data;
      return changed(state, { finisher: seat, finalTurnsLeft: seatsAfter(seat, state.seatCount) });
    }
    case 'deckReshuffled': {
      const { deck } = event.data;
      if (deck === null) throw new Error('A projected deckReshuffled (no deck) cannot be folded.');
      return changed(state, { deck, discard: state.discard.slice(-1) });
    }
    case 'turnPassed': {
      const { from, to } = event.data;
      return changed(state, {
        finalTurnsLeft: state.finalTurnsLeft.filter((seat) => seat !== from),
        phase: turnOf(to, { kind: 'awaitingDraw' }),
      });
    }
    case 'roundEnded': {
      const { reveal, result } = event.data;
      const players = state.players.map((player, seat): PlayerState => {
        const score = result.scores[seat];
        const revealed = reveal.filter((card) => card.seat === seat).map((card) => card.slot);
        return {
          hand: turnUp(player.hand, revealed),
          total: score ? score.totalAfter : player.total,
          holesWon: player.holesWon + (score?.wonHole ? 1 : 0),
        };
      });
      return changed(state, {
        players,
        rounds: [...state.rounds, result],
        phase: { kind: 'waiting' },
      });
    }
    case 'gameEnded':
      return changed(state, { phase: { kind: 'gameOver', outcome: event.data.outcome } });
  }
}

const turnOf = (seat: Seat, step: TurnStep): GolfState['phase'] => ({ kind: 'turn', seat, step });

function withStep(state: GolfState, seat: Seat, step: TurnStep): GolfState {
  return changed(state, { phase: turnOf(seat, step) });
}

function withHand(state: GolfState, seat: Seat, change: (hand: Slot[]) => Slot[]): GolfState {
  return changed(state, {
    players: state.players.map((player, index) =>
      index === seat ? withPlayerHand(player, change(player.hand)) : player,
    ),
  });
}

const turnUp = (hand: Slot[], slots: readonly number[]): Slot[] =>
  hand.map((slot, index) =>
    slots.includes(index) && !slot.faceUp ? { card: slot.card, faceUp: true } : slot,
  );

// The state, a player and a slot are copied field by field, never by an object spread
// (`{ ...state, phase }`): V8 makes those spreads many times more slowly, and evolve runs for
// every event, in play and in every fold of a log. Fields keep the order of initialState.

/** The state with some fields changed (the state itself is left as it was). */
function changed(state: GolfState, changes: Partial<GolfState>): GolfState {
  const copy: GolfState = {
    options: state.options,
    seatCount: state.seatCount,
    round: state.round,
    dealer: state.dealer,
    deck: state.deck,
    discard: state.discard,
    players: state.players,
    phase: state.phase,
    finisher: state.finisher,
    finalTurnsLeft: state.finalTurnsLeft,
    rounds: state.rounds,
  };
  return Object.assign(copy, changes);
}

const withPlayerHand = (player: PlayerState, hand: Slot[]): PlayerState => ({
  hand,
  total: player.total,
  holesWon: player.holesWon,
});

function heldCard(state: GolfState): Card {
  const { phase } = state;
  if (phase.kind !== 'turn' || phase.step.kind !== 'holding') {
    throw new Error('No card is being held.');
  }
  return phase.step.card;
}

function knownCard(card: SeenCard): Card {
  if (isHidden(card)) throw new Error('A projected roundDealt (hidden hands) cannot be folded.');
  return card;
}
