import type { Seat } from '@cardtable/engine';
import type { Adjustment, GolfOptions, RoundResult, SeatRoundScore } from './types.ts';
import { cardValue, type CardFace } from './values.ts';

/** Slots of each column, left to right: top row 0 1 2 over bottom row 3 4 5. */
export const COLUMNS = [
  [0, 3],
  [1, 4],
  [2, 5],
] as const;

export const WOLFPACK_POINTS = -20;
export const FOUR_OF_A_KIND_POINTS = -20;
export const KNOCK_PENALTY_POINTS = 10;
export const KNOCK_BONUS_POINTS = -5;
export const UNDERDOG_POINTS = -3;
export const TIED_SHAME_POINTS = 5;
export const EAGLE_EYE_JOKER_PAIR = -4;

/** Pairs are vertical and by rank only (any two jacks pair, whatever One-Eyed Jacks says). */
export const isPair = (top: CardFace, bottom: CardFace): boolean => top.rank === bottom.rank;

/**
 * One column's score: a pair scores 0 (an Eagle Eye joker pair -4; a negative pair keeps its
 * sum under negativePairsKeepValue), anything else the sum of the two values.
 */
export function columnScore(top: CardFace, bottom: CardFace, options: GolfOptions): number {
  const sum = cardValue(top, options) + cardValue(bottom, options);
  if (!isPair(top, bottom)) return sum;
  if (top.rank === 'JOKER' && options.jokerMode === 'eagleEye') return EAGLE_EYE_JOKER_PAIR;
  if (
    options.negativePairsKeepValue &&
    cardValue(top, options) < 0 &&
    cardValue(bottom, options) < 0
  )
    return sum;
  return 0;
}

const cardAt = (hand: readonly CardFace[], slot: number): CardFace => {
  const card = hand[slot];
  if (!card) throw new RangeError(`A hand has six cards; slot ${slot} is empty.`);
  return card;
};

export function columnScores(
  hand: readonly CardFace[],
  options: GolfOptions,
): [number, number, number] {
  const [a, b, c] = COLUMNS.map(([top, bottom]) =>
    columnScore(cardAt(hand, top), cardAt(hand, bottom), options),
  ) as [number, number, number];
  return [a, b, c];
}

/** Wolfpack and Four of a kind, in that order, when in force and earned. */
export function handBonuses(hand: readonly CardFace[], options: GolfOptions): Adjustment[] {
  const pairedRanks: string[] = [];
  for (const [topSlot, bottomSlot] of COLUMNS) {
    const top = cardAt(hand, topSlot);
    if (isPair(top, cardAt(hand, bottomSlot))) pairedRanks.push(top.rank);
  }
  const bonuses: Adjustment[] = [];
  if (options.wolfpack && pairsOf(pairedRanks, 'J') >= 2) {
    bonuses.push({ kind: 'wolfpack', points: WOLFPACK_POINTS });
  }
  if (options.fourOfAKind) {
    for (const rank of new Set(pairedRanks)) {
      if (pairsOf(pairedRanks, rank) >= 2)
        bonuses.push({ kind: 'fourOfAKind', points: FOUR_OF_A_KIND_POINTS });
    }
  }
  return bonuses;
}

const pairsOf = (pairedRanks: readonly string[], rank: string): number =>
  pairedRanks.filter((paired) => paired === rank).length;

export interface HandScore {
  columns: [number, number, number];
  bonuses: Adjustment[];
  /** Columns plus bonuses, before any round adjustment. */
  score: number;
}

/** A hand's score as if all its cards were face up: columns, then hand bonuses. */
export function scoreHand(hand: readonly CardFace[], options: GolfOptions): HandScore {
  const columns = columnScores(hand, options);
  const bonuses = handBonuses(hand, options);
  return { columns, bonuses, score: sum(columns) + sum(bonuses.map((bonus) => bonus.points)) };
}

export interface RoundScoringInput {
  round: number;
  reason: RoundResult['reason'];
  finisher: Seat | null;
  /** Every seat's six cards, all now face up. */
  hands: readonly (readonly CardFace[])[];
  /** Every seat's total before this round. */
  totals: readonly number[];
  options: GolfOptions;
}

interface Tally {
  seat: Seat;
  columns: [number, number, number];
  adjustments: Adjustment[];
  score: number;
}

/**
 * Scores a round: columns, hand bonuses, then the round adjustments in the spec's fixed order
 * (Blackjack, Knock penalty, Knock bonus, Underdog, Tied shame), each applied to the scores as
 * the previous ones left them. Every seat tied for the lowest final score wins the hole.
 */
export function scoreRound(input: RoundScoringInput): RoundResult {
  const { options, finisher } = input;
  const tallies: Tally[] = input.hands.map((hand, seat) => {
    const { columns, bonuses, score } = scoreHand(hand, options);
    return { seat, columns, adjustments: bonuses, score };
  });

  if (options.blackjack) {
    for (const tally of tallies) {
      if (tally.score === 21) adjust(tally, { kind: 'blackjack', points: -21 });
    }
  }
  const finisherTally = finisher === null ? undefined : tallies[finisher];
  if (finisherTally && options.knockPenalty && finisherTally.score > lowest(tallies)) {
    adjust(finisherTally, { kind: 'knockPenalty', points: KNOCK_PENALTY_POINTS });
  }
  if (finisherTally && options.knockBonus) {
    adjust(finisherTally, { kind: 'knockBonus', points: KNOCK_BONUS_POINTS });
  }
  if (options.underdogBonus) {
    const low = lowest(tallies);
    for (const tally of tallies) {
      if (tally.score === low) adjust(tally, { kind: 'underdogBonus', points: UNDERDOG_POINTS });
    }
  }
  if (options.tiedShame) {
    const before = tallies.map((tally) => tally.score);
    tallies.forEach((tally, index) => {
      const shared = before.some((score, other) => other !== index && score === tally.score);
      if (shared) adjust(tally, { kind: 'tiedShame', points: TIED_SHAME_POINTS });
    });
  }

  const low = lowest(tallies);
  const scores: SeatRoundScore[] = tallies.map((tally) => ({
    seat: tally.seat,
    columns: tally.columns,
    adjustments: tally.adjustments,
    roundScore: tally.score,
    totalAfter: (input.totals[tally.seat] ?? 0) + tally.score,
    wonHole: tally.score === low,
  }));
  return { round: input.round, finisher, reason: input.reason, scores };
}

function adjust(tally: Tally, adjustment: Adjustment): void {
  tally.adjustments.push(adjustment);
  tally.score += adjustment.points;
}

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);
const lowest = (tallies: readonly Tally[]) => Math.min(...tallies.map((tally) => tally.score));
