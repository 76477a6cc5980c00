import type { Scenario } from './format.ts';

// Scored as dealt: the deck is empty and the discard pile holds one card, so the first draw
// ends the round at once (3.5) and every card is turned up and scored.
export default {
  name: 'Tied shame: +5 to every player whose round score equals another player score, lowest or not',
  rule: '5 House rule tiedShame',
  options: { initialFlips: 0, rounds: 1, tiedShame: true },
  seats: 3,
  deal: {
    hands: [
      ['AC', '2C', '3C', '4C', '5C', '6C'],
      ['AD', '2D', '3D', '4D', '5D', '6D'],
      ['AH', '2H', '3H', '4H', '5H', '7H'],
    ],
    discardTop: 'QS',
    deck: [],
  },
  actions: [
    { seat: 1, type: 'drawDeck', includes: [{ type: 'roundEnded' }, { type: 'gameEnded' }] },
  ],
  expect: {
    roundScores: [[22, 22, 18]],
    rounds: [
      {
        scores: [
          { adjustments: [{ kind: 'tiedShame', points: 5 }], wonHole: false },
          { adjustments: [{ kind: 'tiedShame', points: 5 }], wonHole: false },
          { adjustments: [], wonHole: true },
        ],
      },
    ],
  },
} satisfies Scenario;
