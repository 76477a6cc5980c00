import type { Card, SeenCard, Suit } from '../../src/index.ts';

/**
 * Cards in tests are written as short strings: rank then suit letter (`AS`, `10H`, `KD`), `JK`
 * for a joker, with `@1`/`@2` for a card of the second or third deck; a hidden card is `??`
 * (its back's deck also as `@n`).
 */
export type CardText = string;

const SUIT_LETTERS: Record<Suit, string> = { clubs: 'C', diamonds: 'D', hearts: 'H', spades: 'S' };
const SUIT_OF: Record<string, Suit> = { C: 'clubs', D: 'diamonds', H: 'hearts', S: 'spades' };

const deckSuffix = (deck: number) => (deck > 0 ? `@${deck}` : '');

export function cardText(card: SeenCard): CardText {
  if ('hidden' in card) return `??${deckSuffix(card.deck)}`;
  const face = card.rank === 'JOKER' ? 'JK' : `${card.rank}${SUIT_LETTERS[card.suit as Suit]}`;
  return `${face}${deckSuffix(card.deck)}`;
}

/** Parses `text` into a card with the given id. */
export function parseCard(text: CardText, id: number): Card {
  const match = /^(?:(JK)|(A|[2-9]|10|J|Q|K)([CDHS]))(?:@([0-2]))?$/.exec(text);
  if (!match) throw new Error(`Not a card: "${text}"`);
  const deck = Number(match[4] ?? 0);
  if (match[1]) return { id, rank: 'JOKER', suit: null, deck };
  return { id, rank: match[2] as Card['rank'], suit: SUIT_OF[match[3] as string] as Suit, deck };
}

const isCardLike = (value: Record<string, unknown>) =>
  ('hidden' in value && value.hidden === true && 'deck' in value) ||
  ('rank' in value && 'suit' in value && 'id' in value && 'deck' in value);

/** A deep copy of `value` with every card (known or hidden) written as its CardText. */
export function readable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(readable);
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (isCardLike(record)) return cardText(record as unknown as SeenCard);
    return Object.fromEntries(Object.entries(record).map(([key, inner]) => [key, readable(inner)]));
  }
  return value;
}
