import type { Scenario } from './format.ts';

export default {
  name: 'Blackjack is checked before the knock penalty: 11 + 10 = 21 stays 21',
  rule: '3.8 Round adjustments in fixed order (Blackjack before Knock penalty); 5 knockPenalty',
  options: { knockEarly: true, blackjack: true, knockPenalty: true, rounds: 1 },
  seats: 2,
  deal: {
    hands: [
      ['AC', '3C', '4C', '9C', '2C', '5C'],
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
    // Seat 1: [3D AD KS / 4C 2D 5D] = 7-1+5 = 11 > 5, +10 = 21 (too late for Blackjack).
    // Seat 0: [AC 3C KD / 2H 2C 5C] = -1+1+5 = 5.
    roundScores: [[5, 21]],
    rounds: [
      { scores: [{ adjustments: [] }, { adjustments: [{ kind: 'knockPenalty', points: 10 }] }] },
    ],
  },
} satisfies Scenario;
