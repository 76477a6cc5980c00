import type { DeckList } from './ast.ts';
import type { Content } from './content.ts';

/** A deck as a list of card ids, one entry per copy. */
export type DeckCards = readonly string[];

export const expandDeck = (deck: Pick<DeckList, 'cards'>): string[] =>
  deck.cards.flatMap((entry) => Array.from({ length: entry.count }, () => entry.card));

/**
 * Why a deck may not hold a card, by what the content knows of its id (`undefined`: nothing), or
 * null when it may: an id the content has no card for, or a token's (effects make tokens; no
 * deck holds one). The one rule for a player's list (`validateDeck`) and a deck file's entries
 * (`loadContent`, whichever validation round finds them).
 */
export function deckCardRefusal(card: { token: boolean } | undefined): 'unknown' | 'token' | null {
  if (!card) return 'unknown';
  return card.token ? 'token' : null;
}

/**
 * Checks a deck against its ruleset version: size, copy limits, banned cards, cards that exist
 * and may be put in a deck. One message per problem, written for the deck's builder.
 */
export function validateDeck(content: Content, cards: DeckCards): string[] {
  const { ruleset } = content;
  const problems: string[] = [];
  const { minSize, maxSize, copyLimit, banned } = ruleset.deck;
  const label = `${ruleset.name} ${ruleset.version}`;
  if (cards.length < minSize || cards.length > maxSize) {
    const wanted = minSize === maxSize ? `exactly ${minSize}` : `${minSize} to ${maxSize}`;
    problems.push(`The deck has ${cards.length} cards; ${label} needs ${wanted}.`);
  }
  const counts = new Map<string, number>();
  for (const id of cards) counts.set(id, (counts.get(id) ?? 0) + 1);
  for (const [id, count] of [...counts].sort(([a], [b]) => a.localeCompare(b))) {
    const card = content.cards.get(id);
    const refusal = deckCardRefusal(card);
    if (refusal === 'unknown' || !card) {
      problems.push(`"${id}" is not a card of ${label}.`);
      continue;
    }
    if (refusal === 'token') problems.push(`${card.name} is a token and cannot be put in a deck.`);
    if (banned.includes(id)) problems.push(`${card.name} is banned in ${label}.`);
    const exempt = ruleset.deck.copyLimitExempt?.includes(card.type) ?? false;
    if (count > copyLimit && !exempt)
      problems.push(
        `The deck has ${count} copies of ${card.name}; at most ${copyLimit} are allowed.`,
      );
  }
  if (
    ruleset.battler &&
    cards.every((id) => {
      const card = content.cards.get(id);
      return !card || ruleset.cardTypes[card.type]?.kind !== 'unit' || (card.stage ?? 0) > 0;
    })
  )
    problems.push('The deck needs at least one basic creature to set up with.');
  return problems;
}
