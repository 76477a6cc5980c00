import type { CardJson, DeckJson } from './draft-files.ts';

export const deckSize = (deck: DeckJson): number => deck.cards.reduce((n, c) => n + c.count, 0);

export const copiesOf = (deck: DeckJson, card: string): number =>
  deck.cards.find((c) => c.card === card)?.count ?? 0;

/** The deck with `delta` more (or fewer) copies of a card; a card at 0 copies leaves the list. */
export function addCopies(deck: DeckJson, card: string, delta: number): DeckJson {
  const count = Math.max(0, copiesOf(deck, card) + delta);
  const others = deck.cards.filter((c) => c.card !== card);
  const exists = deck.cards.some((c) => c.card === card);
  const cards =
    count === 0
      ? others
      : exists
        ? deck.cards.map((c) => (c.card === card ? { card, count } : c))
        : [...deck.cards, { card, count }];
  return { ...deck, cards };
}

/** Copies per cost, 0 to the highest cost in the deck (the last bucket is "that or more"). */
export function costCurve(
  deck: DeckJson,
  cards: readonly CardJson[],
  maxBucket = 7,
): { costs: string[]; counts: number[] } {
  const byId = new Map(cards.map((card) => [card.id, card]));
  const counts = Array.from({ length: maxBucket + 1 }, () => 0);
  for (const { card, count } of deck.cards) {
    const cost = byId.get(card)?.cost;
    if (cost === undefined) continue;
    counts[Math.min(cost, maxBucket)]! += count;
  }
  return { costs: counts.map((_, i) => (i === maxBucket ? `${i}+` : String(i))), counts };
}

/** A deck id not yet taken (`A`, `B`, ... then `deck-27`). */
export function freeDeckId(decks: readonly DeckJson[]): string {
  const taken = new Set(decks.map((d) => d.id));
  for (const letter of 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') if (!taken.has(letter)) return letter;
  let n = 27;
  while (taken.has(`deck-${n}`)) n++;
  return `deck-${n}`;
}
