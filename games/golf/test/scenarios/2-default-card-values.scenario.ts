import type { Scenario } from './format.ts';

// Scored as dealt: the deck is empty and the discard pile holds one card, so the first draw
// ends the round at once (3.5) and every card is turned up and scored.
export default {
  name: 'default card values: A 1, 3..9 face value, 10 J Q 10, K 0',
  rule: '2 Card values (defaults)',
  options: { initialFlips: 0, rounds: 1 },
  seats: 2,
  deal: {
    hands: [
      ['AC', '3C', '4C', '5C', '6C', '7C'],
      ['8D', '9D', '10D', 'JD', 'QD', 'KD'],
    ],
    discardTop: 'QS',
    deck: [],
  },
  actions: [
    { seat: 1, type: 'drawDeck', includes: [{ type: 'roundEnded' }, { type: 'gameEnded' }] },
  ],
  expect: {
    roundScores: [[26, 47]],
    rounds: [{ scores: [{ columns: [6, 9, 11] }, { columns: [18, 19, 10] }] }],
  },
} satisfies Scenario;
