import type { Scenario } from './format.ts';

// Scored as dealt: the deck is empty and the discard pile holds one card, so the first draw
// ends the round at once (3.5) and every card is turned up and scored.
export default {
  name: 'Eagle Eye: a joker is +2 unpaired and a joker-joker column is -4',
  rule: '5 House rule jokerMode=eagleEye',
  options: { initialFlips: 0, rounds: 1, decks: 2, jokerMode: 'eagleEye' },
  seats: 2,
  deal: {
    hands: [
      ['JK', 'JK', '3C', 'JK@1', '5C', '4C'],
      ['JK@1', '2D', '3D', '4D', '5D', '6D'],
    ],
    discardTop: 'QS',
    deck: [],
  },
  actions: [
    { seat: 1, type: 'drawDeck', includes: [{ type: 'roundEnded' }, { type: 'gameEnded' }] },
  ],
  expect: {
    roundScores: [[10, 18]],
    rounds: [{ scores: [{ columns: [-4, 7, 7] }, { columns: [6, 3, 9] }] }],
  },
} satisfies Scenario;
