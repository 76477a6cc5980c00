import type { Scenario } from './format.ts';

export default {
  name: 'early knock with a single face-down card',
  rule: '5 House rule knockEarly (exactly 1 face-down card is enough)',
  options: { knockEarly: true, flipAsAction: true, initialFlips: 2, rounds: 1 },
  seats: 2,
  deal: {
    hands: [
      ['AC', '2C', '3C', '4C', '5C', '6C'],
      ['AD', '2D', '3D', '4D', '5D', '6D'],
    ],
    discardTop: 'QS',
    deck: ['7S', '8S', '9S', '10S', 'JS'],
  },
  actions: [
    { seat: 1, type: 'initialFlip', payload: { slots: [0, 1] } },
    { seat: 0, type: 'initialFlip', payload: { slots: [0, 1] } },
    { seat: 1, type: 'flip', payload: { slot: 2 } },
    { seat: 0, type: 'flip', payload: { slot: 2 } },
    { seat: 1, type: 'flip', payload: { slot: 3 } },
    { seat: 0, type: 'flip', payload: { slot: 3 } },
    { seat: 1, type: 'flip', payload: { slot: 4 } },
    { seat: 0, type: 'flip', payload: { slot: 4 } },
    {
      seat: 1,
      type: 'knock',
      events: [
        { type: 'cardFlipped', data: { seat: 1, slot: 5, card: '6D', reason: 'knock' } },
        { type: 'wentOut', data: { seat: 1 } },
        { type: 'turnPassed', data: { from: 1, to: 0 } },
      ],
    },
    // The final turn may be an early knock too; the first finisher stays the finisher.
    {
      seat: 0,
      type: 'knock',
      events: [
        { type: 'cardFlipped', data: { seat: 0, slot: 5, card: '6C', reason: 'knock' } },
        { type: 'roundEnded', data: { result: { finisher: 1 } } },
        { type: 'gameEnded' },
      ],
    },
  ],
  expect: {
    roundScores: [[17, 17]],
    outcome: { winners: [0, 1], tie: true },
  },
} satisfies Scenario;
