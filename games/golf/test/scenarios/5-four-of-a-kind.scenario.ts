import type { Scenario } from './format.ts';

// Scored as dealt: the deck is empty and the discard pile holds one card, so the first draw
// ends the round at once (3.5) and every card is turned up and scored.
export default {
  name: 'Four of a kind: a rank in two paired columns scores -20; four not arranged as two column pairs earns nothing',
  rule: '5 House rule fourOfAKind',
  options: { initialFlips: 0, rounds: 1, fourOfAKind: true },
  seats: 2,
  deal: {
    hands: [
      ['5C', '5D', '3C', '5H', '5S', '4C'],
      ['6C', '6D', '8C', '6H', '7D', '6S'],
    ],
    discardTop: 'QS',
    deck: [],
  },
  actions: [
    { seat: 1, type: 'drawDeck', includes: [{ type: 'roundEnded' }, { type: 'gameEnded' }] },
  ],
  expect: {
    roundScores: [[-13, 27]],
    rounds: [
      {
        scores: [
          { columns: [0, 0, 7], adjustments: [{ kind: 'fourOfAKind', points: -20 }] },
          { columns: [0, 13, 14], adjustments: [] },
        ],
      },
    ],
  },
} satisfies Scenario;
