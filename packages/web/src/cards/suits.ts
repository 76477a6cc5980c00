import type { Suit } from '@cardtable/golf';

/** Suit pips as SVG paths in a 100x100 box, so no font has to carry the symbols. */
export const SUIT_PATHS: Record<Suit, string> = {
  spades:
    'M50 4C38 24 12 38 12 60a20 20 0 0 0 33 15L40 96h20l-5-21a20 20 0 0 0 33-15C88 38 62 24 50 4z',
  hearts: 'M50 92C30 74 6 58 6 34A22 22 0 0 1 50 22a22 22 0 0 1 44 12c0 24-24 40-44 58z',
  diamonds: 'M50 4L86 50 50 96 14 50z',
  clubs:
    'M50 6a19 19 0 0 0-17 28A19 19 0 1 0 45 68L40 96h20l-5-28a19 19 0 1 0 12-34A19 19 0 0 0 50 6z',
};

export const isRed = (suit: Suit | null) => suit === 'hearts' || suit === 'diamonds';
