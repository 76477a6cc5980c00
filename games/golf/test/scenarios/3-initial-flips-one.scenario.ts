import type { Scenario } from './format.ts';

export default {
  name: 'one initial flip each: exactly one slot is accepted',
  rule: '3.2 Initial flips (initialFlips 1)',
  options: { initialFlips: 1 },
  seats: 2,
  deal: {
    hands: [
      ['AC', '2C', '3C', '4C', '5C', '6C'],
      ['AD', '2D', '3D', '4D', '5D', '6D'],
    ],
    discardTop: 'QS',
    deck: ['7S'],
  },
  actions: [
    { seat: 1, type: 'initialFlip', payload: { slots: [0, 1] }, rejects: 'INVALID_INITIAL_FLIP' },
    { seat: 1, type: 'initialFlip', payload: { slots: [] }, rejects: 'INVALID_INITIAL_FLIP' },
    {
      seat: 1,
      type: 'initialFlip',
      payload: { slots: [4] },
      events: [{ type: 'initialFlipped', data: { seat: 1, slots: [4], cards: ['5D'] } }],
      legalAfter: {
        seat: 0,
        actions: [
          { type: 'initialFlip', payload: { slots: [0] } },
          { type: 'initialFlip', payload: { slots: [1] } },
          { type: 'initialFlip', payload: { slots: [2] } },
          { type: 'initialFlip', payload: { slots: [3] } },
          { type: 'initialFlip', payload: { slots: [4] } },
          { type: 'initialFlip', payload: { slots: [5] } },
        ],
      },
    },
    {
      seat: 0,
      type: 'initialFlip',
      payload: { slots: [2] },
      state: { phase: { kind: 'turn', seat: 1, step: { kind: 'awaitingDraw' } } },
    },
  ],
} satisfies Scenario;
