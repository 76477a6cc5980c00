import type { Scenario } from './format.ts';

// Scored as dealt: the empty deck ends the round on the first draw (3.5).
export default {
  name: 'Underdog bonus: -3 to the player with the lowest round score',
  rule: '5 House rule underdogBonus',
  options: { initialFlips: 0, rounds: 1, underdogBonus: true },
  seats: 3,
  deal: {
    hands: [
      ['AC', '2C', '3C', '4C', '5C', '6C'],
      ['AD', '2D', '3D', '4D', '5D', '7D'],
      ['AH', '2H', '3H', '4H', '5H', '8H'],
    ],
    discardTop: 'QS',
    deck: [],
  },
  actions: [{ seat: 1, type: 'drawDeck' }],
  expect: {
    roundScores: [[14, 18, 19]],
    rounds: [
      {
        scores: [
          { adjustments: [{ kind: 'underdogBonus', points: -3 }], wonHole: true },
          { adjustments: [], wonHole: false },
          { adjustments: [], wonHole: false },
        ],
      },
    ],
    totals: [14, 18, 19],
    outcome: { winners: [0], tie: false },
  },
} satisfies Scenario;
