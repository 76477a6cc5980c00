import type { Seat, Viewer } from '@cardtable/engine';
import { legendOf } from './values.ts';
import {
  isHidden,
  type Card,
  type GolfEvent,
  type GolfState,
  type GolfView,
  type HiddenCard,
  type PhaseView,
  type PlayerView,
  type SeenCard,
  type Slot,
  type ViewSlot,
} from './types.ts';

/** One frozen back per deck of a shoe (1 to 3 decks), so hiding a card allocates nothing. */
const BACKS: readonly HiddenCard[] = [0, 1, 2].map((deck) =>
  Object.freeze<HiddenCard>({ hidden: true, deck }),
);

/** A card's back: its deck colour and nothing that identifies or tracks it. */
export const hide = (card: Card): HiddenCard =>
  BACKS[card.deck] ?? { hidden: true, deck: card.deck };

/** A card drawn from the deck is seen by the seat holding it (and the unprojected view) only. */
const seenByHolder = (card: Card, holder: Seat, viewer: Viewer): SeenCard =>
  viewer.kind === 'all' || (viewer.kind === 'seat' && viewer.seat === holder) ? card : hide(card);

/**
 * Hand views, by hand: face-down cards are hidden from every seat (their owner's included) and
 * from spectators, so a hand looks the same to all of them; only `all` sees it open. States are
 * never changed in place and evolve keeps every hand it does not touch, so each hand's view is
 * built once and shared (frozen) by every view that shows it, and view diffs skip it at once.
 */
const hiddenHandViews = new WeakMap<readonly Slot[], readonly ViewSlot[]>();
const openHandViews = new WeakMap<readonly Slot[], readonly ViewSlot[]>();

function handView(hand: readonly Slot[], viewer: Viewer): readonly ViewSlot[] {
  const open = viewer.kind === 'all';
  const views = open ? openHandViews : hiddenHandViews;
  let seen = views.get(hand);
  if (!seen) {
    seen = Object.freeze(
      hand.map(({ card, faceUp }) =>
        Object.freeze({ faceUp, card: faceUp || open ? card : hide(card) }),
      ),
    );
    views.set(hand, seen);
  }
  return seen;
}

export function view(state: GolfState, viewer: Viewer): GolfView {
  const { phase } = state;
  const pending = phase.kind === 'initialFlip' ? phase.pending : [];
  const players = state.players.map((player, seat): PlayerView => ({
    seat,
    hand: handView(player.hand, viewer),
    total: player.total,
    holesWon: player.holesWon,
    owesInitialFlip: pending.includes(seat),
  }));
  const { activeRules, cardValues } = legendOf(state.options);
  return {
    seat: viewer.kind === 'seat' ? viewer.seat : null,
    options: state.options,
    activeRules,
    cardValues,
    round: state.round,
    dealer: state.dealer,
    deckCount: state.deck.length,
    deckTopBack: state.deck.at(-1)?.deck ?? null,
    discardTop: state.discard.at(-1) ?? null,
    discardCount: state.discard.length,
    players,
    phase: phaseView(state, viewer),
    finisher: state.finisher,
    finalTurnsLeft: state.finalTurnsLeft,
    rounds: state.rounds,
  };
}

function phaseView(state: GolfState, viewer: Viewer): PhaseView {
  const { phase } = state;
  if (phase.kind !== 'turn' || phase.step.kind !== 'holding') return phase;
  const { card, source } = phase.step;
  // A card taken from the discard pile was public already.
  const seen = source === 'discard' ? card : seenByHolder(card, phase.seat, viewer);
  return { kind: 'turn', seat: phase.seat, step: { kind: 'holding', card: seen, source } };
}

/** The event as `viewer` may see it: dealt hands and deck orders hidden, a deck draw for its drawer only. */
export function projectEvent(event: GolfEvent, viewer: Viewer, _before: GolfState): GolfEvent {
  if (viewer.kind === 'all') return event;
  switch (event.type) {
    case 'roundDealt':
      return {
        type: 'roundDealt',
        data: {
          ...event.data,
          hands: event.data.hands.map((hand) =>
            hand.map((card) => (isHidden(card) ? card : hide(card))),
          ),
          deck: null,
        },
      };
    case 'deckDrawn': {
      const { seat, card } = event.data;
      return {
        type: 'deckDrawn',
        data: { seat, card: isHidden(card) ? card : seenByHolder(card, seat, viewer) },
      };
    }
    case 'deckReshuffled':
      return { type: 'deckReshuffled', data: { ...event.data, deck: null } };
    default:
      // Every other event shows only cards that are face up or on the discard pile.
      return event;
  }
}
