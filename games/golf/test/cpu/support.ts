import {
  activeRules,
  cardValues,
  DEFAULT_OPTIONS,
  type Card,
  type GolfOptions,
  type GolfView,
  type Rank,
  type Suit,
  type ViewSlot,
} from '../../src/index.ts';

const SUIT_LETTERS: Record<string, Suit> = { c: 'clubs', d: 'diamonds', h: 'hearts', s: 'spades' };
let nextId = 1000;

/** A card from short text: rank then an optional suit letter ('7', 'Jh', 'JOKER'). */
export function card(text: string): Card {
  if (text === 'JOKER') return { id: nextId++, rank: 'JOKER', suit: null, deck: 0 };
  const suit = SUIT_LETTERS[text.slice(-1)];
  const rank = (suit ? text.slice(0, -1) : text) as Rank;
  return { id: nextId++, rank, suit: suit ?? 'clubs', deck: 0 };
}

export interface TableSketch {
  /** Seat 0's six slots; '?' is face down. */
  hand: string[];
  /** The card seat 0 holds, and where it came from. */
  held?: { card: string; source: 'deck' | 'discard' };
  options?: Partial<GolfOptions>;
  /** Someone has gone out (the final turn phase). */
  finisher?: number;
}

/** Seat 0's view of a two-seat table at its own turn, built from a sketch. */
export function viewOf(sketch: TableSketch): GolfView {
  const options: GolfOptions = { ...DEFAULT_OPTIONS, ...sketch.options };
  const slot = (text: string): ViewSlot =>
    text === '?'
      ? { faceUp: false, card: { hidden: true, deck: 0 } }
      : { faceUp: true, card: card(text) };
  const hiddenHand = Array.from({ length: 6 }, () => slot('?'));
  const step = sketch.held
    ? { kind: 'holding' as const, card: card(sketch.held.card), source: sketch.held.source }
    : { kind: 'awaitingDraw' as const };
  return {
    seat: 0,
    options,
    activeRules: activeRules(options),
    cardValues: cardValues(options),
    round: 1,
    dealer: 1,
    deckCount: 20,
    deckTopBack: 0,
    discardTop: card('9'),
    discardCount: 3,
    players: [
      { seat: 0, hand: sketch.hand.map(slot), total: 0, holesWon: 0, owesInitialFlip: false },
      { seat: 1, hand: hiddenHand, total: 0, holesWon: 0, owesInitialFlip: false },
    ],
    phase: { kind: 'turn', seat: 0, step },
    finisher: sketch.finisher ?? null,
    finalTurnsLeft: sketch.finisher === undefined ? [] : [0],
    rounds: [],
  };
}
