import type { Outcome, Seat } from '@cardtable/engine';

// ---- Cards ---------------------------------------------------------------------------------

export const RANKS = ['A', '2', '3', '4', '5', '6', '7', '8', '9', '10', 'J', 'Q', 'K'] as const;
export type StandardRank = (typeof RANKS)[number];
export type Rank = StandardRank | 'JOKER';
export const SUITS = ['clubs', 'diamonds', 'hearts', 'spades'] as const;
export type Suit = (typeof SUITS)[number];

/** A physical card. `id` is unique in the shoe and says nothing about rank or suit. */
export interface Card {
  id: number;
  rank: Rank;
  /** null for jokers. */
  suit: Suit | null;
  /** Which deck of the shoe it came from (0-based): the card-back colour, nothing else. */
  deck: number;
}

/** What a viewer sees of a card they may not know: its back, and no identity to follow. */
export interface HiddenCard {
  hidden: true;
  deck: number;
}

export type SeenCard = Card | HiddenCard;

export const isHidden = (card: SeenCard): card is HiddenCard => 'hidden' in card;

// ---- Options -------------------------------------------------------------------------------

export type JokerMode = 'none' | 'standard' | 'luckySwing' | 'eagleEye';
export type FlipMode = 'never' | 'always' | 'endgame';

export interface HouseRules {
  superKings: boolean;
  tenPenny: boolean;
  oneEyedJacks: boolean;
  negativePairsKeepValue: boolean;
  wolfpack: boolean;
  fourOfAKind: boolean;
  blackjack: boolean;
  knockPenalty: boolean;
  knockBonus: boolean;
  underdogBonus: boolean;
  tiedShame: boolean;
  flipAsAction: boolean;
  knockEarly: boolean;
}

/** Golf's options, flat so that each can be named on its own (`--option superKings=true`). */
export interface GolfOptions extends HouseRules {
  decks: 1 | 2 | 3;
  rounds: number;
  initialFlips: 0 | 1 | 2;
  jokerMode: JokerMode;
  flipMode: FlipMode;
}

// ---- State ---------------------------------------------------------------------------------

export interface Slot {
  card: Card;
  faceUp: boolean;
}

export interface PlayerState {
  /** Six slots: 0 1 2 over 3 4 5; columns are (0,3), (1,4), (2,5). */
  hand: Slot[];
  total: number;
  holesWon: number;
}

/** The explicit steps of a turn: an action that does not fit the step is rejected. */
export type TurnStep =
  | { kind: 'awaitingDraw' }
  | { kind: 'holding'; card: Card; source: 'deck' | 'discard' }
  /** After discarding a deck draw: `optional` under flipMode endgame, owed under always. */
  | { kind: 'awaitingFlip'; optional: boolean };

export type Phase =
  | { kind: 'waiting' }
  /** Seats that still owe their initial flips; no turn order in this phase. */
  | { kind: 'initialFlip'; pending: Seat[] }
  | { kind: 'turn'; seat: Seat; step: TurnStep }
  | { kind: 'gameOver'; outcome: Outcome };

export interface GolfState {
  options: GolfOptions;
  seatCount: number;
  /** 1-based hole number; 0 before the first deal. */
  round: number;
  dealer: Seat;
  /** Top of the deck is the last element. */
  deck: Card[];
  /** Top of the discard pile is the last element. */
  discard: Card[];
  players: PlayerState[];
  phase: Phase;
  /** The first player to go out this round, if any: the round is then in its final turns. */
  finisher: Seat | null;
  /** Seats still owed their final turn, in order. */
  finalTurnsLeft: Seat[];
  rounds: RoundResult[];
}

// ---- Scoring -------------------------------------------------------------------------------

export type AdjustmentKind =
  | 'wolfpack'
  | 'fourOfAKind'
  | 'blackjack'
  | 'knockPenalty'
  | 'knockBonus'
  | 'underdogBonus'
  | 'tiedShame';

export interface Adjustment {
  kind: AdjustmentKind;
  /** Points added (negative for bonuses); blackjack records the change that makes 21 into 0. */
  points: number;
}

export interface SeatRoundScore {
  seat: Seat;
  /** The three column scores, left to right. */
  columns: [number, number, number];
  /** Hand bonuses then round adjustments, in the order applied. */
  adjustments: Adjustment[];
  roundScore: number;
  totalAfter: number;
  wonHole: boolean;
}

export interface RoundResult {
  round: number;
  finisher: Seat | null;
  reason: 'finalTurnsDone' | 'deckExhausted';
  scores: SeatRoundScore[];
}

// ---- Actions -------------------------------------------------------------------------------

