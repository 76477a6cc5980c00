import type { Scenario } from './format.ts';

// Scored as dealt: the deck is empty and the discard pile holds one card, so the first draw
// ends the round at once (3.5) and every card is turned up and scored.
export default {
  name: 'Wolfpack: two Jack-Jack columns score -20; one is just a pair',
  rule: '5 House rule wolfpack',
  options: { initialFlips: 0, rounds: 1, decks: 2, wolfpack: true },
  seats: 2,
  deal: {
    hands: [
      ['JC', 'JD', '3C', 'JH', 'JS', '4C'],
      ['JC@1', 'JD@1', '5C', 'JH@1', '2D', '3D'],
    ],
    discardTop: 'QS',
    deck: [],
  },
  actions: [
    { seat: 1, type: 'drawDeck', includes: [{ type: 'roundEnded' }, { type: 'gameEnded' }] },
  ],
  expect: {
    roundScores: [[-13, 16]],
    rounds: [
      {
        scores: [
          { columns: [0, 0, 7], adjustments: [{ kind: 'wolfpack', points: -20 }] },
          { columns: [0, 8, 8], adjustments: [] },
        ],
      },
    ],
  },
} satisfies Scenario;
