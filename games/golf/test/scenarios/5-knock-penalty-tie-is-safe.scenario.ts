import type { Scenario } from './format.ts';

export default {
  name: 'Knock penalty: a finisher tied for the lowest score is safe',
  rule: '5 House rule knockPenalty (strictly greater than the lowest; a tie for lowest is safe)',
  options: { knockEarly: true, knockPenalty: true, rounds: 1 },
  seats: 2,
  deal: {
    hands: [
      ['AC', '3C', '2C', '9C', '2S', '5C'],
      ['3D', 'AD', 'KD', '2H', '2D', '5D'],
    ],
    discardTop: 'KS',
    deck: [],
  },
  actions: [
    { seat: 1, type: 'initialFlip', payload: { slots: [0, 1] } },
    { seat: 0, type: 'initialFlip', payload: { slots: [0, 1] } },
    { seat: 1, type: 'takeDiscard' },
    { seat: 1, type: 'swap', payload: { slot: 2 } },
    { seat: 0, type: 'takeDiscard' },
    { seat: 0, type: 'swap', payload: { slot: 2 } },
    { seat: 1, type: 'takeDiscard' },
    { seat: 1, type: 'swap', payload: { slot: 3 } },
    { seat: 0, type: 'takeDiscard' },
    { seat: 0, type: 'swap', payload: { slot: 3 } },
    { seat: 1, type: 'knock' },
    { seat: 0, type: 'drawDeck' },
  ],
  expect: {
    // Seat 1: [3D AD KS / 2C 2D 5D] = 1-1+5 = 5; seat 0: [AC 3C KD / 2H 2S 5C] = -1+1+5 = 5.
    roundScores: [[5, 5]],
    rounds: [
      {
        finisher: 1,
        scores: [
          { adjustments: [], wonHole: true },
          { adjustments: [], wonHole: true },
        ],
      },
    ],
    outcome: { winners: [0, 1], tie: true },
  },
} satisfies Scenario;
