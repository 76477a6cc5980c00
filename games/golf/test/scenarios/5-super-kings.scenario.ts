import type { Scenario } from './format.ts';

// Scored as dealt: the deck is empty and the discard pile holds one card, so the first draw
// ends the round at once (3.5) and every card is turned up and scored.
export default {
  name: 'Super Kings: a king is worth -2, a K-K column is still 0',
  rule: '5 House rule superKings',
  options: { initialFlips: 0, rounds: 1, superKings: true },
  seats: 2,
  deal: {
    hands: [
      ['KC', '5C', '3C', '4C', 'KD', '6C'],
      ['KH', '9C', '8C', 'KS', '9D', '7C'],
    ],
    discardTop: 'QS',
    deck: [],
  },
  actions: [
    { seat: 1, type: 'drawDeck', includes: [{ type: 'roundEnded' }, { type: 'gameEnded' }] },
  ],
  expect: {
    roundScores: [[14, 15]],
    rounds: [{ scores: [{ columns: [2, 3, 9] }, { columns: [0, 0, 15] }] }],
  },
} satisfies Scenario;
