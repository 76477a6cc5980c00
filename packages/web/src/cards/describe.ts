import type { Card, Rank, SeenCard } from '@cardtable/golf';
import { isHidden } from '@cardtable/golf';

const RANK_NAMES: Record<Rank, string> = {
  A: 'ace',
  '2': '2',
  '3': '3',
  '4': '4',
  '5': '5',
  '6': '6',
  '7': '7',
  '8': '8',
  '9': '9',
  '10': '10',
  J: 'jack',
  Q: 'queen',
  K: 'king',
  JOKER: 'joker',
};

/** "7 of hearts", "joker": how a card reads aloud. */
export const cardName = (card: Card) =>
  card.rank === 'JOKER' ? 'joker' : `${RANK_NAMES[card.rank]} of ${card.suit}`;

export const seenCardName = (card: SeenCard | null, faceUp: boolean) =>
  card === null ? 'no card' : !faceUp || isHidden(card) ? 'face down' : cardName(card);
