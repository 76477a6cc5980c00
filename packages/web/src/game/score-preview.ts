import { cardValue, COLUMNS, columnScore, HAND_SIZE, isHidden, scoreHand } from '@cardtable/golf';
import type { Card, GolfOptions, ViewSlot } from '@cardtable/golf';

const faceUpCard = (slot: ViewSlot | undefined): Card | null =>
  slot && slot.faceUp && !isHidden(slot.card) ? slot.card : null;

/**
 * The score of what is showing: a column with both cards up scores by the rules (pairs
 * included), a column with one card up counts that card, hidden cards count nothing. With every
 * card up it is exactly the hand's score, hand bonuses included.
 */
export function visibleScore(hand: readonly ViewSlot[], options: GolfOptions): number {
  const cards = hand.map(faceUpCard);
  // Before the deal a hand is empty: nothing shows.
  if (cards.length === HAND_SIZE && cards.every((card) => card !== null)) {
    return scoreHand(cards as Card[], options).score;
  }
  let total = 0;
  for (const [top, bottom] of COLUMNS) {
    const a = cards[top];
    const b = cards[bottom];
    if (a && b) total += columnScore(a, b, options);
    else if (a) total += cardValue(a, options);
    else if (b) total += cardValue(b, options);
  }
  return total;
}

/** What swapping the held card into one slot would do to the showing score. */
export interface SwapPreview {
  slot: number;
  before: number;
  after: number;
  delta: number;
  /** The swap makes a same-rank column. */
  makesPair: boolean;
  /** The card that would go to the discard pile is still face down: its value is unknown. */
  replacesUnknown: boolean;
}

export function previewSwap(
  hand: readonly ViewSlot[],
  slot: number,
  held: Card,
  options: GolfOptions,
): SwapPreview {
  const after = hand.map((s, i): ViewSlot => (i === slot ? { faceUp: true, card: held } : s));
  const column = COLUMNS.find((pair) => (pair as readonly number[]).includes(slot));
  const partnerSlot = column ? (column[0] === slot ? column[1] : column[0]) : -1;
  const partner = faceUpCard(hand[partnerSlot]);
  const before = visibleScore(hand, options);
  const afterScore = visibleScore(after, options);
  return {
    slot,
    before,
    after: afterScore,
    delta: afterScore - before,
    makesPair: partner !== null && partner.rank === held.rank,
    replacesUnknown: faceUpCard(hand[slot]) === null,
  };
}

/** "-3", "+4", "±0": how the preview reads on the slot. */
export const formatDelta = (delta: number) =>
  delta > 0 ? `+${delta}` : delta < 0 ? `−${Math.abs(delta)}` : '±0';

export function describePreview(preview: SwapPreview): string {
  const parts = [`Swap here: showing score ${preview.before} → ${preview.after}`];
  if (preview.makesPair) parts.push('makes a pair');
  if (preview.replacesUnknown) parts.push('discards an unseen card');
  return parts.join(', ');
}
