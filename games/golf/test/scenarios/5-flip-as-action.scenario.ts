import type { Scenario } from './format.ts';

export default {
  name: 'flip as a turn: turn up one face-down card without drawing; the turn ends',
  rule: '3.4 / 5 House rule flipAsAction',
  options: { flipAsAction: true, initialFlips: 1 },
  seats: 2,
  deal: {
    hands: [
      ['AC', '2C', '3C', '4C', '5C', '6C'],
      ['AD', '2D', '3D', '4D', '5D', '6D'],
    ],
    discardTop: 'KS',
    deck: ['9S', '8S'],
  },
  actions: [
    { seat: 1, type: 'initialFlip', payload: { slots: [0] } },
    { seat: 0, type: 'initialFlip', payload: { slots: [0] } },
    { seat: 1, type: 'flip', payload: { slot: 0 }, rejects: 'ALREADY_FACE_UP' },
    { seat: 1, type: 'flip', payload: { slot: 7 }, rejects: 'SLOT_OUT_OF_RANGE' },
    {
      seat: 1,
      type: 'flip',
      payload: { slot: 2 },
      events: [
        { type: 'cardFlipped', data: { seat: 1, slot: 2, card: '3D', reason: 'flipAction' } },
        { type: 'turnPassed', data: { from: 1, to: 0 } },
      ],
      legalAfter: {
        seat: 0,
        actions: [
          { type: 'drawDeck', payload: {} },
          { type: 'takeDiscard', payload: {} },
          { type: 'flip', payload: { slot: 1 } },
          { type: 'flip', payload: { slot: 2 } },
          { type: 'flip', payload: { slot: 3 } },
          { type: 'flip', payload: { slot: 4 } },
          { type: 'flip', payload: { slot: 5 } },
        ],
      },
    },
    // Holding a card, a flip is neither owed nor allowed.
    { seat: 0, type: 'drawDeck' },
    { seat: 0, type: 'flip', payload: { slot: 1 }, rejects: 'FLIP_NOT_ALLOWED' },
  ],
} satisfies Scenario;
