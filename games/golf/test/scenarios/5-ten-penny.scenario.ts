import type { Scenario } from './format.ts';

// Scored as dealt: the deck is empty and the discard pile holds one card, so the first draw
// ends the round at once (3.5) and every card is turned up and scored.
export default {
  name: 'Ten Penny: a 10 is worth 1 (and two 10s still pair)',
  rule: '5 House rule tenPenny',
  options: { initialFlips: 0, rounds: 1, tenPenny: true },
  seats: 2,
  deal: {
    hands: [
      ['10C', '10D', '3C', '4C', '10H', '6C'],
      ['10S', 'AD', '2D', '3D', '4D', '5D'],
    ],
    discardTop: 'QS',
    deck: [],
  },
  actions: [
    { seat: 1, type: 'drawDeck', includes: [{ type: 'roundEnded' }, { type: 'gameEnded' }] },
  ],
  expect: {
    roundScores: [[14, 12]],
    rounds: [{ scores: [{ columns: [5, 0, 9] }, { columns: [4, 5, 3] }] }],
  },
} satisfies Scenario;
