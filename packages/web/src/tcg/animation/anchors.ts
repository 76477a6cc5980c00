import type { Seat } from '@cardtable/engine';

/**
 * The places of the card game table a card can fly from or to (every such element carries
 * `data-anchor`); cards and heroes are anchors under their own ids.
 */
export const tcgAnchor = {
  deck: (seat: Seat) => `deck-${seat}`,
  hand: (seat: Seat) => `hand-${seat}`,
  board: (seat: Seat) => `board-${seat}`,
  discard: (seat: Seat) => `discard-${seat}`,
  stack: 'stack',
} as const;
