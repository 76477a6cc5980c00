import { buildShoe } from '../shoe.ts';
import type { Card, GolfOptions } from '../types.ts';
import { cardValue } from '../values.ts';

/** One kind of card: a representative, its value under the options, how many of it. */
export interface CardKind {
  card: Card;
  value: number;
  count: number;
}

/**
 * The shoe under a set of options, grouped into kinds of equal rank and value (suits matter only
 * for One-Eyed Jacks), with each card's kind and value at hand: CPUs look these up thousands of
 * times a game. Values come from the rules' cardValue.
 */
export interface Catalog {
  kinds: readonly CardKind[];
  /** Cards in the shoe. */
  size: number;
  kindOf(card: Card): number;
  valueOf(card: Card): number;
}

const catalogs = new Map<string, Catalog>();
/** Views share their table's options object: looking it up first skips building the key. */
const byOptionsObject = new WeakMap<GolfOptions, Catalog>();

/** The catalog for these options, built once per distinct shoe and values. */
export function catalogFor(options: GolfOptions): Catalog {
  const known = byOptionsObject.get(options);
  if (known) return known;
  const key = [
    options.decks,
    options.jokerMode,
    options.oneEyedJacks,
    options.tenPenny,
    options.superKings,
  ].join('|');
  let catalog = catalogs.get(key);
  if (!catalog) {
    catalog = buildCatalog(options);
    catalogs.set(key, catalog);
  }
  byOptionsObject.set(options, catalog);
  return catalog;
}

/** Rank and suit (jokers have none) name a face; every card of a face has one kind. */
const faceKey = (card: Card): string => `${card.rank}/${card.suit ?? '-'}`;

function buildCatalog(options: GolfOptions): Catalog {
  const shoe = buildShoe(options.decks, options.jokerMode);
  const kinds: CardKind[] = [];
  const kindById: number[] = [];
  const kindByValue = new Map<string, number>();
  const kindByFace = new Map<string, number>();
  for (const card of shoe) {
    const value = cardValue(card, options);
    const valueKey = `${card.rank}|${value}`;
    let kind = kindByValue.get(valueKey);
    if (kind === undefined) {
      kind = kinds.length;
      kindByValue.set(valueKey, kind);
      kinds.push({ card, value, count: 0 });
    }
    (kinds[kind] as CardKind).count++;
    kindById[card.id] = kind;
    kindByFace.set(faceKey(card), kind);
  }
  // Faces by rank then suit, so a lookup is two property reads rather than a string key.
  const table: Record<string, Record<string, number>> = {};
  for (const [face, kind] of kindByFace) {
    const [rank, suit] = face.split('/') as [string, string];
    (table[rank] ??= {})[suit] = kind;
  }
  const kindOfFace = (card: Card): number => {
    const kind = table[card.rank]?.[card.suit ?? '-'];
    if (kind === undefined) throw new RangeError(`No ${faceKey(card)} in this shoe.`);
    return kind;
  };
  // A card of this shoe is found by its id, quicker than by its face; the face is still
  // checked, since a card is only data (a card made for a test has an id of its own).
  const kindOf = (card: Card): number => {
    const shoeCard = shoe[card.id];
    const sameFace = shoeCard?.rank === card.rank && shoeCard.suit === card.suit;
    return sameFace ? (kindById[card.id] as number) : kindOfFace(card);
  };
  return {
    kinds,
    size: kinds.reduce((total, kind) => total + kind.count, 0),
    kindOf,
    valueOf: (card) => (kinds[kindOf(card)] as CardKind).value,
  };
}
