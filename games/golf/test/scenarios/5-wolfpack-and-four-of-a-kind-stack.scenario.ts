import type { Scenario } from './format.ts';

// Scored as dealt: the deck is empty and the discard pile holds one card, so the first draw
// ends the round at once (3.5) and every card is turned up and scored.
export default {
  name: 'Wolfpack and Four of a kind stack: two Jack-Jack columns earn both',
  rule: '5 House rules wolfpack + fourOfAKind (they stack)',
  options: { initialFlips: 0, rounds: 1, wolfpack: true, fourOfAKind: true },
  seats: 2,
  deal: {
    hands: [
      ['JC', 'JD', '3C', 'JH', 'JS', '4C'],
      ['AD', '2D', '3D', '4D', '5D', '6D'],
    ],
    discardTop: 'QS',
    deck: [],
  },
  actions: [
    { seat: 1, type: 'drawDeck', includes: [{ type: 'roundEnded' }, { type: 'gameEnded' }] },
  ],
  expect: {
    roundScores: [[-33, 17]],
    rounds: [
      {
        scores: [
          {
            adjustments: [
              { kind: 'wolfpack', points: -20 },
              { kind: 'fourOfAKind', points: -20 },
            ],
          },
          { adjustments: [] },
        ],
      },
    ],
  },
} satisfies Scenario;
