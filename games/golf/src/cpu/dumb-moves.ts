import { columnScore } from '../scoring.ts';
import { isHidden, type Card, type GolfAction, type GolfView, type ViewSlot } from '../types.ts';
import { cardValue } from '../values.ts';
import { isStarvedTable } from './starved-table.ts';

/**
 * The judge of the spec's dumb moves (section 6), written apart from the CPU's own reasoning so
 * that it can check the CPU: it looks at one (view, action) pair as a referee would.
 */
export const DUMB_MOVE_KINDS = [
  /** Discarding a joker or a 2 while some slot would have been improved by it. */
  'discardedJokerOrTwo',
  /** Placing a 10, J or Q taken from the discard pile without making a pair with it. */
  'tookHighDiscardWithoutPair',
  /** Making a column pair of two negative cards (unless negativePairsKeepValue). */
  'pairedNegatives',
  /** Swapping a face-up card out for one that makes its column score worse. */
  'swappedGoodForWorse',
  /**
   * Putting a card worth 8 or more into a face-down slot without pairing it. Filling the last
   * face-down slot before anyone has gone out is going out, a different decision; and at a
   * starved table (see starved-table.ts) the rule cannot be kept without stalling the round.
   */
  'highCardIntoHidden',
] as const;

export type DumbMoveKind = (typeof DUMB_MOVE_KINDS)[number];

/** A face-down card is reckoned at 4.5 points, as the spec's CPU reckons it. */
const FACE_DOWN_POINTS = 4.5;

/** Which dumb move, if any, `action` is for the seat whose view this is. */
export function judgeMove(view: GolfView, action: GolfAction): DumbMoveKind | null {
  const { phase, seat } = view;
  if (seat === null || phase.kind !== 'turn' || phase.seat !== seat) return null;
  if (phase.step.kind !== 'holding' || isHidden(phase.step.card)) return null;
  const held = phase.step.card;
  const hand = view.players[seat]?.hand;
  if (!hand) return null;
  if (action.type === 'swap')
    return judgeSwap(view, hand, held, phase.step.source, action.payload.slot);
  if (action.type === 'discard') return judgeDiscard(view, hand, held);
  return null;
}

function judgeSwap(
  view: GolfView,
  hand: readonly ViewSlot[],
  held: Card,
  source: 'deck' | 'discard',
  slot: number,
): DumbMoveKind | null {
  const { options } = view;
  const target = hand[slot];
  if (!target) return null;
  const partner = shownCard(hand[(slot + 3) % 6]);
  const pairs = partner !== null && partner.rank === held.rank;
  const heldValue = cardValue(held, options);
  if (
    pairs &&
    !options.negativePairsKeepValue &&
    heldValue < 0 &&
    cardValue(partner, options) < 0
  ) {
    return 'pairedNegatives';
  }
  if (source === 'discard' && isHighCard(held, view) && !pairs) return 'tookHighDiscardWithoutPair';
  if (
    !target.faceUp &&
    heldValue >= 8 &&
    !pairs &&
    !goesOut(view, hand) &&
    !isStarvedTable(options, view.players.length)
  ) {
    return 'highCardIntoHidden';
  }
  if (target.faceUp && columnAfterSwap(view, hand, held, slot) > columnOf(view, hand, slot)) {
    return 'swappedGoodForWorse';
  }
  return null;
}

function judgeDiscard(view: GolfView, hand: readonly ViewSlot[], held: Card): DumbMoveKind | null {
  if (held.rank !== 'JOKER' && held.rank !== '2') return null;
  const heldValue = cardValue(held, view.options);
  const couldImprove = hand.some((_, slot) => {
    const partner = shownCard(hand[(slot + 3) % 6]);
    const negativePair =
      !view.options.negativePairsKeepValue &&
      partner?.rank === held.rank &&
      heldValue < 0 &&
      cardValue(partner, view.options) < 0;
    return !negativePair && columnAfterSwap(view, hand, held, slot) < columnOf(view, hand, slot);
  });
  return couldImprove ? 'discardedJokerOrTwo' : null;
}

/** Filling the seat's only face-down slot while nobody has gone out makes it the finisher. */
const goesOut = (view: GolfView, hand: readonly ViewSlot[]) =>
  view.finisher === null && hand.filter((slot) => !slot.faceUp).length === 1;

/** A 10, J or Q still worth 10 or more under the table's rules (Ten Penny and One-Eyed Jacks). */
const isHighCard = (card: Card, view: GolfView) =>
  (card.rank === '10' || card.rank === 'J' || card.rank === 'Q') &&
  cardValue(card, view.options) >= 10;

const shownCard = (slot: ViewSlot | undefined): Card | null =>
  slot?.faceUp && !isHidden(slot.card) ? slot.card : null;

function columnOf(view: GolfView, hand: readonly ViewSlot[], slot: number): number {
  return columnPoints(view, shownCard(hand[slot]), shownCard(hand[(slot + 3) % 6]));
}

function columnAfterSwap(
  view: GolfView,
  hand: readonly ViewSlot[],
  held: Card,
  slot: number,
): number {
  return columnPoints(view, held, shownCard(hand[(slot + 3) % 6]));
}

/** A column's points by the rules, a face-down card counting 4.5 (order does not matter). */
function columnPoints(view: GolfView, one: Card | null, other: Card | null): number {
  if (one && other) return columnScore(one, other, view.options);
  return pointsOf(view, one) + pointsOf(view, other);
}

const pointsOf = (view: GolfView, card: Card | null): number =>
  card ? cardValue(card, view.options) : FACE_DOWN_POINTS;
