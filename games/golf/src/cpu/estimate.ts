import { columnScore, COLUMNS, handBonuses, scoreHand } from '../scoring.ts';
import type { Card, GolfOptions, Rank } from '../types.ts';
import { cardValue, type CardFace } from '../values.ts';

/** A slot as a seat knows it: the card when it is face up, null when it is face down. */
export type KnownSlot = Card | null;

/** The spec's estimate of a face-down card. */
export const HIDDEN_ESTIMATE = 4.5;

/** The column's slot below or above `slot`. */
export const partnerSlot = (slot: number): number => (slot < 3 ? slot + 3 : slot - 3);

/** A column's expected score: the rules' score once both cards show, else value + 4.5 each. */
export function columnEstimate(top: KnownSlot, bottom: KnownSlot, options: GolfOptions): number {
  if (top && bottom) return columnScore(top, bottom, options);
  return (
    (top ? cardValue(top, options) : HIDDEN_ESTIMATE) +
    (bottom ? cardValue(bottom, options) : HIDDEN_ESTIMATE)
  );
}

/**
 * A hand's expected score with face-down cards at 4.5. Hand bonuses (Wolfpack, Four of a kind)
 * count as soon as the paired columns that earn them show.
 */
export function handEstimate(hand: readonly KnownSlot[], options: GolfOptions): number {
  let total = 0;
  for (const [top, bottom] of COLUMNS) {
    total += columnEstimate(hand[top] ?? null, hand[bottom] ?? null, options);
  }
  if (options.wolfpack || options.fourOfAKind) total += knownBonusPoints(hand, options);
  return total;
}

/** The exact score of a hand whose six cards all show. */
export const exactScore = (hand: readonly Card[], options: GolfOptions): number =>
  scoreHand(hand, options).score;

export const faceDownCount = (hand: readonly KnownSlot[]): number =>
  hand.reduce((count, card) => (card === null ? count + 1 : count), 0);

/**
 * The rules' hand bonuses over the columns known to pair: a face-down card is stood in for by a
 * rank that pairs nothing in its column, so only visible pairs can earn a bonus.
 */
function knownBonusPoints(hand: readonly KnownSlot[], options: GolfOptions): number {
  const faces: CardFace[] = hand.map((card, slot) => {
    if (card) return card;
    const partnerRank = hand[partnerSlot(slot)]?.rank;
    const standIns: Rank[] = slot < 3 ? ['3', 'A'] : ['A', '3'];
    return { rank: standIns.find((rank) => rank !== partnerRank) as Rank, suit: null };
  });
  return handBonuses(faces, options).reduce((total, bonus) => total + bonus.points, 0);
}