export type GolfAction =
  | { type: 'initialFlip'; payload: { slots: number[] } }
  | { type: 'drawDeck'; payload: Record<string, never> }
  | { type: 'takeDiscard'; payload: Record<string, never> }
  /** Put the taken discard back and choose again. */
  | { type: 'returnDiscard'; payload: Record<string, never> }
  | { type: 'swap'; payload: { slot: number } }
  | { type: 'discard'; payload: Record<string, never> }
  /** An owed or allowed flip after a discard, or the flip-as-action turn. */
  | { type: 'flip'; payload: { slot: number } }
  | { type: 'skipFlip'; payload: Record<string, never> }
  /** Early knock: flip every remaining face-down card (1 or 2 of them); the turn ends. */
  | { type: 'knock'; payload: Record<string, never> };

export type GolfActionType = GolfAction['type'];

// ---- Events --------------------------------------------------------------------------------

export type FlipReason = 'initial' | 'afterDiscard' | 'flipAction' | 'knock' | 'finalTurn';

/**
 * Every fact of the game. Cards a viewer may not know appear as `HiddenCard` in their projection
 * (the unprojected log always holds full `Card`s). Shuffles record the resulting order.
 */
export type GolfEvent =
  | {
      type: 'roundDealt';
      data: {
        round: number;
        dealer: Seat;
        hands: SeenCard[][];
        discardTop: Card;
        /** The dealt deck, top last; null in every projection (only its size is public). */
        deck: Card[] | null;
        deckCount: number;
      };
    }
  | { type: 'initialFlipped'; data: { seat: Seat; slots: number[]; cards: Card[] } }
  | { type: 'deckDrawn'; data: { seat: Seat; card: SeenCard } }
  | { type: 'discardTaken'; data: { seat: Seat; card: Card } }
  | { type: 'discardReturned'; data: { seat: Seat; card: Card } }
  | { type: 'cardSwapped'; data: { seat: Seat; slot: number; card: Card; replaced: Card } }
  | { type: 'cardDiscarded'; data: { seat: Seat; card: Card } }
  | { type: 'cardFlipped'; data: { seat: Seat; slot: number; card: Card; reason: FlipReason } }
  | { type: 'flipSkipped'; data: { seat: Seat } }
  | { type: 'wentOut'; data: { seat: Seat } }
  /** All discards but the top one became the new deck, in this (seeded) order. */
  | { type: 'deckReshuffled'; data: { deck: Card[] | null; deckCount: number } }
  | { type: 'turnPassed'; data: { from: Seat; to: Seat } }
  /** Every face-down card turned up at the end of a round, then the scores. */
  | {
      type: 'roundEnded';
      data: { reveal: { seat: Seat; slot: number; card: Card }[]; result: RoundResult };
    }
  | { type: 'gameEnded'; data: { outcome: Outcome } };

export type GolfEventType = GolfEvent['type'];

// ---- Views ---------------------------------------------------------------------------------

/** A face-down card is a `HiddenCard` in every view but the unprojected `all` view. */
export interface ViewSlot {
  faceUp: boolean;
  card: SeenCard;
}

export interface PlayerView {
  seat: Seat;
  /** Shared by every view that shows this hand unchanged, hence read-only. */
  hand: readonly ViewSlot[];
  total: number;
  holesWon: number;
  /** Whether this seat still owes its initial flips. */
  owesInitialFlip: boolean;
}

export type PhaseView =
  | { kind: 'waiting' }
  | { kind: 'initialFlip'; pending: Seat[] }
  | {
      kind: 'turn';
      seat: Seat;
      step:
        | { kind: 'awaitingDraw' }
        | { kind: 'holding'; card: SeenCard; source: 'deck' | 'discard' }
        | { kind: 'awaitingFlip'; optional: boolean };
    }
  | { kind: 'gameOver'; outcome: Outcome };

/** The effective value of each rank under the active rules, for the table's legend. */
export type CardValues = Record<Rank, number>;

/** What one viewer may know of the table. Built from state by `view`; never holds a hidden card. */
export interface GolfView {
  /** The seat this view is for, or null for spectators (and the unprojected `all` view). */
  seat: Seat | null;
  options: GolfOptions;
  /** Names of the house rules in force, for display. */
  activeRules: readonly string[];
  cardValues: Readonly<CardValues>;
  round: number;
  dealer: Seat;
  deckCount: number;
  /** The back colour (deck index) of the deck's top card, which anyone at the table can see. */
  deckTopBack: number | null;
  discardTop: Card | null;
  discardCount: number;
  players: PlayerView[];
  phase: PhaseView;
  finisher: Seat | null;
  finalTurnsLeft: Seat[];
  rounds: RoundResult[];
}
