import type { Scenario } from './format.ts';

// Scored as dealt: the deck is empty and the discard pile holds one card, so the first draw
// ends the round at once (3.5) and every card is turned up and scored.
export default {
  name: 'a column of two same-rank cards scores 0 (two 2s make 0, not -4); pairs are vertical only',
  rule: '3.7 Scoring a hand column by column (pairs, 2-2 = 0, joker pair 0, no horizontal pairs)',
  options: { initialFlips: 0, rounds: 1, jokerMode: 'standard' },
  seats: 2,
  deal: {
    hands: [
      ['2C', '7C', '7D', '2D', '9C', '4C'],
      ['QC', 'JK', '5C', 'QD', 'JK', '5D'],
    ],
    discardTop: 'KS',
    deck: [],
  },
  actions: [
    { seat: 1, type: 'drawDeck', includes: [{ type: 'roundEnded' }, { type: 'gameEnded' }] },
  ],
  expect: {
    roundScores: [[27, 0]],
    rounds: [
      {
        scores: [
          { columns: [0, 16, 11], adjustments: [] },
          { columns: [0, 0, 0], adjustments: [] },
        ],
      },
    ],
  },
} satisfies Scenario;
