import type { Scenario } from './format.ts';

export default {
  name: 'no initial flips: play starts at once with every card face down',
  rule: '3.2 Initial flips (initialFlips 0: no initial-flip phase)',
  options: { initialFlips: 0 },
  seats: 2,
  seed: 'no-initial-flips',
  actions: [
    { seat: 1, type: 'initialFlip', payload: { slots: [] }, rejects: 'ILLEGAL_ACTION' },
    { seat: 0, type: 'drawDeck', rejects: 'NOT_YOUR_TURN' },
    {
      seat: 1,
      type: 'drawDeck',
      state: { phase: { kind: 'turn', seat: 1, step: { kind: 'holding', source: 'deck' } } },
    },
  ],
} satisfies Scenario;
