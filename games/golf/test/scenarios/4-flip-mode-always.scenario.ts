import type { Scenario } from './format.ts';

export default {
  name: 'Speed Golf: after discarding a deck draw the player must flip a face-down card',
  rule: '4 flipMode always (the flip is owed; skipping is not allowed)',
  options: { flipMode: 'always', initialFlips: 1 },
  seats: 2,
  deal: {
    hands: [
      ['AC', '2C', '3C', '4C', '5C', '6C'],
      ['AD', '2D', '3D', '4D', '5D', '6D'],
    ],
    discardTop: 'QS',
    deck: ['9S', '8S', '7S'],
  },
  actions: [
    { seat: 1, type: 'initialFlip', payload: { slots: [0] } },
    { seat: 0, type: 'initialFlip', payload: { slots: [0] } },
    { seat: 1, type: 'drawDeck' },
    {
      seat: 1,
      type: 'discard',
      events: [{ type: 'cardDiscarded', data: { seat: 1, card: '9S' } }],
      state: { phase: { kind: 'turn', seat: 1, step: { kind: 'awaitingFlip', optional: false } } },
      legalAfter: {
        seat: 1,
        actions: [
          { type: 'flip', payload: { slot: 1 } },
          { type: 'flip', payload: { slot: 2 } },
          { type: 'flip', payload: { slot: 3 } },
          { type: 'flip', payload: { slot: 4 } },
          { type: 'flip', payload: { slot: 5 } },
        ],
      },
    },
    { seat: 1, type: 'skipFlip', rejects: 'FLIP_REQUIRED' },
    {
      seat: 1,
      type: 'flip',
      payload: { slot: 3 },
      events: [
        { type: 'cardFlipped', data: { seat: 1, slot: 3, card: '4D', reason: 'afterDiscard' } },
        { type: 'turnPassed', data: { from: 1, to: 0 } },
      ],
    },
    // A swap ends the turn with no flip step.
    { seat: 0, type: 'drawDeck' },
    {
      seat: 0,
      type: 'swap',
      payload: { slot: 1 },
      events: [{ type: 'cardSwapped' }, { type: 'turnPassed', data: { from: 0, to: 1 } }],
    },
  ],
} satisfies Scenario;
