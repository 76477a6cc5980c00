import type { CardJson } from './draft-files.ts';

export type CardSort = 'name' | 'cost' | 'type';

export interface CardQuery {
  search: string;
  type: string;
  sort: CardSort;
}

/** The card list as shown: matching the search (name, id, text) and type, in the chosen order. */
export function visibleCards(cards: readonly CardJson[], query: CardQuery): CardJson[] {
  const words = query.search.toLowerCase().split(/\s+/).filter(Boolean);
  const matches = (card: CardJson) => {
    const haystack =
      `${card.name} ${card.id} ${card.text ?? ''} ${(card.keywords ?? []).join(' ')}`.toLowerCase();
    return words.every((word) => haystack.includes(word));
  };
  const order: Record<CardSort, (a: CardJson, b: CardJson) => number> = {
    name: (a, b) => a.name.localeCompare(b.name),
    cost: (a, b) => a.cost - b.cost || a.name.localeCompare(b.name),
    type: (a, b) => a.type.localeCompare(b.type) || a.cost - b.cost || a.name.localeCompare(b.name),
  };
  return cards
    .filter((card) => (query.type === '' || card.type === query.type) && matches(card))
    .sort(order[query.sort]);
}

/** A copy of a card under a free id and a name that says so. */
export function duplicateCard(card: CardJson, id: string): CardJson {
  return { ...structuredClone(card), id, name: `${card.name} (copy)` };
}
