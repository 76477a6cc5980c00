import type { Scenario } from './format.ts';

export default {
  name: 'standard rules: no flip is ever owed or allowed during a turn',
  rule: '4 / 8 mistake 2 (a free flip accepted in standard mode)',
  seats: 2,
  deal: {
    hands: [
      ['AC', '2C', '3C', '4C', '5C', '6C'],
      ['AD', '2D', '3D', '4D', '5D', '6D'],
    ],
    discardTop: 'QS',
    deck: ['7S', '8S'],
  },
  actions: [
    { seat: 1, type: 'initialFlip', payload: { slots: [0, 1] } },
    { seat: 0, type: 'flip', payload: { slot: 3 }, rejects: 'FLIP_NOT_ALLOWED' },
    { seat: 0, type: 'initialFlip', payload: { slots: [0, 1] } },
    { seat: 1, type: 'flip', payload: { slot: 2 }, rejects: 'FLIP_NOT_ALLOWED' },
    { seat: 1, type: 'drawDeck' },
    { seat: 1, type: 'flip', payload: { slot: 2 }, rejects: 'FLIP_NOT_ALLOWED' },
    {
      seat: 1,
      type: 'discard',
      events: [{ type: 'cardDiscarded' }, { type: 'turnPassed', data: { from: 1, to: 0 } }],
      legalAfter: {
        seat: 0,
        actions: [
          { type: 'drawDeck', payload: {} },
          { type: 'takeDiscard', payload: {} },
        ],
      },
    },
    { seat: 0, type: 'flip', payload: { slot: 2 }, rejects: 'FLIP_NOT_ALLOWED' },
    { seat: 0, type: 'skipFlip', rejects: 'ILLEGAL_ACTION' },
  ],
  expect: {
    state: {
      players: [
        {
          hand: [
            { faceUp: true },
            { faceUp: true },
            { faceUp: false },
            { faceUp: false },
            { faceUp: false },
            { faceUp: false },
          ],
        },
        {
          hand: [
            { faceUp: true },
            { faceUp: true },
            { faceUp: false },
            { faceUp: false },
            { faceUp: false },
            { faceUp: false },
          ],
        },
      ],
    },
  },
} satisfies Scenario;
