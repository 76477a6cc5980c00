import type { Scenario } from './format.ts';

export default {
  name: 'legal initial flips are all 15 pairs of distinct slots',
  rule: '3.2 Initial flips (legal actions list every 2-slot combination)',
  seats: 2,
  seed: 'combinations',
  actions: [
    {
      seat: 0,
      type: 'initialFlip',
      payload: { slots: [2, 3] },
      legalAfter: {
        seat: 1,
        actions: [
          { type: 'initialFlip', payload: { slots: [0, 1] } },
          { type: 'initialFlip', payload: { slots: [0, 2] } },
          { type: 'initialFlip', payload: { slots: [0, 3] } },
          { type: 'initialFlip', payload: { slots: [0, 4] } },
          { type: 'initialFlip', payload: { slots: [0, 5] } },
          { type: 'initialFlip', payload: { slots: [1, 2] } },
          { type: 'initialFlip', payload: { slots: [1, 3] } },
          { type: 'initialFlip', payload: { slots: [1, 4] } },
          { type: 'initialFlip', payload: { slots: [1, 5] } },
          { type: 'initialFlip', payload: { slots: [2, 3] } },
          { type: 'initialFlip', payload: { slots: [2, 4] } },
          { type: 'initialFlip', payload: { slots: [2, 5] } },
          { type: 'initialFlip', payload: { slots: [3, 4] } },
          { type: 'initialFlip', payload: { slots: [3, 5] } },
          { type: 'initialFlip', payload: { slots: [4, 5] } },
        ],
      },
    },
  ],
} satisfies Scenario;
