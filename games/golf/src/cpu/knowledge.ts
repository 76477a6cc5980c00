import type { Seat } from '@cardtable/engine';
import { buildShoe } from '../shoe.ts';
import { isHidden, type Card, type GolfOptions, type GolfView, type SeenCard } from '../types.ts';
import { cardValue } from '../values.ts';

/** A slot as a seat knows it: the card when it is face up, null when it is face down. */
export type KnownSlot = Card | null;

/** One kind of card that may still turn up: a representative card, its value, how many. */
export interface UnseenKind {
  card: Card;
  value: number;
  count: number;
}

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
  /** Cards not visible anywhere on the table (the deck, face-down cards, buried discards). */
  unseen: UnseenKind[];
  unseenTotal: number;
}

export function knowledgeOf(view: GolfView, me: Seat): Knowledge {
  const hands = view.players.map((player) =>
    player.hand.map((slot) => (slot.faceUp ? knownCard(slot.card) : null)),
  );
  const phase = view.phase;
  const step = phase.kind === 'turn' && phase.seat === me ? phase.step : null;
  const heldCard = step?.kind === 'holding' ? knownCard(step.card) : null;
  const held =
    step?.kind === 'holding' && heldCard ? { card: heldCard, source: step.source } : null;
  const visible = hands.flat().filter((card): card is Card => card !== null);
  if (view.discardTop) visible.push(view.discardTop);
  if (heldCard) visible.push(heldCard);
  const unseen = unseenKinds(view.options, visible);
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
      (view.finisher !== null || hands.some((hand) => hand.filter((c) => c === null).length <= 1)),
    unseen,
    unseenTotal: unseen.reduce((total, kind) => total + kind.count, 0),
  };
}

const knownCard = (card: SeenCard): Card | null => (isHidden(card) ? null : card);

function nextToPlay(view: GolfView, me: Seat): Seat | null {
  if (view.finisher === null) return (me + 1) % view.players.length;
  return view.finalTurnsLeft.find((seat) => seat !== me) ?? null;
}

/** Cards of equal rank and value are alike to a CPU (suits matter only for One-Eyed Jacks). */
const kindKey = (card: Card, options: GolfOptions) => `${card.rank}|${cardValue(card, options)}`;

interface ShoeKinds {
  kinds: readonly UnseenKind[];
  indexByKey: ReadonlyMap<string, number>;
}

const shoeKindsCache = new Map<string, ShoeKinds>();

/** The shoe grouped into kinds; cached per the options that shape it. */
function shoeKinds(options: GolfOptions): ShoeKinds {
  const cacheKey = [
    options.decks,
    options.jokerMode,
    options.oneEyedJacks,
    options.tenPenny,
    options.superKings,
  ].join('|');
  const cached = shoeKindsCache.get(cacheKey);
  if (cached) return cached;
  const kinds: UnseenKind[] = [];
  const indexByKey = new Map<string, number>();
  for (const card of buildShoe(options.decks, options.jokerMode)) {
    const key = kindKey(card, options);
    const index = indexByKey.get(key);
    if (index === undefined) {
      indexByKey.set(key, kinds.length);
      kinds.push({ card, value: cardValue(card, options), count: 1 });
    } else (kinds[index] as UnseenKind).count++;
  }
  const shoe = { kinds, indexByKey };
  shoeKindsCache.set(cacheKey, shoe);
  return shoe;
}

function unseenKinds(options: GolfOptions, visible: readonly Card[]): UnseenKind[] {
  const shoe = shoeKinds(options);
  const kinds = shoe.kinds.map((kind) => ({ ...kind }));
  for (const card of visible) {
    const kind = kinds[shoe.indexByKey.get(kindKey(card, options)) ?? -1];
    if (kind && kind.count > 0) kind.count--;
  }
  return kinds.filter((kind) => kind.count > 0);
}
