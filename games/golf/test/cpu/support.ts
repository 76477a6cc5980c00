import { seatViewer } from '@cardtable/engine';
import {
  DEFAULT_OPTIONS,
  golf,
  type Card,
  type GolfOptions,
  type GolfState,
  type GolfView,
  type Rank,
  type Suit,
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
  /** Seat 0's six slots; '?' is face down (a 5 that nobody sees). */
  hand: string[];
  /** The other seats' slots (default: all face down). */
  others?: string[][];
  seats?: number;
  /** The card seat 0 holds, and where it came from; else seat 0 is about to draw. */
  held?: { card: string; source: 'deck' | 'discard' };
  discardTop?: string;
  options?: Partial<GolfOptions>;
  /** Someone has gone out (the final turn phase). */
  finisher?: number;
  /** Each seat's match total so far (default 0). */
  totals?: number[];
}

const slotOf = (text: string) =>
  text === '?' ? { card: card('5'), faceUp: false } : { card: card(text), faceUp: true };

/** A table at seat 0's turn, built from a sketch (seat 1 plays next). */
export function tableOf(sketch: TableSketch): GolfState {
  const seats = sketch.seats ?? 2;
  const options: GolfOptions = { ...DEFAULT_OPTIONS, ...sketch.options };
  const hidden = ['?', '?', '?', '?', '?', '?'];
  const step = sketch.held
    ? { kind: 'holding' as const, card: card(sketch.held.card), source: sketch.held.source }
    : { kind: 'awaitingDraw' as const };
  return {
    options,
    seatCount: seats,
    round: 1,
    dealer: seats - 1,
    deck: ['7', '8', '9', '6', 'Q', '4'].map(card),
    discard: ['10', sketch.discardTop ?? '9'].map(card),
    players: Array.from({ length: seats }, (_, seat) => ({
      hand: (seat === 0 ? sketch.hand : (sketch.others?.[seat - 1] ?? hidden)).map(slotOf),
      total: sketch.totals?.[seat] ?? 0,
      holesWon: 0,
    })),
    phase: { kind: 'turn', seat: 0, step },
    finisher: sketch.finisher ?? null,
    finalTurnsLeft:
      sketch.finisher === undefined
        ? []
        : Array.from({ length: seats }, (_, seat) => seat).filter((s) => s !== sketch.finisher),
    rounds: [],
  };
}

/** Seat 0's view of the sketched table. */
export const viewOf = (sketch: TableSketch): GolfView => golf.view(tableOf(sketch), seatViewer(0));
