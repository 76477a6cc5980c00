import { RANKS, SUITS, type Card, type JokerMode } from './types.ts';

const jokersPerDeck = (jokerMode: JokerMode): number =>
  jokerMode === 'standard' || jokerMode === 'eagleEye' ? 2 : 0;

/**
 * The unshuffled shoe for `decks` decks under `jokerMode`: deck by deck, suits in order, ranks
 * in order, then that deck's jokers; Lucky Swing adds its single joker (of deck 0) at the very
 * end. Ids are 0..n-1 in this order, so a shoe is the same on every host before its shuffle.
 */
export function buildShoe(decks: number, jokerMode: JokerMode): Card[] {
  const cards: Omit<Card, 'id'>[] = [];
  for (let deck = 0; deck < decks; deck++) {
    for (const suit of SUITS) for (const rank of RANKS) cards.push({ rank, suit, deck });
    for (let j = 0; j < jokersPerDeck(jokerMode); j++)
      cards.push({ rank: 'JOKER', suit: null, deck });
  }
  if (jokerMode === 'luckySwing') cards.push({ rank: 'JOKER', suit: null, deck: 0 });
  return cards.map((card, id) => ({ id, ...card }));
}
