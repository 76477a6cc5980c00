import type { Seat } from '@cardtable/engine';
import { isHidden, type Card, type GolfOptions, type GolfView, type SeenCard } from '../types.ts';
import { catalogFor, type Catalog, type CardKind } from './catalog.ts';
import { faceDownCount, type KnownSlot } from './estimate.ts';
import { isStarvedTable } from './starved-table.ts';

/** Everything a CPU reasons from, read off its seat's view (never off the state). */
export interface Knowledge {
  me: Seat;
  options: GolfOptions;
  /** Every seat's six slots as this seat sees them. */
  hands: KnownSlot[][];
  totals: number[];
  discardTop: Card | null;
  /** The card this seat holds after drawing or taking, if any. */
  held: { card: Card; source: 'deck' | 'discard' } | null;
  /** Someone went out: this is the seat's last turn, its face-down cards turn up after it. */
  lastTurn: boolean;
  /** Who plays after this seat in the round, if anyone does. */
  nextSeat: Seat | null;
  /** Discarding a deck draw would offer an optional flip (flipMode endgame near the end). */
  endgame: boolean;
  /** So much of the shoe is dealt that the deck ends up all high cards (see starved-table.ts). */
  starved: boolean;
  catalog: Catalog;
  /** Kinds of card not visible anywhere (in the deck, face down, buried in the discards). */
  unseen: CardKind[];
  unseenTotal: number;
}

export function knowledgeOf(view: GolfView, me: Seat): Knowledge {
  const catalog = catalogFor(view.options);
  // How many of each kind are still out of sight: the shoe, less every card in view.
  const counts = catalog.kinds.map((kind) => kind.count);
  const hands = view.players.map((player) =>
    player.hand.map((slot) => {
      const card = slot.faceUp ? knownCard(slot.card) : null;
      if (card) see(counts, catalog, card);
      return card;
    }),
  );
  const phase = view.phase;
  const step = phase.kind === 'turn' && phase.seat === me ? phase.step : null;
  const heldCard = step?.kind === 'holding' ? knownCard(step.card) : null;
  const held =
    step?.kind === 'holding' && heldCard ? { card: heldCard, source: step.source } : null;
  if (view.discardTop) see(counts, catalog, view.discardTop);
  if (heldCard) see(counts, catalog, heldCard);
  const unseen: CardKind[] = [];
  let unseenTotal = 0;
  catalog.kinds.forEach((kind, index) => {
    const count = counts[index] as number;
    if (count > 0) unseen.push({ card: kind.card, value: kind.value, count });
    unseenTotal += Math.max(0, count);
  });
  return {
    me,
    options: view.options,
    hands,
    totals: view.players.map((player) => player.total),
    discardTop: view.discardTop,
    held,
    lastTurn: view.finisher !== null,
    nextSeat: nextToPlay(view, me),
    endgame:
      view.options.flipMode === 'endgame' &&
      (view.finisher !== null || hands.some((hand) => faceDownCount(hand) <= 1)),
    starved: isStarvedTable(view.options, view.players.length),
    catalog,
    unseen,
    unseenTotal,
  };
}

/** One more card in view: one fewer of its kind out of sight. */
function see(counts: number[], catalog: Catalog, card: Card): void {
  const kind = catalog.kindOf(card);
  counts[kind] = (counts[kind] as number) - 1;
}

const knownCard = (card: SeenCard): Card | null => (isHidden(card) ? null : card);

function nextToPlay(view: GolfView, me: Seat): Seat | null {
  if (view.finisher === null) return (me + 1) % view.players.length;
  return view.finalTurnsLeft.find((seat) => seat !== me) ?? null;
}
